using System.Net;
using System.Text.Json;
using Dyad.Ingest.Web;

namespace Dyad.Tests.Web;

public sealed class UrlReadTests : IDisposable
{
    private readonly LocalWebServer _server = new();

    public void Dispose() => _server.Dispose();

    private static string Page(string paragraph) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><title>Talks in Muscat</title></head><body><nav class=\"menu\"><a href=\"/\">Home</a></nav><article><h1>Talks in Muscat</h1><p>{paragraph}</p></article></body></html>";

    private const string Paragraph = "Envoys from the two governments met in Muscat on Sunday for a third round of talks on prisoner exchanges, officials said.";

    [Fact]
    public void A_page_on_the_local_server_is_read_with_allow_private()
    {
        _server.Add("/news/muscat", "text/html; charset=utf-8", Page(Paragraph));
        string url = _server.Url("/news/muscat");
        var result = CliRunner.Run("read", url, "--allow-private", "--format", "jsonl");
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        using var record = JsonDocument.Parse(result.Output);
        var root = record.RootElement;
        Assert.Equal(url, root.GetProperty("doc").GetString());
        Assert.Equal("html", root.GetProperty("format").GetString());
        Assert.Equal("Talks in Muscat", root.GetProperty("title").GetString());
        Assert.Equal(Paragraph, root.GetProperty("text").GetString());
    }

    [Fact]
    public void Without_allow_private_the_loopback_address_is_refused()
    {
        _server.Add("/news/muscat", "text/html", Page(Paragraph));
        string url = _server.Url("/news/muscat");
        var result = CliRunner.Run("read", url);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {url}: refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address (use --allow-private to read it)\n", result.Error);
    }

    [Fact]
    public void A_name_that_resolves_to_loopback_is_refused_too()
    {
        // "localhost" is a name, not a literal: the check is on what it resolves to.
        string url = $"http://localhost:{_server.Port}/";
        var result = CliRunner.Run("read", url);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^dyad: http://localhost:\d+/: refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address \(use --allow-private to read it\)\n$", result.Error);
    }

    [Fact]
    public void Redirects_are_followed_up_to_five()
    {
        _server.Add("/final", "text/html", Page(Paragraph));
        for (int i = 1; i <= 6; i++) _server.Redirect($"/r{i}", i == 1 ? "/final" : $"/r{i - 1}");
        var five = CliRunner.Run("read", _server.Url("/r5"), "--allow-private", "--format", "jsonl");
        Assert.Equal(0, five.ExitCode);
        Assert.Contains(Paragraph, five.Output, StringComparison.Ordinal);
        var six = CliRunner.Run("read", _server.Url("/r6"), "--allow-private");
        Assert.Equal(1, six.ExitCode);
        Assert.Equal($"dyad: {_server.Url("/r6")}: more than 5 redirects\n", six.Error);
    }

    [Fact]
    public void A_redirect_to_another_scheme_is_refused()
    {
        _server.Redirect("/to-ftp", "ftp://example.org/file.txt");
        var result = CliRunner.Run("read", _server.Url("/to-ftp"), "--allow-private");
        Assert.Equal($"dyad: {_server.Url("/to-ftp")}: only http and https URLs are read, not ftp\n", result.Error);
    }

    [Fact]
    public void A_response_over_the_size_limit_is_refused()
    {
        _server.Add("/big", "text/html", Page(new string('x', 300_000)));
        var result = CliRunner.Run("read", _server.Url("/big"), "--allow-private", "--max-mb", "0.1");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {_server.Url("/big")}: response is 0.3 MB, larger than the 0.1 MB limit\n", result.Error);
    }

    [Fact]
    public void A_slow_server_times_out()
    {
        _server.Add("/slow", "text/html", Page(Paragraph), delay: TimeSpan.FromSeconds(5));
        var result = CliRunner.Run("read", _server.Url("/slow"), "--allow-private", "--timeout", "0.3");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {_server.Url("/slow")}: no answer within 0.3 s\n", result.Error);
    }

    [Fact]
    public void An_http_error_is_reported()
    {
        var result = CliRunner.Run("read", _server.Url("/missing"), "--allow-private");
        Assert.Equal($"dyad: {_server.Url("/missing")}: HTTP 404 Not Found\n", result.Error);
    }

    [Fact]
    public void Other_schemes_are_refused()
    {
        var result = CliRunner.Run("read", "ftp://example.org/brief.txt");
        Assert.Equal("dyad: ftp://example.org/brief.txt: only http and https URLs are read, not ftp\n", result.Error);
    }

    // Each case: an address and how the policy describes it.
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.20.0.1", "private")]
    [InlineData("172.32.0.1", "public")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")] // cloud metadata endpoints live here
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("8.8.8.8", "public")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "private")]
    [InlineData("::ffff:10.0.0.1", "private")] // IPv4-mapped
    [InlineData("64:ff9b::7f00:1", "loopback")] // NAT64 around 127.0.0.1
    [InlineData("2606:4700::1111", "public")]
    public void Address_policy(string address, string kind) =>
        Assert.Equal(kind, AddressPolicy.Describe(IPAddress.Parse(address)));
}
