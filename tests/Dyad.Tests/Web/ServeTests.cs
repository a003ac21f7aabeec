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
    [InlineData("/api/events?limit=0", HttpStatusCode.BadRequest, "limit must be at least 1")]
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
}
