using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>
/// One event reported by several documents is one event with several sources: reports with the same
/// source and target, the same three-digit CAMEO code and modality, and day-precise dates that
/// overlap become one row carrying every citation and evidence sentence.
/// </summary>
public static class EventMerge
{
    /// <summary>Kept events whose interval is at most this many days are found by each of their days; longer ones are scanned.</summary>
    private const int IndexedDays = 31;

    public static IReadOnlyList<EventRow> AcrossReports(IEnumerable<EventRow> events)
    {
        var merged = new List<EventRow>();
        // A report joins the first kept event (in the order given) of its key that it overlaps. Kept events are found by
        // key and day rather than by scanning every event of the key, so merging stays linear in the number of reports.
        var byDay = new Dictionary<(Key, DateOnly), int>();
        var longer = new Dictionary<Key, List<int>>();
        var all = new Dictionary<Key, List<int>>();
        foreach (var e in events)
        {
            // Only day-precise reports merge, so the others are kept as they are and never looked up.
            if (e is not { DatePrecision: "day", DateStart: { } start, DateEnd: { } end } || end < start)
            {
                merged.Add(e);
                continue;
            }
            var key = new Key(Side(e.SourceCountry, e.SourceActor), Side(e.TargetCountry, e.TargetActor), e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo, e.Modality);
            int found = int.MaxValue;
            if (end.DayNumber - start.DayNumber < IndexedDays)
            {
                for (var d = start; d <= end; d = d.AddDays(1)) if (byDay.TryGetValue((key, d), out int i) && i < found) found = i;
                if (longer.TryGetValue(key, out var spans)) foreach (int i in spans) if (i < found && SameOccasion(merged[i], e)) found = i;
            }
            else if (all.TryGetValue(key, out var candidates))
            {
                foreach (int i in candidates) if (i < found && SameOccasion(merged[i], e)) found = i;
            }
            if (found != int.MaxValue)
            {
                merged[found] = Combine(merged[found], e);
                continue;
            }
            int index = merged.Count;
            merged.Add(e);
            if (!all.TryGetValue(key, out var list)) all[key] = list = [];
            list.Add(index);
            if (end.DayNumber - start.DayNumber < IndexedDays)
            {
                for (var d = start; d <= end; d = d.AddDays(1)) byDay.TryAdd((key, d), index);
            }
            else
            {
                if (!longer.TryGetValue(key, out var spans)) longer[key] = spans = [];
                spans.Add(index);
            }
        }
        return merged;
    }

    private readonly record struct Key(string? Source, string? Target, string Code, string? Modality);

    private static string? Side(string? country, string? actor) => country ?? actor;

    // Only day-precise reports merge: two "in 2016" reports may well be two events.
    private static bool SameOccasion(EventRow a, EventRow b) =>
        a.DatePrecision == "day" && b.DatePrecision == "day"
        && a.DateStart is { } aStart && a.DateEnd is { } aEnd && b.DateStart is { } bStart && b.DateEnd is { } bEnd
        && aStart <= bEnd && bStart <= aEnd;

    private static EventRow Combine(EventRow kept, EventRow other) => kept with
    {
        Citations = [.. kept.Citations.Concat(other.Citations).DistinctBy(c => (c.Url, c.Outlet, c.Title, c.Date))],
        Evidences = [.. Evidence(kept).Concat(Evidence(other)).Distinct()],
        Confidence = Math.Max(kept.Confidence ?? 0, other.Confidence ?? 0),
        Cameo = other.Cameo.Length > kept.Cameo.Length ? other.Cameo : kept.Cameo,
    };

    private static IEnumerable<EventEvidence> Evidence(EventRow e) =>
        !e.Evidences.IsEmpty ? e.Evidences
        : e.EvidenceSentence is { } sentence ? [new EventEvidence(e.Doc, sentence, e.EvidenceStart ?? 0, e.EvidenceEnd ?? 0)]
        : [];
}
