using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Scale;

namespace Dyad.Cli.Commands;

/// <summary>`dyad status --pg CONNSTR`: queued, running, failed and done coding jobs, per run and per worker.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var pg = StoreOptionsCli.PgOnly();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("status", "Show the coding queue of a shared store: jobs queued, running, failed and done, runs and workers.") { pg, format };
        command.SetAction((parse, cancellationToken) =>
        {
            string connection = StoreOptionsCli.Postgres(parse.GetValue(pg), "dyad status");
            CodingStatus status;
            try
            {
                // A database without a store gets the store's own one-line reason.
                Store.EventStores.Open(Store.StoreLocation.Postgres(connection), readOnly: true).Dispose();
                status = CodingStatus.Read(connection);
            }
            catch (Store.StoreException ex)
            {
                throw new CliException(ex.Message, 2);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                throw new CliException($"cannot read the coding queue: {ex.Message}");
            }
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json") JsonLines.Write(output, status);
            else Write(output, status);
            return Task.FromResult(status.Failures.Count == 0 ? 0 : 3);
        });
        return command;
    }

    internal static void Write(TextWriter output, CodingStatus s)
    {
        var j = s.Jobs;
        output.WriteLine($"jobs: {j.Queued} queued, {j.Running} running, {j.Retrying} waiting to retry, {j.Failed} failed, {j.Done} done");
        foreach (var r in s.Runs)
        {
            string state = r.Completed is { } at ? "complete " + Time(at) : r.Failed > 0 ? "blocked by failed documents" : "in progress";
            output.WriteLine($"run {r.Id} ({r.Kind.ToString().ToLowerInvariant()}, coder {r.CoderVersion}): {r.Coded}/{r.Documents} coded, {r.Failed} failed, {state}");
        }
        foreach (var w in s.Workers)
        {
            string alive = w.Alive ? $"alive, {w.Threads} at once" : "gone";
            output.WriteLine($"worker {w.Worker} ({alive}): {w.Batches} batches done, {w.FailedBatches} failed, {w.Open} open, {w.Documents} documents coded, last seen {(w.LastSeen is { } t ? Time(t) : "-")}");
        }
        foreach (var f in s.Failures)
        {
            output.WriteLine($"failed: document {f.DocumentId} (run {f.RunId}, coder {f.CoderVersion}, {f.Attempts} attempts): {f.Error}");
        }
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
