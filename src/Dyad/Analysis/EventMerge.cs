using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>
/// One event reported by several documents is one event with several sources: reports with the same
/// source and target, the same three-digit CAMEO code and modality, and day-precise dates that
/// overlap become one row carrying every citation and evidence sentence.
/// </summary>
public static class EventMerge
{
    public static IReadOnlyList<EventRow> AcrossReports(IEnumerable<EventRow> events)
    {
        var merged = new List<EventRow>();
        var byKey = new Dictionary<(string?, string?, string, string?), List<int>>();
        foreach (var e in events)
        {
            var key = (Side(e.SourceCountry, e.SourceActor), Side(e.TargetCountry, e.TargetActor), e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo, e.Modality);
            if (!byKey.TryGetValue(key, out var candidates)) byKey[key] = candidates = [];
            int found = candidates.FindIndex(i => SameOccasion(merged[i], e));
            if (found < 0)
            {
                candidates.Add(merged.Count);
                merged.Add(e);
                continue;
            }
            int index = candidates[found];
            merged[index] = Combine(merged[index], e);
        }
        return merged;
    }

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
