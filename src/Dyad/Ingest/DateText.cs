using System.Text.RegularExpressions;

namespace Dyad.Ingest;

/// <summary>
/// Finds calendar dates written the way bylines and footnotes write them ("September 13, 2023",
/// "13 September 2023", "Sept. 13, 2023", "2023-09-13", and with a clock time before the year as
/// timestamps have it: "Sat, 29 Dec 15:58:00 2007"). Impossible dates ("February 30, 2023") are not
/// dates. Numeric dates ("31/12/2007", "1/14/08") are found only on request, by
/// <see cref="FindNumeric"/>, since their order of day and month is the writer's convention. This is
/// for document metadata; the Time stage handles dates in running text.
/// </summary>
public static partial class DateText
{
    private const string Month =
        @"(?<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    /// <summary>A clock time that a timestamp may put between the day and the year ("Dec 29 15:58:00 2007").</summary>
    private const string ClockBeforeYear = @"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?";

    [GeneratedRegex(@"\b(?:" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?" + ClockBeforeYear + @"\s+(?<year>\d{4})" +
                    @"|(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?" + ClockBeforeYear + @"\s+(?<year2>\d{4})" +
                    @"|(?<iso>(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})))\b(?![-/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>
    /// Numbers for day, month and year: "31/12/2007", "1/14/08", "15.01.2008", "2008/01/10". Not after
    /// or before another digit or separator, so a fraction, a score or a version number ("1/2/3/4") is not read.
    /// </summary>
    [GeneratedRegex(@"(?<![\d/.-])(?:(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})|(?<iy>\d{4})/(?<im>\d{1,2})/(?<id>\d{1,2}))(?![\d/.-]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();

    /// <summary>Which comes first in a date as written.</summary>
    public enum Order { MonthFirst, DayFirst, YearFirst }

    public readonly record struct Found(DateOnly Date, int Start, int Length, Order Order = Order.YearFirst);

    /// <summary>Every valid date in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<Found> FindAll(string text)
    {
        foreach (Match match in DatePattern().Matches(text))
        {
            if (TryConvert(match) is { } date)
            {
                var order = match.Groups["month"].Success ? Order.MonthFirst : match.Groups["month2"].Success ? Order.DayFirst : Order.YearFirst;
                yield return new Found(date, match.Index, match.Length, order);
            }
        }
    }

    /// <summary>
    /// Every numeric date in <paramref name="text"/>. A number above 12 settles which of the first two
    /// is the day ("31/12/2007", "1/14/08"); when both could be, <paramref name="convention"/> (the order
    /// the page writes its other dates in) settles it, and without one the date is left out, as a guess
    /// is worse than no date. A two-digit year is 19xx from 70 on, else 20xx.
    /// </summary>
    public static IEnumerable<Found> FindNumeric(string text, Order? convention) => FindNumeric(text, () => convention);

    /// <summary>As <see cref="FindNumeric(string, Order?)"/>, asking for the convention only when a date needs it (working it out costs a look at the whole page).</summary>
    public static IEnumerable<Found> FindNumeric(string text, Func<Order?> convention)
    {
        foreach (Match match in NumericPattern().Matches(text))
        {
            int year, month, day;
            if (match.Groups["iy"].Success)
            {
                year = int.Parse(match.Groups["iy"].ValueSpan, provider: null);
                month = int.Parse(match.Groups["im"].ValueSpan, provider: null);
                day = int.Parse(match.Groups["id"].ValueSpan, provider: null);
            }
            else
            {
                int a = int.Parse(match.Groups["a"].ValueSpan, provider: null), b = int.Parse(match.Groups["b"].ValueSpan, provider: null);
                bool dayFirst;
                if (a > 12 && b <= 12) dayFirst = true;
                else if (b > 12 && a <= 12) dayFirst = false;
                else if (a == b) dayFirst = true;
                else if (convention() is (Order.DayFirst or Order.MonthFirst) and var order) dayFirst = order == Order.DayFirst;
                else continue;
                (day, month) = dayFirst ? (a, b) : (b, a);
                var yearText = match.Groups["year"].ValueSpan;
                year = int.Parse(yearText, provider: null);
                if (yearText.Length == 2) year += year >= 70 ? 1900 : 2000;
            }
            if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) continue;
            yield return new Found(new DateOnly(year, month, day), match.Index, match.Length);
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
