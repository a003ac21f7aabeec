using System.CommandLine;
using Dyad.Ingest;
using Dyad.Scale;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>
/// `dyad ingest PATH... [--db FILE | --pg CONNSTR] [--queue]`: stores documents and their events. With --queue
/// (PostgreSQL only) the documents are stored uncoded and their coding is enqueued in batches for `dyad worker`s.
/// </summary>
internal static class QueuedIngestCommand
{
    public static Option<bool> QueueOption(string what) => new("--queue") { Description = $"Store the documents and enqueue their {what} for `dyad worker`s instead of coding here (PostgreSQL)." };

    public static Option<int> BatchSizeOption() => new("--batch-size") { Description = "Documents per queued job.", DefaultValueFactory = _ => CodingQueue.DefaultBatchSize };

    /// <summary>`dyad ingest --queue`: stores the documents uncoded, then enqueues their coding in batches.</summary>
    public static int Run(IReadOnlyList<string> files, string? pg, int batchSize, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Postgres(StoreOptionsCli.Postgres(pg, "dyad ingest --queue"));
        var coder = Coders.Default(Environment.GetEnvironmentVariable);
        int added = 0, unchanged = 0, failed = 0;
        try
        {
            using var store = EventStores.Open(location);
            foreach (var path in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (DocumentLoader.Default.ReadBytes(path, out var failure) is not { } bytes)
                {
                    error.WriteLine($"dyad: {path}: {failure!.Error}");
                    failed++;
                    continue;
                }
                var result = DocumentLoader.Default.Read(Path.GetFileName(path), bytes, path);
                if (result.Document is not { } document)
                {
                    error.WriteLine($"dyad: {path}: {result.Error}");
                    failed++;
                    continue;
                }
                var input = new DocumentToStore(document, Path.GetFullPath(path), DocumentToStore.Hash(bytes));
                var (outcome, _) = store.AddDocument(input, [], CodingQueue.PendingVersion, cancellationToken);
                if (outcome == StoreOutcome.Unchanged) unchanged++;
                else added++;
            }
            output.WriteLine($"stored {added} documents ({unchanged} already stored, {failed} not read) in {Output.TerminalSafeWriter.Escape(location.Display)}");
            var run = CodingQueue.Enqueue(location.Target, RunKind.Ingest, coder.Version, CodingQueue.DocumentsToCode(store, RunKind.Ingest, coder.Version), batchSize);
            output.WriteLine(run is null
                ? "nothing to code: every document is coded or queued"
                : $"queued run {run.Id}: {run.Documents} documents in {run.Batches} batches for coder {run.CoderVersion}; `dyad worker` codes them, `dyad status` follows them");
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message);
        }
        return failed == 0 ? 0 : 1;
    }
}
