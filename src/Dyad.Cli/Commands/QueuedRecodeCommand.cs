using System.CommandLine;
using Dyad.Scale;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>
/// `dyad recode [--db FILE | --pg CONNSTR] [--queue]`: codes again every stored document whose events come from
/// another coder version. With --queue the work goes to `dyad worker`s and the new events replace the old ones
/// only when every document is re-coded.
/// </summary>
internal static class QueuedRecodeCommand
{
    public static Command Create()
    {
        var db = StoreArgs.Db();
        var pg = StoreArgs.Pg();
        var queue = new Option<bool>("--queue") { Description = "Enqueue the re-coding for `dyad worker`s; the switch to the new events happens when all are done (PostgreSQL)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Documents per queued job.", DefaultValueFactory = _ => CodingQueue.DefaultBatchSize };
        var command = new Command("recode", "Re-code stored documents with the current coder.") { db, pg, queue, batchSize };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            bool queued = parse.GetValue(queue);
            var location = queued ? StoreLocation.Postgres(StoreArgs.Postgres(parse.GetValue(pg), "dyad recode --queue")) : StoreArgs.Location(parse.GetValue(db), parse.GetValue(pg));
            var coder = Coders.Default(Environment.GetEnvironmentVariable);
            try
            {
                using var store = EventStores.Open(location);
                var stale = CodingQueue.DocumentsToCode(store, RunKind.Recode, coder.Version);
                if (queued)
                {
                    var run = CodingQueue.Enqueue(location.Target, RunKind.Recode, coder.Version, stale, parse.GetValue(batchSize));
                    output.WriteLine(run is null
                        ? $"nothing to re-code: every document is coded with {coder.Version}"
                        : $"queued run {run.Id}: {run.Documents} documents in {run.Batches} batches for coder {run.CoderVersion}; the new events replace the old when all are done");
                    return Task.FromResult(0);
                }
                foreach (long id in stale)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    store.ReplaceEvents(id, coder.Code(store.LoadDocument(id), cancellationToken), coder.Version, cancellationToken);
                }
                output.WriteLine($"re-coded {stale.Count} documents with {coder.Version}");
            }
            catch (StoreException ex)
            {
                throw new CliException(ex.Message);
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
