// Minimal version of the Time stage contract: enough to tag years, months and days in
// plain prose. The full Time stage replaces this file with the same public members.
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Time;

public enum TimexType { Date, Time, Duration, Set }

public enum DatePrecision { Day, Week, Month, Quarter, Season, Year, Decade, Century }

public readonly record struct DateInterval(DateOnly Start, DateOnly End);

public sealed record TimeExpression(TextSpan Span, string Text, TimexType Type, string Value,
    string? Mod, DateInterval? Interval, DatePrecision? Precision);

/// <summary>
/// Minimal time tagger: "September 13, 2023", "13 September 2023", "September 12-17, 2023",
/// "(early|mid|late) July 2023", "July 2023", "February of 2022", "mid-2022", "in 1961",
/// "the 1950s", "mid-September" and "this November" (year from the document date).
/// </summary>
public sealed class TimeTagger
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

    private static readonly Regex Pattern = new(
        $@"\b(?:(?<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?(?:" +
        $@"(?<m1>{Month})\s+(?<d1>\d{{1,2}})(?:\s*[-–]\s*(?<d1b>\d{{1,2}}))?(?:st|nd|rd|th)?,?\s+(?<y1>\d{{4}})" +
        $@"|(?<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>{Month}),?\s+(?<y2>\d{{4}})" +
        $@"|(?<m3>{Month})(?:\s+of)?,?\s+(?<y3>(?:1[89]|20)\d{{2}})\b" +
        $@"|(?<dec>(?:1[89]|20)\d0)s\b" +
        $@"|(?<y4>(?:1[89]|20)\d{{2}})\b(?![-–/]\d|\s*(?:percent|%|km|people|troops|soldiers|tons|tonnes|dollars|million|billion))" +
        $@"|(?<this>this|last|next)\s+(?<m5>{Month})\b" +
        $@"|(?<=\b(?:early|mid|late)[\s-]+)(?<m4>{Month})\b" +
        $@"|(?<m6>{Month})\b(?=\s+(?:and|when|as|,|\.))" +
        ")",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public ImmutableArray<TimeExpression> Tag(string text, DateOnly? documentDate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ImmutableArray.CreateBuilder<TimeExpression>();
        foreach (Match m in Pattern.Matches(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var expression = Resolve(m, documentDate);
            if (expression is not null) result.Add(expression);
        }
        return result.ToImmutable();
    }

    private static TimeExpression? Resolve(Match m, DateOnly? dct)
    {
        string part = m.Groups["part"].Success ? m.Groups["part"].Value.ToLowerInvariant() : "";
        var span = new TextSpan(m.Index, m.Index + m.Length);
        string text = m.Value;
        if (m.Groups["y1"].Success || m.Groups["y2"].Success)
        {
            int year = int.Parse(m.Groups["y1"].Success ? m.Groups["y1"].Value : m.Groups["y2"].Value, CultureInfo.InvariantCulture);
            int month = MonthOf(m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value);
            int day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
            if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
            var start = new DateOnly(year, month, day);
            if (m.Groups["d1b"].Success)
            {
                int last = int.Parse(m.Groups["d1b"].Value, CultureInfo.InvariantCulture);
                if (last < day || last > DateTime.DaysInMonth(year, month)) return null;
                return new TimeExpression(span, text, TimexType.Date, $"{year:D4}-{month:D2}-{day:D2}", null,
                    new DateInterval(start, new DateOnly(year, month, last)), DatePrecision.Day);
            }
            return new TimeExpression(span, text, TimexType.Date, $"{year:D4}-{month:D2}-{day:D2}", null,
                new DateInterval(start, start), DatePrecision.Day);
        }
        if (m.Groups["m3"].Success) return MonthExpression(span, text, int.Parse(m.Groups["y3"].Value, CultureInfo.InvariantCulture), MonthOf(m.Groups["m3"].Value), part);
        if (m.Groups["dec"].Success)
        {
            int decade = int.Parse(m.Groups["dec"].Value, CultureInfo.InvariantCulture);
            return new TimeExpression(span, text, TimexType.Date, (decade / 10).ToString(CultureInfo.InvariantCulture), ModOf(part),
                new DateInterval(new DateOnly(decade, 1, 1), new DateOnly(decade + 9, 12, 31)), DatePrecision.Decade);
        }
        if (m.Groups["y4"].Success)
        {
            int year = int.Parse(m.Groups["y4"].Value, CultureInfo.InvariantCulture);
            var (from, to) = part switch
            {
                "early" => (1, 4),
                "mid" => (5, 8),
                "late" or "the end of" => (9, 12),
                _ => (1, 12),
            };
            return new TimeExpression(span, text, TimexType.Date, year.ToString("D4", CultureInfo.InvariantCulture), ModOf(part),
                new DateInterval(new DateOnly(year, from, 1), new DateOnly(year, to, DateTime.DaysInMonth(year, to))), DatePrecision.Year);
        }
        if (dct is not { } reference) return null;
        if (m.Groups["m5"].Success)
        {
            int month = MonthOf(m.Groups["m5"].Value);
            int year = m.Groups["this"].Value.ToLowerInvariant() switch
            {
                "last" => month >= reference.Month ? reference.Year - 1 : reference.Year,
                "next" => month <= reference.Month ? reference.Year + 1 : reference.Year,
                _ => reference.Year,
            };
            return MonthExpression(span, text, year, month, part);
        }
        var bare = m.Groups["m4"].Success ? m.Groups["m4"] : m.Groups["m6"];
        if (bare.Success && (part.Length > 0 || m.Groups["m6"].Success))
        {
            int month = MonthOf(bare.Value);
            int year = month > reference.Month ? reference.Year - 1 : reference.Year;
            return MonthExpression(span, text, year, month, part);
        }
        return null;
    }

    private static TimeExpression MonthExpression(TextSpan span, string text, int year, int month, string part)
    {
        int days = DateTime.DaysInMonth(year, month);
        var (from, to) = part switch
        {
            "early" or "the beginning of" => (1, 10),
            "mid" => (11, 20),
            "late" or "the end of" => (21, days),
            _ => (1, days),
        };
        return new TimeExpression(span, text, TimexType.Date, $"{year:D4}-{month:D2}", ModOf(part),
            new DateInterval(new DateOnly(year, month, from), new DateOnly(year, month, to)), DatePrecision.Month);
    }

    private static string? ModOf(string part) => part switch
    {
        "early" or "the beginning of" => "START",
        "mid" => "MID",
        "late" or "the end of" => "END",
        _ => null,
    };

    private static int MonthOf(string name) =>
        Array.IndexOf(MonthNames, name[..3].ToLowerInvariant()) + 1;
}
