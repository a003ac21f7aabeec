using System.Runtime.CompilerServices;
using System.Text;
using Dyad.Documents;
using Dyad.Ingest.Feeds;
using Dyad.Ingest.Html;
using Dyad.Ingest.Web;

namespace Dyad.Ingest;

/// <summary>
/// Reads what a user names — a file or an http(s) URL — into documents: one for a text, Markdown,
/// HTML or PDF source, one per item for an RSS or Atom feed (fetching an item's page when the feed
/// gives only a summary). URLs are fetched only when a <see cref="WebFetcher"/> is given.
/// </summary>
public sealed class SourceReader(DocumentLoader loader, WebFetcher? web = null)
{
    /// <summary>An item whose feed text has fewer words than this is a summary: its linked page is read instead.</summary>
    public const int SummaryWords = 150;

    /// <summary>Whether <paramref name="source"/> is an http(s) URL or a feed file (.rss, .atom): sources that may yield several documents.</summary>
    public static bool IsUrlOrFeed(string source) =>
        WebFetcher.IsWebUrl(source) || Path.GetExtension(source).ToLowerInvariant() is ".rss" or ".atom";

    public async IAsyncEnumerable<ReadResult> ReadAsync(string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            if (web is null)
            {
                yield return ReadResult.Failure(source, "URLs are not read here");
                yield break;
            }
            var fetched = await web.FetchAsync(uri, cancellationToken).ConfigureAwait(false);
            if (fetched.Body is null)
            {
                yield return ReadResult.Failure(source, fetched.Error!);
                yield break;
            }
            if (IsFeed(fetched.MediaType, fetched.Body))
            {
                await foreach (var item in ReadFeedAsync(source, fetched.Body, cancellationToken).ConfigureAwait(false)) yield return item;
                yield break;
            }
            yield return ReadFetched(source, fetched);
            yield break;
        }
        if (uri is not null && uri.Scheme is not "file" && source.Contains("://", StringComparison.Ordinal))
        {
            yield return ReadResult.Failure(source, $"only http and https URLs are read, not {uri.Scheme}");
            yield break;
        }
        if (LooksLikeFeedFile(source) is { } bytes)
        {
            await foreach (var item in ReadFeedAsync(source, bytes, cancellationToken).ConfigureAwait(false)) yield return item;
            yield break;
        }
        yield return loader.ReadFile(source, cancellationToken);
    }

    private ReadResult ReadFetched(string source, FetchResult fetched)
    {
        string name = source;
        bool html = fetched.MediaType is "text/html" or "application/xhtml+xml";
        var result = html ? loader.ReadHtml(name, fetched.Body!, source, fetched.Url) : loader.Read(name, fetched.Body!, source);
        if (result.Document is { } document && document.Metadata.Url is null)
        {
            return ReadResult.Success(source, document with { Metadata = document.Metadata with { Url = fetched.Url.AbsoluteUri } });
        }
        return result;
    }

    private static bool IsFeed(string? mediaType, byte[] body)
    {
        if (mediaType is not null && (mediaType.Contains("rss", StringComparison.Ordinal) || mediaType.Contains("atom", StringComparison.Ordinal))) return true;
        if (mediaType is not null && mediaType.StartsWith("text/html", StringComparison.Ordinal)) return false;
        string head = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 1024));
        return FeedReader.LooksLikeFeed(head);
    }

    /// <summary>The file's bytes when it is a feed (.rss/.atom, or XML whose root is a feed), else null.</summary>
    private byte[]? LooksLikeFeedFile(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".rss" or ".atom" or ".xml")) return null;
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > loader.MaxBytes) return null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return extension is ".rss" or ".atom" || FeedReader.LooksLikeFeed(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024))) ? bytes : null;
    }

    private async IAsyncEnumerable<ReadResult> ReadFeedAsync(string source, byte[] bytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            yield return ReadResult.Failure(source, decoded.Error!);
            yield break;
        }
        var feed = FeedReader.Parse(decoded.Text);
        if (feed.Error is not null)
        {
            yield return ReadResult.Failure(source, feed.Error);
            yield break;
        }
        if (feed.Items.IsEmpty)
        {
            yield return ReadResult.Failure(source, "feed holds no items");
            yield break;
        }
        for (int n = 0; n < feed.Items.Length; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return await ReadItemAsync($"{source}#{n + 1}", feed.Title, feed.Items[n], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ReadResult> ReadItemAsync(string name, string? feedTitle, FeedItem item, CancellationToken cancellationToken)
    {
        Document? document = null;
        string? fetchError = null;
        string? text = item.Content ?? item.Summary;
        bool summaryOnly = item.Content is null && WordCount(item.Summary) < SummaryWords;
        if (summaryOnly && web is not null && item.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var linkUri) && linkUri.Scheme is "http" or "https")
        {
            var fetched = await web.FetchAsync(linkUri, cancellationToken).ConfigureAwait(false);
            if (fetched.Body is null) fetchError = fetched.Error;
            else document = loader.ReadHtml(name, fetched.Body, name, fetched.Url).Document;
        }
        if (document is null && text is not null && HtmlReader.NestingEstimate(text) > HtmlReader.MaxNesting)
        {
            return ReadResult.Failure(name, $"feed item is nested more than {HtmlReader.MaxNesting} elements deep; refused");
        }
        if (document is null && text is not null)
        {
            document = HtmlReader.Read(name, "<html><body>" + text + "</body></html>", Uri.TryCreate(item.Link, UriKind.Absolute, out var b) ? b : null, cancellationToken);
        }
        if (document is null || document.Text.Length == 0)
        {
            return ReadResult.Failure(name, fetchError is null ? "feed item holds no text" : $"feed item holds no text and its page {fetchError}");
        }
        var page = document.Metadata;
        var metadata = new DocumentMetadata(
            item.Title ?? page.Title,
            item.Author is { } author ? [author] : page.Authors,
            feedTitle ?? page.Publisher,
            item.Published ?? page.Published,
            page.Language,
            item.Link ?? page.Url);
        return ReadResult.Success(name, document with { Name = name, Format = DocumentFormat.FeedItem, Metadata = metadata });
    }

    private static int WordCount(string? html)
    {
        if (html is null) return 0;
        int words = 0;
        bool inTag = false, inWord = false;
        foreach (char c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag && char.IsLetterOrDigit(c))
            {
                if (!inWord) words++;
                inWord = true;
                continue;
            }
            inWord = false;
        }
        return words;
    }
}
