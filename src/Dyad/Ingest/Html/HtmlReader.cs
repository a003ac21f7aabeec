using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dyad.Documents;
using Dyad.Text;
using Document = Dyad.Documents.Document;

namespace Dyad.Ingest.Html;

/// <summary>
/// Reads a web page: its metadata (<see cref="HtmlMetadata"/>), its main article text with page
/// furniture removed (<see cref="MainContent"/>), its footnotes and endnotes (ol.footnotes, a
/// "Notes" section, items referenced by &lt;sup&gt;&lt;a href="#fn3"&gt;) as citations linked to their
/// markers, which the body shows as superscript digits, and its links as citations whose markers
/// are "L1", "L2", ... spanning the linked words.
/// </summary>
public static partial class HtmlReader
{
    [GeneratedRegex(@"^(?:notes|endnotes|footnotes|references|sources|bibliography|works cited)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotesHeading();

    [GeneratedRegex(@"^\s*(?:\[(?<n>\d{1,4})\]|\(?(?<n>\d{1,4})[.)]|(?<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\^(?<n>\d{1,4}))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"(\d{1,4})\D*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Pages whose elements nest deeper than this are refused: the HTML parser's work grows with depth squared.</summary>
    public const int MaxNesting = 1000;

    // Elements that stay open until closed explicitly; a run of them opened and not closed is nesting.
    [GeneratedRegex(@"<(?<close>/?)(?<name>div|span|a|b|i|u|s|em|strong|font|small|big|code|tt|nobr|section|article|aside|main|blockquote|table|ul|ol|dl|sup|sub)[\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NestingTag();

    /// <summary>A cheap upper estimate of how deep the page's elements nest, stopping once past <paramref name="limit"/>.</summary>
    public static int NestingEstimate(string html, int limit = MaxNesting)
    {
        int depth = 0, deepest = 0;
        foreach (Match tag in NestingTag().Matches(html))
        {
            // A table opens four levels (table, tbody, tr, td) even when its rows and cells are never closed.
            int levels = tag.Groups["name"].ValueSpan.Equals("table", StringComparison.OrdinalIgnoreCase) ? 4 : 1;
            depth = tag.Groups["close"].Length > 0 ? Math.Max(0, depth - levels) : depth + levels;
            if (depth > deepest && (deepest = depth) > limit) break;
        }
        return deepest;
    }

    /// <summary>Reads <paramref name="html"/>; <paramref name="baseUrl"/> resolves relative links.</summary>
    public static Document Read(string name, string html, Uri? baseUrl = null, CancellationToken cancellationToken = default)
    {
        var (first, pageChars) = Extract(name, html, baseUrl, byHints: true, cancellationToken);
        // Too little kept of a page that holds much more: the article may sit in a container whose class
        // looks like furniture. Try again without class hints.
        if (first.Text.Length >= 250 || pageChars < first.Text.Length + 250) return first;
        var (second, _) = Extract(name, html, baseUrl, byHints: false, cancellationToken);
        return second.Text.Length > first.Text.Length ? second : first;
    }

    private static (Document Document, int PageChars) Extract(string name, string html, Uri? baseUrl, bool byHints, CancellationToken cancellationToken)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var page = parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();
        var linked = HtmlMetadata.ReadLinkedData(page);
        var headline = Headline.Find(page, linked);
        var metadata = HtmlMetadata.Extract(page, linked, headline);
        if (baseUrl is null && metadata.Url is { } pageUrl && Uri.TryCreate(pageUrl, UriKind.Absolute, out var canonical)) baseUrl = canonical;

        int pageChars = page.Body is { } pageBody ? HtmlDom.TextAndLinkLength(pageBody).Text : 0;
        var headlineChain = Headline.Chain(headline);
        var notes = CollectNotes(page, baseUrl);
        MainContent.Clean(page, byHints, headlineChain);
        cancellationToken.ThrowIfCancellationRequested();
        var main = MainContent.Find(page, linked?.ArticleBody, headlineChain);

        var writer = new BodyWriter(notes, baseUrl, metadata.Title);
        if (main is not null) writer.Walk(main);
        var (text, map) = writer.Build();
        var citations = notes.Citations.AddRange(writer.LinkCitations);
        return (DocumentAssembler.Assemble(name, DocumentFormat.Html, metadata, text, map, citations, writer.Markers.ToImmutable()), pageChars);
    }

    /// <summary>The page's notes: their citations, and which element ids point at which marker.</summary>
    internal sealed record Notes(ImmutableArray<Citation> Citations, IReadOnlyDictionary<string, string> MarkerById)
    {
        public bool Has(string marker) => Citations.Any(c => c.Marker == marker);
    }

    private static Notes CollectNotes(IDocument page, Uri? baseUrl)
    {
        var containers = new List<IElement>();
        // The containers taken and every element inside them. Descendants come in document order, so a
        // parent is always seen before its children and one look at the parent decides (Node.Contains
        // walks the container's whole subtree, which made this quadratic on large pages).
        var covered = new HashSet<INode>();
        foreach (var element in HtmlDom.Descendants(page))
        {
            if (covered.Contains(element)) continue;
            if (element.Parent is { } parent && covered.Contains(parent))
            {
                covered.Add(element);
                continue;
            }
            string role = element.GetAttribute("role") ?? "";
            string hints = (element.ClassName + " " + element.Id).ToLowerInvariant();
            bool named = role is "doc-endnotes" or "doc-footnotes" ||
                         Regex.IsMatch(hints, @"(?:^|[\s_-])(?:foot|end)?notes?(?:$|[\s_-])|footnotes|endnotes", RegexOptions.CultureInvariant);
            if (named && element.LocalName is "ol" or "ul" or "section" or "div" or "aside" or "footer")
            {
                if (Items(element).Count > 0)
                {
                    containers.Add(element);
                    covered.Add(element);
                }
                continue;
            }
            if (element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" && NotesHeading().IsMatch(HtmlDom.Text(element, 40)))
            {
                // The lists and paragraphs that follow a "Notes" heading, up to the next heading.
                var section = new List<IElement> { element };
                for (var next = element.NextElementSibling; next is not null && !(next.LocalName.Length == 2 && next.LocalName[0] == 'h' && char.IsDigit(next.LocalName[1])); next = next.NextElementSibling)
                {
                    section.Add(next);
                }
                if (section.Count > 1)
                {
                    containers.AddRange(section);
                    covered.UnionWith(section);
                }
            }
        }

        var citations = ImmutableArray.CreateBuilder<Citation>();
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            var items = Items(container);
            int ordinal = int.TryParse(container.GetAttribute("start"), out int start) ? start : 1;
            foreach (var item in items)
            {
                string marker;
                string text = NoteText(item, baseUrl, out var url);
                var leading = LeadingMarker().Match(text);
                if (leading.Success && leading.Length < text.Length)
                {
                    marker = leading.Groups["sup"].Success ? MarkerScanner.FromSuperscript(leading.Groups["sup"].Value) : leading.Groups["n"].Value;
                    text = text[leading.Length..];
                }
                else if (item.Id is { Length: > 0 } id && TrailingNumber().Match(id) is { Success: true } numbered)
                {
                    marker = numbered.Groups[1].Value;
                }
                else if (item.LocalName == "li")
                {
                    marker = ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    continue;
                }
                ordinal++;
                if (text.Length == 0 || citations.Any(c => c.Marker == marker)) continue;
                if (url is not null && !text.Contains(url, StringComparison.Ordinal)) text += " <" + url + ">";
                citations.Add(CitationParser.Parse(marker, text));
                foreach (var anchor in HtmlDom.Descendants(item).Prepend(item))
                {
                    if (anchor.Id is { Length: > 0 } anchorId) byId.TryAdd(anchorId, marker);
                    if (anchor.GetAttribute("name") is { Length: > 0 } anchorName) byId.TryAdd(anchorName, marker);
                }
            }
        }
        foreach (var container in containers) container.Remove();
        return new Notes(citations.ToImmutable(), byId);
    }

    private static List<IElement> Items(IElement container)
    {
        if (container.LocalName is "ol" or "ul") return container.Children.Where(c => c.LocalName == "li").ToList();
        var lists = HtmlDom.Descendants(container).Where(e => e.LocalName is "ol" or "ul").ToList();
        if (lists.Count > 0) return lists.SelectMany(l => l.Children.Where(c => c.LocalName == "li")).ToList();
        if (container.LocalName is "p" or "div" && LeadingMarker().IsMatch(HtmlDom.Text(container, 20))) return [container];
        return HtmlDom.Descendants(container).Where(e => e.LocalName is "p" && LeadingMarker().IsMatch(HtmlDom.Text(e, 20))).ToList();
    }

    /// <summary>A note's text without its back-links ("↩", "^"), and the first web link in it.</summary>
    private static string NoteText(IElement item, Uri? baseUrl, out string? url)
    {
        url = null;
        foreach (var a in HtmlDom.ByTag(item, "a"))
        {
            string href = a.GetAttribute("href") ?? "";
            if (href.StartsWith('#'))
            {
                a.Remove();
                continue;
            }
            url ??= Absolute(href, baseUrl);
        }
        return HtmlDom.Text(item).Trim().TrimEnd('↩', '↑', '⤴').Trim();
    }

    internal static string? Absolute(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
        }
        if (baseUrl is not null && Uri.TryCreate(baseUrl, href, out var resolved) && resolved.Scheme is "http" or "https") return resolved.AbsoluteUri;
        return null;
    }

    private static bool IsBlock(string tag) => tag is "p" or "div" or "section" or "article" or "main" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "ul" or "ol"
        or "blockquote" or "pre" or "table" or "tr" or "td" or "th" or "dl" or "dd" or "dt" or "br" or "hr" or "address" or "center" or "details" or "summary";

    /// <summary>Writes the main container's text paragraph by paragraph, recording markers and links.</summary>
    private sealed class BodyWriter(Notes notes, Uri? baseUrl, string? title)
    {
        private bool _heading;
        private int _openLinks;
        private readonly MappedTextBuilder _builder = new();
        private readonly StringBuilder _paragraph = new();
        private readonly List<CitationMarker> _pending = [];
        private int _linked;
        private int _paragraphSource;
        private readonly Dictionary<string, string> _linkMarkers = new(StringComparer.Ordinal);

        public ImmutableArray<CitationMarker>.Builder Markers { get; } = ImmutableArray.CreateBuilder<CitationMarker>();

        public List<Citation> LinkCitations { get; } = [];

        public (string Text, OffsetMap Map) Build()
        {
            Flush();
            return _builder.Build();
        }

        public void Walk(IElement root)
        {
            // Iterative walk: entering an element may open a paragraph or a link; leaving closes it.
            var stack = new Stack<(INode Node, int Depth, bool Leaving, int LinkStart, string? Href)>();
            stack.Push((root, 0, false, 0, null));
            while (stack.Count > 0)
            {
                var (node, depth, leaving, linkStart, href) = stack.Pop();
                if (leaving)
                {
                    var element = (IElement)node;
                    if (element.LocalName == "a") _openLinks--;
                    if (href is not null) CloseLink(linkStart, href, element);
                    if (IsBlock(element.LocalName)) Flush();
                    continue;
                }
                if (node is IText text)
                {
                    AppendText(text.Data, _openLinks > 0);
                    continue;
                }
                if (node is not IElement e) continue;
                if (e.LocalName is "h1" or "script" or "style") continue;
                if (IsBlock(e.LocalName))
                {
                    Flush();
                    _paragraphSource = e.SourceReference?.Position.Position ?? _paragraphSource;
                    _heading = e.LocalName is "h2" or "h3" or "h4" or "h5" or "h6";
                }
                if (NoteReference(e) is { } marker)
                {
                    AppendMarker(marker);
                    continue;
                }
                string? link = e.LocalName == "a" ? Absolute(e.GetAttribute("href"), baseUrl) : null;
                if (e.LocalName == "a") _openLinks++;
                stack.Push((e, depth, true, _paragraph.Length, link));
                if (depth >= HtmlDom.MaxDepth) continue;
                var children = e.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], depth + 1, false, 0, null));
            }
        }

        /// <summary>The marker a footnote reference stands for: &lt;a href="#fn3"&gt;, or &lt;sup&gt;3&lt;/sup&gt; when note 3 exists.</summary>
        private string? NoteReference(IElement e)
        {
            if (notes.Citations.IsEmpty) return null;
            if (e.LocalName == "a" && e.GetAttribute("href") is { Length: > 1 } href && href[0] == '#')
            {
                return notes.MarkerById.TryGetValue(href[1..], out var marker) ? marker : null;
            }
            if (e.LocalName == "sup")
            {
                string digits = HtmlDom.Text(e, 12).Trim('[', ']', '(', ')', ' ');
                if (digits.Length > 0 && digits.All(char.IsAsciiDigit) && notes.Has(digits)) return digits;
                if (HtmlDom.ByTag(e, "a").FirstOrDefault() is { } inner && NoteReference(inner) is { } viaLink) return viaLink;
            }
            return null;
        }

        private void AppendText(string data, bool inLink)
        {
            foreach (char c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (_paragraph.Length > 0 && _paragraph[^1] != ' ') _paragraph.Append(' ');
                    continue;
                }
                _paragraph.Append(c);
                if (inLink) _linked++;
            }
        }

        private void AppendMarker(string marker)
        {
            // Glue the marker to the word or punctuation before it, as print does.
            if (_paragraph.Length > 0 && _paragraph[^1] == ' ') _paragraph.Length--;
            int start = _paragraph.Length;
            foreach (char digit in marker) _paragraph.Append(Superscripts[digit - '0']);
            _pending.Add(new CitationMarker(marker, new TextSpan(start, _paragraph.Length)));
        }

        private void CloseLink(int start, string href, IElement anchor)
        {
            int end = _paragraph.Length;
            while (end > start && _paragraph[end - 1] == ' ') end--;
            while (start < end && _paragraph[start] == ' ') start++;
            if (end <= start) return;
            if (!_linkMarkers.TryGetValue(href, out var marker))
            {
                marker = "L" + (_linkMarkers.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _linkMarkers[href] = marker;
                string words = _paragraph.ToString(start, end - start);
                LinkCitations.Add(new Citation(marker, null, anchor.GetAttribute("title") is { Length: > 0 } t ? t : null, null, href, words));
            }
            _pending.Add(new CitationMarker(marker, new TextSpan(start, end)));
        }

        private void Flush()
        {
            int length = _paragraph.Length;
            while (length > 0 && _paragraph[length - 1] == ' ') length--;
            int lead = 0;
            while (lead < length && _paragraph[lead] == ' ') lead++;
            string text = _paragraph.ToString(lead, length - lead);
            int linked = _linked;
            var pending = _pending.ToList();
            _paragraph.Clear();
            _pending.Clear();
            _linked = 0;
            bool heading = _heading;
            _heading = false;
            if (text.Length == 0 || !Keep(text, linked, heading) || string.Equals(text, title, StringComparison.OrdinalIgnoreCase)) return;
            if (_builder.Length > 0) _builder.AppendReplacement("\n\n", _paragraphSource);
            int offset = _builder.Length - lead;
            _builder.AppendReplacement(text, _paragraphSource);
            foreach (var m in pending.OrderBy(m => m.Span.Start))
            {
                var span = new TextSpan(Math.Max(m.Span.Start + offset, _builder.Length - text.Length), Math.Min(m.Span.End + offset, _builder.Length));
                if (span.End > span.Start) Markers.Add(m with { Span = span });
            }
        }

        /// <summary>
        /// Whether a paragraph is article text: not mostly links, not a "Read more"/"Advertisement" line,
        /// and, unless it is a heading, not a short line without closing punctuation (a kicker, a byline,
        /// "Update 3", a contact line).
        /// </summary>
        private static bool Keep(string text, int linked, bool heading)
        {
            int letters = text.Count(char.IsLetterOrDigit);
            if (letters == 0) return false;
            if (linked * 2 > text.Length) return false;
            int words = PageText.WordEstimate(text);
            if (words <= 12 && HtmlWordLists.Default.BoilerplateStart.IsMatch(text)) return false;
            if (HtmlWordLists.Default.IsPlaceholder(text)) return false;
            if (heading) return true;
            return PageText.EndsClosed(text.TrimEnd(Superscripts.ToCharArray())) || words >= 8;
        }
    }
}
