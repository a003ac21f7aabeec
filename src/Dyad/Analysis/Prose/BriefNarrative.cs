using System.Collections.Immutable;
using System.Globalization;
using Dyad.Store;

namespace Dyad.Analysis.Prose;

/// <summary>Events told as one sentence: the same two actors, the same CAMEO root and the same day (or date) and modality.</summary>
internal sealed record Occasion(ImmutableArray<EventRow> Events)
{
    public EventRow Main { get; } = Events.OrderByDescending(Analysis.Salience.Score).ThenBy(e => e.Id, StringComparer.Ordinal).First();

    public DateOnly? Start => Events.Min(e => e.DateStart);

    public double Salience => Events.Max(Analysis.Salience.Score) + 0.5 * (Events.Length - 1);

    /// <summary>Groups events into occasions, in date order.</summary>
    public static List<Occasion> Group(IEnumerable<EventRow> events) =>
        [.. EventFacts.Chronological(events)
            .GroupBy(e => (Pair(e), e.Root, e.Modality ?? "asserted", e.DateStart, e.DateEnd, e.DatePrecision))
            .Select(g => new Occasion([.. g]))
            .OrderBy(o => o.Start ?? DateOnly.MaxValue).ThenBy(o => o.Main.Id, StringComparer.Ordinal)];

    private static string Pair(EventRow e)
    {
        string a = e.SourceCountry ?? e.SourceActor ?? e.SourceText ?? "", b = e.TargetCountry ?? e.TargetActor ?? e.TargetText ?? "";
        return string.CompareOrdinal(a, b) <= 0 ? $"{a}\u0001{b}" : $"{b}\u0001{a}";
    }
}

/// <summary>
/// The prose sections of a brief, chosen from the data: the latest burst of activity told day by day, the
/// background by era between turning points, the current trajectory with its contested claims and announced
/// intentions, third parties, and an outlook from intended and hypothetical events kept apart from the facts.
/// Each section chooses its events by salience within its share of the words, then tells them in date order.
/// </summary>
internal sealed class BriefNarrative
{
    /// <summary>Events of the latest burst are at most this many days apart.</summary>
    internal const int BurstGapDays = 60;

    private readonly Brief _brief;
    private readonly Realiser _realiser;
    private readonly HashSet<string> _told = new(StringComparer.Ordinal);
    private readonly List<Occasion> _facts;
    private readonly DateOnly? _burstStart;

    public BriefNarrative(Brief brief, Realiser realiser)
    {
        _brief = brief;
        _realiser = realiser;
        _facts = Occasion.Group(EventMerge.AcrossReports(EventFacts.Chronological(brief.Events.Where(e => brief.Pair.Matches(e) && EventFacts.IsFact(e)))));
        _burstStart = BurstStart(_facts);
    }

    /// <summary>The first day of the latest burst: going back from the latest finely dated fact while facts are at most <see cref="BurstGapDays"/> apart.</summary>
    private static DateOnly? BurstStart(List<Occasion> facts)
    {
        var fine = facts.Where(o => o.Start is not null && o.Main.DatePrecision is "day" or "week" or "month").Select(o => o.Start!.Value).Order().ToList();
        if (fine.Count == 0) return null;
        int i = fine.Count - 1;
        while (i > 0 && fine[i].DayNumber - fine[i - 1].DayNumber <= BurstGapDays) i--;
        return fine[i];
    }

    public ImmutableArray<Block> Latest(int words)
    {
        if (_burstStart is not { } start) return [Plain("No dated event between the two in the sources.")];
        var chosen = Choose(_facts.Where(o => o.Start >= start && o.Main.DatePrecision is not ("year" or "decade" or "century" or "quarter")), words);
        var blocks = ImmutableArray.CreateBuilder<Block>();
        foreach (var month in chosen.GroupBy(o => (o.Start!.Value.Year, o.Start!.Value.Month)))
        {
            var sentences = ImmutableArray.CreateBuilder<ProseSentence>();
            DateOnly? day = null;
            foreach (var o in month)
            {
                bool dayPrecise = o.Main.DatePrecision == "day" && o.Main.DateStart == o.Main.DateEnd;
                var placement = !dayPrecise ? DatePlacement.End : o.Start == day ? DatePlacement.None : DatePlacement.Front;
                sentences.Add(Tell(o, placement));
                if (dayPrecise) day = o.Start;
            }
            blocks.Add(new ProseBlock(sentences.ToImmutable()));
        }
        return blocks.Count == 0 ? [Plain("No event between the two in the sources is dated finely enough to tell day by day.")] : blocks.ToImmutable();
    }

    public ImmutableArray<Block> Background(int words)
    {
        var earlier = _facts.Where(o => o.Start is { } s && (_burstStart is not { } b || s < b) && !Told(o)).ToList();
        if (earlier.Count == 0) return [Plain("The sources hold no earlier event between the two.")];
        var cuts = _brief.TurningPoints.Select(tp => tp.Period.Start).Where(d => d > earlier[0].Start).Order().ToList();
        var eras = new List<List<Occasion>>();
        foreach (var o in earlier)
        {
            int era = cuts.Count(c => o.Start >= c);
            while (eras.Count <= era) eras.Add([]);
            eras[era].Add(o);
        }
        eras.RemoveAll(e => e.Count == 0);
        var blocks = ImmutableArray.CreateBuilder<Block>();
        double? previous = null;
        foreach (var era in eras)
        {
            int share = Math.Max(25, words * era.Count / earlier.Count);
            var chosen = Choose(era, share);
            double mean = Mean(era.SelectMany(o => o.Events));
            string opener = $"{Span(era)} relations {Level(mean, previous)}: ";
            previous = mean;
            // A long era reads in paragraphs: a new one when the decade turns after four sentences or more.
            var sentences = ImmutableArray.CreateBuilder<ProseSentence>();
            for (int i = 0; i < chosen.Count; i++)
            {
                if (sentences.Count >= 4 && chosen[i].Start!.Value.Year / 10 != chosen[i - 1].Start!.Value.Year / 10)
                {
                    blocks.Add(new ProseBlock(sentences.ToImmutable()));
                    sentences.Clear();
                }
                sentences.Add(Tell(chosen[i], DatePlacement.End, i == 0 ? opener : null));
            }
            blocks.Add(new ProseBlock(sentences.ToImmutable()));
        }
        return blocks.ToImmutable();
    }

    public ImmutableArray<Block> Trajectory(int words)
    {
        var blocks = ImmutableArray.CreateBuilder<Block>();
        var last = _brief.TurningPoints.IsEmpty ? null : (TurningPoint?)_brief.TurningPoints[^1];
        var since = _facts.Where(o => o.Start is { } s && (last is null || s >= last.Period.Start)).ToList();
        if (since.Count > 0)
        {
            var lead = since.OrderByDescending(o => Told(o) ? 0 : 1).ThenByDescending(o => o.Salience).First();
            string trend = last is null
                ? $"Over the period in the sources relations were {Level(Mean(since.SelectMany(o => o.Events)), null)}: "
                : $"Since {PeriodPhrase(last.Period)} relations have {(last.TowardsCooperation ? "warmed" : "cooled")}: ";
            blocks.Add(new ProseBlock([Tell(lead, DatePlacement.End, trend)]));
        }
        var claims = ImmutableArray.CreateBuilder<ProseSentence>();
        int budget = words;
        foreach (var claim in _brief.Ledger.Claims.OrderByDescending(c => c.Denials.Length).ThenByDescending(c => Salience.Score(c.Allegation)))
        {
            if (budget <= 0) break;
            var sentence = _realiser.Sentence([claim.Allegation], claim.AllegedBy);
            claims.Add(sentence);
            budget -= sentence.Words;
            foreach (var d in claim.Denials)
            {
                var denial = _realiser.Sentence([d.Event], d.DeniedBy);
                claims.Add(denial);
                budget -= denial.Words;
            }
        }
        foreach (var d in _brief.Ledger.UnansweredDenials)
        {
            if (budget <= 0) break;
            var denial = _realiser.Sentence([d.Event], d.DeniedBy);
            claims.Add(denial);
            budget -= denial.Words;
        }
        if (claims.Count > 0) blocks.Add(new ProseBlock(claims.ToImmutable()));
        var kept = ImmutableArray.CreateBuilder<ProseSentence>();
        foreach (var i in _brief.Ledger.Intentions.Where(i => i.FulfilledBy is not null))
        {
            if (budget <= 0) break;
            var said = _realiser.Sentence([i.Announcement], i.AnnouncedBy);
            var done = _realiser.Sentence([i.FulfilledBy!], null, DatePlacement.End, tail: ", as announced");
            kept.Add(said);
            kept.Add(done);
            _told.Add(i.FulfilledBy!.Id);
            budget -= said.Words + done.Words;
        }
        foreach (var i in _brief.Ledger.Intentions.Where(i => i.FulfilledBy is null && Due(i.Announcement)))
        {
            if (budget <= 0) break;
            var said = _realiser.Sentence([i.Announcement], i.AnnouncedBy, DatePlacement.End, tail: "; no later event in the sources shows it done");
            kept.Add(said);
            budget -= said.Words;
        }
        if (kept.Count > 0) blocks.Add(new ProseBlock(kept.ToImmutable()));
        if (blocks.Count == 0) blocks.Add(Plain("The sources hold no event between the two."));
        return blocks.ToImmutable();
    }

    public ImmutableArray<Block> ThirdParties(int words)
    {
        var pair = _brief.Pair;
        var facts = _brief.Events.Where(EventFacts.IsFact).ToList();
        // Each party's most salient act toward each member, as its subject and the rest of the clause.
        var acts = new List<(string Subject, string Clause, List<EventRow> Events)>();
        foreach (var party in _brief.ThirdParties)
        {
            if (words <= 0) break;
            bool From(EventRow e) => (e.SourceCountry ?? e.SourceActor) == party.Actor;
            var towardA = facts.Where(e => From(e) && pair.IsA(e.TargetActor, e.TargetCountry)).OrderByDescending(Salience.Score).ThenBy(e => e.DateStart).First();
            var towardB = facts.Where(e => From(e) && pair.IsB(e.TargetActor, e.TargetCountry)).OrderByDescending(Salience.Score).ThenBy(e => e.DateStart).First();
            string subject = _realiser.Name(towardA.SourceText, towardA.SourceActor, towardA.SourceCountry, towardA.DateStart, towardA.EvidenceSentence);
            string Rest(string clause, EventRow e)
            {
                string own = _realiser.Name(e.SourceText, e.SourceActor, e.SourceCountry, e.DateStart, e.EvidenceSentence);
                return clause.StartsWith(own + " ", StringComparison.Ordinal) ? clause[(own.Length + 1)..] : clause;
            }
            string rest;
            if (towardA.Cameo == towardB.Cameo && towardA.DateValue == towardB.DateValue && towardA.Modality == towardB.Modality)
            {
                string both = $"{_realiser.Name(towardA.TargetText, towardA.TargetActor, towardA.TargetCountry, towardA.DateStart)} and {_realiser.Name(towardB.TargetText, towardB.TargetActor, towardB.TargetCountry, towardB.DateStart)}";
                var joint = towardA with { TargetText = both, TargetActor = null, TargetCountry = null, LocationText = null };
                rest = Rest(_realiser.Clause(joint), joint);
            }
            else
            {
                bool sameDate = Realiser.DatePhrase(towardA) == Realiser.DatePhrase(towardB);
                string first = Rest(_realiser.Clause(towardA, null, sameDate ? DatePlacement.None : DatePlacement.End), towardA);
                rest = $"{first}{(sameDate ? "" : ",")} and {Rest(_realiser.Clause(towardB), towardB)}";
            }
            acts.Add((subject, rest, [towardA, towardB]));
            words -= subject.Split(' ').Length + rest.Split(' ').Length;
        }
        // Parties that did the same to both share one sentence: "The United States and South Korea warned ...".
        var sentences = acts.GroupBy(a => a.Clause, StringComparer.Ordinal)
            .Select(g => _realiser.Finish($"{ActorNames.Capitalise(Join([.. g.Select(a => a.Subject)]))} {g.Key}", [.. g.SelectMany(a => a.Events)]))
            .ToImmutableArray();
        return sentences.IsEmpty ? [Plain("No other actor acts on both in the sources.")] : [new ProseBlock(sentences)];
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    public ImmutableArray<Block> Outlook(int words)
    {
        var bySentence = _brief.Events.Where(e => e.EvidenceStart is not null).ToLookup(e => (e.Doc, e.EvidenceStart, e.EvidenceEnd));
        var open = _brief.Ledger.Intentions.Where(i => i.FulfilledBy is null && !Due(i.Announcement)).Select(i => (Event: i.Announcement, Who: i.AnnouncedBy));
        var hypothetical = _brief.Events.Where(e => _brief.Pair.Matches(e) && e.Modality == "hypothetical")
            .Select(e => (Event: e, Who: Attributions.Find(e, bySentence[(e.Doc, e.EvidenceStart, e.EvidenceEnd)])));
        var candidates = open.Concat(hypothetical).DistinctBy(x => x.Event.Id)
            .GroupBy(x => (x.Event.Root, x.Event.Modality, x.Event.DateValue, Side(x.Event.SourceCountry, x.Event.SourceActor), Side(x.Event.TargetCountry, x.Event.TargetActor)))
            .Select(g => (Events: g.Select(x => x.Event).ToList(), g.First().Who))
            .ToList();
        var scratch = _realiser.Scratch();
        var chosen = new List<(List<EventRow> Events, Attribution? Who)>();
        foreach (var c in candidates.OrderByDescending(c => c.Events.Max(Salience.Score)).ThenBy(c => c.Events[0].DateStart ?? DateOnly.MaxValue))
        {
            int n = scratch.Sentence(c.Events, c.Who).Words;
            if (n > words && chosen.Count > 0) break;
            chosen.Add(c);
            words -= n;
        }
        var sentences = chosen.OrderBy(c => c.Events.Min(e => e.DateStart) ?? DateOnly.MaxValue).ThenBy(c => c.Events[0].Id, StringComparer.Ordinal)
            .Select(c => _realiser.Sentence(c.Events, c.Who, Said(c.Events[0]) ? DatePlacement.Front : DatePlacement.End)).ToImmutableArray();
        return sentences.IsEmpty ? [Plain("The sources announce or expect nothing between the two.")] : [new ProseBlock(sentences)];
    }

    /// <summary>
    /// Whether an expected event's date is when it was said rather than when it is to happen: always for a
    /// hypothetical one, and for an intention dated no later than its sources.
    /// </summary>
    private static bool Said(EventRow e)
    {
        if (e.Modality == "hypothetical") return true;
        var published = e.Citations.Where(c => c.Date is not null).Select(c => c.Date!.Value).DefaultIfEmpty(DateOnly.MaxValue).Min();
        return e.DateEnd is { } end && end <= published;
    }

    /// <summary>Whether an announced event was to happen before the latest source of the brief was published (so it is overdue, not expected).</summary>
    private bool Due(EventRow e)
    {
        if (Said(e) || e.DateEnd is not { } end) return false;
        var latest = _brief.Events.SelectMany(x => x.Citations).Where(c => c.Date is not null).Select(c => c.Date!.Value).DefaultIfEmpty(DateOnly.MinValue).Max();
        return end < latest;
    }

    private static string Side(string? country, string? actor) => country ?? actor ?? "";

    private ProseSentence Tell(Occasion o, DatePlacement placement, string? lead = null)
    {
        foreach (var e in o.Events) _told.Add(e.Id);
        return _realiser.Sentence(o.Events, null, placement, lead);
    }

    private bool Told(Occasion o) => o.Events.Any(e => _told.Contains(e.Id));

    /// <summary>The most salient occasions that fit in <paramref name="words"/> (at least one), in date order.</summary>
    private List<Occasion> Choose(IEnumerable<Occasion> occasions, int words)
    {
        var scratch = _realiser.Scratch();
        var chosen = new List<Occasion>();
        foreach (var o in occasions.Where(o => !Told(o)).OrderByDescending(o => o.Salience).ThenBy(o => o.Start).ThenBy(o => o.Main.Id, StringComparer.Ordinal))
        {
            int n = scratch.Sentence(o.Events).Words;
            if (n > words && chosen.Count > 0) break;
            chosen.Add(o);
            words -= n;
        }
        return [.. chosen.OrderBy(o => o.Start).ThenBy(o => o.Main.Id, StringComparer.Ordinal)];
    }

    private static double Mean(IEnumerable<EventRow> events)
    {
        var weights = events.Where(e => e.Goldstein is not null).Select(e => e.Goldstein!.Value).ToList();
        return weights.Count == 0 ? 0 : weights.Average();
    }

    /// <summary>
    /// "were close", "were strained"; against the era before, "warmed" when the tone rose into cooperation and
    /// "cooled" when it fell into conflict.
    /// </summary>
    private static string Level(double mean, double? previous)
    {
        int level = Rank(mean);
        if (previous is { } p && Rank(p) != level)
        {
            if (level > Rank(p) && level >= 3) return "warmed";
            if (level < Rank(p) && level <= 1) return "cooled";
        }
        return level switch { 4 => "were close", 3 => "were cooperative", 2 => "were mixed", 1 => "were strained", _ => "were hostile" };
    }

    private static int Rank(double mean) => mean switch { >= 3 => 4, >= 1 => 3, > -1 => 2, > -3 => 1, _ => 0 };

    /// <summary>"From 1948 to 2019", "In 2012", "From the 1940s to 2019".</summary>
    private static string Span(List<Occasion> era)
    {
        string Year(EventRow e) => e.DatePrecision == "decade" ? $"the {(e.DateStart!.Value.Year / 10 * 10).ToString(CultureInfo.InvariantCulture)}s" : e.DateStart!.Value.Year.ToString(CultureInfo.InvariantCulture);
        string first = Year(era[0].Main), last = Year(era.OrderBy(o => o.Main.DateEnd ?? o.Start).Last().Main);
        return first == last ? $"In {first}" : $"From {first} to {last}";
    }

    /// <summary>"the second quarter of 2021", "March 2023", "2016".</summary>
    internal static string PeriodPhrase(Period period) => period.Unit switch
    {
        PeriodUnit.Month => period.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        PeriodUnit.Quarter => $"the {Realiser.QuarterWord(period.Index)} quarter of {period.Year.ToString(CultureInfo.InvariantCulture)}",
        _ => period.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Paragraph Plain(string text) => new([new TextRun(text)]);
}
