using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad ingest PATH|GLOB|DIR...` and `dyad recode`: store documents and their events.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders (every text, Markdown, HTML, PDF, RSS and Atom file under them), globs (*, ?, **) or http(s) URLs of pages and feeds." };
        var followLinks = CommonOptions.FollowLinks();
        var jobs = CommonOptions.Jobs();
        var queue = QueuedIngestCommand.QueueOption("coding");
        var batchSize = QueuedIngestCommand.BatchSizeOption();
        var store = new StoreOptionsCli();
        var web = new WebOptions();
        var command = new Command("ingest", "Read, code and store documents: the same content is stored once, a changed file as a new version, each document whole or not at all.") { inputs, followLinks, jobs, queue, batchSize };
        store.AddTo(command);
        web.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var (files, missing, skipped) = InputFiles.Expand(parse.GetValue(inputs)!, parse.GetValue(followLinks));
            foreach (var message in missing.Concat(skipped)) error.WriteLine($"dyad: {message}");
            if (files.Count == 0) throw new CliException("nothing to ingest");
            if (parse.GetValue(queue))
            {
                if (files.FirstOrDefault(Dyad.Ingest.SourceReader.IsUrlOrFeed) is { } remote)
                    throw new CliException($"{remote}: URLs and feeds are ingested directly, not through the queue");
                int queued = QueuedIngestCommand.Run(files, parse.GetValue(store.Pg), parse.GetValue(batchSize), output, error, cancellationToken);
                return Task.FromResult(missing.Count == 0 ? queued : 1);
            }
            using var db = store.Open(parse, readOnly: false);
            using var fetcher = new Dyad.Ingest.Web.WebFetcher(web.Fetch(parse));
            var loader = web.Loader(parse);
            var ingester = new DocumentIngester(db, StoreOptionsCli.Coder, loader, parse.GetValue(jobs), new Dyad.Ingest.SourceReader(loader, fetcher));
            var summary = StoreOptionsCli.Run(() => WithProgress(output, "Ingesting", files.Count, progress => ingester.Ingest(files, progress, cancellationToken)));
            foreach (var failure in summary.Failures) error.WriteLine($"dyad: {failure.Path}: {failure.Reason}");
            output.WriteLine(Describe(summary));
            double rate = summary.Files / Math.Max(summary.Elapsed.TotalSeconds, 1e-3);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Output.TerminalSafeWriter.Escape(db.Location.Display)}: {summary.Elapsed.TotalSeconds:0.0} s, {rate:0} documents/s"));
            return Task.FromResult(summary.Failed == 0 && missing.Count == 0 ? 0 : 1);
        });
        return command;
    }

    public static Command CreateRecode()
    {
        var queue = QueuedIngestCommand.QueueOption("re-coding");
        var batchSize = QueuedIngestCommand.BatchSizeOption();
        var store = new StoreOptionsCli();
        var command = new Command("recode", "Re-code stored documents whose events came from an older coder version.") { queue, batchSize };
        store.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(queue)) return Task.FromResult(QueuedRecodeCommand.Run(parse.GetValue(store.Pg), parse.GetValue(batchSize), output));
            using var db = store.Open(parse, readOnly: false);
            var ingester = new DocumentIngester(db, StoreOptionsCli.Coder);
            var summary = StoreOptionsCli.Run(() => WithProgress(output, "Re-coding", db.Documents().Count, progress => ingester.Recode(progress, cancellationToken)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"recoded {summary.Recoded} of {summary.Documents} documents with coder {StoreOptionsCli.Coder.Version} ({summary.UpToDate} up to date): {summary.Events} events"));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The one-line summary of an ingest.</summary>
    public static string Describe(IngestSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"ingested {s.Files} {Plural(s.Files, "file")}: {s.Added} added, {s.NewVersions} new {Plural(s.NewVersions, "version")}, {s.Unchanged} unchanged, {s.Failed} failed; {s.Events} {Plural(s.Events, "event")}");

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    /// <summary>Runs work with a progress bar on a terminal, silently otherwise.</summary>
    private static T WithProgress<T>(TextWriter output, string label, int total, Func<IProgress<IngestProgress>?, T> work)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal || total == 0) return work(null);
        T result = default!;
        Consoles.For(output).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: total);
                result = work(new Progress(task));
            });
        return result;
    }

    private sealed class Progress(ProgressTask task) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => task.Value = value.Done;
    }
}
