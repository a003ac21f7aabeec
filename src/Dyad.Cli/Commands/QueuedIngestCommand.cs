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
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders to ingest." };
        var db = StoreArgs.Db();
        var pg = StoreArgs.Pg();
        var queue = new Option<bool>("--queue") { Description = "Store the documents and enqueue their coding for `dyad worker`s instead of coding here (PostgreSQL)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Documents per queued job.", DefaultValueFactory = _ => CodingQueue.DefaultBatchSize };
        var command = new Command("ingest", "Store documents and their events, or with --queue enqueue their coding for workers.") { paths, db, pg, queue, batchSize };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            bool queued = parse.GetValue(queue);
            var location = queued ? StoreLocation.Postgres(StoreArgs.Postgres(parse.GetValue(pg), "dyad ingest --queue")) : StoreArgs.Location(parse.GetValue(db), parse.GetValue(pg));
            var coder = Coders.Default(Environment.GetEnvironmentVariable);
            var files = Expand(parse.GetValue(paths)!, out var missing);
            foreach (var m in missing) error.WriteLine($"dyad: {m}: no such file or folder");
            int added = 0, unchanged = 0, failed = missing.Count;
            try
            {
                using var store = EventStores.Open(location);
                foreach (var path in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    byte[] bytes = File.ReadAllBytes(path);
                    var result = DocumentLoader.Default.Read(Path.GetFileName(path), bytes, path);
                    if (result.Document is not { } document)
                    {
                        error.WriteLine($"dyad: {path}: {result.Error}");
                        failed++;
                        continue;
                    }
                    var input = new DocumentToStore(document, Path.GetFullPath(path), DocumentToStore.Hash(bytes));
                    var (outcome, _) = queued
                        ? store.AddDocument(input, [], CodingQueue.PendingVersion, cancellationToken)
                        : store.AddDocument(input, coder.Code(document, cancellationToken), coder.Version, cancellationToken);
                    if (outcome == StoreOutcome.Unchanged) unchanged++;
                    else added++;
                }
                output.WriteLine($"stored {added} documents ({unchanged} already stored, {failed} not read) in {location.Display}");
                if (queued)
                {
                    var run = CodingQueue.Enqueue(location.Target, RunKind.Ingest, coder.Version, CodingQueue.DocumentsToCode(store, RunKind.Ingest, coder.Version), parse.GetValue(batchSize));
                    output.WriteLine(run is null
                        ? "nothing to code: every document is coded or queued"
                        : $"queued run {run.Id}: {run.Documents} documents in {run.Batches} batches for coder {run.CoderVersion}; `dyad worker` codes them, `dyad status` follows them");
                }
            }
            catch (StoreException ex)
            {
                throw new CliException(ex.Message);
            }
            return Task.FromResult(failed == 0 ? 0 : 1);
        });
        return command;
    }

    /// <summary>Files as given, and every file under the folders given, each folder's files in name order.</summary>
    internal static List<string> Expand(IEnumerable<string> paths, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path)) files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else missing.Add(path);
        }
        return files;
    }
}
