using System.Net;
using System.Text.Json;
using Dyad.Cli.Web;
using Dyad.Tests.Store;

namespace Dyad.Tests.Web;

/// <summary>`dyad serve`: the pages and the JSON lines of a store holding the sample corpus, over real HTTP on 127.0.0.1.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly TestDatabase _db = TestDatabase.Sqlite();
    private readonly HttpClient _http = new();
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private string _base = "";

    public async Task InitializeAsync()
    {
        string notes = Path.Combine(_db.Folder, "notes.txt");
        File.WriteAllText(notes, "Notes on <script>alert(1)</script> tags\n\nIran and Saudi Arabia signed a trade agreement on May 2, 2023 & more.\n");
        var ingest = CliRunner.Run(["ingest", TestPaths.Samples(), notes, .. _db.CliOptions]);
        Assert.Equal(0, ingest.ExitCode);
        _base = $"http://127.0.0.1:{LocalWebServer.FreePort()}";
        _app = DyadWeb.Build(_db.Location, [_base]);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private async Task<(HttpStatusCode Status, string Type, string Body)> Get(string path)
    {
        using var response = await _http.GetAsync(_base + path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_overview_ranks_the_dyads_and_links_their_brief_and_timeline()
    {
        var (status, type, body) = await Get("/");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (status, type));
        Assert.Contains("<a href=\"/dyad?a=IRN&amp;b=SAU\">Iran–Saudi Arabia</a> <span class=\"codes\">IRN–SAU</span>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/timeline?a=IRN&amp;b=SAU\">timeline</a>", body, StringComparison.Ordinal);
        // IRN-SAU is the corpus's main dyad: the first row of the table
        int first = body.IndexOf("<tr><td>", StringComparison.Ordinal);
        Assert.StartsWith("<tr><td><a href=\"/dyad?a=IRN&amp;b=SAU\">", body[first..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dyad_is_its_brief_and_its_timeline_links_each_event_to_its_document()
    {
        var (status, _, brief) = await Get("/dyad?a=irn&b=sau");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Iran–Saudi Arabia relations</h1>", brief, StringComparison.Ordinal);
        var (_, _, timeline) = await Get("/timeline?a=IRN&b=SAU&from=2023&to=2023-06");
        Assert.Contains("<h1>Timeline Iran–Saudi Arabia (IRN-SAU)</h1>", timeline, StringComparison.Ordinal);
        Assert.Contains("2023-04-06", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("2023-08-17", timeline, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/documents/\\d+#s\\d+\">document</a>", timeline);
    }

    [Fact]
    public async Task A_document_shows_its_text_escaped_with_its_events_marked()
    {
        var (_, _, json) = await Get("/api/events?dyad=IRN-SAU&from=2023-05-02&to=2023-05-02");
        var record = JsonDocument.Parse(json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal(("057", "notes.txt"), (record.GetProperty("event").GetProperty("cameo").GetString(), record.GetProperty("doc").GetString()));
        long id = record.GetProperty("doc_id").GetInt64();
        var (status, _, page) = await Get($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Notes on &lt;script&gt;alert(1)&lt;/script&gt; tags", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Matches("<mark id=\"s\\d+\" title=\"Iran \\(IRN\\) → Saudi Arabia \\(SAU\\): 057 Sign formal agreement, asserted, 2023-05-02\">Iran and Saudi Arabia signed a trade agreement on May 2, 2023 &amp; more.</mark>", page);
    }

    [Fact]
    public async Task Events_come_as_json_lines_with_their_filters()
    {
        var (status, type, body) = await Get("/api/events?dyad=IRN-SAU&modality=intended&limit=3");
        Assert.Equal((HttpStatusCode.OK, "application/x-ndjson"), (status, type));
        var records = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal("intended", r.GetProperty("modality").GetString()));
        // full-text search over the evidence sentences
        var (_, _, found) = await Get("/api/events?q=pilgrims");
        var sentences = found.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("evidence").GetProperty("sentence").GetString()).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.Contains("pilgrims", s, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/dyad?a=IRN", HttpStatusCode.BadRequest, "Two actors are needed")]
    [InlineData("/dyad?a=IRN&b=IRN", HttpStatusCode.BadRequest, "a dyad needs two different actors, got IRN twice")]
    [InlineData("/timeline?a=IRN&b=SAU&from=March", HttpStatusCode.BadRequest, "&#39;March&#39; is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")]
    [InlineData("/documents/99999", HttpStatusCode.NotFound, "The store holds no document 99999.")]
    [InlineData("/api/events?dyad=IRN", HttpStatusCode.BadRequest, "")]
    [InlineData("/api/events?limit=0", HttpStatusCode.BadRequest, "limit must be between 1 and 10000")]
    public async Task Bad_requests_get_a_status_and_a_reason(string path, HttpStatusCode expected, string reason)
    {
        var (status, _, body) = await Get(path);
        Assert.Equal(expected, status);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_answers_until_sigterm_and_then_exits_cleanly()
    {
        string url = $"http://127.0.0.1:{LocalWebServer.FreePort()}";
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "dyad.dll"), "serve", "--urls", url, .. _db.CliOptions]) start.ArgumentList.Add(arg);
        using var child = System.Diagnostics.Process.Start(start)!;
        try
        {
            string first = await child.StandardOutput.ReadLineAsync() ?? "";
            Assert.StartsWith($"Dyad at {url}/ reading ", first, StringComparison.Ordinal);
            using (var response = await _http.GetAsync(url + "/")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await child.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, child.ExitCode);
        }
        finally
        {
            if (!child.HasExited) child.Kill();
        }
    }

    [Fact]
    public void Serve_listens_on_loopback_only()
    {
        var result = CliRunner.Run(["serve", "--urls", "http://0.0.0.0:5080", .. _db.CliOptions]);
        Assert.Equal((2, "dyad: --urls: http://0.0.0.0:5080 is not a loopback address; the store is served on this machine only (127.0.0.1, [::1] or localhost)\n"),
            (result.ExitCode, result.Error));
    }

    [Theory]
    [InlineData("attacker.example")] // a name rebound to 127.0.0.1 by a hostile page
    [InlineData("127.0.0.1.attacker.example")]
    [InlineData("192.168.1.10")]
    public async Task Issue18_a_request_for_another_host_name_is_refused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _base + "/api/events");
        request.Headers.Host = host;
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.Equal("this server answers requests for localhost and loopback addresses only\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("LOCALHOST")]
    public async Task Issue18_loopback_host_names_are_answered_with_the_security_headers(string host)
    {
        foreach (var path in new[] { "/", "/api/events?limit=1", "/documents/999999" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _base + path);
            request.Headers.Host = host + ":" + new Uri(_base).Port;
            using var response = await _http.SendAsync(request);
            Assert.NotEqual(HttpStatusCode.MisdirectedRequest, response.StatusCode);
            Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'",
                string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Theory]
    [InlineData("https://127.0.0.1:5080", "https://127.0.0.1:5080: https needs a server certificate, which is not set up here; use http:// on a loopback address")]
    [InlineData("http://127.0.0.1:5080/dyad", "http://127.0.0.1:5080/dyad has more than a scheme, host and port (e.g. http://127.0.0.1:5080)")]
    [InlineData("http://[::ffff:127.0.0.1]:5080", "http://[::ffff:127.0.0.1]:5080 is an IPv4 address written as IPv6, which cannot be listened on; use 127.0.0.1 or [::1]")]
    public void Issue18_an_address_serve_cannot_listen_on_is_refused_in_one_line(string url, string message)
    {
        var result = CliRunner.Run(["serve", "--urls", url, .. _db.CliOptions]);
        Assert.Equal((2, $"dyad: --urls: {message}\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public void Issue18_a_port_in_use_is_reported_in_one_line()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var result = CliRunner.Run(["serve", "--urls", $"http://127.0.0.1:{port}", .. _db.CliOptions]);
            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith($"dyad: cannot listen on http://127.0.0.1:{port}/: ", result.Error, StringComparison.Ordinal);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Issue18_port_0_is_reported_as_the_port_the_system_chose()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "dyad.dll"), "serve", "--urls", "http://127.0.0.1:0", .. _db.CliOptions]) start.ArgumentList.Add(arg);
        using var child = System.Diagnostics.Process.Start(start)!;
        try
        {
            string first = await child.StandardOutput.ReadLineAsync() ?? "";
            var match = System.Text.RegularExpressions.Regex.Match(first, @"^Dyad at (http://127\.0\.0\.1:(\d+))/ reading ");
            Assert.True(match.Success, first);
            Assert.NotEqual("0", match.Groups[2].Value);
            using var response = await _http.GetAsync(match.Groups[1].Value + "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            child.Kill();
            await child.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("/api/events?modality=bogus", "modality must be one of asserted, alleged, denied, intended, hypothetical, negated\n")]
    [InlineData("/api/events?code=_", "code must be 2 to 4 digits of a CAMEO code\n")]
    [InlineData("/api/events?code=%25", "code must be 2 to 4 digits of a CAMEO code\n")]
    [InlineData("/api/events?limit=10001", "limit must be between 1 and 10000; page with offset\n")]
    [InlineData("/api/events?limit=-1", "limit must be between 1 and 10000; page with offset\n")]
    [InlineData("/api/events?offset=-5", "offset must be 0 or more\n")]
    public async Task Issue18_bad_api_parameters_get_400_with_the_reason(string path, string reason)
    {
        var (status, _, body) = await Get(path);
        Assert.Equal((HttpStatusCode.BadRequest, reason), (status, body));
    }

    [Fact]
    public async Task Issue18_api_events_page_with_offset()
    {
        var (_, _, two) = await Get("/api/events?limit=2");
        var (_, _, second) = await Get("/api/events?limit=1&offset=1");
        Assert.Equal(two.Split('\n')[1] + "\n", second);
    }

    [Fact]
    public async Task Issue18_the_overview_counts_imported_gdelt_events_in_its_total()
    {
        var seed = StoreSamples.Seed();
        string file = Path.Combine(_db.Folder, "gdelt.tsv");
        File.WriteAllText(file, Dyad.Store.GdeltFormat.Format(1, StoreSamples.SeedEvents(seed)[0], DateTimeOffset.UnixEpoch)! + "\n");
        Assert.Equal(0, CliRunner.Run(["import-gdelt", file, .. _db.CliOptions]).ExitCode);
        int own;
        using (var store = _db.Open(readOnly: true)) own = store.Counts().Events;
        var (_, _, body) = await Get("/");
        Assert.Contains($" {own + 1} events (1 imported from GDELT)", body, StringComparison.Ordinal);
    }
}
