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
        var placed = new List<(Period Period, EventRow Event)>();
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
            placed.Add((period, e));
        }
        if (placed.Count == 0 && (from is null || to is null)) return new DyadSeries(pair, unit, [], undated, coarse);
        var first = from is { } ff ? Period.Of(ff, unit) : placed.Min(p => p.Period);
        var last = to is { } tt ? Period.Of(tt, unit) : placed.Max(p => p.Period);
        var byPeriod = placed.ToLookup(p => p.Period, p => p.Event);
        var points = ImmutableArray.CreateBuilder<SeriesPoint>();
        for (var p = first; p <= last; p = p.Next()) points.Add(Point(p, byPeriod[p]));
        return new DyadSeries(pair, unit, points.ToImmutable(), undated, coarse);
    }

    private static SeriesPoint Point(Period period, IEnumerable<EventRow> events)
    {
        int n = 0;
        var quad = new int[5];
        double sum = 0;
        int weighted = 0;
        foreach (var e in events)
        {
            n++;
            if (e.QuadClass is >= 1 and <= 4) quad[e.QuadClass.Value]++;
            if (e.Goldstein is { } g)
            {
                sum += g;
                weighted++;
            }
        }
        return new SeriesPoint(period, n, quad[1], quad[2], quad[3], quad[4], Math.Round(sum, 6), weighted == 0 ? null : Math.Round(sum / weighted, 6));
    }
}
