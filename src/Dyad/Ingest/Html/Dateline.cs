using System.Text;
using AngleSharp.Dom;

namespace Dyad.Ingest.Html;

/// <summary>
/// The publication date a page shows beside its headline, for pages whose head says nothing. The
/// page's text is cut into lines as a browser shows them (at block elements and &lt;br&gt;), and the
/// dated lines next to the headline are weighed: a page's header often shows today's date, a
/// sidebar, a comment or a related story its own, and only the line by the headline is the story's.
/// </summary>
internal static class Dateline
{
    /// <summary>One line of the page's text and what surrounds it.</summary>
    internal sealed record Line(string Text, bool Hinted, bool InHeadline, bool Linked, bool Furniture, bool NamedHeadline);

    /// <summary>How far after the headline a dateline may stand (in lines): bylines, photo captions and share tools come between.</summary>
    private const int LinesAfter = 30;

    /// <summary>How far before the headline a dateline may stand: a date line above the heading, not the page header's date.</summary>
    private const int LinesBefore = 8;

    /// <summary>A line longer than this is a paragraph, not a dateline; longer text is not kept.</summary>
    private const int MaxLineChars = 160;

    /// <summary>
    /// How many levels above a line a furniture name still marks it ("comments" over a comment's date
    /// stands a few levels up); a page-wide wrapper farther up says nothing about the line.
    /// </summary>
    public const int FurnitureReach = 8;

    /// <summary>At most this many lines are cut from one page: datelines stand near the top.</summary>
    private const int MaxLines = 5_000;

    /// <summary>Elements that start and end a line.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>Elements whose text is never a dateline.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "noscript", "select", "option", "textarea", "button", "svg",
    };

    /// <summary>
    /// The date by the headline: the nearest dated line after the headline under a date or byline hint
    /// (or labelled "Posted"), else the nearest dated line on either side (after it first at the same
    /// distance); a date labelled as an update counts only when nothing else stands there. Long lines,
    /// sentences, links and furniture are not datelines. <paramref name="titles"/> find the headline's
    /// line when <paramref name="headline"/> is not known. Null when no dated line stands by the headline.
    /// </summary>
    public static DateOnly? Find(IDocument page, IElement? headline, IEnumerable<string> titles, DateWords words)
    {
        if (page.Body is not { } body) return null;
        var lines = Lines(body, headline, words);
        // The headline's line: the heading found for it, else a line that reads as the page's title,
        // else the first line of an element named as a headline ("article_headline").
        int anchor = headline is null ? TitleLine(lines, titles) : lines.FindIndex(l => l.InHeadline);
        if (anchor < 0) anchor = lines.FindIndex(l => l.NamedHeadline && !l.Linked && !l.Furniture);
        if (anchor < 0) return null;
        DateText.Order? convention = null;
        bool conventionKnown = false;
        DateText.Order? Convention()
        {
            if (!conventionKnown) (convention, conventionKnown) = (PageConvention(lines), true);
            return convention;
        }
        DateOnly? plain = null, updated = null;
        // Nearest first, the line after the headline before the line as far before it.
        for (int step = 1; step <= LinesAfter; step++)
        {
            foreach (int i in (ReadOnlySpan<int>)[anchor + step, step <= LinesBefore ? anchor - step : -1])
            {
                if (i < 0 || i >= lines.Count) continue;
                var line = lines[i];
                if (line.InHeadline || line.Linked || line.Furniture || line.Text.Length > MaxLineChars || line.Text.EndsWith('.')) continue;
                if (Dated(line.Text, Convention, words) is not { } found) continue;
                if (found.Updated)
                {
                    updated ??= found.Date;
                    continue;
                }
                // A hinted line after the headline is the byline's date; before it, a hinted line may
                // be the page header's date of today, so it counts only by nearness, as a plain line does.
                if (i > anchor && (line.Hinted || found.Posted)) return found.Date;
                plain ??= found.Date;
            }
        }
        return plain ?? updated;
    }

    /// <summary>The first date of a line, and whether a label calls it the publication ("Posted") or an update ("Last updated").</summary>
    private static (DateOnly Date, bool Posted, bool Updated)? Dated(string text, Func<DateText.Order?> convention, DateWords words)
    {
        var dates = DateText.FindAll(text).Concat(DateText.FindNumeric(text, convention)).OrderBy(f => f.Start).ToList();
        (DateOnly Date, bool Posted, bool Updated)? first = null;
        int from = 0;
        foreach (var date in dates)
        {
            if (date.Start < from) continue;
            string before = text[from..date.Start].ToLowerInvariant();
            bool updated = words.UpdatedLabels.Any(l => before.Contains(l, StringComparison.Ordinal));
            bool posted = !updated && words.PostedLabels.Any(l => before.Contains(l, StringComparison.Ordinal));
            // "Published 3 May, updated 4 May": the date the publication label introduces wins.
            if (!updated) return (date.Date, posted, false);
            first ??= (date.Date, false, true);
            from = date.Start + date.Length;
        }
        return first;
    }

    /// <summary>
    /// The order the page writes its dates in when it spells the month ("15 January 2008" or "January
    /// 15, 2008"), by majority: it settles a numeric date such as "08/01/2008". Null when neither wins.
    /// </summary>
    private static DateText.Order? PageConvention(List<Line> lines)
    {
        int dayFirst = 0, monthFirst = 0;
        foreach (var line in lines)
        {
            foreach (var found in DateText.FindAll(line.Text))
            {
                if (found.Order == DateText.Order.DayFirst) dayFirst++;
                else if (found.Order == DateText.Order.MonthFirst) monthFirst++;
            }
        }
        return dayFirst > monthFirst ? DateText.Order.DayFirst : monthFirst > dayFirst ? DateText.Order.MonthFirst : null;
    }

    /// <summary>
    /// The first line that reads as the page's headline when no heading was found to hold it: its
    /// words nearly all in one of the title claims, or its opening words all in one (a headline in a
    /// &lt;span&gt; that the story's first paragraph runs on from), covering at least half of that claim.
    /// </summary>
    private static int TitleLine(List<Line> lines, IEnumerable<string> titles)
    {
        var claims = titles.Select(t => ShingleScore.Words(t).ToHashSet(StringComparer.Ordinal)).Where(c => c.Count > 0).ToList();
        if (claims.Count == 0) return -1;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // A blog's headline is often a link to the post itself, so a linked line may be the headline.
            if (line.Furniture) continue;
            var words = ShingleScore.Words(line.Text);
            if (words.Count < 3) continue;
            foreach (var claim in claims)
            {
                int shared = words.Count(claim.Contains);
                if (line.Text.Length <= MaxLineChars && shared >= words.Count * 0.8 && shared * 2 >= claim.Count) return i;
                int opening = words.TakeWhile(claim.Contains).Count();
                if (opening >= 3 && opening * 2 >= claim.Count) return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Whether the element stands in a comment thread, a sidebar, a related-stories box or other plainly
    /// named furniture, whose dates are not the story's: it or one of its nearest
    /// <see cref="FurnitureReach"/> ancestors so named. The body and the blocks that hold the headline
    /// never count, nor a box whose name also names a dateline: a page's layout classes ("no-sidebars", "panel-two-col-sidebar-right", "paywall")
    /// name the whole page, story and all.
    /// </summary>
    public static bool InFurniture(IElement element, ISet<IElement> headlineChain)
    {
        int level = 0;
        for (var e = element; e is not null && level <= FurnitureReach; e = e.ParentElement, level++)
        {
            if (NamesFurniture(e, headlineChain)) return true;
        }
        return false;
    }

    /// <remarks>A name that also says "date" or "byline" ("by-line-comments-views-date") is the dateline's own box, not furniture.</remarks>
    private static bool NamesFurniture(IElement element, ISet<IElement> headlineChain) =>
        element.LocalName is not ("body" or "html") && !headlineChain.Contains(element) && MainContent.HasStrongNegativeHint(element)
        && !DateWords.Default.IsHinted((element.ClassName + " " + element.Id).ToLowerInvariant());

    /// <summary>The page's text cut into lines at block elements and &lt;br&gt;, in document order.</summary>
    internal static List<Line> Lines(IElement body, IElement? headline, DateWords words)
    {
        var lines = new List<Line>();
        var chain = Headline.Chain(headline).ToHashSet();
        var text = new StringBuilder();
        int linkedChars = 0, chars = 0;
        bool hinted = false, inHeadline = false, furniture = false, named = false, space = false;

        void Flush()
        {
            if (text.Length > 0 && lines.Count < MaxLines)
            {
                lines.Add(new Line(text.ToString(), hinted, inHeadline, linkedChars * 2 > chars, furniture, named));
            }
            text.Clear();
            linkedChars = chars = 0;
            hinted = inHeadline = furniture = named = space = false;
        }

        // Each entry: a node, what its ancestors say (date hint, headline, link, the depth of the nearest
        // furniture-named one or -1, headline name), and whether it is the end of a block (a line ends there).
        var stack = new Stack<(INode Node, int Depth, bool Hint, bool Head, bool Link, int Furn, bool Named, bool End)>();
        stack.Push((body, 0, false, false, false, -1, false, false));
        while (stack.Count > 0 && lines.Count < MaxLines)
        {
            var (node, depth, hint, head, link, furn, name, end) = stack.Pop();
            if (end)
            {
                Flush();
                continue;
            }
            if (node is IText t)
            {
                foreach (char c in t.Data)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        space = text.Length > 0;
                        continue;
                    }
                    if (text.Length > MaxLineChars) break;
                    if (text.Length == 0) furniture = furn >= 0 && depth - furn <= FurnitureReach + 1;
                    if (space) text.Append(' ');
                    space = false;
                    text.Append(c);
                    chars++;
                    if (link) linkedChars++;
                    hinted |= hint;
                    inHeadline |= head;
                    named |= name;
                }
                continue;
            }
            if (node is not IElement element || Skipped.Contains(element.LocalName) || depth >= HtmlDom.MaxDepth) continue;
            bool block = Blocks.Contains(element.LocalName);
            if (block)
            {
                Flush();
                stack.Push((element, depth, hint, head, link, furn, name, true));
            }
            string names = (element.ClassName + " " + element.Id).ToLowerInvariant();
            bool childHint = hint || names.Length > 1 && words.IsHinted(names);
            bool childHead = head || element == headline;
            bool childLink = link || element.LocalName == "a";
            int childFurn = names.Length > 1 && NamesFurniture(element, chain) ? depth : furn;
            bool childNamed = name || names.Length > 1 && words.IsHeadlineName(names);
            var children = element.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], depth + 1, childHint, childHead, childLink, childFurn, childNamed, false));
        }
        Flush();
        return lines;
    }
}
