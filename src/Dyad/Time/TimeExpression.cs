using Dyad.Documents;

namespace Dyad.Time;

/// <summary>The TIMEX3 type of a time expression.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>The calendar unit a date is stated in: "2023-09-13" is a day, "2023-09" a month, "200" a decade.</summary>
public enum DatePrecision
{
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

/// <summary>An inclusive range of calendar days.</summary>
public readonly record struct DateInterval(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}

/// <summary>
/// A time expression found in a text: where it stands, the words as written, its TIMEX3 type, its normalised
/// TIMEX3 value ("2023-07", "P20Y", "PRESENT_REF", ...), the TIMEX3 modifier ("END" for "late July"), and for a
/// date with a calendar extent the inclusive days it covers and the unit it is stated in.
/// </summary>
public sealed record TimeExpression(
    TextSpan Span,
    string Text,
    TimexType Type,
    string Value,
    string? Mod,
    DateInterval? Interval,
    DatePrecision? Precision);
