using AngleSharp.Dom;

namespace Dyad.Ingest.Html;

/// <summary>
/// Finds the heading that carries the page's own headline: the first &lt;h1&gt; (else &lt;h2&gt;) whose words
/// the page's title claims (JSON-LD headline, Open Graph or Twitter title, &lt;title&gt;) nearly all hold.
/// A logo in an &lt;h1&gt; or a sidebar story's heading does not match; the story's heading does, even
/// when the title adds the site's name.
/// </summary>
internal static class Headline
{
    /// <summary>Share of the heading's words that a title claim must hold.</summary>
    private const double Overlap = 0.8;

    /// <summary>How many headings of each level are looked at.</summary>
    private const int MaxHeadings = 12;

    public static IElement? Find(IDocument page, HtmlMetadata.LinkedData? linked)
    {
        if (page.Body is not { } body) return null;
        var claims = HtmlMetadata.TitleClaims(page, linked).Select(c => ShingleScore.Words(c).ToHashSet(StringComparer.Ordinal)).ToList();
        if (claims.Count == 0) return null;
        // One walk gathers the first few headings of each level: the headline stands near the top.
        var h1 = new List<IElement>();
        var h2 = new List<IElement>();
        foreach (var element in HtmlDom.Descendants(body))
        {
            if (element.LocalName == "h1" && h1.Count < MaxHeadings) h1.Add(element);
            else if (element.LocalName == "h2" && h2.Count < MaxHeadings) h2.Add(element);
        }
        foreach (var heading in h1.Concat(h2))
        {
            var words = ShingleScore.Words(HtmlDom.Text(heading, 400));
            if (!Enough(words)) continue;
            foreach (var claim in claims)
            {
                if (words.Count(claim.Contains) >= words.Count * Overlap) return heading;
            }
        }
        return null;
    }

    /// <summary>A heading of one or two short words ("News", "Sport") matches too much to go by.</summary>
    private static bool Enough(List<string> words) =>
        words.Count >= 3 || words.Sum(w => w.Count(PageText.IsCjk)) >= 6;

    /// <summary>The heading and its ancestors, nearest first.</summary>
    public static List<IElement> Chain(IElement? headline)
    {
        var chain = new List<IElement>();
        for (var e = headline; e is not null; e = e.ParentElement) chain.Add(e);
        return chain;
    }
}
