using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Dyad.Documents;
using Dyad.Ingest.Html;

namespace Dyad.Ingest.Feeds;

/// <summary>One entry of a feed as written: its title, link, date, author and HTML body or summary.</summary>
public sealed record FeedItem(string? Title, string? Link, DateOnly? Published, string? Author, string? Content, string? Summary);

/// <summary>
/// Parses RSS 2.0, RSS 1.0 (RDF) and Atom feeds with a hardened XML reader (no DTDs, no external
/// entities, a size limit) into <see cref="FeedItem"/>s. Malformed feeds are reported, not thrown.
/// </summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";

    public sealed record Parsed(string? Title, ImmutableArray<FeedItem> Items, string? Error);

    /// <summary>Whether the text looks like a feed: an &lt;rss&gt;, &lt;feed&gt; or &lt;rdf:RDF&gt; root near the start.</summary>
    public static bool LooksLikeFeed(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 1024));
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<rdf:RDF", StringComparison.Ordinal) ||
               (head.Contains("<feed", StringComparison.Ordinal) && head.Contains("Atom", StringComparison.OrdinalIgnoreCase));
    }

    public static Parsed Parse(string xml, int maxItems = 500)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                MaxCharactersInDocument = 64L * 1024 * 1024,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            string where = $"line {ex.LineNumber}, position {ex.LinePosition}";
            return new Parsed(null, [], ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? "declares a DTD, which is refused in feeds"
                : $"is not a well-formed feed (XML error at {where})");
        }
        var root = document.Root!;
        var items = ImmutableArray.CreateBuilder<FeedItem>();
        string? title;
        if (root.Name == Atom + "feed")
        {
            title = Text(root.Element(Atom + "title"));
            foreach (var entry in root.Elements(Atom + "entry").Take(maxItems)) items.Add(AtomEntry(entry));
        }
        else if (root.Name.LocalName == "rss")
        {
            var channel = root.Element("channel");
            title = Text(channel?.Element("title"));
            foreach (var item in (channel?.Elements("item") ?? []).Take(maxItems)) items.Add(RssItem(item, ""));
        }
        else if (root.Name.LocalName == "RDF")
        {
            title = Text(root.Element(Rss1 + "channel")?.Element(Rss1 + "title"));
            foreach (var item in root.Elements(Rss1 + "item").Take(maxItems)) items.Add(RssItem(item, Rss1.NamespaceName));
        }
        else
        {
            return new Parsed(null, [], $"is XML but not a feed (root <{root.Name.LocalName}>)");
        }
        return new Parsed(title, items.ToImmutable(), null);
    }

    private static FeedItem AtomEntry(XElement entry)
    {
        var links = entry.Elements(Atom + "link").ToList();
        string? link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        return new FeedItem(
            Text(entry.Element(Atom + "title")),
            link?.Trim(),
            HtmlMetadata.ParseDate(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))),
            Text(entry.Element(Atom + "author")?.Element(Atom + "name")),
            Markup(entry.Element(Atom + "content")),
            Markup(entry.Element(Atom + "summary")));
    }

    private static FeedItem RssItem(XElement item, XNamespace ns)
    {
        string? date = Text(item.Element(ns + "pubDate")) ?? Text(item.Element(Dc + "date"));
        return new FeedItem(
            Text(item.Element(ns + "title")),
            Text(item.Element(ns + "link")) ?? PermalinkGuid(item),
            ParseFeedDate(date),
            Text(item.Element(Dc + "creator")) ?? Text(item.Element(ns + "author")),
            Text(item.Element(Content + "encoded")),
            Text(item.Element(ns + "description")));
    }

    private static string? PermalinkGuid(XElement item)
    {
        var guid = item.Element("guid");
        if (guid is null || (string?)guid.Attribute("isPermaLink") == "false") return null;
        return WebUrl(guid.Value.Trim());
    }

    private static string? WebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    /// <summary>An RFC 822 date ("Fri, 10 Mar 2023 09:00:00 GMT"), an ISO date, or a written one.</summary>
    private static DateOnly? ParseFeedDate(string? value)
    {
        if (value is null) return null;
        if (HtmlMetadata.ParseDate(value) is { } parsed) return parsed;
        return DateText.FindAll(value).Select(f => (DateOnly?)f.Date).FirstOrDefault();
    }

    /// <summary>Atom content as HTML: escaped html as is, xhtml's markup serialised, text escaped.</summary>
    private static string? Markup(XElement? element)
    {
        if (element is null) return null;
        string type = (string?)element.Attribute("type") ?? "text";
        if (type == "xhtml") return string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
        string? text = Text(element);
        if (text is null) return null;
        return type == "html" ? text : "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>";
    }

    private static string? Text(XElement? element)
    {
        string? value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
