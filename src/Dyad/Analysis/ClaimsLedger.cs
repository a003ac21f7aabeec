using System.Collections.Immutable;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>An alleged event of the dyad, who alleges it, and the denials that answer it.</summary>
public sealed record Claim(EventRow Allegation, Attribution? AllegedBy, ImmutableArray<Denial> Denials);

/// <summary>A denied event and who denies it.</summary>
public sealed record Denial(EventRow Event, Attribution? DeniedBy);

/// <summary>An announced intention (a plan, offer, promise, invitation) and the later fact that fulfilled it, if one did.</summary>
public sealed record Intention(EventRow Announcement, Attribution? AnnouncedBy, EventRow? FulfilledBy)
{
    public bool Fulfilled => FulfilledBy is not null;
}

/// <summary>
/// The claims ledger of a dyad. A denial answers an allegation when both are between the same two actors (either
/// direction), their codes are of one family (same CAMEO root, or both cooperative or both conflictual by
/// QuadClass), and the denial is not dated wholly before the allegation (a denial answers a claim made before
/// it, or an overlapping one; undated ones pair with any). Each denial goes to the allegation it fits best
/// (same 3-digit code, then same root, then same QuadClass side; then one alleged by an outsider to the dyad; then
/// the nearest date). An intention is
/// fulfilled by the earliest fact with the same source and target and the same CAMEO root that starts on or
/// after the intention's reference date (its own start date, else its earliest citation date); an intention
/// with neither date is left open.
/// </summary>
public sealed record ClaimsLedger(ImmutableArray<Claim> Claims, ImmutableArray<Denial> UnansweredDenials, ImmutableArray<Intention> Intentions)
{
    /// <summary>The ledger of <paramref name="pair"/>; <paramref name="events"/> may hold other events too (they help find who speaks).</summary>
    public static ClaimsLedger Build(IReadOnlyList<EventRow> events, DyadPair pair)
    {
        var bySentence = events.Where(e => e.EvidenceStart is not null)
            .ToLookup(e => (e.Doc, e.EvidenceStart, e.EvidenceEnd));
        IEnumerable<EventRow> Same(EventRow e) => e.EvidenceStart is null ? [] : bySentence[(e.Doc, e.EvidenceStart, e.EvidenceEnd)];

        var dyad = EventFacts.Chronological(events.Where(pair.Matches)).ToList();
        var allegations = dyad.Where(e => e.Modality == "alleged").ToList();
        var denials = dyad.Where(e => e.Modality == "denied").ToList();

        var answers = allegations.Select(_ => new List<Denial>()).ToArray();
        var allegers = allegations.Select(a => Attributions.Find(a, Same(a))).ToArray();
        var unanswered = ImmutableArray.CreateBuilder<Denial>();
        foreach (var d in denials)
        {
            var denial = new Denial(d, Attributions.Find(d, Same(d)));
            // Among claims that fit as well, a denial answers one made by an outsider to the dyad (U.S. intelligence
            // on Russia and North Korea) before one either side tells of itself.
            var best = allegations
                .Select((a, index) => (Allegation: a, Index: index, Fit: Fit(a, d)))
                .Where(x => x.Fit > 0)
                .OrderByDescending(x => x.Fit).ThenByDescending(x => Outsider(allegers[x.Index], pair)).ThenBy(x => Distance(x.Allegation, d)).ThenBy(x => x.Index)
                .Select(x => (int?)x.Index).FirstOrDefault();
            if (best is not { } index) unanswered.Add(denial);
            else answers[index].Add(denial);
        }
        var claims = allegations.Select((a, i) => new Claim(a, allegers[i], [.. answers[i]])).ToImmutableArray();

        var facts = dyad.Where(e => EventFacts.IsFact(e) && e.DateStart is not null).ToList();
        var intentions = dyad.Where(e => e.Modality == "intended")
            .Select(i => new Intention(i, Attributions.Find(i, Same(i)), Fulfilment(i, facts)))
            .ToImmutableArray();
        return new ClaimsLedger(claims, unanswered.ToImmutable(), intentions);
    }

    /// <summary>0 when the denial does not answer the allegation, else higher for a closer code.</summary>
    private static int Fit(EventRow allegation, EventRow denial)
    {
        if (denial.DateEnd is { } deniedEnd && allegation.DateStart is { } allegedStart && deniedEnd < allegedStart) return 0;
        if (allegation.Cameo.Length >= 3 && denial.Cameo.Length >= 3 && allegation.Cameo[..3] == denial.Cameo[..3]) return 3;
        if (allegation.Root == denial.Root) return 2;
        if (allegation.QuadClass is { } qa && denial.QuadClass is { } qd && (qa <= 2) == (qd <= 2)) return 1;
        return 0;
    }

    /// <summary>Whether the one who alleges is named and is neither side of the dyad.</summary>
    private static bool Outsider(Attribution? alleger, DyadPair pair) =>
        alleger?.Actor is { Length: >= 3 } actor && !pair.IsA(actor, actor[..3]) && !pair.IsB(actor, actor[..3]);

    private static int Distance(EventRow a, EventRow b) =>
        a.DateStart is { } x && b.DateStart is { } y ? Math.Abs(x.DayNumber - y.DayNumber) : int.MaxValue;

    private static EventRow? Fulfilment(EventRow intention, List<EventRow> facts)
    {
        DateOnly? reference = intention.DateStart ?? intention.Citations.Where(c => c.Date is not null).Select(c => c.Date).Min();
        if (reference is not { } since) return null;
        return facts.FirstOrDefault(f =>
            f.Root == intention.Root
            && f.DateStart >= since
            && SameSide(f.SourceActor, f.SourceCountry, intention.SourceActor, intention.SourceCountry)
            && SameSide(f.TargetActor, f.TargetCountry, intention.TargetActor, intention.TargetCountry));
    }

    private static bool SameSide(string? actor, string? country, string? otherActor, string? otherCountry) =>
        country is not null && otherCountry is not null ? country == otherCountry : actor == otherActor;
}
