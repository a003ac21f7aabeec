using Dyad.Store;
using Hangfire;
using Npgsql;

namespace Dyad.Scale;

/// <summary>What every job of one worker process shares: the database, the coder, the worker's name and its log.</summary>
internal sealed class CodingContext
{
    private readonly Action<string> _log;

    public CodingContext(string connectionString, NpgsqlDataSource dataSource, IDocumentCoder coder, string workerName, Action<string> log, TransientRetry retry)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
        Coder = coder;
        WorkerName = workerName;
        _log = log;
        Retry = retry;
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }
    public IDocumentCoder Coder { get; }
    public string WorkerName { get; }
    public TransientRetry Retry { get; }

    public void Log(string message) => _log(message);
}

/// <summary>Gives the engine a <see cref="CodingJob"/> bound to this process's <see cref="CodingContext"/>.</summary>
internal sealed class CodingJobActivator(CodingContext context) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(CodingJob) ? new CodingJob(context) : base.ActivateJob(jobType);
}

/// <summary>
/// Retries a database step that failed because the connection was lost, with growing pauses (about a minute in
/// all by default), and says so in the log; after the last try the error goes to the engine, which retries the
/// whole batch later.
/// </summary>
public sealed class TransientRetry(IReadOnlyList<TimeSpan> delays, Action<string> log, TimeProvider clock)
{
    public static IReadOnlyList<TimeSpan> DefaultDelays { get; } =
        [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    internal T Run<T>(string what, Func<T> step, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return step();
            }
            catch (Exception ex) when (attempt < delays.Count && IsConnectionLoss(ex))
            {
                var delay = delays[attempt];
                log($"lost the connection to PostgreSQL while trying to {what} ({ex.Message}); retrying in {delay.TotalSeconds:0.#} s (try {attempt + 2} of {delays.Count + 1})");
                Task.Delay(delay, clock, cancellationToken).GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Errors of the connection, not of the statement: the same step may work once PostgreSQL is back.</summary>
    public static bool IsConnectionLoss(Exception ex) => ex switch
    {
        StoreException s => s.Problem == StoreProblem.Unreachable,
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        _ => false,
    };
}
