using AngleSharp.Dom;

namespace Dyad.Ingest.Html;

/// <summary>
/// Finds the element that holds a page's article: removes what is never content (scripts, forms,
/// navigation, hidden elements, blocks whose class or id names them as menus, cookie banners, share
/// bars, related links, comments, newsletter boxes or paywall teasers), scores the remaining
/// paragraphs by text length and commas, credits their containers, discounts by link density, and
/// prefers &lt;article&gt;/&lt;main&gt; and the container closest to the JSON-LD articleBody.
/// </summary>
internal static class MainContent
{
    /// <summary>A form with less text than this (not counting its controls) is a widget, not a page wrapper.</summary>
    private const int SmallFormChars = 300;

    private static readonly HashSet<string> AlwaysRemoved = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "input",
        "select", "textarea", "option", "optgroup", "datalist", "output", "nav", "aside", "footer", "header", "figure", "figcaption", "picture", "video", "audio", "map", "dialog", "menu",
    };

    // The class and id words (data/html/class-hints.tsv).
    private static readonly HtmlWordLists Words = HtmlWordLists.Default;

    private static readonly HashSet<string> NegativeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar",
    };

    /// <summary>
    /// Removes non-content elements from the page in place; with <paramref name="byHints"/> false, only
    /// those that are never content whatever their class (a second pass for pages whose article
    /// container carries a furniture-like class).
    /// </summary>
    public static void Clean(IDocument page, bool byHints)
    {
        var doomed = new List<IElement>();
        foreach (var element in HtmlDom.Descendants(page))
        {
            if (IsNoise(element, byHints)) doomed.Add(element);
        }
        foreach (var element in doomed) element.Remove();
    }

    private static bool IsNoise(IElement element, bool byHints)
    {
        string tag = element.LocalName;
        if (tag is "html" or "body" or "article" or "main") return false;
        if (AlwaysRemoved.Contains(tag)) return true;
        // A form is a container like any other (some sites wrap the whole page in one); only a form
        // that holds little more than its controls (a search box, a sign-up or comment form) goes.
        if (tag == "form" && HtmlDom.TextAndLinkLength(element).Text < SmallFormChars) return true;
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        string? style = element.GetAttribute("style");
        if (style is not null)
        {
            string s = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal)) return true;
        }
        if (element.GetAttribute("role") is { } role && NegativeRoles.Contains(role.Trim())) return true;
        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)) return false;
        return byHints && HasNegativeHint(element);
    }

    /// <summary>
    /// Whether the element's class or id names it as page furniture (and not also as content). Hints
    /// are whole tokens of the class and id names ("share-bar", "sidebar"); a word inside a camelCase
    /// token ("shareBar") counts as furniture only weakly, so "contentWithSidebar" stays.
    /// </summary>
    public static bool HasNegativeHint(IElement element)
    {
        bool negative = false, positive = false;
        foreach (var (token, whole) in HintTokens(element))
        {
            if (whole && Words.Strong.Contains(token)) return true;
            if (Words.Content.Contains(token)) positive = true;
            if (Words.Furniture.Contains(token)) negative = true;
        }
        return negative && !positive;
    }

    private static bool HasPositiveHint(IElement element) => HintTokens(element).Any(t => Words.Content.Contains(t.Token));

    /// <summary>
    /// The tokens of the class and id names, lower case: each run of letters, and when a run is
    /// written in camelCase, its parts too (not whole).
    /// </summary>
    private static IEnumerable<(string Token, bool Whole)> HintTokens(IElement element)
    {
        string hints = element.ClassName + " " + element.Id;
        int start = -1;
        for (int i = 0; i <= hints.Length; i++)
        {
            bool letter = i < hints.Length && char.IsAsciiLetter(hints[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return (hints[start..i].ToLowerInvariant(), true);
                int part = start;
                for (int j = start + 1; j < i; j++)
                {
                    // camelCase boundaries: "shareBar" -> share, bar; the first word names what the
                    // block is about and counts in full, the later ones only weakly.
                    if (char.IsAsciiLetterUpper(hints[j]) && char.IsAsciiLetterLower(hints[j - 1]))
                    {
                        yield return (hints[part..j].ToLowerInvariant(), part == start);
                        part = j;
                    }
                }
                if (part > start) yield return (hints[part..i].ToLowerInvariant(), false);
                start = -1;
            }
        }
    }

    /// <summary>The element most likely to hold the article, or the body when nothing scores.</summary>
    public static IElement? Find(IDocument page, string? articleBodyHint)
    {
        var body = page.Body;
        if (body is null) return null;
        var scores = new Dictionary<IElement, double>();
        foreach (var element in HtmlDom.Descendants(body))
        {
            if (!IsParagraphLike(element)) continue;
            var (length, linked) = HtmlDom.TextAndLinkLength(element);
            if (length < 25 || linked * 2 > length) continue;
            string text = HtmlDom.Text(element, 2000);
            double score = 1 + text.Count(c => c == ',') + Math.Min(length / 100.0, 3);
            var ancestor = element.ParentElement;
            for (int level = 0; ancestor is not null && level < 4; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = BaseScore(ancestor);
                scores[ancestor] += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
        }
        if (scores.Count == 0) return body;

        IElement? best = null;
        double bestScore = double.MinValue;
        foreach (var (element, raw) in scores)
        {
            var (length, linked) = HtmlDom.TextAndLinkLength(element);
            double score = raw * (1 - (length == 0 ? 0 : (double)linked / length));
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }
        best ??= body;

        // A container around the best one that holds much the same text and says it is the article wins.
        for (var up = best.ParentElement; up is not null && up != body.ParentElement; up = up.ParentElement)
        {
            if (up.LocalName is "article" or "main" || string.Equals(up.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
            {
                var (inner, _) = HtmlDom.TextAndLinkLength(best);
                var (outer, outerLinked) = HtmlDom.TextAndLinkLength(up);
                if (outerLinked * 4 < outer && inner * 10 >= outer * 6) best = up;
                break;
            }
        }

        // Paragraphs split over sibling containers (a paywall break, an ad slot): climb while the parent's
        // paragraph text is mostly article-like and clearly more than the best's.
        best = Widen(best, scores, bestScore);

        if (articleBodyHint is { Length: > 200 })
        {
            // The JSON-LD body says what the article is: prefer the candidate that matches it best.
            var hinted = scores.Keys.Append(best).Distinct()
                .Select(e => (Element: e, F1: ShingleScore.Compare(HtmlDom.Text(e), articleBodyHint).F1))
                .MaxBy(x => x.F1);
            if (hinted.F1 > ShingleScore.Compare(HtmlDom.Text(best), articleBodyHint).F1 + 0.05) best = hinted.Element;
        }
        return best;
    }

    private static IElement Widen(IElement best, Dictionary<IElement, double> scores, double bestScore)
    {
        var parent = best.ParentElement;
        if (parent is null || parent.LocalName is "html") return best;
        double siblingScore = 0;
        foreach (var sibling in parent.Children)
        {
            if (sibling == best) continue;
            if (scores.TryGetValue(sibling, out double s))
            {
                var (length, linked) = HtmlDom.TextAndLinkLength(sibling);
                // Only what the sibling's paragraphs earned counts, not its tag or class.
                if (linked * 4 < length) siblingScore += s - BaseScore(sibling);
            }
        }
        double bestContent = bestScore - BaseScore(best);
        return siblingScore >= bestContent * 0.3 && siblingScore > 5 ? parent : best;
    }

    private static bool IsParagraphLike(IElement element)
    {
        if (element.LocalName is "p" or "pre" or "td" or "blockquote" or "li" or "dd") return true;
        if (element.LocalName is not ("div" or "section" or "span")) return false;
        // A div that holds text directly and no block children reads like a paragraph.
        foreach (var child in element.Children)
        {
            if (child.LocalName is "p" or "div" or "section" or "article" or "table" or "ul" or "ol" or "blockquote" or "pre" or "h1" or "h2" or "h3") return false;
        }
        return element.ChildNodes.Any(n => n is IText t && !string.IsNullOrWhiteSpace(t.Data));
    }

    private static double BaseScore(IElement element)
    {
        double score = element.LocalName switch
        {
            "article" => 10,
            "main" => 5,
            "div" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ol" or "ul" or "dl" or "dd" or "dt" or "li" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (HasPositiveHint(element)) score += 25;
        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)) score += 25;
        return score;
    }
}
