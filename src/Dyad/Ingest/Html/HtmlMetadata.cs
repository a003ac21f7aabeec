using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dyad.Documents;

namespace Dyad.Ingest.Html;

/// <summary>
/// What a web page says about itself: JSON-LD (NewsArticle and kin), Open Graph and article:*
/// meta tags, plain meta tags, &lt;time datetime&gt;, the byline, &lt;html lang&gt; and the canonical link.
/// The more structured a source, the more it is trusted.
/// </summary>
internal static partial class HtmlMetadata
{
    /// <summary>The JSON-LD article object's fields that matter here.</summary>
    internal sealed record LinkedData(string? Headline, ImmutableArray<string> Authors, DateOnly? Published, DateOnly? Created, string? Publisher, string? ArticleBody, string? Url);

    [GeneratedRegex(@"^\s*(?:by|written by|words by)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,|\band\b|&)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    /// <remarks>
    /// The title: the JSON-LD headline, the Open Graph or Twitter title, the heading the page's title
    /// claims match (<paramref name="headline"/>), the &lt;title&gt;, and only then the first &lt;h1&gt; (often
    /// the site's logo or a section name).
    /// </remarks>
    public static DocumentMetadata Extract(IDocument page, LinkedData? linked, IElement? headline)
    {
        string? title = linked?.Headline ?? Meta(page, "og:title") ?? Meta(page, "twitter:title")
            ?? (headline is null ? null : Clean(HtmlDom.Text(headline, 400))) ?? TitleElement(page) ?? FirstHeading(page);
        var authors = linked is { Authors.IsEmpty: false } ? linked.Authors : MetaAuthors(page);
        if (authors.IsEmpty) authors = BylineAuthors(page);
        DateOnly? published = PublishedDate(page, linked, headline, title);
        string? publisher = linked?.Publisher ?? Meta(page, "og:site_name") ?? Meta(page, "application-name");
        string? language = Language(page.DocumentElement?.GetAttribute("lang")) ?? Language(Meta(page, "og:locale")) ?? Language(Meta(page, "language"));
        string? url = Canonical(page) ?? Meta(page, "og:url") ?? linked?.Url;
        return new DocumentMetadata(Clean(title), authors, Clean(publisher), published, language, url);
    }

    /// <summary>
    /// The publication date, most trusted source first: the JSON-LD datePublished; a meta tag that names
    /// the publication (article:published_time, itemprop datePublished, pubdate, ...); a date in the
    /// path of the page's own URL (/2009/03/14/), set when the story was first published; a
    /// &lt;time pubdate&gt; or datePublished element; the JSON-LD dateCreated; a weaker meta tag ("date",
    /// which some sites fill with the time the page was served); the dateline by the headline; and
    /// last any date under a byline hint or in a short line near the top.
    /// </summary>
    private static DateOnly? PublishedDate(IDocument page, LinkedData? linked, IElement? headline, string? title)
    {
        var words = DateWords.Default;
        var metas = MetaContents(page);
        var chain = Headline.Chain(headline).ToHashSet();
        return linked?.Published
            ?? FirstMetaDate(metas, words.PublishedMeta)
            ?? UrlDate(Canonical(page)) ?? UrlDate(Meta(page, "og:url")) ?? UrlDate(linked?.Url)
            ?? TimeElement(page, chain)
            ?? linked?.Created
            ?? FirstMetaDate(metas, words.WeakMeta)
            ?? Dateline.Find(page, headline, TitleClaims(page, linked).Append(title ?? ""), words)
            ?? BylineDate(page, chain) ?? DatelineDate(page, chain);
    }

    /// <summary>Every meta tag's key (property, name or itemprop, lower case) and its first non-empty content.</summary>
    private static Dictionary<string, string> MetaContents(IDocument page)
    {
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meta in HtmlDom.ByTag(page, "meta"))
        {
            string? content = Clean(meta.GetAttribute("content"));
            if (content is null) continue;
            foreach (string attribute in new[] { "property", "name", "itemprop" })
            {
                if (meta.GetAttribute(attribute) is { } key) contents.TryAdd(key.Trim().ToLowerInvariant(), content);
            }
        }
        return contents;
    }

    private static DateOnly? FirstMetaDate(Dictionary<string, string> metas, IEnumerable<string> keys)
    {
        foreach (string key in keys)
        {
            if (metas.TryGetValue(key, out var content) && ParseDate(content) is { } date) return date;
        }
        return null;
    }

    /// <summary>
    /// A date in the path of a URL: "/2009/03/14/", "/2009/3/14-slug", "/2009-03-14/". A year and a
    /// month alone (a blog's archive path) is no date.
    /// </summary>
    public static DateOnly? UrlDate(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var match = UrlDatePattern().Match(uri.AbsolutePath);
        if (!match.Success) return null;
        int y = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        int m = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        int d = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})(?<sep>[/-])(?<m>[01]?\d)\k<sep>(?<d>[0-3]?\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDatePattern();

    /// <summary>
    /// What the page says its headline is, apart from its own headings: the JSON-LD headline, the Open
    /// Graph and Twitter titles and the &lt;title&gt;, those present.
    /// </summary>
    public static IEnumerable<string> TitleClaims(IDocument page, LinkedData? linked)
    {
        foreach (string? claim in new[] { linked?.Headline, Meta(page, "og:title"), Meta(page, "twitter:title"), Clean(page.Title) })
        {
            if (claim is not null) yield return claim;
        }
    }

    /// <summary>The first JSON-LD object of an article type (or the first with a headline), from any script on the page.</summary>
    public static LinkedData? ReadLinkedData(IDocument page)
    {
        foreach (var script in HtmlDom.ByTag(page, "script"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            string json = script.TextContent;
            if (json.Length > 2_000_000) continue;
            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(doc.RootElement, 0) is { } article) return FromArticle(article);
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is ignored like any other broken markup.
            }
        }
        return null;
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 6) return null;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } found) return found;
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object) return null;
        if (element.TryGetProperty("@graph", out var graph) && FindArticle(graph, depth + 1) is { } inGraph) return inGraph;
        string types = element.TryGetProperty("@type", out var type) ? type.ToString() : "";
        if (types.Contains("Article", StringComparison.Ordinal) || types.Contains("Report", StringComparison.Ordinal) ||
            types.Contains("BlogPosting", StringComparison.Ordinal) || types.Contains("Posting", StringComparison.Ordinal)) return element;
        if (element.TryGetProperty("mainEntity", out var main) && FindArticle(main, depth + 1) is { } entity) return entity;
        return null;
    }

    private static LinkedData FromArticle(JsonElement article)
    {
        var authors = ImmutableArray.CreateBuilder<string>();
        if (article.TryGetProperty("author", out var author)) AddNames(author, authors, 0);
        string? publisher = null;
        if (article.TryGetProperty("publisher", out var pub)) publisher = NameOf(pub);
        return new LinkedData(
            StringProperty(article, "headline") ?? StringProperty(article, "name"),
            authors.Distinct(StringComparer.Ordinal).ToImmutableArray(),
            ParseDate(StringProperty(article, "datePublished")),
            ParseDate(StringProperty(article, "dateCreated")),
            publisher,
            StringProperty(article, "articleBody"),
            StringProperty(article, "url"));
    }

    private static void AddNames(JsonElement value, ImmutableArray<string>.Builder names, int depth)
    {
        if (depth > 3) return;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) AddNames(item, names, depth + 1);
        }
        else if (NameOf(value) is { } name)
        {
            names.Add(name);
        }
    }

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Clean(value.GetString()),
        JsonValueKind.Object => StringProperty(value, "name"),
        _ => null,
    };

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Clean(value.GetString())
            : null;

    private static string? Meta(IDocument page, string key)
    {
        foreach (var meta in HtmlDom.ByTag(page, "meta"))
        {
            string? name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (name is not null && string.Equals(name.Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                string? content = Clean(meta.GetAttribute("content"));
                if (content is not null) return content;
            }
        }
        return null;
    }

    private static ImmutableArray<string> MetaAuthors(IDocument page)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var meta in HtmlDom.ByTag(page, "meta"))
        {
            string? key = meta.GetAttribute("name") ?? meta.GetAttribute("property");
            if (key is null || !(key.Equals("author", StringComparison.OrdinalIgnoreCase) || key.Equals("article:author", StringComparison.OrdinalIgnoreCase))) continue;
            string? content = Clean(meta.GetAttribute("content"));
            if (content is null || content.Contains("://", StringComparison.Ordinal)) continue;
            foreach (string name in SplitNames(content)) if (!names.Contains(name)) names.Add(name);
        }
        return names.ToImmutable();
    }

    private static ImmutableArray<string> BylineAuthors(IDocument page)
    {
        foreach (var element in HtmlDom.Descendants(page))
        {
            string rel = element.GetAttribute("rel") ?? "";
            string hints = (element.ClassName + " " + element.Id + " " + element.GetAttribute("itemprop")).ToLowerInvariant();
            bool isAuthorLink = rel.Contains("author", StringComparison.OrdinalIgnoreCase);
            bool isByline = hints.Contains("byline", StringComparison.Ordinal) || hints.Contains("author", StringComparison.Ordinal);
            if (!isAuthorLink && !isByline) continue;
            string text = HtmlDom.Text(element, 300);
            if (text.Length == 0 || text.Length > 200) continue;
            // Cut the byline at a date or a separator: "By Jane Roe | March 3, 2024".
            text = text.Split('|', '·', '•', '—')[0];
            if (DateText.FindAll(text).FirstOrDefault() is { Length: > 0 } date) text = text[..date.Start];
            text = ByPrefix().Replace(text, "").Trim().TrimEnd(',', '-', ' ');
            var names = SplitNames(text).Where(LooksLikeName).ToImmutableArray();
            if (!names.IsEmpty) return names;
        }
        return [];
    }

    private static IEnumerable<string> SplitNames(string text) =>
        NameSeparator().Split(ByPrefix().Replace(text, "")).Select(n => n.Trim()).Where(n => n.Length > 0);

    private static bool LooksLikeName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5 && words.All(w => char.IsUpper(w[0]) || w is "de" or "van" or "von" or "al" or "bin" or "der" or "la");
    }

    private static DateOnly? TimeElement(IDocument page, HashSet<IElement> headlineChain)
    {
        foreach (var time in HtmlDom.ByTag(page, "time"))
        {
            string? pubdate = time.GetAttribute("pubdate");
            string? itemprop = time.GetAttribute("itemprop");
            if (itemprop is not null && !itemprop.Contains("datePublished", StringComparison.OrdinalIgnoreCase) && pubdate is null) continue;
            // A sidebar's or a comment's own <time pubdate> is not the story's.
            if (Dateline.InFurniture(time, headlineChain)) continue;
            if (ParseDate(time.GetAttribute("datetime")) is { } date) return date;
            if (DateText.ParseWhole(HtmlDom.Text(time, 100)) is { } written) return written;
        }
        return null;
    }

    private static DateOnly? BylineDate(IDocument page, HashSet<IElement> headlineChain)
    {
        foreach (var element in HtmlDom.Descendants(page))
        {
            string hints = (element.ClassName + " " + element.Id).ToLowerInvariant();
            if (!DateWords.Default.IsHinted(hints)) continue;
            string text = HtmlDom.Text(element, 300);
            if (text.Length > 200) continue;
            if (DateText.FindAll(text).FirstOrDefault() is { Length: > 0 } found && !Dateline.InFurniture(element, headlineChain)) return found.Date;
        }
        return null;
    }

    /// <summary>
    /// The last resort: the first short line of the page that is not a sentence and holds a written date
    /// ("New Delhi, February 14, 2011 | Staff Reporter" on a page with no metadata).
    /// </summary>
    private static DateOnly? DatelineDate(IDocument page, HashSet<IElement> headlineChain)
    {
        if (page.Body is not { } body) return null;
        // A dateline stands near the top: the first few hundred elements are enough, and a page of
        // thousands of empty elements is not walked once per element.
        foreach (var element in HtmlDom.Descendants(body).Take(400))
        {
            if (element.LocalName is "a" or "script" or "style" or "option" or "li" || element.ChildElementCount > 3) continue;
            string text = HtmlDom.Text(element, 200);
            if (text.Length is 0 or > 120 || text.EndsWith('.')) continue;
            if (DateText.FindAll(text).FirstOrDefault() is { Length: > 0 } found && !Dateline.InFurniture(element, headlineChain)) return found.Date;
        }
        return null;
    }

    /// <summary>A date from an ISO timestamp ("2024-03-10T08:00:00Z") or a written date.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var iso = IsoDate().Match(value.Trim());
        if (iso.Success)
        {
            int y = int.Parse(iso.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
            int m = int.Parse(iso.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
            int d = int.Parse(iso.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            return m is >= 1 and <= 12 && d >= 1 && y >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)) return DateOnly.FromDateTime(parsed.Date);
        return DateText.ParseWhole(value);
    }

    private static string? FirstHeading(IDocument page) =>
        HtmlDom.ByTag(page, "h1").Select(h => HtmlDom.Text(h, 400)).FirstOrDefault(t => t.Length > 0);

    private static string? TitleElement(IDocument page)
    {
        string? title = Clean(page.Title);
        if (title is null) return null;
        // "Headline | Site", "Headline - Site", "Site :: Headline": the headline is the longer side (a site's name is short).
        foreach (string separator in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            int at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            string head = title[..at].Trim(), tail = title[(at + separator.Length)..].Trim();
            if (head.Length > 10 || tail.Length > 10) return tail.Length > head.Length ? tail : head;
        }
        return title;
    }

    private static string? Canonical(IDocument page)
    {
        foreach (var link in HtmlDom.ByTag(page, "link"))
        {
            if (string.Equals(link.GetAttribute("rel")?.Trim(), "canonical", StringComparison.OrdinalIgnoreCase)) return Clean(link.GetAttribute("href"));
        }
        return null;
    }

    /// <summary>The primary language subtag, lower case: "en-GB" and "en_US" give "en".</summary>
    public static string? Language(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        string primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static string? Clean(string? value)
    {
        if (value is null) return null;
        string collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
