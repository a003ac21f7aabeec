using System.Globalization;

namespace Dyad.Time;

/// <summary>The unit a calendar value is stated in (finer than <see cref="DatePrecision"/>: it knows halves).</summary>
internal enum Unit
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
}

/// <summary>
/// A calendar value at some granularity: a century (Year = 1900), a decade (Year = 1990), a year, a half, a quarter,
/// a season (Sub 1..4 = spring, summer, fall, winter), a month, an ISO week (Year = week-year) or a day.
/// Knows its TIMEX3 value and the inclusive days it covers; arithmetic keeps the granularity.
/// </summary>
internal readonly record struct CalendarValue(Unit Unit, int Year, int Sub = 0, int Day = 0)
{
    private static readonly string[] SeasonCodes = ["SP", "SU", "FA", "WI"];

    public static CalendarValue OfDate(DateOnly date) => new(Unit.Day, date.Year, date.Month, date.Day);

    public static CalendarValue OfYear(int year) => new(Unit.Year, year);

    public static CalendarValue OfMonth(int year, int month) => new(Unit.Month, year, month);

    public static CalendarValue OfWeek(DateOnly date) => new(Unit.Week, ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    public static CalendarValue OfQuarter(DateOnly date) => new(Unit.Quarter, date.Year, (date.Month - 1) / 3 + 1);

    public static CalendarValue OfHalf(DateOnly date) => new(Unit.Half, date.Year, date.Month <= 6 ? 1 : 2);

    public static CalendarValue OfDecade(int year) => new(Unit.Decade, year - Mod(year, 10));

    public static CalendarValue OfCentury(int year) => new(Unit.Century, year - Mod(year, 100));

    public static CalendarValue OfSeason(DateOnly date)
    {
        int m = date.Month;
        return m switch
        {
            >= 3 and <= 5 => new(Unit.Season, date.Year, 1),
            >= 6 and <= 8 => new(Unit.Season, date.Year, 2),
            >= 9 and <= 11 => new(Unit.Season, date.Year, 3),
            12 => new(Unit.Season, date.Year, 4),
            _ => new(Unit.Season, date.Year - 1, 4),
        };
    }

    /// <summary>The value at <paramref name="unit"/> granularity that contains <paramref name="date"/>.</summary>
    public static CalendarValue Containing(DateOnly date, Unit unit) => unit switch
    {
        Unit.Day => OfDate(date),
        Unit.Week or Unit.Weekend or Unit.Fortnight => OfWeek(date),
        Unit.Month => OfMonth(date.Year, date.Month),
        Unit.Quarter => OfQuarter(date),
        Unit.Half => OfHalf(date),
        Unit.Season => OfSeason(date),
        Unit.Decade => OfDecade(date.Year),
        Unit.Century => OfCentury(date.Year),
        _ => OfYear(date.Year),
    };

    public static bool IsValidDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    public bool IsValid => Year is >= 2 and <= 9998;

    /// <summary>First day covered.</summary>
    public DateOnly First => Unit switch
    {
        Unit.Day => new DateOnly(Year, Sub, Day),
        Unit.Week or Unit.Weekend => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Sub, DayOfWeek.Monday)),
        Unit.Month => new DateOnly(Year, Sub, 1),
        Unit.Quarter => new DateOnly(Year, (Sub - 1) * 3 + 1, 1),
        Unit.Half => new DateOnly(Year, Sub == 1 ? 1 : 7, 1),
        Unit.Season => new DateOnly(Year, Sub switch { 1 => 3, 2 => 6, 3 => 9, _ => 12 }, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>Last day covered (inclusive).</summary>
    public DateOnly Last => Unit switch
    {
        Unit.Day => First,
        Unit.Week => First.AddDays(6),
        Unit.Weekend => First.AddDays(6),
        Unit.Month => First.AddMonths(1).AddDays(-1),
        Unit.Quarter => First.AddMonths(3).AddDays(-1),
        Unit.Half => First.AddMonths(6).AddDays(-1),
        Unit.Season => First.AddMonths(3).AddDays(-1),
        Unit.Decade => new DateOnly(Math.Min(Year + 9, 9999), 12, 31),
        Unit.Century => new DateOnly(Math.Min(Year + 99, 9999), 12, 31),
        _ => new DateOnly(Year, 12, 31),
    };

    public DateInterval Interval => Unit == Unit.Weekend
        ? new DateInterval(First.AddDays(5), First.AddDays(6))
        : new DateInterval(First, Last);

    /// <summary>The days covered once a START, MID or END modifier narrows the value to its first, middle or last third.</summary>
    public DateInterval Narrow(string? mod)
    {
        var whole = Interval;
        if (mod is not ("START" or "MID" or "END")) return whole;
        switch (Unit)
        {
            case Unit.Month:
                return mod switch
                {
                    "START" => new(whole.Start, whole.Start.AddDays(9)),
                    "MID" => new(whole.Start.AddDays(10), whole.Start.AddDays(19)),
                    _ => new(whole.Start.AddDays(20), whole.End),
                };
            case Unit.Year:
                return mod switch
                {
                    "START" => new(new DateOnly(Year, 1, 1), new DateOnly(Year, 4, 30)),
                    "MID" => new(new DateOnly(Year, 5, 1), new DateOnly(Year, 8, 31)),
                    _ => new(new DateOnly(Year, 9, 1), new DateOnly(Year, 12, 31)),
                };
            case Unit.Decade:
                return mod switch
                {
                    "START" => new(new DateOnly(Year, 1, 1), new DateOnly(Year + 3, 12, 31)),
                    "MID" => new(new DateOnly(Year + 3, 1, 1), new DateOnly(Year + 6, 12, 31)),
                    _ => new(new DateOnly(Year + 7, 1, 1), new DateOnly(Year + 9, 12, 31)),
                };
            case Unit.Century:
                return mod switch
                {
                    "START" => new(new DateOnly(Year, 1, 1), new DateOnly(Year + 32, 12, 31)),
                    "MID" => new(new DateOnly(Year + 33, 1, 1), new DateOnly(Year + 65, 12, 31)),
                    _ => new(new DateOnly(Year + 66, 1, 1), new DateOnly(Year + 99, 12, 31)),
                };
            case Unit.Quarter or Unit.Season:
                return mod switch
                {
                    "START" => new(whole.Start, whole.Start.AddMonths(1).AddDays(-1)),
                    "MID" => new(whole.Start.AddMonths(1), whole.Start.AddMonths(2).AddDays(-1)),
                    _ => new(whole.Start.AddMonths(2), whole.End),
                };
            case Unit.Half:
                return mod switch
                {
                    "START" => new(whole.Start, whole.Start.AddMonths(2).AddDays(-1)),
                    "MID" => new(whole.Start.AddMonths(2), whole.Start.AddMonths(4).AddDays(-1)),
                    _ => new(whole.Start.AddMonths(4), whole.End),
                };
            case Unit.Week:
                return mod switch
                {
                    "START" => new(whole.Start, whole.Start.AddDays(1)),
                    "MID" => new(whole.Start.AddDays(2), whole.Start.AddDays(3)),
                    _ => new(whole.Start.AddDays(4), whole.End),
                };
            default:
                return whole;
        }
    }

    public DatePrecision Precision => Unit switch
    {
        Unit.Day => DatePrecision.Day,
        Unit.Week or Unit.Weekend or Unit.Fortnight => DatePrecision.Week,
        Unit.Month => DatePrecision.Month,
        Unit.Quarter or Unit.Half => DatePrecision.Quarter,
        Unit.Season => DatePrecision.Season,
        Unit.Decade => DatePrecision.Decade,
        Unit.Century => DatePrecision.Century,
        _ => DatePrecision.Year,
    };

    /// <summary>The TIMEX3 value: 2013, 2013-03, 2013-03-22, 2013-W11, 2013-W11-WE, 2013-Q1, 2013-H1, 2013-SU, 201, 20.</summary>
    public string Value => Unit switch
    {
        Unit.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Sub:D2}-{Day:D2}"),
        Unit.Week => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Sub:D2}"),
        Unit.Weekend => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Sub:D2}-WE"),
        Unit.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Sub:D2}"),
        Unit.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Sub}"),
        Unit.Half => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-H{Sub}"),
        Unit.Season => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{SeasonCodes[Sub - 1]}"),
        Unit.Decade => string.Create(CultureInfo.InvariantCulture, $"{Year / 10:D3}"),
        Unit.Century => string.Create(CultureInfo.InvariantCulture, $"{Year / 100:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}"),
    };

    /// <summary>Moves by <paramref name="n"/> steps of <paramref name="step"/>, then expresses the result at this value's own granularity.</summary>
    public CalendarValue Shift(int n, Unit step)
    {
        if (!IsValid) return this;
        var anchor = First;
        // far outside the calendar ("3000 years ago" from 2023): an invalid value the caller drops
        long months = step switch
        {
            Unit.Month or Unit.Quarter or Unit.Half or Unit.Season => (long)n * (step switch { Unit.Quarter or Unit.Season => 3, Unit.Half => 6, _ => 1 }),
            Unit.Year => 12L * n,
            Unit.Decade => 120L * n,
            Unit.Century => 1200L * n,
            _ => 0,
        };
        long days = step switch { Unit.Day => n, Unit.Week or Unit.Weekend => 7L * n, Unit.Fortnight => 14L * n, _ => 0 };
        long target = anchor.Year + months / 12 + days / 366;
        if (target is < 2 or > 9998) return this with { Year = 0 };
        var moved = step switch
        {
            Unit.Day => anchor.AddDays(n),
            Unit.Week or Unit.Weekend => anchor.AddDays(7 * n),
            Unit.Fortnight => anchor.AddDays(14 * n),
            Unit.Month => anchor.AddMonths(n),
            Unit.Quarter => anchor.AddMonths(3 * n),
            Unit.Half => anchor.AddMonths(6 * n),
            Unit.Season => anchor.AddMonths(3 * n),
            Unit.Year => anchor.AddYears(n),
            Unit.Decade => anchor.AddYears(10 * n),
            Unit.Century => anchor.AddYears(100 * n),
            _ => anchor,
        };
        return Unit switch
        {
            Unit.Weekend => OfWeek(moved) with { Unit = Unit.Weekend },
            Unit.Season => OfSeason(moved),
            _ => Containing(moved, Unit),
        };
    }

    private static int Mod(int a, int b) => ((a % b) + b) % b;
}
