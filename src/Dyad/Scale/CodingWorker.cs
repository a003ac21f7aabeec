using Dyad.Store;
using Hangfire;
using Hangfire.Logging;
using Npgsql;

namespace Dyad.Scale;

/// <summary>Settings of a worker process.</summary>
public sealed record WorkerOptions
{
    /// <summary>Jobs run at once in this process (one per core is a good start).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>The name the worker goes by in `dyad status` and the dashboard.</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a batch taken by a worker that stopped answering (killed, cut off) waits before this worker takes it over.</summary>
    public TimeSpan TakeOverAfter { get; init; } = CodingEngine.InvisibilityTimeout;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// A worker: takes coding batches from the engine's queue in the shared PostgreSQL and writes their events to the
/// shared store until stopped. Any number of them may run on any number of machines.
/// </summary>
public sealed class CodingWorker : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly BackgroundJobServer _server;

    private CodingWorker(NpgsqlDataSource dataSource, BackgroundJobServer server)
    {
        _dataSource = dataSource;
        _server = server;
    }

    /// <summary>
    /// Starts a worker. The store and the bookkeeping tables are created if missing; <paramref name="log"/> receives
    /// one line per batch and per problem (a lost connection and each retry), from several threads.
    /// </summary>
    public static CodingWorker Start(string connectionString, IDocumentCoder coder, WorkerOptions options, Action<string> log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        EventStores.Open(StoreLocation.Postgres(connectionString)).Dispose();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            CodingTables.Ensure(dataSource);
            var retry = new TransientRetry(TransientRetry.DefaultDelays, log, options.Clock);
            var context = new CodingContext(connectionString, dataSource, coder, options.Name, log, retry);
            LogProvider.SetCurrentLogProvider(new EngineLog(log));
            var server = new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = options.Name,
                WorkerCount = options.Workers,
                Queues = [CodingEngine.Queue],
                // Retries of failed batches are scheduled jobs; look for due ones often so a retry waits seconds, not 15.
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                Activator = new CodingJobActivator(context),
            }, CodingEngine.Storage(connectionString, options.TakeOverAfter));
            return new CodingWorker(dataSource, server);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Stops taking jobs, lets running ones finish (or be cancelled), and closes the connections.</summary>
    public void Dispose()
    {
        _server.Dispose();
        _dataSource.Dispose();
    }

    /// <summary>The engine's own messages (start, stop, errors and back-off of its loops) into the worker's log.</summary>
    private sealed class EngineLog(Action<string> log) : ILogProvider
    {
        public ILog GetLogger(string name) => new Logger(name[(name.LastIndexOf('.') + 1)..], log);

        private sealed class Logger(string name, Action<string> log) : ILog
        {
            public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
            {
                if (logLevel < LogLevel.Info) return false;
                if (messageFunc is null) return true;
                string message = messageFunc();
                log($"{logLevel.ToString().ToLowerInvariant()} {name}: {message}" + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
                return true;
            }
        }
    }
}
