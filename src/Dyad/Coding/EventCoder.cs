using System.Collections.Frozen;
using System.Collections.Immutable;
using Dyad.Actors;
using Dyad.Documents;
using Dyad.Time;

namespace Dyad.Coding;

/// <summary>
/// Codes the events of a document: trigger patterns from the lexicon, source and target from the
/// sentence's structure (voice, coordination, nominalisations, possessives, reported speech), modality,
/// date, location and evidence. Built once; immutable and thread-safe.
/// </summary>
public sealed class EventCoder
{
    private readonly CameoOntology _ontology;
    private readonly TriggerLexicon _lexicon;
    private readonly ActorDictionary _dictionary;

    public EventCoder(CameoOntology ontology, TriggerLexicon lexicon, ActorDictionary dictionary)
    {
        _ontology = ontology ?? throw new ArgumentNullException(nameof(ontology));
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
    }

    /// <summary>A coder with the embedded ontology, lexicon and actor dictionary.</summary>
    public static EventCoder CreateDefault() => new(CameoOntology.Default, TriggerLexicon.Default, ActorDictionary.Default);

    /// <summary>
    /// The events of a document whose syntax, time and actor layers are filled in; <paramref name="annotate"/>
    /// runs those earlier stages on a citation's title, which is coded as a document of its own.
    /// </summary>
    public ImmutableArray<CodedEvent> Code(AnnotatedDocument document, Func<Document, AnnotatedDocument> annotate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(annotate);
        var events = CodeBody(document, ct);
        int body = events.Count;
        events.AddRange(CitedTitles(document.Document, annotate, ct));
        return Merge(document.Document.Name, events, body);
    }

    /// <summary>
    /// The events of the titles of the citations a sentence carries ("France, Germany block EU
    /// tariff plan"): a cited headline often names the event more exactly than the sentence. They are
    /// dated by the citation, and their evidence is the citing sentence with the citation marker as trigger;
    /// those the body reports too merge with the body's event.
    /// </summary>
    private List<CodedEvent> CitedTitles(Document document, Func<Document, AnnotatedDocument> annotate, CancellationToken ct)
    {
        var result = new List<CodedEvent>();
        if (document.Citations.IsDefaultOrEmpty) return result;
        var byMarker = new Dictionary<string, Citation>(StringComparer.Ordinal);
        foreach (var c in document.Citations) byMarker.TryAdd(c.Marker, c);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in document.Sentences)
        {
            foreach (var marker in sentence.Citations)
            {
                if (!done.Add(marker) || !byMarker.TryGetValue(marker, out var citation) || string.IsNullOrWhiteSpace(citation.Title)) continue;
                var title = EventDocuments.FromText(document.Name, citation.Title, citation.Date ?? document.Metadata.Published);
                var trigger = document.Markers.IsDefaultOrEmpty ? sentence.Span
                    : document.Markers.FirstOrDefault(m => m.Marker == marker && sentence.Span.Contains(m.Span.Start))?.Span ?? sentence.Span;
                var evidence = new EventEvidence(sentence.Span, trigger, sentence.Citations);
                foreach (var e in CodeBody(annotate(title), ct))
                    result.Add(e with { Sentence = sentence.Span, Trigger = trigger, Citations = sentence.Citations, Evidence = [evidence] });
            }
        }
        return result;
    }

    private List<CodedEvent> CodeBody(AnnotatedDocument annotated, CancellationToken ct)
    {
        var document = annotated.Document;
        string text = document.Text;
        DateOnly? dct = document.Metadata.Published;
        var times = annotated.Times;
        var mentions = annotated.Actors;
        if (annotated.Syntax.Length != document.Sentences.Length) throw new ArgumentException("the syntax layer must hold one parse per sentence", nameof(annotated));
        var events = new List<CodedEvent>();
        int index = -1;
        int mi = 0, ti = 0;
        TimeExpression? narrative = null;
        TimeExpression? lastNarrative = null;
        int previousEnd = 0;
        TextSpan lastSpan = default;
        foreach (var sentence in document.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            index++;
            if (text.AsSpan(previousEnd, Math.Max(0, sentence.Span.Start - previousEnd)).IndexOf("\n\n", StringComparison.Ordinal) >= 0) narrative = null;
            previousEnd = sentence.Span.End;

            while (mi < mentions.Length && mentions[mi].Span.Start < sentence.Span.Start) mi++;
            int mj = mi;
            while (mj < mentions.Length && mentions[mj].Span.Start < sentence.Span.End) mj++;
            while (ti < times.Length && times[ti].Span.Start < sentence.Span.Start) ti++;
            int tj = ti;
            while (tj < times.Length && times[tj].Span.Start < sentence.Span.End) tj++;
            var sentenceMentions = mentions[mi..mj];
            var sentenceTimes = times[ti..tj];
            var analysis = new SentenceAnalysis(this, text, sentence, annotated.Syntax[index], sentenceMentions, sentenceTimes);
            var previous = events.Count > 0 && events[^1].Sentence == lastSpan ? events[^1] : null;
            foreach (var e in analysis.Events(narrative, dct))
                events.Add(WithinLifetime(NoLaterThanSources(document, ReactionTarget(text, e, previous)), lastNarrative) with { Id = $"{document.Name}#e{events.Count + 1}" });
            lastSpan = sentence.Span;
            // the narrative reference time: the last date of the paragraph, not counting headings and source notes
            if (analysis.IsHeading() || SourceNote(text, sentence.Span)) narrative = null;
            else
                foreach (var t in sentenceTimes)
                    if (t.Type == TimexType.Date && t.Interval is not null) lastNarrative = narrative = t;
        }
        return events;
    }

    /// <summary>
    /// An event reported with a footnote happened no later than the source it cites: one with no date of its own,
    /// which would take the document's date, takes the date of its earliest cited source when that is earlier.
    /// </summary>
    private static CodedEvent NoLaterThanSources(Document document, CodedEvent e)
    {
        if (e.Date is not { Text: null } fallback || e.Citations.IsDefaultOrEmpty) return e;
        var cited = e.Citations.Select(m => document.FindCitation(m)?.Date).OfType<DateOnly>().DefaultIfEmpty(DateOnly.MaxValue).Min();
        if (cited >= fallback.Start) return e;
        return e with { Date = new EventDate(cited, cited, cited.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, DatePrecision.Day) };
    }

    /// <summary>
    /// "The USSR continued to supply North Korea ..." opening a paragraph with no date of its own would take the
    /// document's date, when the Soviet Union no longer existed: such an event takes the last date of the
    /// narrative before it when that falls in the state's lifetime, else it stays undated.
    /// </summary>
    private CodedEvent WithinLifetime(CodedEvent e, TimeExpression? lastNarrative)
    {
        if (e.Date is not { Text: null } fallback) return e;
        var dictionary = _dictionary;
        DateOnly? end = new[] { e.Source.Country, e.Target?.Country }.OfType<string>().Select(dictionary.StateEnd).Where(d => d is not null).Min();
        if (end is not { } ended || fallback.Start <= ended) return e;
        if (lastNarrative is { Interval: { } interval } && interval.End <= ended)
            return e with { Date = new EventDate(interval.Start, interval.End, lastNarrative.Value, lastNarrative.Text, lastNarrative.Precision ?? DatePrecision.Day) };
        return e with { Date = null };
    }

    /// <summary>
    /// "Japan condemned the launch.": a disapproval or rejection (roots 11, 12) of a definite event noun with no
    /// actor of its own reacts to the previous sentence's last event, and targets that event's source when that
    /// is another state or another part of the same state.
    /// </summary>
    private static CodedEvent ReactionTarget(string text, CodedEvent e, CodedEvent? previous)
    {
        if (e.Target is not null || previous is null || !(e.Code.Code.StartsWith("11", StringComparison.Ordinal) || e.Code.Code.StartsWith("12", StringComparison.Ordinal))) return e;
        // another state, or another part of the same one ("The court ruled ... The prime minister criticised the judgment")
        if (previous.Source.Country is null || previous.Source.Country == e.Source.Country
            && SentenceAnalysis.SectorOf(previous.Source.Actor, previous.Source.Country) == SentenceAnalysis.SectorOf(e.Source.Actor, e.Source.Country)) return e;
        int i = e.Trigger.End;
        while (i < e.Sentence.End && text[i] == ' ') i++;
        if (!text.AsSpan(i, Math.Max(0, e.Sentence.End - i)).StartsWith("the ", StringComparison.Ordinal)) return e;
        i += 4;
        int start = i;
        while (i < e.Sentence.End && char.IsLetter(text[i]) && char.IsLower(text[i])) i++;
        if (i == start || i < e.Sentence.End && text[i] is not ('.' or ',' or ';' or ' ')) return e;
        // "the launch of a satellite by Japan": a noun with its own complement is no anaphor
        var rest = text.AsSpan(i, e.Sentence.End - i).TrimStart();
        if (rest.StartsWith("of ", StringComparison.Ordinal) || rest.StartsWith("by ", StringComparison.Ordinal)) return e;
        return e with { Target = previous.Source };
    }

    // A footnote or reference line left in the body: a link, "published on", or a leading note number.
    private static bool SourceNote(string text, TextSpan span)
    {
        var s = text.AsSpan(span.Start, span.Length);
        return s.IndexOf("http", StringComparison.Ordinal) >= 0 || s.IndexOf("published on", StringComparison.Ordinal) >= 0
            || s.Length > 0 && (char.IsDigit(s[0]) || s[0] is '¹' or '²' or '³' || s[0] >= '⁰' && s[0] <= '⁹');
    }

    /// <summary>Events that repeat (same actors, root and modality, overlapping dates) become one with several evidences.</summary>
    /// <remarks>
    /// Two events of one sentence of the body named by different actors ("Xi's trip ... will follow a visit by
    /// Wang Yi") stay two; the first <paramref name="body"/> events are the body's.
    /// </remarks>
    private static ImmutableArray<CodedEvent> Merge(string name, List<CodedEvent> events, int body)
    {
        // Candidates are looked up by root, modality and actors (what a merge requires to be equal), and evidences
        // and citations gathered in lists: comparing with every earlier event and copying the evidences at each
        // merge made a long document quadratic.
        var result = new List<CodedEvent>();
        var evidences = new List<List<EventEvidence>>();
        var citations = new List<(List<string> List, HashSet<string> Seen)>();
        var byKey = new Dictionary<(string, Modality, string?, string?), List<int>>();
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            bool fromBody = i < body;
            var key = (Root(e.Code.Code), e.Modality, Key(e.Source), Key(e.Target));
            if (!byKey.TryGetValue(key, out var candidates)) byKey[key] = candidates = [];
            int found = candidates.FindIndex(k => Merges(result[k], e, fromBody));
            if (found < 0)
            {
                candidates.Add(result.Count);
                result.Add(e);
                evidences.Add([.. e.Evidence]);
                citations.Add(([.. e.Citations.Distinct()], [.. e.Citations]));
                continue;
            }
            found = candidates[found];
            var r = result[found];
            var better = e.Code.Code.Length > r.Code.Code.Length ? e.Code : r.Code;
            var date = DateWidth(e.Date) < DateWidth(r.Date) ? e.Date : r.Date;
            result[found] = r with
            {
                Code = better,
                Date = date,
                Location = r.Location ?? e.Location,
                Confidence = Math.Max(r.Confidence, e.Confidence),
            };
            evidences[found].AddRange(e.Evidence);
            foreach (var c in e.Citations) if (citations[found].Seen.Add(c)) citations[found].List.Add(c);
        }
        for (int i = 0; i < result.Count; i++) result[i] = result[i] with { Evidence = [.. evidences[i]], Citations = [.. citations[i].List] };
        return [.. result.Select((e, i) => e with { Id = $"{name}#e{i + 1}" })];

        static bool Merges(CodedEvent r, CodedEvent e, bool fromBody) =>
            !(fromBody && r.Sentence == e.Sentence && r.Trigger != e.Trigger && r.Source.Text != e.Source.Text)
            && SameCode(r.Code.Code, e.Code.Code) && r.Modality == e.Modality
            && Key(r.Source) == Key(e.Source) && Key(r.Target) == Key(e.Target)
            && (Overlap(r.Date, e.Date) || Undated(e.Date) || Undated(r.Date));
        // codes that merge share their root (one is a prefix of the other; CAMEO codes have at least two digits)
        static string Root(string code) => code.Length >= 2 ? code[..2] : code;
        static bool SameCode(string a, string b) => a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
        static string? Key(EventActor? a) => a is null ? null : a.Country ?? a.Actor;
        // a date the text gives beats the document date, and a narrower one a wider one
        static int DateWidth(EventDate? d) => d is null ? int.MaxValue : Undated(d) ? int.MaxValue - 1 : d.End.DayNumber - d.Start.DayNumber;
        // the event took the document date: a later mention of an event dated elsewhere in the document
        static bool Undated(EventDate? d) => d is null || d.Text is null;
        static bool Overlap(EventDate? a, EventDate? b) => a is null || b is null ? a is null && b is null : a.Start <= b.End && b.Start <= a.End;
    }

    internal CameoOntology Ontology => _ontology;

    internal TriggerLexicon Lexicon => _lexicon;
}

/// <summary>
/// Closed word classes the structural rules rely on, read once from data/coding/words.tsv (a name, then its
/// words); the air and military words are matched ignoring case.
/// </summary>
internal static class Words
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Sets = Load();

    public static FrozenSet<string> Determiners { get; } = Sets["Determiners"];

    public static FrozenSet<string> Prepositions { get; } = Sets["Prepositions"];

    public static FrozenSet<string> LocationPrepositions { get; } = Sets["LocationPrepositions"];

    public static FrozenSet<string> Auxiliaries { get; } = Sets["Auxiliaries"];

    public static FrozenSet<string> Negators { get; } = Sets["Negators"];

    public static FrozenSet<string> Hypothetical { get; } = Sets["Hypothetical"];

    public static FrozenSet<string> Future { get; } = Sets["Future"];

    public static FrozenSet<string> Conditionals { get; } = Sets["Conditionals"];

    public static FrozenSet<string> Boundaries { get; } = Sets["Boundaries"];

    public static FrozenSet<string> AllegedCues { get; } = Sets["AllegedCues"];

    public static FrozenSet<string> ReportNouns { get; } = Sets["ReportNouns"];

    public static FrozenSet<string> SpeculationCues { get; } = Sets["SpeculationCues"];

    public static FrozenSet<string> IntentWords { get; } = Sets["IntentWords"];

    public static FrozenSet<string> AirWords { get; } = Sets["AirWords"];

    public static FrozenSet<string> MilitaryWords { get; } = Sets["MilitaryWords"];

    public static FrozenSet<string> Pronouns { get; } = Sets["Pronouns"];

    public static FrozenSet<string> BareInfinitiveControl { get; } = Sets["BareInfinitiveControl"];

    public static FrozenSet<string> ObjectControl { get; } = Sets["ObjectControl"];

    public static FrozenSet<string> DecisionNouns { get; } = Sets["DecisionNouns"];

    public static FrozenSet<string> ClaimNouns { get; } = Sets["ClaimNouns"];

    public static FrozenSet<string> StopPrepositions { get; } = Sets["StopPrepositions"];

    public static FrozenSet<string> ExcludingPrepositions { get; } = Sets["ExcludingPrepositions"];

    public static FrozenSet<string> ReactionRoots { get; } = Sets["ReactionRoots"];

    public static FrozenSet<string> MaterialConflictRoots { get; } = Sets["MaterialConflictRoots"];

    public static FrozenSet<string> PurposeRoots { get; } = Sets["PurposeRoots"];

    public static FrozenSet<string> DescriptiveCompounds { get; } = Sets["DescriptiveCompounds"];

    public static FrozenSet<string> EventNouns { get; } = Sets["EventNouns"];

    public static FrozenSet<string> BeforeVerbs { get; } = Sets["BeforeVerbs"];

    public static FrozenSet<string> DocumentNouns { get; } = Sets["DocumentNouns"];

    public static FrozenSet<string> GerundPrepositions { get; } = Sets["GerundPrepositions"];

    public static FrozenSet<string> ConditionOpeners { get; } = Sets["ConditionOpeners"];

    public static FrozenSet<string> ClauseOpeners { get; } = Sets["ClauseOpeners"];

    public static FrozenSet<string> Subordinators { get; } = Sets["Subordinators"];

    public static FrozenSet<string> PlaceAdjectives { get; } = Sets["PlaceAdjectives"];

    public static FrozenSet<string> StateForceSectors { get; } = Sets["StateForceSectors"];

    public static FrozenSet<string> SocietySectors { get; } = Sets["SocietySectors"];

    public static FrozenSet<string> ArmedOpposition { get; } = Sets["ArmedOpposition"];

    public static FrozenSet<string> GovernmentActs { get; } = Sets["GovernmentActs"];

    public static FrozenSet<string> CourtActs { get; } = Sets["CourtActs"];

    public static FrozenSet<string> GovernmentSeats { get; } = Sets["GovernmentSeats"];

    public static FrozenSet<string> PopularActs { get; } = Sets["PopularActs"];

    private static FrozenDictionary<string, FrozenSet<string>> Load()
    {
        const string resource = "Dyad.data.coding/words.tsv";
        using var stream = typeof(Words).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing embedded resource {resource}");
        using var reader = new StreamReader(stream);
        var sets = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length != 2) throw new InvalidDataException($"words.tsv:{number}: expected a name, a tab and the words");
            var comparer = f[0] is "AirWords" or "MilitaryWords" ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            sets[f[0]] = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(comparer);
        }
        return sets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
