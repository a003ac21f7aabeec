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
    /// <summary>`dyad recode --queue`: enqueues every stale document; the switch-over happens when all are done.</summary>
    public static int Run(string? pg, int batchSize, TextWriter output)
    {
        var location = StoreLocation.Postgres(StoreOptionsCli.Postgres(pg, "dyad recode --queue"));
        var coder = Coders.Default(Environment.GetEnvironmentVariable);
        try
        {
            using var store = EventStores.Open(location);
            var stale = CodingQueue.DocumentsToCode(store, RunKind.Recode, coder.Version);
            var run = CodingQueue.Enqueue(location.Target, RunKind.Recode, coder.Version, stale, batchSize);
            output.WriteLine(run is null
                ? $"nothing to re-code: every document is coded with {coder.Version}"
                : $"queued run {run.Id}: {run.Documents} documents in {run.Batches} batches for coder {run.CoderVersion}; the new events replace the old when all are done");
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message);
        }
        return 0;
    }
}
