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
    /// <remarks>
    /// The containers of the page's headline (<paramref name="headlineChain"/>) are never removed for
    /// their class: a block that holds the story's own headline is not a sidebar or a comment thread,
    /// whatever its layout class says ("panel-two-col-sidebar-right").
    /// </remarks>
    public static void Clean(IDocument page, bool byHints, IReadOnlyCollection<IElement> headlineChain)
    {
        var doomed = new List<IElement>();
        var keep = headlineChain.ToHashSet();
        foreach (var element in HtmlDom.Descendants(page))
        {
            if (IsNoise(element, byHints && !keep.Contains(element))) doomed.Add(element);
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
        if (!byHints) return false;
        return NegativeHint(element) switch
        {
            Hint.Strong => true,
            Hint.Weak => !HoldsArticleText(element),
            _ => false,
        };
    }

    /// <summary>
    /// Whether the element's class or id names it as page furniture (and not also as content). Hints
    /// are whole tokens of the class and id names ("share-bar", "sidebar"); a word inside a camelCase
    /// token ("shareBar") counts as furniture only weakly, so "contentWithSidebar" stays.
    /// </summary>
    public static bool HasNegativeHint(IElement element) => NegativeHint(element) != Hint.None;

    /// <summary>Whether the element's class or id is a strong furniture name as a whole token ("comments", "sidebar", "related").</summary>
    public static bool HasStrongNegativeHint(IElement element) => NegativeHint(element) == Hint.Strong;

    private enum Hint { None, Weak, Strong }

    private static Hint NegativeHint(IElement element)
    {
        bool negative = false, positive = false;
        foreach (var (token, whole) in HintTokens(element))
        {
            // Only a whole name is strong: the first word of a compound ("NavWebPart") is furniture
            // that a content word beside it ("article") outweighs.
            if (whole && Words.Strong.Contains(token)) return Hint.Strong;
            if (Words.Content.Contains(token)) positive = true;
            if (Words.Furniture.Contains(token)) negative = true;
        }
        return negative && !positive ? Hint.Weak : Hint.None;
    }

    /// <summary>
    /// Whether a block named only weakly as furniture ("read-more", "teaser", "meta") holds a run of
    /// article paragraphs: several long paragraphs with few links. Bylines, tag lists, captions and
    /// "more stories" boxes are short or mostly links; the rest of an article behind a "Read more"
    /// toggle is not.
    /// </summary>
    private static bool HoldsArticleText(IElement element)
    {
        var (length, linked) = HtmlDom.TextAndLinkLength(element);
        if (length < ArticleTextChars || linked * 4 > length) return false;
        int paragraphs = 0, paragraphText = 0;
        foreach (var p in HtmlDom.ByTag(element, "p"))
        {
            var (pLength, pLinked) = HtmlDom.TextAndLinkLength(p);
            // Captions of a gallery's items are list items, not the article's run of paragraphs.
            if (pLength < 100 || pLinked * 4 >= pLength || InListItem(p, element)) continue;
            paragraphs++;
            paragraphText += pLength;
        }
        return paragraphs >= 3 && paragraphText * 2 >= length;
    }

    private static bool InListItem(IElement element, IElement within)
    {
        for (var e = element.ParentElement; e is not null && e != within; e = e.ParentElement)
        {
            if (e.LocalName is "li" or "figure" or "dd") return true;
        }
        return false;
    }

    /// <summary>A weakly furniture-named block with less text than this is furniture whatever it holds.</summary>
    private const int ArticleTextChars = 300;

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
                    // camelCase boundaries: "shareBar" -> share, bar; each part counts as furniture
                    // but never as strong furniture, so a content word beside it saves the block.
                    if (char.IsAsciiLetterUpper(hints[j]) && char.IsAsciiLetterLower(hints[j - 1]))
                    {
                        yield return (hints[part..j].ToLowerInvariant(), false);
                        part = j;
                    }
                }
                if (part > start) yield return (hints[part..i].ToLowerInvariant(), false);
                start = -1;
            }
        }
    }

    /// <summary>The element most likely to hold the article, or the body when nothing scores.</summary>
    public static IElement? Find(IDocument page, string? articleBodyHint, IReadOnlyList<IElement> headlineChain)
    {
        var body = page.Body;
        if (body is null) return null;
        var scores = new Dictionary<IElement, double>();
        // What the paragraphs anywhere below an element earned (its tag and class aside), for widening.
        var mass = new Dictionary<IElement, double>();
        var own = new Dictionary<IElement, double>();
        void Credit(IElement? container, double score)
        {
            var ancestor = container;
            for (int level = 0; ancestor is not null && level < 4; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = BaseScore(ancestor);
                scores[ancestor] += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
            for (ancestor = container; ancestor is not null; ancestor = ancestor.ParentElement)
            {
                mass[ancestor] = mass.GetValueOrDefault(ancestor) + score;
            }
        }

        foreach (var element in HtmlDom.Descendants(body))
        {
            if (!IsParagraphLike(element))
            {
                // Text written straight into a container beside its blocks, paragraphs parted by
                // <br><br> rather than <p>: each run scores as a paragraph of the container.
                foreach (var (runText, runLength, runLinked) in InlineRuns(element))
                {
                    if (ParagraphScore(runText, runLength, runLinked) is { } runScore) Credit(element, runScore);
                }
                continue;
            }
            var (length, linked) = HtmlDom.TextAndLinkLength(element);
            if (ParagraphScore(length < 25 ? "" : HtmlDom.Text(element, 2000), length, linked) is not { } score) continue;
            own[element] = score;
            Credit(element.ParentElement, score);
        }
        if (scores.Count == 0) return body;

        IElement? best = null;
        double bestScore = double.MinValue;
        var adjusted = new Dictionary<IElement, double>(scores.Count);
        foreach (var (element, raw) in scores)
        {
            var (length, linked) = HtmlDom.TextAndLinkLength(element);
            double score = raw * (1 - (length == 0 ? 0 : (double)linked / length));
            adjusted[element] = score;
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }
        best ??= body;
        best = PreferHeadlineStory(best, bestScore, adjusted, mass, headlineChain, body);

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
        best = Widen(best, mass, own);

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

    /// <summary>
    /// The story under the page's own headline beats a sidebar story: when the best container stands
    /// far from the headline (their common container is more than <see cref="HeadlineReach"/> levels above
    /// it) and a container near the headline scores at least <see cref="HeadlineShare"/> of the best and
    /// holds as large a share of its paragraphs,
    /// that one is taken. The headline may have gone with its &lt;header&gt;; its nearest remaining
    /// container stands for it.
    /// </summary>
    private static IElement PreferHeadlineStory(IElement best, double bestScore, Dictionary<IElement, double> adjusted, Dictionary<IElement, double> mass, IReadOnlyList<IElement> headlineChain, IElement body)
    {
        var anchor = headlineChain.FirstOrDefault(e => IsWithin(e, body));
        if (anchor is null || anchor == body) return best;
        // The headline's containers up to the reach, nearest first.
        var near = new List<IElement>();
        for (var e = anchor; e is not null && e != body && near.Count <= HeadlineReach; e = e.ParentElement) near.Add(e);
        var nearSet = near.ToHashSet();
        if (IsNear(best, nearSet)) return best;
        IElement? story = null;
        double storyScore = bestScore * HeadlineShare, bestMass = mass.GetValueOrDefault(best);
        foreach (var (element, score) in adjusted)
        {
            // A story as long as the best one's, not a subheading or a standfirst under the headline.
            if (score >= storyScore && mass.GetValueOrDefault(element) >= bestMass * HeadlineShare && IsNear(element, nearSet))
            {
                story = element;
                storyScore = score;
            }
        }
        return story ?? best;
    }

    /// <summary>How far above the headline the story's container may meet it.</summary>
    private const int HeadlineReach = 4;

    /// <summary>The least share of the best score, and of the paragraphs the best holds, that the headline's story must reach to be preferred.</summary>
    private const double HeadlineShare = 0.6;

    /// <summary>Whether <paramref name="element"/> is one of the headline's near containers or stands inside one.</summary>
    private static bool IsNear(IElement element, HashSet<IElement> nearContainers)
    {
        // A container above the reach holds the headline too, but the sidebar with it: it is not near.
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (nearContainers.Contains(e)) return true;
        }
        return false;
    }

    private static bool IsWithin(IElement element, IElement root)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e == root) return true;
        }
        return false;
    }

    /// <summary>
    /// Climbs from the best container while the climb takes in a clear share more article paragraphs
    /// held in blocks like the one climbed from (same tag, a class name in common): an article split
    /// over sibling blocks (one per section, a step, a slot between ads), at any depth below their
    /// common container. At the first climb that takes in any text, and for bare paragraphs beside a
    /// container, any sibling paragraphs count. Wrappers that add
    /// little text are passed through; a climb that adds much text but no such paragraphs, or reaches a
    /// container mostly of links, stops.
    /// </summary>
    private static IElement Widen(IElement best, Dictionary<IElement, double> mass, Dictionary<IElement, double> own)
    {
        var result = best;
        double held = mass.GetValueOrDefault(best);
        var (resultText, resultLinked) = HtmlDom.TextAndLinkLength(best);
        var current = best;
        int currentText = resultText;
        bool first = true;
        for (int level = 0; level < MaxWidenLevels && current.ParentElement is { } up && up.LocalName != "html"; level++, current = up)
        {
            var (text, linked) = HtmlDom.TextAndLinkLength(up);
            if (linked * 4 >= text) break;
            double added = 0;
            foreach (var sibling in up.Children)
            {
                // Paragraphs beside the container are the article's (a lead paragraph before the rest).
                if (sibling == current || !(first || sibling.LocalName == "p" || Alike(sibling, current))) continue;
                added += mass.GetValueOrDefault(sibling) + own.GetValueOrDefault(sibling);
            }
            // The first climb that takes in any text may take in any paragraphs beside the container.
            first &= text == currentText;
            // What the climb takes in must read like the article: teaser lists (a linked headline over
            // each summary) carry many more links than a story's own sections.
            int addedText = text - resultText, addedLinked = linked - resultLinked;
            if (added > 3 && added >= held * 0.3 && addedLinked * 5 <= addedText)
            {
                result = up;
                held = mass.GetValueOrDefault(up);
                (resultText, resultLinked) = (text, linked);
            }
            else if (text > resultText * 1.25 + 200)
            {
                break;
            }
            currentText = text;
        }
        return result;
    }

    /// <summary>Whether two sibling blocks look made by one template: the same tag and a class name in common, or both without class and id.</summary>
    private static bool Alike(IElement a, IElement b)
    {
        if (a.LocalName != b.LocalName) return false;
        if (a.ClassList.Length == 0 || b.ClassList.Length == 0)
            return a.ClassList.Length == 0 && b.ClassList.Length == 0 && string.IsNullOrEmpty(a.Id) && string.IsNullOrEmpty(b.Id);
        foreach (string name in a.ClassList)
        {
            if (b.ClassList.Contains(name)) return true;
        }
        return false;
    }

    /// <summary>How many containers above the best one widening looks at.</summary>
    private const int MaxWidenLevels = 8;

    /// <summary>What a paragraph earns (one, its commas, its length up to three), or nothing when it is short, mostly links or a placeholder.</summary>
    private static double? ParagraphScore(string text, int length, int linked)
    {
        if (length < 25 || linked * 2 > length || Words.IsPlaceholder(text)) return null;
        return 1 + PageText.Commas(text) + Math.Min(length / 100.0, 3);
    }

    /// <summary>
    /// The runs of inline text directly inside a container that also holds blocks: text nodes and
    /// inline elements, parted by its block children and by two line breaks in a row. Each run's text
    /// (first 2,000 characters), length without white space, and the part of it inside links.
    /// </summary>
    private static IEnumerable<(string Text, int Length, int Linked)> InlineRuns(IElement element)
    {
        // Only block containers: the text of inline elements (a link, a span) belongs to the paragraph around them.
        if (element.LocalName is not ("div" or "section" or "article" or "main" or "center" or "form" or "body")) yield break;
        if (!element.ChildNodes.Any(n => n is IText t && !string.IsNullOrWhiteSpace(t.Data))) yield break;
        var text = new System.Text.StringBuilder();
        int length = 0, linked = 0;
        bool lineBreak = false;
        foreach (var node in element.ChildNodes)
        {
            if (node is IText t)
            {
                if (string.IsNullOrWhiteSpace(t.Data)) continue;
                if (text.Length < 2000) text.Append(t.Data);
                length += t.Data.Count(c => !char.IsWhiteSpace(c));
                lineBreak = false;
                continue;
            }
            if (node is not IElement child) continue;
            bool br = child.LocalName == "br";
            if (br && !lineBreak)
            {
                lineBreak = true;
                continue;
            }
            if (br || IsBlockContainer(child.LocalName))
            {
                if (length > 0) yield return (text.ToString(), length, linked);
                text.Clear();
                length = linked = 0;
                lineBreak = false;
                continue;
            }
            var (childLength, childLinked) = HtmlDom.TextAndLinkLength(child);
            if (text.Length < 2000) text.Append(' ').Append(HtmlDom.Text(child, 2000));
            length += childLength;
            linked += child.LocalName == "a" ? childLength : childLinked;
            lineBreak = false;
        }
        if (length > 0) yield return (text.ToString(), length, linked);
    }

    private static bool IsBlockContainer(string tag) => tag is "p" or "div" or "section" or "article" or "main" or "table" or "ul" or "ol" or "dl"
        or "blockquote" or "pre" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "form" or "hr" or "center" or "address" or "details" or "fieldset";

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
