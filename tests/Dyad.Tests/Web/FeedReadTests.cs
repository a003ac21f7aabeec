using System.Text.Json;
using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Ingest.Feeds;

namespace Dyad.Tests.Web;

public sealed class FeedReadTests : IDisposable
{
    private readonly LocalWebServer _server = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("dyad-feed-").FullName;

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private const string FullText =
        "The foreign ministers of Iran and Saudi Arabia met in Beijing on Thursday, the first formal meeting of the two countries' top diplomats in more than seven years. " +
        "They agreed to reopen embassies within two months.";

    private const string PageText =
        "Saudi Arabia's foreign minister arrived in Tehran on Saturday for talks with his Iranian counterpart, the first visit by a Saudi foreign minister since 2006.";

    private string Rss(string pageUrl) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Gulf Ledger: Diplomacy</title><link>https://gulfledger.example.com/</link>
        <item><title>Ministers meet in Beijing</title><link>https://gulfledger.example.com/2023/04/06/beijing</link>
        <pubDate>Thu, 06 Apr 2023 10:15:00 GMT</pubDate><dc:creator>Leila Moradi</dc:creator>
        <description>Short teaser.</description>
        <content:encoded><![CDATA[<p>{FullText}</p><div class="share">Share</div>]]></content:encoded></item>
        <item><title>Saudi minister in Tehran</title><link>{pageUrl}</link><pubDate>Sat, 17 Jun 2023 08:00:00 +0000</pubDate>
        <description><![CDATA[<p>Prince Faisal is in Tehran.</p>]]></description></item>
        </channel></rss>
        """;

    [Fact]
    public void Each_rss_item_is_a_document_and_a_summary_only_item_is_read_from_its_page()
    {
        string pageUrl = _server.Url("/2023/06/17/faisal");
        _server.Add("/2023/06/17/faisal", "text/html", $"<html lang=\"en\"><body><nav class=\"menu\"><a href=\"/\">Home</a></nav><article><p>{PageText}</p></article><footer>Contact</footer></body></html>");
        _server.Add("/feed.xml", "application/rss+xml", Rss(pageUrl));
        string feedUrl = _server.Url("/feed.xml");

        var result = CliRunner.Run("read", feedUrl, "--allow-private", "--format", "jsonl");
        Assert.Equal("", result.Error);
        var records = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            [
                $"{feedUrl}#1|feed-item|Ministers meet in Beijing|Leila Moradi|Gulf Ledger: Diplomacy|2023-04-06|https://gulfledger.example.com/2023/04/06/beijing|{FullText}",
                $"{feedUrl}#2|feed-item|Saudi minister in Tehran||Gulf Ledger: Diplomacy|2023-06-17|{pageUrl}|{PageText}",
            ],
            records.Select(r => string.Join('|', r.GetProperty("doc").GetString(), r.GetProperty("format").GetString(), r.GetProperty("title").GetString(),
                string.Join(';', r.GetProperty("authors").EnumerateArray().Select(a => a.GetString())), r.GetProperty("publisher").GetString(),
                r.GetProperty("published").GetString(), Url(r), r.GetProperty("text").GetString())));
    }

    [Fact]
    public void Ingest_stores_each_feed_item_and_a_page_by_url_and_a_second_run_adds_nothing()
    {
        string pageUrl = _server.Url("/2023/06/17/faisal");
        _server.Add("/2023/06/17/faisal", "text/html", $"<html lang=\"en\"><body><article><p>{PageText}</p></article></body></html>");
        _server.Add("/feed.xml", "application/rss+xml", Rss(pageUrl));
        _server.Add("/missing-page", new LocalWebServer.Route(404, "text/plain", []));
        string feedUrl = _server.Url("/feed.xml");
        using var db = Dyad.Tests.Store.TestDatabase.Sqlite();

        var first = CliRunner.Run(["ingest", feedUrl, pageUrl, _server.Url("/missing-page"), "--allow-private", "--jobs", "1", .. db.CliOptions]);
        var second = CliRunner.Run(["ingest", feedUrl, "--allow-private", .. db.CliOptions]);

        // The feed gives two documents; the page is the feed's second item again (same text), so it is stored once
        // (one job, so that the feed is read first).
        Assert.Equal((1, $"dyad: {_server.Url("/missing-page")}: HTTP 404 Not Found\n"), (first.ExitCode, first.Error));
        Assert.StartsWith("ingested 3 files: 2 added, 0 new versions, 1 unchanged, 1 failed;", first.Output, StringComparison.Ordinal);
        Assert.StartsWith("ingested 1 file: 0 added, 0 new versions, 2 unchanged, 0 failed; 0 events", second.Output, StringComparison.Ordinal);
        using var store = db.Open(readOnly: true);
        Assert.Equal([$"{feedUrl}#1", $"{feedUrl}#2"], store.Documents().Select(d => d.Name));
        Assert.Contains(store.Events(Dyad.Store.EventQuery.All), e => e.Doc == $"{feedUrl}#1" && e.Cameo == "040");
    }

    [Fact]
    public void Extract_codes_each_feed_item_by_url()
    {
        string pageUrl = _server.Url("/2023/06/17/faisal");
        _server.Add("/2023/06/17/faisal", "text/html", $"<html lang=\"en\"><body><article><p>{PageText}</p></article></body></html>");
        _server.Add("/feed.xml", "application/rss+xml", Rss(pageUrl));
        string feedUrl = _server.Url("/feed.xml");
        var result = CliRunner.Run("extract", feedUrl, "--allow-private", "--format", "jsonl");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var events = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => $"{e.GetProperty("doc").GetString()} {e.GetProperty("event").GetProperty("cameo").GetString()} {e.GetProperty("date").GetProperty("value").GetString()}")
            .ToList();
        Assert.Contains($"{feedUrl}#1 040 2023-04-06", events);
        Assert.Contains($"{feedUrl}#2 042 2023-06-17", events);
    }

    [Fact]
    public void Ingest_refuses_a_url_without_allow_private_and_a_queued_url()
    {
        using var db = Dyad.Tests.Store.TestDatabase.Sqlite();
        string url = _server.Url("/feed.xml");
        var refused = CliRunner.Run(["ingest", url, .. db.CliOptions]);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith($"dyad: {url}: ", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-private", refused.Error, StringComparison.Ordinal);
        var queued = CliRunner.Run("ingest", url, "--queue", "--pg", "Host=127.0.0.1;Database=none");
        Assert.Equal((1, $"dyad: {url}: URLs and feeds are ingested directly, not through the queue\n"), (queued.ExitCode, queued.Error));
    }

    // The document record has no url field; the feed item's link is kept in the metadata.
    private string Url(JsonElement record)
    {
        string doc = record.GetProperty("doc").GetString()!;
        var read = new SourceReader(DocumentLoader.Default, new Dyad.Ingest.Web.WebFetcher(new() { AllowPrivate = true }))
            .ReadAsync(doc[..doc.IndexOf('#')]).ToBlockingEnumerable().Single(r => r.Source == doc);
        return read.Document!.Metadata.Url!;
    }

    [Fact]
    public void An_atom_file_gives_one_document_per_entry()
    {
        string path = Path.Combine(_dir, "statements.atom");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry statements</title>
            <entry><title>Statement on the Beijing talks</title><link rel="alternate" href="https://mfa.example.org/s/1"/>
            <published>2023-03-10T18:00:00Z</published><author><name>Press Office</name></author>
            <content type="html">&lt;p&gt;{FullText}&lt;/p&gt;</content></entry>
            <entry><title>Plain text entry</title><updated>2023-03-11T08:00:00Z</updated>
            <content type="text">The ministry welcomed the agreement &amp; called it a step toward stability in the region.</content></entry>
            </feed>
            """);
        var results = new SourceReader(DocumentLoader.Default).ReadAsync(path).ToBlockingEnumerable().ToList();
        Assert.Equal(
            [
                $"{path}#1 FeedItem Statement on the Beijing talks 2023-03-10 https://mfa.example.org/s/1 | {FullText}",
                $"{path}#2 FeedItem Plain text entry 2023-03-11 - | The ministry welcomed the agreement & called it a step toward stability in the region.",
            ],
            results.Select(r => $"{r.Source} {r.Document!.Format} {r.Document.Metadata.Title} {r.Document.Metadata.Published:yyyy-MM-dd} {r.Document.Metadata.Url ?? "-"} | {r.Document.Text}"));
    }

    // Each case: a feed's text and the error the parser reports.
    [Theory]
    [InlineData("<rss><channel><item><title>cut off", "is not a well-formed feed (XML error at line 1, position 35)")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"boom\">]><rss/>", "declares a DTD, which is refused in feeds")]
    [InlineData("<html><body>not a feed</body></html>", "is XML but not a feed (root <html>)")]
    public void A_malformed_feed_is_a_clear_error(string xml, string error) =>
        Assert.Equal(error, FeedReader.Parse(xml).Error);

    [Fact]
    public void A_feed_without_items_is_reported()
    {
        string path = Path.Combine(_dir, "empty.rss");
        File.WriteAllText(path, "<rss version=\"2.0\"><channel><title>Nothing yet</title></channel></rss>");
        var result = new SourceReader(DocumentLoader.Default).ReadAsync(path).ToBlockingEnumerable().Single();
        Assert.Equal($"{path}: feed holds no items", result.ToString());
    }
}
