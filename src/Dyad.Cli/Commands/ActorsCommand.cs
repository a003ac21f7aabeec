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
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files to read (UTF-8 text)." };
        var dicts = new Option<string[]>("--dict")
        {
            Description = "An extra dictionary: a .tsv file in one of Dyad's formats or a TABARI/PETRARCH .actors file. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dct = new Option<string?>("--dct") { Description = "The document date (YYYY-MM-DD); default: each file's last write date." };
        var format = CommonOptions.Format("table", "jsonl");
        var command = new Command("actors", "Find the actors mentioned in documents: states, organisations and people, coded by role on the date.") { files, dicts, dct, format };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            DateOnly? documentDate = null;
            if (parse.GetValue(dct) is { } dctText)
            {
                if (!DateOnly.TryParseExact(dctText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new CliException($"--dct: '{dctText}' is not a date (YYYY-MM-DD)", 2);
                documentDate = parsed;
            }
            var userDicts = parse.GetValue(dicts) ?? [];
            var dictionary = userDicts.Length == 0 ? ActorDictionary.Default : ActorDictionary.Load(userDicts);
            ReportDiagnostics(dictionary, error);
            var recognizer = new ActorRecognizer(dictionary);
            bool table = parse.GetValue(format) == "table";
            int status = 0;
            foreach (var file in parse.GetValue(files)!)
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
