using Hangfire;
using Hangfire.PostgreSql;

namespace Dyad.Scale;

/// <summary>
/// The job engine's storage: Hangfire over the team's PostgreSQL, in its own schema ("hangfire") next to the
/// store's tables. Every process (enqueuer, worker, status, dashboard) builds it the same way.
/// </summary>
public static class CodingEngine
{
    /// <summary>The queue coding jobs go to and workers take from.</summary>
    public const string Queue = "coding";

    public const string Schema = "hangfire";

    /// <summary>How often an idle worker asks PostgreSQL for a job.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a job taken by a worker stays invisible to the others. The taking worker keeps extending it
    /// while it runs (sliding), so only a worker that died (SIGKILL, power loss, lost network) lets it lapse,
    /// and then another worker takes the batch again.
    /// </summary>
    public static TimeSpan InvisibilityTimeout { get; } = TimeSpan.FromSeconds(15);

    public static PostgreSqlStorageOptions Options(TimeSpan? invisibilityTimeout = null) => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = true,
        // Long polling (LISTEN/NOTIFY) is off: upstream has a known bug where a missed notification leaves
        // enqueued jobs waiting until a restart. Plain polling costs one indexed query per idle worker per
        // PollInterval and never strands a job.
        EnableLongPolling = false,
        QueuePollInterval = PollInterval,
        InvisibilityTimeout = invisibilityTimeout ?? InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Hangfire's storage in <paramref name="connectionString"/>'s database; creates its schema on first use.
    /// <paramref name="invisibilityTimeout"/>: how long a worker waits before taking over a batch whose worker stopped answering.
    /// </summary>
    public static JobStorage Storage(string connectionString, TimeSpan? invisibilityTimeout = null)
    {
        var options = Options(invisibilityTimeout);
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }
}
