using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>
/// How much an event matters to a reader of a chronology: 2 for a material event (QuadClass 2 or 4),
/// plus |Goldstein|/5 (0 to 2), plus one per distinct source, plus a half per further evidence sentence.
/// </summary>
public static class Salience
{
    public static double Score(EventRow e)
    {
        double score = e.QuadClass is 2 or 4 ? 2 : 0;
        if (e.Goldstein is { } g) score += Math.Abs(g) / 5;
        score += EventFacts.Sources(e).Count;
        if (e.Evidences.Length > 1) score += 0.5 * (e.Evidences.Length - 1);
        return score;
    }

    /// <summary>The <paramref name="count"/> most salient facts of the dyad, in date order (ties: earlier first, then by id).</summary>
    public static IReadOnlyList<EventRow> KeyEvents(IEnumerable<EventRow> events, DyadPair pair, int count) =>
        [.. EventFacts.Chronological(EventMerge.AcrossReports(EventFacts.Chronological(events
            .Where(e => pair.Matches(e) && EventFacts.IsFact(e))))
            .OrderByDescending(Score).ThenBy(e => e.DateStart ?? DateOnly.MaxValue).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(count))];
}
