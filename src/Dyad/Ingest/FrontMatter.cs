using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Ingest;

/// <summary>
/// Reads the lines before the body of a plain-text document — title, "By" line, author, role,
/// organisation, date, labelled fields ("Published: 2023-03-10") — into metadata.
/// </summary>
public static partial class FrontMatter
{
    // Words that make a front-matter line an organisation's name; weak ones also appear in job titles.
    private static readonly string[] StrongOrganisationWords =
    [
        "Centre", "Center", "Institute", "Institution", "Foundation", "Council", "University", "Agency", "Association",
        "Society", "Ministry", "Commission", "Committee", "Bureau", "Academy", "Observatory", "Trust", "Endowment",
    ];

    private static readonly string[] WeakOrganisationWords =
    [
        "Press", "Forum", "Programme", "Program", "Office", "Group", "Network", "School", "College", "Service", "Initiative",
        "News", "Times", "Post", "Herald", "Journal", "Review", "Tribune", "Gazette", "Media", "Studies", "Research",
    ];

    private static readonly string[] JobTitleWords =
    [
        "Associate", "Fellow", "Director", "Analyst", "Editor", "Researcher", "Professor", "Correspondent", "Reporter",
        "Writer", "Scholar", "Lecturer", "Chair", "Intern", "Staff", "Contributor", "Columnist",
    ];

    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "US", "USA", "UN", "EU", "UK", "DPRK", "ROK", "PRC", "USSR", "NATO", "UAE", "IAEA", "ASEAN", "G20", "G7", "OPEC", "WHO", "WTO", "GCC", "ISSI", "II", "III", "IV",
    };

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "vs", "with",
    };

    [GeneratedRegex(@"^\s*(?<label>title|author|authors|by|publisher|published|date|updated|source|organisation|organization)\s*:\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledLine();

    [GeneratedRegex(@"^\s*by\s+(?<who>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByLine();

    /// <summary>Metadata from the front-matter lines, in order.</summary>
    public static DocumentMetadata Parse(IReadOnlyList<string> lines)
    {
        string? title = null, publisher = null;
        (string Line, int Score) bestOrganisation = (string.Empty, 1);
        DateOnly? published = null;
        var authors = ImmutableArray.CreateBuilder<string>();
        bool expectAuthor = false, skipNext = false;
        foreach (string raw in lines)
        {
            string line = raw.Trim().Trim('*', '_').Trim();
            if (line.Length == 0) continue;
            if (skipNext)
            {
                skipNext = false;
                continue;
            }
            if (expectAuthor)
            {
                expectAuthor = false;
                authors.AddRange(SplitNames(line));
                continue;
            }
            if (line.Equals("By", StringComparison.OrdinalIgnoreCase) || line.Equals("By:", StringComparison.OrdinalIgnoreCase))
            {
                expectAuthor = true;
                continue;
            }
            if (line.StartsWith("Edited by", StringComparison.OrdinalIgnoreCase))
            {
                skipNext = line.Length <= "Edited by:".Length;
                continue;
            }
            var labelled = LabelledLine().Match(line);
            if (labelled.Success)
            {
                string value = labelled.Groups["value"].Value.Trim();
                switch (labelled.Groups["label"].Value.ToLowerInvariant())
                {
                    case "title": title ??= value; break;
                    case "author" or "authors" or "by": authors.AddRange(SplitNames(value)); break;
                    case "publisher" or "source" or "organisation" or "organization": publisher ??= value; break;
                    default: published ??= DateText.ParseWhole(value); break;
                }
                continue;
            }
            if (DateText.ParseWhole(line) is { } date)
            {
                published ??= date;
                continue;
            }
            var by = ByLine().Match(line);
            if (by.Success && authors.Count == 0 && line.Length < 100)
            {
                authors.AddRange(SplitNames(by.Groups["who"].Value));
                continue;
            }
            if (title is null)
            {
                title = TitleCase(line);
                continue;
            }
            int score = OrganisationScore(line);
            if (score > bestOrganisation.Score) bestOrganisation = (line, score);
        }
        if (publisher is null && bestOrganisation.Line.Length > 0) publisher = bestOrganisation.Line;
        return new DocumentMetadata(title, authors.ToImmutable(), publisher, published, null);
    }

    private static IEnumerable<string> SplitNames(string value) =>
        Regex.Split(value, @"\s*(?:,|;|\band\b|&)\s*", RegexOptions.CultureInvariant)
            .Select(n => n.Trim().Trim('*', '_').Trim())
            .Where(n => n.Length > 0 && n.Any(char.IsUpper));

    /// <summary>How much a line reads like an organisation's name; 2 or more is enough.</summary>
    private static int OrganisationScore(string line)
    {
        if (line.Length >= 120) return 0;
        int score = 0;
        if (Regex.IsMatch(line, @"\([A-Z]{2,}\)", RegexOptions.CultureInvariant)) score += 2;
        if (Regex.IsMatch(line, @"\b[A-Z]{3,}\b", RegexOptions.CultureInvariant)) score += 1;
        score += 2 * StrongOrganisationWords.Count(w => ContainsWord(line, w));
        score += WeakOrganisationWords.Count(w => ContainsWord(line, w));
        score -= 3 * JobTitleWords.Count(w => ContainsWord(line, w));
        return score;
    }

    private static bool ContainsWord(string line, string word) =>
        Regex.IsMatch(line, $@"\b{word}\b", RegexOptions.CultureInvariant);

    /// <summary>"IRAN-SAUDI TIES: AFTER THE BEIJING DEAL" -> "Iran-Saudi Ties: After the Beijing Deal"; mixed case is kept.</summary>
    public static string TitleCase(string line)
    {
        if (line.Any(char.IsLower)) return line;
        var words = line.Split(' ');
        for (int w = 0; w < words.Length; w++)
        {
            var parts = words[w].Split('-');
            for (int p = 0; p < parts.Length; p++)
            {
                string part = parts[p];
                string core = part.Trim(':', ',', '.', '(', ')', '"', '\'');
                if (core.Length == 0 || Acronyms.Contains(core)) continue;
                bool first = w == 0 && p == 0;
                bool afterColon = w > 0 && words[w - 1].EndsWith(':');
                string lower = part.ToLower(CultureInfo.InvariantCulture);
                parts[p] = !first && !afterColon && p == 0 && SmallWords.Contains(core) ? lower : Capitalise(lower);
            }
            words[w] = string.Join('-', parts);
        }
        return string.Join(' ', words);
    }

    private static string Capitalise(string word)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (char.IsLetter(word[i])) return string.Concat(word.AsSpan(0, i), char.ToUpperInvariant(word[i]).ToString(), word.AsSpan(i + 1));
        }
        return word;
    }
}
