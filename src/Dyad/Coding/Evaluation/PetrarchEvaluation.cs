using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Dyad.Actors;
using Dyad.Syntax;
using Dyad.Time;

namespace Dyad.Coding.Evaluation;

/// <summary>One expected coding of a PETRARCH unit-test record, its actor codes as the file writes them.</summary>
public sealed record PetrarchCoding(string Source, string Target, string Code);

/// <summary>
/// One `&lt;Sentence&gt;` of PETRARCH's unit-test records: its text, the date it is coded on and what PETRARCH
/// must code. <see cref="ExpectsNoEvent"/> marks records that must yield nothing (`noevents`, discards,
/// datelines, or no `&lt;EventCoding&gt;` at all); <see cref="Skip"/> says why a record is left out of the scores.
/// </summary>
public sealed record PetrarchRecord(string Id, string Category, DateOnly Date, string Text, int Line,
    ImmutableArray<PetrarchCoding> Codings, bool ExpectsNoEvent, string? Skip);

/// <summary>Which trigger table codes the records.</summary>
public enum PetrarchVerbs
{
    /// <summary>PETRARCH's verb dictionary alone: the records were written for it.</summary>
    Alone,

    /// <summary>PETRARCH's verbs first, the embedded table for verbs they lack.</summary>
    First,

    /// <summary>The embedded table extended by PETRARCH's verbs, as `--verbs FILE` does elsewhere: where both have a pattern, the embedded one wins.</summary>
    Added,
}

/// <summary>The PETRARCH files the evaluation reads from one folder.</summary>
public sealed record PetrarchData(string Folder, ImmutableArray<PetrarchRecord> Records, string ActorsText, string AgentsText, string VerbsText);

/// <summary>The scores of Dyad on PETRARCH's unit-test records, with what could not be scored and why.</summary>
public sealed record PetrarchScores(
    PetrarchVerbs Verbs,
    bool Agents,
    int Records,
    ImmutableArray<PetrarchRecord> Skipped,
    ImmutableSortedDictionary<string, int> UnscoredCodings,
    int VerbPatterns,
    int VerbLinesSkipped,
    int ActorDiagnostics,
    EventScores Events,
    Score ExactActors,
    ImmutableDictionary<EvaluationBlock, PetrarchRecord> RecordOf);

/// <summary>
/// Scores Dyad on PETRARCH's unit-test records (../shared/reference/petrarch-unit-tests/): each record's text
/// is coded with PETRARCH's own actor dictionary and verbs, on the record's date, and compared with the
/// codings PETRARCH must produce. An event is right at root level when its root and the states of its source
/// and target agree (an actor code's first three letters: DAGCOP is Dagolath's); exact actor codes are
/// counted on those pairs. Matching and scores are <see cref="EventEvaluation"/>'s.
/// </summary>
/// <remarks>
/// Left out, and counted in the report: records marked sentence="false" (PETRARCH does not implement them
/// either), records testing a broken parse tree (Dyad parses the text itself), and expected codings Dyad
/// cannot produce by design — actors PETRARCH makes up from a noun phrase ("INJURY TOLL"), TABARI's discard
/// code ###, and codes outside CAMEO (the verb file's WEIS codes and test codes such as 345 or 903).
/// </remarks>
public static class PetrarchEvaluation
{
    public const string RecordsFile = "PETR.UnitTest.records.xml";
    public const string ActorsFile = "PETR.Validate.actors.txt";
    public const string VerbsFile = "PETR.Validate.verbs.txt";
    public const string AgentsFile = "PETR.Validate.agents.txt";

    /// <summary>Reads the records and dictionaries of <paramref name="folder"/>; a missing or malformed file throws with its name.</summary>
    public static PetrarchData Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        string Read(string name)
        {
            string path = Path.Combine(folder, name);
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
            return File.ReadAllText(path, Encoding.UTF8);
        }
        var records = ParseRecords(Path.Combine(folder, RecordsFile), Read(RecordsFile));
        return new PetrarchData(folder, records, Read(ActorsFile), Read(AgentsFile), Read(VerbsFile));
    }

    /// <summary>The records of a PETRARCH unit-test file (the `&lt;Parse&gt;` trees are not read).</summary>
    public static ImmutableArray<PetrarchRecord> ParseRecords(string name, string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument doc;
        try
        {
            doc = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{name}: not well-formed XML: {e.Message}");
        }
        var records = ImmutableArray.CreateBuilder<PetrarchRecord>();
        foreach (var sentence in doc.Descendants("Sentence"))
        {
            int line = ((IXmlLineInfo)sentence).LineNumber;
            string Need(string attribute) => sentence.Attribute(attribute)?.Value.Trim() is { Length: > 0 } v ? v
                : throw new InvalidDataException($"{name}:{line}: <Sentence> without a {attribute}=\"...\"");
            string id = Need("id");
            if (!DateOnly.TryParseExact(Need("date"), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidDataException($"{name}:{line}: {id}: date '{sentence.Attribute("date")!.Value}' is not yyyymmdd");
            string text = sentence.Element("Text")?.Value is { } t && t.Trim().Length > 0
                ? string.Join(' ', t.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
                : throw new InvalidDataException($"{name}:{line}: {id}: no <Text>");
            var codings = ImmutableArray.CreateBuilder<PetrarchCoding>();
            bool none = false;
            string? skip = string.Equals(sentence.Attribute("sentence")?.Value, "false", StringComparison.OrdinalIgnoreCase)
                ? "marked sentence=\"false\": not implemented in PETRARCH" : null;
            foreach (var coding in sentence.Elements("EventCoding"))
            {
                if (string.Equals(coding.Attribute("noevents")?.Value, "true", StringComparison.OrdinalIgnoreCase)) { none = true; continue; }
                if (coding.Attribute("error")?.Value is { } error)
                {
                    // a bad parse tree is PETRARCH's input, not the text's; discards and datelines must code nothing
                    if (error == "bad_input_parse") skip ??= "tests a malformed parse tree, which Dyad does not read";
                    else none = true;
                    continue;
                }
                string Code(string attribute) => coding.Attribute(attribute)?.Value.Trim() is { Length: > 0 } v ? v
                    : throw new InvalidDataException($"{name}:{((IXmlLineInfo)coding).LineNumber}: {id}: <EventCoding> without {attribute}");
                codings.Add(new PetrarchCoding(Code("sourcecode"), Code("targetcode"), Code("eventcode")));
            }
            if (none && codings.Count > 0) throw new InvalidDataException($"{name}:{line}: {id}: expects both no event and events");
            // a record with no <EventCoding> at all expects nothing, as noevents="True" says explicitly
            records.Add(new PetrarchRecord(id, Need("category"), date, text, line, codings.ToImmutable(), none || codings.Count == 0, skip));
        }
        if (records.Count == 0) throw new InvalidDataException($"{name}: no <Sentence> records");
        return records.ToImmutable();
    }

    /// <summary>Why Dyad cannot produce an expected coding, or null when it is scored.</summary>
    public static string? Unscored(PetrarchCoding coding, CameoOntology ontology)
    {
        ArgumentNullException.ThrowIfNull(coding);
        ArgumentNullException.ThrowIfNull(ontology);
        if (coding.Source.StartsWith('"') || coding.Target.StartsWith('"')) return "actor made from a noun phrase";
        if (coding.Source == "###" || coding.Target == "###") return "TABARI discard code ###";
        if (ontology.Find(coding.Code) is null) return "event code outside CAMEO";
        return null;
    }

    /// <summary>The pipeline: PETRARCH's actor dictionary alone (with its agents unless told not), and the chosen trigger table.</summary>
    public static (DyadPipeline Pipeline, int Patterns, int LinesSkipped, int ActorDiagnostics) Pipeline(PetrarchData data, PetrarchVerbs verbs, bool agents = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = new ActorDictionaryBuilder().AddText(ActorsFile, data.ActorsText, ActorFileFormat.Tabari);
        if (agents) builder.AddText(AgentsFile, data.AgentsText, ActorFileFormat.PetrarchAgents);
        var actors = builder.Build();
        var (patterns, errors) = VerbDictionary.Read(new StringReader(data.VerbsText), CameoOntology.Default);
        var table = VerbDictionary.ToTriggerTable(patterns, VerbsFile);
        var theirs = TriggerLexicon.Parse(new StringReader(table), CameoOntology.Default, VerbsFile);
        var lexicon = verbs switch
        {
            PetrarchVerbs.Alone => theirs,
            PetrarchVerbs.First => theirs.With(TriggerLexicon.Default),
            PetrarchVerbs.Added => TriggerLexicon.Default.With(theirs),
            _ => throw new ArgumentOutOfRangeException(nameof(verbs)),
        };
        var pipeline = DyadPipeline.Create(new SyntaxAnnotator(SyntaxModel.Default, lexicon.Lemmas), new TimeTagger(), actors,
            new EventCoder(CameoOntology.Default, lexicon, actors));
        return (pipeline, patterns.Length, errors.Length, actors.Diagnostics.Length);
    }

    public static PetrarchScores Score(PetrarchData data, PetrarchVerbs verbs, bool agents = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ontology = CameoOntology.Default;
        var skipped = ImmutableArray.CreateBuilder<PetrarchRecord>();
        var unscored = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var blocks = new List<EvaluationBlock>();
        var recordOf = ImmutableDictionary.CreateBuilder<EvaluationBlock, PetrarchRecord>(ReferenceEqualityComparer.Instance);
        foreach (var record in data.Records)
        {
            if (record.Skip is not null) { skipped.Add(record); continue; }
            var gold = ImmutableArray.CreateBuilder<GoldEvent>();
            foreach (var coding in record.Codings)
            {
                if (Unscored(coding, ontology) is { } why) { unscored[why] = unscored.GetValueOrDefault(why) + 1; continue; }
                gold.Add(new GoldEvent(State(coding.Source), State(coding.Target), coding.Code, record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Modality.Asserted, record.Line));
            }
            // a record whose every coding is out of reach would only count Dyad's events on it as spurious
            if (gold.Count == 0 && !record.ExpectsNoEvent) { skipped.Add(record with { Skip = "every expected coding is one Dyad cannot produce" }); continue; }
            var block = new EvaluationBlock(record.Category, record.Line, record.Date, record.Text, gold.ToImmutable());
            blocks.Add(block);
            recordOf[block] = record;
        }
        var (pipeline, patterns, linesSkipped, actorDiagnostics) = Pipeline(data, verbs, agents);
        var events = EventEvaluation.Score(blocks, pipeline, StateOf, ct);
        int exact = 0, sides = 0;
        foreach (var result in events.Results)
        {
            var record = recordOf[result.Block];
            foreach (var (gold, e) in result.Matched)
            {
                // the gold coding this pair matched: same code and states, the first such coding of the record
                var coding = record.Codings.First(c => c.Code == gold.Code && State(c.Source) == gold.Source && State(c.Target) == gold.Target);
                bool swapped = StateOf(e.Source) != gold.Source || StateOf(e.Target) != gold.Target;
                string source = Normal(coding.Source), target = Normal(coding.Target);
                if (swapped) (source, target) = (target, source);
                sides += 2;
                if (CodeOf(e.Source) == source) exact++;
                if (CodeOf(e.Target) == target) exact++;
            }
        }
        return new PetrarchScores(verbs, agents, data.Records.Length, skipped.ToImmutable(), unscored.ToImmutableSortedDictionary(StringComparer.Ordinal),
            patterns, linesSkipped, actorDiagnostics, events, new Score(exact, sides, sides), recordOf.ToImmutable());
    }

    // PETRARCH writes an organisation as IGOUNO and the old Soviet Union as USR; Dyad reads them as UNO and SUN
    // (ActorDictionaryBuilder), so the expected codes are read the same way before they are compared.
    private static string Normal(string code)
    {
        if (code.StartsWith("IGO", StringComparison.Ordinal) && code.Length >= 6) return code[3..];
        if (code.StartsWith("USR", StringComparison.Ordinal)) return "SUN" + code[3..];
        return code;
    }

    /// <summary>The state of an expected actor code: its first three letters, null for "---" (no or an unknown state).</summary>
    public static string? State(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string normal = Normal(code);
        return normal.Length < 3 || normal.StartsWith("---", StringComparison.Ordinal) ? null : normal[..3];
    }

    private static readonly string[] Transnational = ["IMG", "NGO", "MNC", "UIS", "NGM"];

    /// <summary>The state of a coded actor, read as <see cref="State"/> reads an expected one: its country, or a transnational code's prefix.</summary>
    public static string? StateOf(EventActor? actor)
    {
        if (actor is null) return null;
        if (actor.Country is { } country) return country;
        return actor.Actor is { Length: >= 3 } code && Array.IndexOf(Transnational, code[..3]) >= 0 ? code[..3] : null;
    }

    /// <summary>A coded actor's code as PETRARCH writes it: "---" for none, "---GOV" for a sector without its state.</summary>
    public static string CodeOf(EventActor? actor)
    {
        if (actor is null) return "---";
        string code = actor.Actor ?? actor.Country ?? "";
        return actor.Country is null && !Transnational.Any(p => code.StartsWith(p, StringComparison.Ordinal)) ? "---" + code : code;
    }

    /// <summary>The scores as `dyad eval petrarch` prints them.</summary>
    public static string Format(PetrarchScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var e = s.Events;
        string verbs = s.Verbs switch
        {
            PetrarchVerbs.Alone => $"{VerbsFile} alone",
            PetrarchVerbs.First => $"{VerbsFile}, then the embedded table",
            _ => $"the embedded table, then {VerbsFile}",
        };
        b.AppendLine(inv, $"petrarch unit tests: {s.Records} records, {e.Blocks} scored ({e.EmptyBlocks} expecting no event), {s.Skipped.Length} skipped");
        b.AppendLine(inv, $"verbs: {verbs} ({s.VerbPatterns} patterns read, {s.VerbLinesSkipped} lines unusable); actors: {ActorsFile}{(s.Agents ? " and " + AgentsFile : "")} alone ({s.ActorDiagnostics} diagnostics)");
        string why = s.UnscoredCodings.Count == 0 ? "" : " (" + string.Join(", ", s.UnscoredCodings.Select(p => $"{p.Value} {p.Key}")) + ")";
        b.AppendLine(inv, $"expected codings: {e.Root.Expected} scored, {s.UnscoredCodings.Values.Sum()} not scored{why}");
        b.AppendLine(inv, $"root + source/target states     {e.Root}");
        b.AppendLine(inv, $"full code + states              {e.FullCode}");
        b.AppendLine(inv, $"exact actor codes of matches    {s.ExactActors.Correct}/{s.ExactActors.Expected} sides right ({s.ExactActors.Recall:F3})");
        b.AppendLine(inv, $"spurious events in the {e.EmptyBlocks} no-event records: {e.SpuriousInEmptyBlocks} ({e.SpuriousPer100:F1} per 100 of their {e.EmptySentences} sentences)");
        // the blocks are named by their record's category, so the scores by file are the scores by category
        EventEvaluation.AppendGroups(b, "by category (root + states):", e.ByFile, 10);
        EventEvaluation.AppendRoots(b, e);
        return b.ToString();
    }

    /// <summary>Every miss, spurious event and wrong full code, then the records left out and why.</summary>
    public static string Errors(PetrarchScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var r in s.Events.Results)
        {
            var wrongCode = r.Matched.Where(p => p.Gold.Code != p.Event.Code.Code).ToList();
            if (r.Missed.IsEmpty && r.Spurious.IsEmpty && wrongCode.Count == 0) continue;
            var record = s.RecordOf[r.Block];
            b.AppendLine(inv, $"{record.Id} ({record.Category}, line {record.Line})  {record.Text}");
            foreach (var g in r.Missed) b.AppendLine(inv, $"   MISS  {g.Source ?? "-"} {g.Target ?? "-"} {g.Code}");
            foreach (var e in r.Spurious) b.AppendLine(inv, $"   EXTRA {Describe(e)}");
            foreach (var (g, e) in wrongCode) b.AppendLine(inv, $"   CODE  want {g.Code}; got {Describe(e)}");
        }
        foreach (var record in s.Skipped) b.AppendLine(inv, $"{record.Id} ({record.Category}, line {record.Line})  skipped: {record.Skip}");
        return b.ToString();
    }

    private static string Describe(CodedEvent e) =>
        $"{CodeOf(e.Source)}({e.Source.Text}) {CodeOf(e.Target)}({e.Target?.Text}) {e.Code.Code}";
}
