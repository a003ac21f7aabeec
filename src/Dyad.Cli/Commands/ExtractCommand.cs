using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Ingest.Web;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad extract FILE... [--dct DATE] [--format jsonl|table]`: the coded events of documents.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files or http(s) URLs to code: text, Markdown, HTML, PDF, RSS or Atom feeds." };
        var web = new WebOptions();
        var dct = new Option<string?>("--dct") { Description = "Document date (YYYY-MM-DD): relative dates resolve against it, and undated events take it." };
        var format = CommonOptions.Format("table", "jsonl");
        var command = new Command("extract", "Code the events in documents: who did what to whom, when, with modality and evidence.") { files, dct, format };
        web.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            DateOnly? date = null;
            if (parse.GetValue(dct) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new CliException($"--dct: '{text}' is not a date (YYYY-MM-DD)", 2);
                date = parsed;
            }
            var coder = DyadPipeline.Default;
            var all = new List<(Document Document, CodedEvent Event)>();
            int failures = 0;
            using var fetcher = new WebFetcher(web.Fetch(parse));
            var reader = new SourceReader(web.Loader(parse), fetcher);
            foreach (var file in parse.GetValue(files)!)
            {
                await foreach (var read in reader.ReadAsync(file, ct))
                {
                    if (read.Document is not { } document)
                    {
                        parse.InvocationConfiguration.Error.WriteLine($"dyad: {read.Source}: {read.Error}");
                        failures++;
                        continue;
                    }
                    // --dct overrides the date the document gives for itself.
                    if (date is not null) document = document with { Metadata = document.Metadata with { Published = date } };
                    foreach (var e in coder.CodeEvents(document, ct)) all.Add((document, e));
                }
            }
            if (parse.GetValue(format) == "jsonl")
            {
                // The same record as `events` and `export` write: the event as the store keeps it, without a store id.
                foreach (var (document, e) in all) output.WriteLine(Dyad.Store.EventExport.ToJson(DyadPipeline.ToRow(document, e, coder.Version)));
            }
            else
            {
                WriteTimeline(output, all);
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static void WriteTimeline(TextWriter output, List<(Document Document, CodedEvent Event)> events)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("When").AddColumn("Who").AddColumn("Did").AddColumn("To whom").AddColumn("How").AddColumn("Evidence");
        foreach (var (document, e) in events.OrderBy(p => p.Event.Date?.Start ?? DateOnly.MaxValue).ThenBy(p => p.Event.Sentence.Start))
        {
            string evidence = e.Sentence.Slice(document.Text);
            if (evidence.Length > 70) evidence = evidence[..67] + "...";
            table.AddRow(
                Markup.Escape(e.Date?.Value ?? "?"),
                Markup.Escape($"{e.Source.Text} ({e.Source.Country ?? "?"})"),
                Markup.Escape($"{e.Code.Code} {e.Code.Name}"),
                Markup.Escape(e.Target is null ? "-" : $"{e.Target.Text} ({e.Target.Country ?? "?"})"),
                Markup.Escape(e.Modality.ToString().ToLowerInvariant()),
                Markup.Escape(evidence));
        }
        console.Write(table);
        output.WriteLine($"{events.Count} events");
    }
}
