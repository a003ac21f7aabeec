using System.Text.RegularExpressions;

namespace Dyad.Ingest;

/// <summary>
/// Finds calendar dates written the way bylines and footnotes write them ("September 13, 2023",
/// "13 September 2023", "Sept. 13, 2023", "2023-09-13"). Impossible dates ("February 30, 2023")
/// are not dates. This is for document metadata; the Time stage handles dates in running text.
/// </summary>
public static partial class DateText
{
    private const string Month =
        @"(?<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    [GeneratedRegex(@"\b(?:" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" +
                    @"|(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+(?<year2>\d{4})" +
                    @"|(?<iso>(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})))\b(?![-/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    public readonly record struct Found(DateOnly Date, int Start, int Length);

    /// <summary>Every valid date in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<Found> FindAll(string text)
    {
        foreach (Match match in DatePattern().Matches(text))
        {
            if (TryConvert(match) is { } date) yield return new Found(date, match.Index, match.Length);
        }
    }

    /// <summary>The date when the whole of <paramref name="text"/> (after an optional label) is one date.</summary>
    public static DateOnly? ParseWhole(string text)
    {
        string trimmed = text.Trim().TrimEnd('.');
        var match = DatePattern().Match(trimmed);
        if (!match.Success || TryConvert(match) is not { } date) return null;
        string before = trimmed[..match.Index].Trim().TrimEnd(':').Trim();
        string after = trimmed[(match.Index + match.Length)..].Trim();
        bool labelOnly = before.Length == 0 || before.Split(' ').Length <= 3 && !before.Any(char.IsDigit);
        return labelOnly && after.Length <= 12 ? date : null;
    }

    private static DateOnly? TryConvert(Match match)
    {
        int year, month, day;
        if (match.Groups["iso"].Success)
        {
            year = int.Parse(match.Groups["y"].ValueSpan, provider: null);
            month = int.Parse(match.Groups["m"].ValueSpan, provider: null);
            day = int.Parse(match.Groups["d"].ValueSpan, provider: null);
        }
        else if (match.Groups["month"].Success)
        {
            month = MonthNumber(match.Groups["month"].Value);
            day = int.Parse(match.Groups["day"].ValueSpan, provider: null);
            year = int.Parse(match.Groups["year"].ValueSpan, provider: null);
        }
        else
        {
            month = MonthNumber(match.Groups["month2"].Value);
            day = int.Parse(match.Groups["day2"].ValueSpan, provider: null);
            year = int.Parse(match.Groups["year2"].ValueSpan, provider: null);
        }
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    public static int MonthNumber(string name) => name.Trim('.').ToLowerInvariant()[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
        _ => 0,
    };
}
