using System.Collections.Immutable;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>An actor that acts on both members of a dyad: how often, and in what tone (mean Goldstein), toward each.</summary>
public sealed record ThirdParty(string Actor, int TowardA, double? MeanGoldsteinA, int TowardB, double? MeanGoldsteinB)
{
    public int Total => TowardA + TowardB;
}

/// <summary>
/// Third parties of a dyad: every country (or actor without one) other than the two members that is the source
/// of at least one fact targeting each member. Ordered by the number of such events, then by code.
/// </summary>
public static class ThirdParties
{
    public static ImmutableArray<ThirdParty> Find(IEnumerable<EventRow> events, DyadPair pair)
    {
        var towardA = new Dictionary<string, List<EventRow>>(StringComparer.Ordinal);
        var towardB = new Dictionary<string, List<EventRow>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!EventFacts.IsFact(e)) continue;
            string? actor = e.SourceCountry ?? e.SourceActor;
            if (actor is null || pair.IsA(e.SourceActor, e.SourceCountry) || pair.IsB(e.SourceActor, e.SourceCountry)) continue;
            var side = pair.IsA(e.TargetActor, e.TargetCountry) ? towardA : pair.IsB(e.TargetActor, e.TargetCountry) ? towardB : null;
            if (side is null) continue;
            if (!side.TryGetValue(actor, out var list)) side[actor] = list = [];
            list.Add(e);
        }
        return [.. towardA.Keys.Where(towardB.ContainsKey)
            .Select(actor => new ThirdParty(actor, towardA[actor].Count, Mean(towardA[actor]), towardB[actor].Count, Mean(towardB[actor])))
            .OrderByDescending(t => t.Total).ThenBy(t => t.Actor, StringComparer.Ordinal)];
    }

    private static double? Mean(List<EventRow> events)
    {
        var weights = events.Where(e => e.Goldstein is not null).Select(e => e.Goldstein!.Value).ToList();
        return weights.Count == 0 ? null : Math.Round(weights.Average(), 6);
    }
}
