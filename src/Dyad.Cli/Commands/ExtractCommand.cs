using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Ingest;
using Dyad.Ingest.Web;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad extract PATH|GLOB|DIR|URL... [--dct DATE] [--format jsonl|table] [--jobs N]`: the coded events of documents.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders (every text, Markdown, HTML, PDF, RSS and Atom file under them), globs (*, ?, **) or http(s) URLs of pages and feeds." };
        var web = new WebOptions();
        var dct = new Option<string?>("--dct") { Description = "Document date (YYYY-MM-DD): relative dates resolve against it, and undated events take it." };
        var format = CommonOptions.Format("table", "jsonl");
        var followLinks = CommonOptions.FollowLinks();
        var jobs = CommonOptions.Jobs();
        var verbs = new Option<string?>("--verbs") { Description = "Add a TABARI or PETRARCH verb dictionary (FILE) to the trigger lexicon." };
        var command = new Command("extract", "Code the events in documents: who did what to whom, when, with modality and evidence.") { files, dct, format, followLinks, jobs, verbs };
        web.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            DateOnly? date = null;
            if (parse.GetValue(dct) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new CliException($"--dct: '{text}' is not a date (YYYY-MM-DD)", 2);
                date = parsed;
            }
            var (inputs, missing, skipped) = InputFiles.Expand(parse.GetValue(files)!, parse.GetValue(followLinks));
            foreach (var message in missing.Concat(skipped)) error.WriteLine($"dyad: {message}");
            bool jsonl = parse.GetValue(format) == "jsonl";
            var coder = Coders.WithVerbs(parse.GetValue(verbs), error);
            using var fetcher = new WebFetcher(web.Fetch(parse));
            var reader = new SourceReader(web.Loader(parse), fetcher);

            // One input (a file, a page, a feed of several documents) read and coded: its records already written as JSON
            // lines, or its table rows, so no document is held once it is coded.
            async ValueTask<IReadOnlyList<Extracted>> Extract(string input, CancellationToken token)
            {
                var results = new List<Extracted>();
                await foreach (var read in reader.ReadAsync(input, token).ConfigureAwait(false))
                {
                    if (read.Document is not { } document)
                    {
                        results.Add(new Extracted($"{read.Source}: {read.Error}", [], []));
                        continue;
                    }
                    // --dct overrides the date the document gives for itself.
                    if (date is not null) document = document with { Metadata = document.Metadata with { Published = date } };
                    var rows = coder.Code(document, token);
                    // The same record as `events` and `export` write: the event as the store keeps it, without a store id.
                    results.Add(jsonl ? new Extracted(null, [.. rows.Select(EventExport.ToJson)], []) : new Extracted(null, [], [.. rows.Select(TimelineRow.From)]));
                }
                return results;
            }

            int failures = missing.Count;
            var timeline = new List<TimelineRow>();
            int parallelism = Math.Max(1, parse.GetValue(jobs) ?? Environment.ProcessorCount);
            // Records are written as the inputs finish, in the order given; the table needs every row to order them by date.
            await foreach (var extracted in InOrder.SelectAsync(inputs, Extract, parallelism, ct).ConfigureAwait(false))
            {
                foreach (var result in extracted)
                {
                    if (result.Error is { } problem)
                    {
                        error.WriteLine($"dyad: {problem}");
                        failures++;
                    }
                    foreach (var line in result.Lines) output.WriteLine(line);
                    timeline.AddRange(result.Rows);
                }
                if (jsonl) await output.FlushAsync(ct).ConfigureAwait(false);
            }
            if (!jsonl) WriteTimeline(output, timeline);
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>What one document gave: an error, or its events as JSON lines or as table rows.</summary>
    private sealed record Extracted(string? Error, IReadOnlyList<string> Lines, IReadOnlyList<TimelineRow> Rows);

    /// <summary>One event as the table shows it, with what orders the chronology.</summary>
    private sealed record TimelineRow(DateOnly? Start, int Offset, string When, string Who, string Did, string ToWhom, string How, string Evidence)
    {
        public static TimelineRow From(EventRow e)
        {
            string evidence = e.EvidenceSentence ?? "";
            if (evidence.Length > 70) evidence = evidence[..67] + "...";
            return new TimelineRow(e.DateStart, e.EvidenceStart ?? 0, e.DateValue ?? "?", $"{e.SourceText} ({e.SourceCountry ?? "?"})", $"{e.Cameo} {e.Label}",
                e.TargetText is null && e.TargetActor is null ? "-" : $"{e.TargetText} ({e.TargetCountry ?? "?"})", e.Modality ?? "?", evidence);
        }
    }

    private static void WriteTimeline(TextWriter output, List<TimelineRow> events)
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
        foreach (var e in events.OrderBy(r => r.Start ?? DateOnly.MaxValue).ThenBy(r => r.Offset))
        {
            table.AddRow(Markup.Escape(e.When), Markup.Escape(e.Who), Markup.Escape(e.Did), Markup.Escape(e.ToWhom), Markup.Escape(e.How), Markup.Escape(e.Evidence));
        }
        console.Write(table);
        output.WriteLine($"{events.Count} events");
    }
}
