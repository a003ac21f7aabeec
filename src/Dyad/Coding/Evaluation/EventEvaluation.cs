using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// One expected event of the evaluation set. <see cref="Source"/> and <see cref="Target"/> are countries (or
/// organisations); <see cref="SourceSector"/> and <see cref="TargetSector"/> the CAMEO sector when the
/// annotation gives one ("PER:COP" is Peru's police).
/// </summary>
public sealed record GoldEvent(string? Source, string? Target, string Code, string Date, Modality Modality, int Line)
{
    public string? SourceSector { get; init; }

    public string? TargetSector { get; init; }
}

/// <summary>One small annotated document: its date, text and expected events.</summary>
public sealed record EvaluationBlock(string File, int Line, DateOnly DocumentDate, string Text, ImmutableArray<GoldEvent> Events);

/// <summary>Precision, recall and F1 from counts.</summary>
public readonly record struct Score(int Correct, int Predicted, int Expected)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Expected == 0 ? 0 : (double)Correct / Expected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"P {Precision:F3}  R {Recall:F3}  F1 {F1:F3}  ({Correct}/{Predicted} predicted, {Correct}/{Expected} expected)");
}

/// <summary>What the coder got for one block: matched pairs, misses and spurious events.</summary>
public sealed record BlockResult(EvaluationBlock Block, ImmutableArray<CodedEvent> Predicted,
    ImmutableArray<(GoldEvent Gold, CodedEvent Event)> Matched, ImmutableArray<GoldEvent> Missed, ImmutableArray<CodedEvent> Spurious);

/// <summary>Scores of the event coder on the evaluation set.</summary>
public sealed record EventScores(
    int Blocks,
    int EmptyBlocks,
    int SpuriousInEmptyBlocks,
    int EmptySentences,
    Score Sector,
    ImmutableSortedDictionary<string, Score> ByFile,
    Score Root,
    Score FullCode,
    Score Date,
    Score Modality,
    ImmutableSortedDictionary<string, Score> ByRoot,
    ImmutableSortedDictionary<string, Score> ByModality,
    ImmutableArray<BlockResult> Results)
{
    /// <summary>Events coded in the no-event documents, per 100 of their sentences.</summary>
    public double SpuriousPer100 => EmptySentences == 0 ? 0 : 100.0 * SpuriousInEmptyBlocks / EmptySentences;
}

/// <summary>
/// Reads the annotated event set (tests/data/events/*.events) and scores an <see cref="EventCoder"/>
/// on it: an event is right at root level when source country, target country and CAMEO root agree
/// (root 04, 057 and 06 in either direction); full code, date and modality are scored on those pairs.
/// </summary>
public static class EventEvaluation
{
    /// <summary>The blocks of one *.events file, or of every such file in a folder.</summary>
    public static ImmutableArray<EvaluationBlock> Load(string path)
    {
        var blocks = ImmutableArray.CreateBuilder<EvaluationBlock>();
        IEnumerable<string> files = File.Exists(path) ? [path] : Directory.EnumerateFiles(path, "*.events").Order(StringComparer.Ordinal);
        foreach (var file in files)
            blocks.AddRange(Parse(Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8)));
        return blocks.ToImmutable();
    }

    public static ImmutableArray<EvaluationBlock> Parse(string name, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blocks = ImmutableArray.CreateBuilder<EvaluationBlock>();
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        DateOnly? dct = null;
        int start = 0;
        var text = new List<string>();
        var events = ImmutableArray.CreateBuilder<GoldEvent>();
        for (int i = 0; i <= lines.Length; i++)
        {
            string line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length == 0 || line.StartsWith("==", StringComparison.Ordinal))
            {
                if (dct is not null && text.Count > 0)
                    blocks.Add(new EvaluationBlock(name, start, dct.Value, string.Join(" ", text), events.ToImmutable()));
                text.Clear();
                events.Clear();
                if (line.Length == 0) dct = null;
                else
                {
                    dct = DateOnly.ParseExact(line[2..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    start = i + 1;
                }
                continue;
            }
            if (line[0] == '#') continue;
            if (line[0] == '+')
            {
                var f = line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length != 5) throw new InvalidDataException($"{name}:{i + 1}: expected '+ SOURCE TARGET CODE DATE MODALITY'");
                var (source, sourceSector) = Participant(f[0]);
                var (target, targetSector) = Participant(f[1]);
                events.Add(new GoldEvent(source, target, f[2], f[3], Enum.Parse<Modality>(f[4], ignoreCase: true), i + 1)
                {
                    SourceSector = sourceSector,
                    TargetSector = targetSector,
                });
                continue;
            }
            if (dct is null) throw new InvalidDataException($"{name}:{i + 1}: text before the '== DATE' line");
            text.Add(line);
        }
        return blocks.ToImmutable();
    }

    // "RUS", "-" (none), "PER:COP" (a country's sector), "---:COP" (a sector whose country the text does not give)
    private static (string? Country, string? Sector) Participant(string field)
    {
        if (field == "-") return (null, null);
        int colon = field.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return (field, null);
        string country = field[..colon];
        return (country == "---" ? null : country, field[(colon + 1)..]);
    }

    /// <summary>
    /// The sector of a coded actor: the part of its code after its country ("PERCOP" -> COP), the code itself
    /// when it has no country ("COP"), empty for a whole state.
    /// </summary>
    public static string SectorOf(EventActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        string code = actor.Actor ?? "";
        if (actor.Country is { } country && code.StartsWith(country, StringComparison.Ordinal)) return code[country.Length..];
        return actor.Country is null ? code : "";
    }

    public static EventScores Score(IReadOnlyList<EvaluationBlock> blocks, DyadPipeline coder, CancellationToken ct = default) =>
        Score(blocks, coder, static a => a?.Country, ct);

    /// <summary>
    /// Scores with another reading of a coded actor's country: <paramref name="country"/> gives the code the
    /// gold events' <see cref="GoldEvent.Source"/> and <see cref="GoldEvent.Target"/> are compared with (another
    /// dictionary's codes can place transnational actors differently).
    /// </summary>
    public static EventScores Score(IReadOnlyList<EvaluationBlock> blocks, DyadPipeline coder, Func<EventActor?, string?> country, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(coder);
        ArgumentNullException.ThrowIfNull(country);
        int predicted = 0, expected = 0, root = 0, full = 0, date = 0, modality = 0, spuriousEmpty = 0, empty = 0, emptySentences = 0;
        int sectorCorrect = 0, sectorExpected = 0;
        var byFile = new Dictionary<string, (int C, int P, int E)>(StringComparer.Ordinal);
        var byRoot = new Dictionary<string, (int C, int P, int E)>();
        var byModality = new Dictionary<string, (int C, int P, int E)>();
        var results = ImmutableArray.CreateBuilder<BlockResult>();
        foreach (var block in blocks)
        {
            ct.ThrowIfCancellationRequested();
            var document = EventDocuments.FromText($"{block.File}:{block.Line}", block.Text, block.DocumentDate);
            var events = coder.CodeEvents(document, ct);
            predicted += events.Length;
            expected += block.Events.Length;
            if (block.Events.IsEmpty) { empty++; spuriousEmpty += events.Length; emptySentences += document.Sentences.Length; }
            var free = events.ToList();
            var matched = ImmutableArray.CreateBuilder<(GoldEvent, CodedEvent)>();
            var missed = ImmutableArray.CreateBuilder<GoldEvent>();
            // exact code first, so that a second event of the same root does not take the better partner
            var order = block.Events.OrderBy(g => free.Any(e => RootMatch(g, e, country) && e.Code.Code == g.Code) ? 0 : 1).ToList();
            foreach (var gold in order)
            {
                int k = free.FindIndex(e => RootMatch(gold, e, country) && e.Code.Code == gold.Code);
                if (k < 0) k = free.FindIndex(e => RootMatch(gold, e, country));
                if (k < 0) { missed.Add(gold); continue; }
                var e = free[k];
                free.RemoveAt(k);
                matched.Add((gold, e));
                root++;
                if (e.Code.Code == gold.Code) full++;
                if (DateMatch(gold.Date, e.Date)) date++;
                if (e.Modality == gold.Modality) modality++;
                foreach (var (want, actor) in new[] { (gold.SourceSector, (EventActor?)e.Source), (gold.TargetSector, e.Target) })
                {
                    if (want is null) continue;
                    sectorExpected++;
                    if (actor is not null && SectorOf(actor) == want) sectorCorrect++;
                }
            }
            var f = byFile.GetValueOrDefault(block.File);
            byFile[block.File] = (f.C + matched.Count, f.P + events.Length, f.E + block.Events.Length);
            foreach (var gold in block.Events)
            {
                string r = gold.Code[..2];
                var c = byRoot.GetValueOrDefault(r);
                byRoot[r] = (c.C + (matched.Any(p => p.Item1 == gold) ? 1 : 0), c.P, c.E + 1);
                string md = gold.Modality.ToString().ToLowerInvariant();
                var cm = byModality.GetValueOrDefault(md);
                byModality[md] = (cm.C + (matched.Any(p => p.Item1 == gold && p.Item2.Modality == gold.Modality) ? 1 : 0), cm.P, cm.E + 1);
            }
            foreach (var e in events)
            {
                var c = byRoot.GetValueOrDefault(e.Code.Root);
                byRoot[e.Code.Root] = (c.C, c.P + 1, c.E);
                string md = e.Modality.ToString().ToLowerInvariant();
                var cm = byModality.GetValueOrDefault(md);
                byModality[md] = (cm.C, cm.P + 1, cm.E);
            }
            results.Add(new BlockResult(block, events, matched.ToImmutable(), missed.ToImmutable(), [.. free]));
        }
        return new EventScores(blocks.Count, empty, spuriousEmpty, emptySentences,
            new Score(sectorCorrect, sectorExpected, sectorExpected),
            byFile.ToImmutableSortedDictionary(p => p.Key, p => new Score(p.Value.C, p.Value.P, p.Value.E), StringComparer.Ordinal),
            new Score(root, predicted, expected), new Score(full, predicted, expected),
            new Score(date, predicted, expected), new Score(modality, predicted, expected),
            byRoot.ToImmutableSortedDictionary(p => p.Key, p => new Score(p.Value.C, p.Value.P, p.Value.E), StringComparer.Ordinal),
            byModality.ToImmutableSortedDictionary(p => p.Key, p => new Score(p.Value.C, p.Value.P, p.Value.E), StringComparer.Ordinal),
            results.ToImmutable());
    }

    private static bool RootMatch(GoldEvent gold, CodedEvent e, Func<EventActor?, string?> country)
    {
        if (gold.Code[..2] != e.Code.Root) return false;
        string? s = country(e.Source), t = country(e.Target);
        if (gold.Source == s && gold.Target == t) return true;
        bool unordered = gold.Code.StartsWith("04", StringComparison.Ordinal) || gold.Code.StartsWith("057", StringComparison.Ordinal)
            || gold.Code.StartsWith("06", StringComparison.Ordinal);
        return unordered && gold.Source == t && gold.Target == s;
    }

    /// <summary>The predicted date is right when its value is the expected one or lies inside it ("2023-09-13" in "2023-09").</summary>
    public static bool DateMatch(string gold, EventDate? date) =>
        date is not null && (date.Value == gold || date.Value.StartsWith(gold, StringComparison.Ordinal) && gold.Length >= 4);

    /// <summary>The scores as the `dyad eval events` command prints them.</summary>
    public static string Format(EventScores s)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.AppendLine(inv, $"events: {s.Blocks} documents, {s.Root.Expected} expected events, {s.Root.Predicted} coded");
        b.AppendLine(inv, $"root + source/target countries  {s.Root}");
        b.AppendLine(inv, $"full code + countries           {s.FullCode}");
        b.AppendLine(inv, $"root + countries + date         {s.Date}");
        b.AppendLine(inv, $"root + countries + modality     {s.Modality}");
        b.AppendLine(inv, $"spurious events in the {s.EmptyBlocks} no-event documents: {s.SpuriousInEmptyBlocks} ({s.SpuriousPer100:F1} per 100 of their {s.EmptySentences} sentences)");
        if (s.Sector.Expected > 0) b.AppendLine(inv, $"sectors of matched actors       {s.Sector.Correct}/{s.Sector.Expected} right ({s.Sector.Recall:F3})");
        if (s.ByFile.Count > 1) AppendGroups(b, "by file (root + countries):", s.ByFile, 24);
        AppendRoots(b, s);
        b.AppendLine("by modality (root, countries and modality right):");
        foreach (var (m, score) in s.ByModality)
            b.AppendLine(inv, $"  {m,-12}  R {score.Recall:F2}  P {score.Precision:F2}  ({score.Correct}/{score.Expected}, {score.Predicted} coded)");
        return b.ToString();
    }

    /// <summary>A heading, then one line per group of blocks (a file, a category): F1, precision and recall at root level.</summary>
    internal static void AppendGroups(StringBuilder b, string heading, IReadOnlyDictionary<string, Score> groups, int width)
    {
        b.AppendLine(heading);
        foreach (var (name, score) in groups.OrderBy(p => p.Key, StringComparer.Ordinal))
            b.AppendLine(CultureInfo.InvariantCulture, $"  {name.PadRight(width)} F1 {score.F1:F3}  P {score.Precision:F3}  R {score.Recall:F3}  ({score.Correct}/{score.Expected} expected, {score.Predicted} coded)");
    }

    /// <summary>Recall and precision per CAMEO root.</summary>
    internal static void AppendRoots(StringBuilder b, EventScores s)
    {
        b.AppendLine("by root (recall: correct/expected; predicted = coded with that root):");
        foreach (var (root, score) in s.ByRoot)
            b.AppendLine(CultureInfo.InvariantCulture, $"  {root}  R {score.Recall:F2}  P {score.Precision:F2}  ({score.Correct}/{score.Expected}, {score.Predicted} coded)");
    }

    /// <summary>Every miss and spurious event, for reading what the coder does wrong.</summary>
    public static string Errors(EventScores s)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var r in s.Results)
        {
            if (r.Missed.IsEmpty && r.Spurious.IsEmpty && r.Matched.All(p => p.Gold.Modality == p.Event.Modality && DateMatch(p.Gold.Date, p.Event.Date))) continue;
            b.AppendLine(inv, $"{r.Block.File}:{r.Block.Line}  {r.Block.Text}");
            foreach (var g in r.Missed) b.AppendLine(inv, $"   MISS  {Participant(g.Source, g.SourceSector)} {Participant(g.Target, g.TargetSector)} {g.Code} {g.Date} {g.Modality}");
            foreach (var e in r.Spurious) b.AppendLine(inv, $"   EXTRA {Describe(e)}");
            foreach (var (g, e) in r.Matched)
                if (g.Modality != e.Modality || !DateMatch(g.Date, e.Date))
                    b.AppendLine(inv, $"   DIFF  want {g.Code} {g.Date} {g.Modality}; got {Describe(e)}");
        }
        return b.ToString();
    }

    private static string Participant(string? country, string? sector) =>
        sector is null ? country ?? "-" : $"{country ?? "---"}:{sector}";

    public static string Describe(CodedEvent e) =>
        $"{Coded(e.Source)}({e.Source.Text}) {(e.Target is null ? "-" : Coded(e.Target))}({e.Target?.Text}) {e.Code.Code} {e.Date?.Value ?? "-"} {e.Modality}";

    private static string Coded(EventActor a) => SectorOf(a) is { Length: > 0 } sector ? Participant(a.Country, sector) : a.Country ?? "-";
}
