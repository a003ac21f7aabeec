using System.CommandLine;
using System.Globalization;
using Dyad.Actors;
using Dyad.Cli.Output;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>`dyad actors FILE...`: the actor mentions of each file, as JSON Lines or a table.</summary>
internal static class ActorsCommand
{
    /// <summary>The actor mention record of spec/records.md.</summary>
    private sealed record MentionRecord(string Doc, int Start, int End, string Text, string? Actor, string? Country, string Kind, string? Name, string? Role, string Via);

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.ZeroOrMore, Description = "Files to read (UTF-8 text)." };
        var explain = new Option<string?>("--explain") { Description = "Instead of reading files, explain what NAME alone codes to: the entry that matched, its role on the date and the alternatives it beat." };
        var date = new Option<string?>("--date") { Description = "With --explain: the date (YYYY-MM-DD) to read NAME on; default: no date, the latest offices." };
        var dicts = new Option<string[]>("--dict")
        {
            Description = "An extra dictionary: a .tsv file in one of Dyad's formats or a TABARI/PETRARCH .actors file. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dct = new Option<string?>("--dct") { Description = "The document date (YYYY-MM-DD); default: each file's last write date." };
        var format = CommonOptions.Format("table", "jsonl");
        var command = new Command("actors", "Find the actors mentioned in documents: states, organisations and people, coded by role on the date.") { files, dicts, dct, explain, date, format };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var fileNames = parse.GetValue(files) ?? [];
            if (parse.GetValue(explain) is { } name)
            {
                if (fileNames.Length > 0) throw new CliException("--explain reads no files: give either NAME or files", 2);
                if (parse.GetValue(dct) is not null) throw new CliException("--explain takes --date, not --dct", 2);
                DateOnly? on = parse.GetValue(date) is { } dateText ? ParseDate("--date", dateText) : null;
                var explainDictionary = (parse.GetValue(dicts) ?? []) is { Length: > 0 } extra ? ActorDictionary.Load(extra) : ActorDictionary.Default;
                ReportDiagnostics(explainDictionary, error);
                return Task.FromResult(Explain(explainDictionary, name, on, parse.GetValue(format) == "table", output));
            }
            if (parse.GetValue(date) is not null) throw new CliException("--date goes with --explain; files take --dct", 2);
            if (fileNames.Length == 0) throw new CliException("actors: give files to read, or --explain NAME", 2);
            DateOnly? documentDate = null;
            if (parse.GetValue(dct) is { } dctText) documentDate = ParseDate("--dct", dctText);
            var userDicts = parse.GetValue(dicts) ?? [];
            var dictionary = userDicts.Length == 0 ? ActorDictionary.Default : ActorDictionary.Load(userDicts);
            ReportDiagnostics(dictionary, error);
            var recognizer = new ActorRecognizer(dictionary);
            bool table = parse.GetValue(format) == "table";
            int status = 0;
            foreach (var file in fileNames)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!File.Exists(file))
                {
                    error.WriteLine($"dyad: {file}: no such file");
                    status = 1;
                    continue;
                }
                string text = File.ReadAllText(file);
                var date = documentDate ?? DateOnly.FromDateTime(File.GetLastWriteTimeUtc(file));
                var mentions = recognizer.Recognize(text, SentenceSplitter.Split(text), _ => date, cancellationToken);
                string doc = Path.GetFileName(file);
                foreach (var m in mentions)
                {
                    var record = new MentionRecord(doc, m.Span.Start, m.Span.End, m.Text, m.Actor, m.Country, KindName(m.Kind), m.Name, m.Role, m.Via.ToString().ToLowerInvariant());
                    if (table)
                        output.WriteLine($"{doc}\t{m.Span.Start}-{m.Span.End}\t{m.Text.ReplaceLineEndings(" ")}\t{m.Actor ?? "-"}\t{m.Country ?? "-"}\t{record.Kind}\t{m.Name ?? "-"}\t{m.Role ?? "-"}\t{record.Via}");
                    else JsonLines.Write(output, record);
                }
            }
            return Task.FromResult(status);
        });
        return command;
    }

    private const int MaxAlternatives = 12;

    private static DateOnly ParseDate(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new CliException($"{option}: '{text}' is not a date (YYYY-MM-DD)", 2);

    /// <summary>The explanation record of `dyad actors --explain --format jsonl`.</summary>
    private sealed record ExplanationRecord(string Name, string? Date, MentionRecord? Coded, EntryRecord? Chosen, IReadOnlyList<EntryRecord> Alternatives, string? Note);

    private sealed record EntryRecord(string Name, string? Actor, string? Country, string Kind, string? Role, string Match, string Standing, string Origin);

    /// <summary>
    /// Writes what NAME codes to: "coded" (the mention), "chosen" (the entry) and one "beaten" line per alternative,
    /// or the reason nothing is coded. Exit 0 when the name codes to an actor, 1 when it codes to none.
    /// </summary>
    private static int Explain(ActorDictionary dictionary, string name, DateOnly? date, bool table, TextWriter output)
    {
        ActorExplanation explanation;
        try
        {
            explanation = ActorExplanation.Explain(dictionary, name, date);
        }
        catch (FormatException ex)
        {
            throw new CliException($"--explain: {ex.Message}", 2);
        }
        static EntryRecord Entry(ExplainedEntry e) => new(e.Name, e.Actor, e.Country, KindName(e.Kind), e.Role, e.Match.ToString().ToLowerInvariant(), e.Standing, e.Origin);
        string? day = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!table)
        {
            var m = explanation.Coded;
            var coded = m is null ? null : new MentionRecord("-", m.Span.Start, m.Span.End, m.Text, m.Actor, m.Country, KindName(m.Kind), m.Name, m.Role, m.Via.ToString().ToLowerInvariant());
            JsonLines.Write(output, new ExplanationRecord(name, day, coded, explanation.Chosen is { } c ? Entry(c) : null, [.. explanation.Alternatives.Select(Entry)], explanation.Note));
        }
        else
        {
            output.WriteLine($"{name} on {day ?? "no date"}");
            if (explanation.Coded is { } m)
                output.WriteLine($"coded	{m.Text.ReplaceLineEndings(" ")}	{m.Actor ?? "-"}	{m.Country ?? "-"}	{KindName(m.Kind)}	{m.Name ?? "-"}	{m.Role ?? "-"}	{m.Via.ToString().ToLowerInvariant()}");
            if (explanation.Note is { } note) output.WriteLine($"note	{note}");
            void Line(string label, ExplainedEntry e) =>
                output.WriteLine($"{label}	{e.Name}	{e.Actor ?? "-"}	{e.Country ?? "-"}	{KindName(e.Kind)}	{e.Role ?? "-"}	{e.Match.ToString().ToLowerInvariant()}	{e.Standing}	{e.Origin}");
            if (explanation.Chosen is { } chosen) Line("chosen", chosen);
            foreach (var alternative in explanation.Alternatives.Take(MaxAlternatives)) Line(explanation.Coded is null ? "candidate" : "beaten", alternative);
            if (explanation.Alternatives.Length > MaxAlternatives) output.WriteLine($"... and {explanation.Alternatives.Length - MaxAlternatives} more (--format jsonl lists them all)");
        }
        return explanation.Coded is null ? 1 : 0;
    }

    /// <summary>Every error in the dictionaries (the line is skipped), then the first warnings and how many more there are.</summary>
    public static void ReportDiagnostics(ActorDictionary dictionary, TextWriter error, int maxWarnings = 20)
    {
        foreach (var diagnostic in dictionary.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) error.WriteLine(diagnostic.ToString());
        var warnings = dictionary.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        foreach (var warning in warnings.Take(maxWarnings)) error.WriteLine(warning.ToString());
        if (warnings.Count > maxWarnings) error.WriteLine($"... and {warnings.Count - maxWarnings} more warnings");
    }

    /// <summary>The kind as spec/records.md writes it: "armed-group", else the lower-case name.</summary>
    public static string KindName(ActorKind kind) => kind == ActorKind.ArmedGroup ? "armed-group" : kind.ToString().ToLowerInvariant();
}
