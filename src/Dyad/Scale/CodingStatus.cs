using Npgsql;

namespace Dyad.Scale;

/// <summary>The engine's counts of coding jobs: waiting, waiting to be retried, running, failed for good, done.</summary>
public sealed record JobCounts(long Queued, long Retrying, long Running, long Failed, long Done);

/// <summary>A worker as the bookkeeping sees it: batches finished and failed, documents coded, and whether it is alive now.</summary>
public sealed record WorkerStatus(string Worker, bool Alive, int Threads, long Batches, long FailedBatches, long Open, long Documents, DateTimeOffset? LastSeen);

/// <summary>A run's progress: documents coded and failed of how many, and when it completed.</summary>
public sealed record RunStatus(long Id, RunKind Kind, string CoderVersion, int Documents, long Coded, long Failed, DateTimeOffset? Completed);

/// <summary>A document the coder could not code, with its error.</summary>
public sealed record FailedDocument(long DocumentId, string CoderVersion, long RunId, int Attempts, string Error);

/// <summary>Everything `dyad status` shows.</summary>
public sealed record CodingStatus(JobCounts Jobs, IReadOnlyList<WorkerStatus> Workers, IReadOnlyList<RunStatus> Runs, IReadOnlyList<FailedDocument> Failures)
{
    /// <summary>Reads the engine's monitoring counts and the bookkeeping tables of the database at <paramref name="connectionString"/>.</summary>
    public static CodingStatus Read(string connectionString)
    {
        var monitoring = CodingEngine.Storage(connectionString).GetMonitoringApi();
        var jobs = new JobCounts(monitoring.EnqueuedCount(CodingEngine.Queue), monitoring.ScheduledCount(), monitoring.ProcessingCount(),
            monitoring.FailedCount(), monitoring.SucceededListCount());
        var servers = monitoring.Servers();
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        CodingTables.Ensure(dataSource);
        var workers = new List<WorkerStatus>();
        using (var cmd = dataSource.CreateCommand("""
            SELECT a.worker,
                   count(*) FILTER (WHERE a.outcome = 'done'),
                   count(*) FILTER (WHERE a.outcome IN ('failed', 'error')),
                   count(*) FILTER (WHERE a.finished_at IS NULL),
                   coalesce(sum(a.coded), 0),
                   max(coalesce(a.finished_at, a.started_at))
            FROM coding_attempts a GROUP BY a.worker ORDER BY a.worker
            """))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                string name = reader.GetString(0);
                var server = servers.FirstOrDefault(s => IsServerOf(s.Name, name));
                workers.Add(new WorkerStatus(name, server is not null, server?.WorkersCount ?? 0, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                    reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }
        foreach (var server in servers.Where(s => !workers.Any(w => IsServerOf(s.Name, w.Worker))))
        {
            workers.Add(new WorkerStatus(WorkerOf(server.Name), true, server.WorkersCount, 0, 0, 0, 0, server.Heartbeat is { } h ? new DateTimeOffset(h, TimeSpan.Zero) : null));
        }
        var runs = new List<RunStatus>();
        using (var cmd = dataSource.CreateCommand("""
            SELECT r.id, r.kind, r.coder_version, r.documents,
                   (SELECT count(*) FROM coding_run_documents d JOIN coding_results c ON c.doc_id = d.doc_id AND c.coder_version = r.coder_version WHERE d.run_id = r.id),
                   (SELECT count(*) FROM coding_run_documents d JOIN coding_failures f ON f.doc_id = d.doc_id AND f.coder_version = r.coder_version WHERE d.run_id = r.id),
                   r.completed_at
            FROM coding_runs r ORDER BY r.id
            """))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add(new RunStatus(reader.GetInt64(0), Enum.Parse<RunKind>(reader.GetString(1), ignoreCase: true), reader.GetString(2), reader.GetInt32(3),
                    reader.GetInt64(4), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }
        var failures = new List<FailedDocument>();
        using (var cmd = dataSource.CreateCommand("SELECT doc_id, coder_version, run_id, attempts, error FROM coding_failures ORDER BY doc_id, coder_version"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read()) failures.Add(new FailedDocument(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4)));
        }
        return new CodingStatus(jobs, workers, runs, failures);
    }

    /// <summary>The engine names a worker's server "NAME:PID:GUID".</summary>
    private static bool IsServerOf(string serverName, string worker) =>
        serverName.StartsWith(worker + ":", StringComparison.OrdinalIgnoreCase) && serverName.Count(c => c == ':') == worker.Count(c => c == ':') + 2;

    private static string WorkerOf(string serverName)
    {
        var parts = serverName.Split(':');
        return parts.Length > 2 ? string.Join(':', parts[..^2]) : serverName;
    }
}
