using System.Collections.Immutable;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>
/// A change in the level of a dyad's Goldstein sum per period: the first period of the new level, the mean
/// before and after, and the most salient facts of the two periods before the change and the first two after it.
/// </summary>
public sealed record TurningPoint(Period Period, double MeanBefore, double MeanAfter, ImmutableArray<EventRow> Around)
{
    /// <summary>True when the relationship turned towards cooperation (the mean Goldstein sum rose).</summary>
    public bool TowardsCooperation => MeanAfter > MeanBefore;
}

/// <summary>Turning points: PELT (<see cref="ChangePoints"/>) on the series' Goldstein sums, empty periods counting as zero.</summary>
public static class TurningPoints
{
    public static ImmutableArray<TurningPoint> Find(DyadSeries series, IEnumerable<EventRow> events, ChangePointOptions? options = null, int eventsAround = 5)
    {
        var facts = events.Where(e => series.Pair.Matches(e) && EventFacts.IsFact(e) && e.DateStart is not null).ToList();
        return Find(series, (_, _) => facts, options, eventsAround);
    }

    /// <summary>
    /// The turning points of <paramref name="series"/>, reading the events around each change from the store: only the
    /// dyad's facts of the few periods around each change are read.
    /// </summary>
    public static ImmutableArray<TurningPoint> Find(DyadSeries series, IEventStore store, ChangePointOptions? options = null, int eventsAround = 5)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Find(series, (from, to) => store.Events(series.Pair.Query(from, to) with { FactsOnly = true }), options, eventsAround);
    }

    /// <summary>The turning points; <paramref name="between"/> gives (at least) the events that overlap a window of dates.</summary>
    private static ImmutableArray<TurningPoint> Find(DyadSeries series, Func<DateOnly, DateOnly, IEnumerable<EventRow>> between, ChangePointOptions? options, int eventsAround)
    {
        var signal = series.Points.Select(p => p.GoldsteinSum).ToArray();
        var result = ChangePoints.Detect(signal, options);
        var points = ImmutableArray.CreateBuilder<TurningPoint>();
        for (int i = 0; i < result.ChangePoints.Length; i++)
        {
            int at = result.ChangePoints[i];
            var period = series.Points[at].Period;
            DateOnly windowStart = series.Points[Math.Max(0, at - 2)].Period.Start, windowEnd = series.Points[Math.Min(series.Points.Length - 1, at + 1)].Period.End;
            var around = between(windowStart, windowEnd)
                .Where(e => series.Pair.Matches(e) && EventFacts.IsFact(e) && e.DateStart is not null)
                .Where(e => e.DateStart >= windowStart && (e.DateEnd ?? e.DateStart) <= windowEnd)
                .OrderByDescending(Salience.Score).ThenBy(e => e.DateStart).ThenBy(e => e.Id, StringComparer.Ordinal)
                .Take(eventsAround);
            points.Add(new TurningPoint(period, result.SegmentMeans[i], result.SegmentMeans[i + 1], [.. EventFacts.Chronological(around)]));
        }
        return points.ToImmutable();
    }
}
