using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Ingest;

/// <summary>
/// Parses one footnote or endnote as written into a citation: the quoted title, the outlet that
/// follows it, the publication date (or, failing that, the update or access date) and the URL.
/// Parts the note does not give stay null.
/// </summary>
public static partial class CitationParser
{
    [GeneratedRegex(@"<(?<url>https?://[^>\s]+)>|(?<url>https?://[^\s<>""]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // A title in double quotes, possibly wrapped in Markdown emphasis on either side of the quotes.
    [GeneratedRegex(@"[*_]{0,2}[""“](?<title>[^""“”]+?)[""”][*_]{0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"\b(?<kind>published|updated|accessed|retrieved|posted|dated)\b(?:\s+on)?\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLabelBefore();

    public static Citation Parse(string marker, string note)
    {
        string text = CollapseSpace(note);
        string? url = null;
        var urlMatch = UrlPattern().Match(text);
        string withoutUrl = text;
        if (urlMatch.Success)
        {
            url = urlMatch.Groups["url"].Value.TrimEnd('.', ',', ';', ')');
            withoutUrl = text.Remove(urlMatch.Index, urlMatch.Length);
        }
        string? title = null;
        string? outlet = null;
        var titleMatch = QuotedTitle().Match(withoutUrl);
        if (titleMatch.Success)
        {
            title = StripEmphasis(titleMatch.Groups["title"].Value).Trim().TrimEnd(',');
            outlet = OutletAfter(withoutUrl[(titleMatch.Index + titleMatch.Length)..]);
        }
        return new Citation(marker, outlet, title, BestDate(withoutUrl), url, note.Trim());
    }

    private static string? OutletAfter(string rest)
    {
        string s = rest.TrimStart(' ', ',', '*', '_', '.', ';', ':');
        // The outlet runs to the next comma or period that is followed by a space, or to a date label.
        int end = s.Length;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] is ',' or ';' || (s[i] == '.' && (i + 1 == s.Length || s[i + 1] == ' ')))
            {
                end = i;
                break;
            }
        }
        string candidate = StripEmphasis(s[..end]).Trim();
        candidate = Regex.Replace(candidate, @"\s+(published|updated|accessed|retrieved|posted)\b.*$", "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).Trim();
        if (candidate.Length == 0 || candidate.Length > 80) return null;
        if (DateText.ParseWhole(candidate) is not null) return null;
        if (Regex.IsMatch(candidate, @"^(published|updated|accessed|retrieved|posted|dated|on)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return null;
        return candidate;
    }

    /// <summary>The publication date if labelled, else the update date, else any date but an access date, else the access date.</summary>
    private static DateOnly? BestDate(string text)
    {
        DateOnly? published = null, updated = null, unlabelled = null, accessed = null;
        foreach (var found in DateText.FindAll(text))
        {
            var label = DateLabelBefore().Match(text[..found.Start]);
            string kind = label.Success ? label.Groups["kind"].Value.ToLowerInvariant() : "";
            switch (kind)
            {
                case "published" or "posted" or "dated": published ??= found.Date; break;
                case "updated": updated ??= found.Date; break;
                case "accessed" or "retrieved": accessed ??= found.Date; break;
                default: unlabelled ??= found.Date; break;
            }
        }
        return published ?? updated ?? unlabelled ?? accessed;
    }

    private static string StripEmphasis(string s) => s.Replace("*", "", StringComparison.Ordinal).Replace("_", " ", StringComparison.Ordinal).Trim();

    private static string CollapseSpace(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}
