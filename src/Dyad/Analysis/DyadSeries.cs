using System.Collections.Immutable;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>
/// A dyad's factual events in one period: counts per QuadClass, the Goldstein sum and mean, and net
/// cooperation (cooperative minus conflictual events: QuadClass 1+2 minus 3+4).
/// </summary>
public sealed record SeriesPoint(
    Period Period,
    int Events,
    int VerbalCooperation,
    int MaterialCooperation,
    int VerbalConflict,
    int MaterialConflict,
    double GoldsteinSum,
    double? GoldsteinMean)
{
    public int NetCooperation => VerbalCooperation + MaterialCooperation - VerbalConflict - MaterialConflict;
}

/// <summary>
/// A dyad's series: one point per period from the first to the last (empty periods included, so the series
/// is evenly spaced). Only facts count (<see cref="EventFacts.IsFact"/>). An event is placed in the period
/// that holds its whole date interval; events dated more coarsely than the period (a year-precision event in
/// a monthly series) and undated events are left out and counted in <see cref="TooCoarse"/> and
/// <see cref="Undated"/>, never spread or guessed.
/// </summary>
public sealed record DyadSeries(DyadPair Pair, PeriodUnit Unit, ImmutableArray<SeriesPoint> Points, int Undated, int TooCoarse)
{
    /// <summary>The series of the events in <paramref name="events"/> that belong to <paramref name="pair"/>, limited to [from, to] when given.</summary>
    public static DyadSeries Build(IEnumerable<EventRow> events, DyadPair pair, PeriodUnit unit, DateOnly? from = null, DateOnly? to = null)
    {
        int undated = 0, coarse = 0;
        var placed = new Dictionary<Period, List<EventRow>>();
        foreach (var e in events)
        {
            if (!pair.Matches(e) || !EventFacts.IsFact(e)) continue;
            if (e.DateStart is not { } start)
            {
                undated++;
                continue;
            }
            DateOnly end = e.DateEnd ?? start;
            if (from is { } f && end < f || to is { } t && start > t) continue;
            var period = Period.Of(start, unit);
            if (!period.Contains(end))
            {
                coarse++;
                continue;
            }
            if (!placed.TryGetValue(period, out var list)) placed[period] = list = [];
            list.Add(e);
        }
        return FromCounts(pair, unit, new PeriodTally([.. placed.Select(p => Count(p.Key, p.Value))], undated, coarse), from, to);
    }

    /// <summary>The series counted by the store itself: only the counts per period are read, never the events.</summary>
    public static DyadSeries FromStore(IEventStore store, DyadPair pair, PeriodUnit unit, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pair);
        int months = unit switch { PeriodUnit.Month => 1, PeriodUnit.Quarter => 3, _ => 12 };
        return FromCounts(pair, unit, store.CountByPeriod(pair.Query(from, to) with { FactsOnly = true }, months), from, to);
    }

    /// <summary>The series of counts per period, one point per period from the first to the last (or the window's), empty ones included.</summary>
    public static DyadSeries FromCounts(DyadPair pair, PeriodUnit unit, PeriodTally tally, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var byPeriod = tally.Periods.ToDictionary(c => new Period(unit, c.Year, unit == PeriodUnit.Year ? 1 : c.Index + 1));
        if (byPeriod.Count == 0 && (from is null || to is null)) return new DyadSeries(pair, unit, [], tally.Undated, tally.TooCoarse);
        var first = from is { } ff ? Period.Of(ff, unit) : byPeriod.Keys.Min();
        var last = to is { } tt ? Period.Of(tt, unit) : byPeriod.Keys.Max();
        var points = ImmutableArray.CreateBuilder<SeriesPoint>();
        for (var p = first; p <= last; p = p.Next())
        {
            points.Add(byPeriod.TryGetValue(p, out var c)
                ? new SeriesPoint(p, c.Events, c.VerbalCooperation, c.MaterialCooperation, c.VerbalConflict, c.MaterialConflict,
                    Math.Round(c.GoldsteinSum, 6), c.Weighted == 0 ? null : Math.Round(c.GoldsteinSum / c.Weighted, 6))
                : new SeriesPoint(p, 0, 0, 0, 0, 0, 0, null));
        }
        return new DyadSeries(pair, unit, points.ToImmutable(), tally.Undated, tally.TooCoarse);
    }

    private static PeriodCounts Count(Period period, List<EventRow> events)
    {
        var quad = new int[5];
        double sum = 0;
        int weighted = 0;
        foreach (var e in events)
        {
            if (e.QuadClass is >= 1 and <= 4) quad[e.QuadClass.Value]++;
            if (e.Goldstein is { } g)
            {
                sum += g;
                weighted++;
            }
        }
        return new PeriodCounts(period.Year, period.Unit == PeriodUnit.Year ? 0 : period.Index - 1, events.Count, quad[1], quad[2], quad[3], quad[4], sum, weighted);
    }
}
