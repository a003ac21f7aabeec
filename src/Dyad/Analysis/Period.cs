using System.Globalization;

namespace Dyad.Analysis;

/// <summary>How long one period of a series is.</summary>
public enum PeriodUnit
{
    Month,
    Quarter,
    Year,
}

/// <summary>One calendar month, quarter or year. <see cref="Index"/> is the month (1-12), quarter (1-4) or 1 for a year.</summary>
public readonly record struct Period(PeriodUnit Unit, int Year, int Index) : IComparable<Period>
{
    public static Period Of(DateOnly date, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Month => new(unit, date.Year, date.Month),
        PeriodUnit.Quarter => new(unit, date.Year, (date.Month - 1) / 3 + 1),
        _ => new(unit, date.Year, 1),
    };

    public DateOnly Start => Unit switch
    {
        PeriodUnit.Month => new DateOnly(Year, Index, 1),
        PeriodUnit.Quarter => new DateOnly(Year, (Index - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Next().Start.AddDays(-1);

    public Period Next() => Unit switch
    {
        PeriodUnit.Month => Index == 12 ? new(Unit, Year + 1, 1) : new(Unit, Year, Index + 1),
        PeriodUnit.Quarter => Index == 4 ? new(Unit, Year + 1, 1) : new(Unit, Year, Index + 1),
        _ => new(Unit, Year + 1, 1),
    };

    /// <summary>2023-09, 2023-Q3 or 2023.</summary>
    public string Label => Unit switch
    {
        PeriodUnit.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
        PeriodUnit.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Index}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public bool Contains(DateOnly date) => Start <= date && date <= End;

    public int CompareTo(Period other) => Start.CompareTo(other.Start);

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;

    /// <summary>Parses month, quarter or year as the command line spells them.</summary>
    public static PeriodUnit? ParseUnit(string text) => text.ToLowerInvariant() switch
    {
        "month" => PeriodUnit.Month,
        "quarter" => PeriodUnit.Quarter,
        "year" => PeriodUnit.Year,
        _ => null,
    };
}
