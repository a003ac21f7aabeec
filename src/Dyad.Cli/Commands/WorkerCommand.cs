using System.CommandLine;
using System.Globalization;
using Dyad.Scale;

namespace Dyad.Cli.Commands;

/// <summary>`dyad worker --pg CONNSTR [--workers N]`: codes queued batches into the shared store until stopped.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var pg = StoreOptionsCli.PgOnly();
        var workers = new Option<int>("--workers") { Description = "Batches coded at once in this process (one per core is a good start).", DefaultValueFactory = _ => 1 };
        var name = new Option<string?>("--name") { Description = "Name in `dyad status` (default HOST:PID)." };
        var takeOver = new Option<int>("--take-over-after")
        {
            Description = "Seconds before a batch held by a worker that stopped answering (killed, cut off) is taken over; longer than any pause of a live worker.",
            DefaultValueFactory = _ => (int)CodingEngine.InvisibilityTimeout.TotalSeconds,
        };
        var command = new Command("worker", "Take coding jobs from the shared PostgreSQL queue and write their events to the shared store, until stopped (Ctrl-C).") { pg, workers, name, takeOver };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string connection = StoreOptionsCli.Postgres(parse.GetValue(pg), "dyad worker");
            int count = parse.GetValue(workers);
            if (count < 1) throw new CliException("--workers must be at least 1");
            var coder = Coders.Default(Environment.GetEnvironmentVariable);
            if (parse.GetValue(takeOver) < 2) throw new CliException("--take-over-after must be at least 2 seconds");
            var options = new WorkerOptions { Workers = count, TakeOverAfter = TimeSpan.FromSeconds(parse.GetValue(takeOver)) };
            if (parse.GetValue(name) is { Length: > 0 } given) options = options with { Name = given };
            var error = parse.InvocationConfiguration.Error;
            var clock = TimeProvider.System;
            var gate = new Lock();
            void Log(string message)
            {
                string line = $"{clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} {options.Name}: {message}";
                lock (gate)
                {
                    error.WriteLine(line);
                    error.Flush();
                }
            }
            using (var worker = await Start(connection, coder, options, Log, cancellationToken))
            {
                Log($"coding with {coder.Version}, {count} at once, polling every {CodingEngine.PollInterval.TotalSeconds:0.#} s; Ctrl-C stops");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Log("stopping: finishing the batches in hand");
                }
            }
            Log("stopped");
            return 0;
        });
        return command;
    }

    /// <summary>Starts the worker; while PostgreSQL cannot be reached, tries again with growing pauses (up to a minute) and says so.</summary>
    private static async Task<CodingWorker> Start(string connection, Store.IDocumentCoder coder, WorkerOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                return CodingWorker.Start(connection, coder, options, log);
            }
            catch (Exception ex) when (TransientRetry.IsConnectionLoss(ex))
            {
                log($"cannot reach PostgreSQL ({ex.Message}); trying again in {delay.TotalSeconds:0} s");
                await Task.Delay(delay, options.Clock, cancellationToken);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
            catch (Store.StoreException ex)
            {
                throw new CliException(ex.Message);
            }
        }
    }
}
