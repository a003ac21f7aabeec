using System.ComponentModel;
using Dyad.Store;
using Hangfire;
using Hangfire.Server;
using Npgsql;

namespace Dyad.Scale;

/// <summary>
/// The job the engine runs: code one batch of stored documents and write their events to the shared store.
/// A batch is idempotent: documents already coded with the run's coder version are skipped, and the results
/// of the rest are written in one transaction that also claims (document, coder version) — so a batch that
/// runs twice, or twice at once after a worker died, stores every document's events exactly once.
/// Documents whose coder throws are recorded with their error; the others are written, and the batch then
/// fails so the engine retries it a bounded number of times (the coded ones are skipped) before it stays failed.
/// </summary>
public sealed class CodingJob
{
    private readonly CodingContext _context;

    internal CodingJob(CodingContext context) => _context = context;

    /// <summary>Runs one batch. <paramref name="perform"/> and <paramref name="cancellationToken"/> are supplied by the engine.</summary>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [1, 2], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("code run {0}, batch {1}")]
    // Every enqueue, including the engine's own for a retry, goes to the coding queue (a retry would otherwise land in "default").
    [Queue(CodingEngine.Queue)]
    public void CodeBatch(long runId, int batch, long[] documentIds, PerformContext? perform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var c = _context;
        long attempt = c.Retry.Run("record the attempt", () => StartAttempt(runId, batch, perform?.BackgroundJob.Id), cancellationToken);
        try
        {
            var run = c.Retry.Run("read the run", () => CodingRun.Load(c.DataSource, runId), cancellationToken);
            if (run.CoderVersion != c.Coder.Version)
            {
                throw new CodingVersionException($"run {runId} codes with coder version {run.CoderVersion}, this worker has {c.Coder.Version}; start workers built from the same version");
            }
            var done = c.Retry.Run("read finished documents", () => Coded(documentIds, run.CoderVersion), cancellationToken);
            var todo = documentIds.Where(id => !done.Contains(id)).ToList();
            var coded = new List<EventCopy.DocumentEvents>();
            var failures = new List<(long Id, string Error)>();
            // Opening the store and loading are one step: after a lost connection both are done again on a new connection.
            var documents = todo.Count == 0 ? [] : c.Retry.Run("load documents", () =>
            {
                using var store = EventStores.Open(StoreLocation.Postgres(c.ConnectionString));
                return todo.Select(id => (Id: id, Document: store.LoadDocument(id))).ToList();
            }, cancellationToken);
            foreach (var (id, document) in documents)
            {
                try
                {
                    coded.Add(new EventCopy.DocumentEvents(id, document.Name, c.Coder.Code(document, cancellationToken)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Add((id, $"{document.Name}: {ex.GetType().Name}: {ex.Message}"));
                }
            }
            var written = c.Retry.Run("write results", () => Commit(run, attempt, coded, failures, done.Count), cancellationToken);
            c.Log($"run {runId} batch {batch}: coded {written.Documents} documents ({written.Events} events), skipped {documentIds.Length - todo.Count + (coded.Count - written.Documents)} already coded, {failures.Count} failed");
            if (c.Retry.Run("check the run", () => CodingRun.TryComplete(c.DataSource, runId), cancellationToken))
            {
                c.Log($"run {runId} is complete" + (run.Staged ? $"; its events (coder {run.CoderVersion}) replace the earlier ones" : ""));
            }
            if (failures.Count > 0)
            {
                throw new DocumentCodingException($"{failures.Count} of {documentIds.Length} documents could not be coded: " + string.Join("; ", failures.Select(f => $"document {f.Id} ({f.Error})")));
            }
        }
        catch (Exception ex) when (ex is not DocumentCodingException)
        {
            c.Log($"run {runId} batch {batch}: {ex.GetType().Name}: {ex.Message}");
            try
            {
                FinishAttempt(attempt, "error", ex.Message);
            }
            catch (Exception inner) when (inner is NpgsqlException or TimeoutException)
            {
                // The database is away; the attempt stays open and the engine retries the batch.
            }
            throw;
        }
    }

    private long StartAttempt(long runId, int batch, string? jobId)
    {
        using var cmd = _context.DataSource.CreateCommand("INSERT INTO coding_attempts (run_id, batch, job_id, worker) VALUES (@r, @b, @j, @w) RETURNING id");
        cmd.Parameters.AddWithValue("r", runId);
        cmd.Parameters.AddWithValue("b", batch);
        cmd.Parameters.AddWithValue("j", (object?)jobId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("w", _context.WorkerName);
        return (long)cmd.ExecuteScalar()!;
    }

    private void FinishAttempt(long attempt, string outcome, string error)
    {
        using var cmd = _context.DataSource.CreateCommand("UPDATE coding_attempts SET finished_at = now(), outcome = @o, error = @e WHERE id = @a AND finished_at IS NULL");
        cmd.Parameters.AddWithValue("a", attempt);
        cmd.Parameters.AddWithValue("o", outcome);
        cmd.Parameters.AddWithValue("e", error);
        cmd.ExecuteNonQuery();
    }

    private HashSet<long> Coded(long[] ids, string coderVersion)
    {
        using var cmd = _context.DataSource.CreateCommand("SELECT doc_id FROM coding_results WHERE coder_version = @v AND doc_id = ANY(@ids)");
        cmd.Parameters.AddWithValue("v", coderVersion);
        cmd.Parameters.AddWithValue("ids", ids);
        var set = new HashSet<long>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) set.Add(reader.GetInt64(0));
        return set;
    }

    /// <summary>The batch's one transaction: claim each coded document, COPY the events of those claimed, record failures and the attempt.</summary>
    private (int Documents, int Events) Commit(CodingRun run, long attempt, List<EventCopy.DocumentEvents> coded, List<(long Id, string Error)> failures, int skipped)
    {
        using var connection = _context.DataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        var claimed = new HashSet<long>();
        if (coded.Count > 0)
        {
            using var claim = new NpgsqlCommand("""
                INSERT INTO coding_results (doc_id, coder_version, run_id, events, worker)
                SELECT d, @v, @r, n, @w FROM unnest(@docs, @counts) AS t(d, n)
                ON CONFLICT (doc_id, coder_version) DO NOTHING
                RETURNING doc_id
                """, connection, tx);
            claim.Parameters.AddWithValue("v", run.CoderVersion);
            claim.Parameters.AddWithValue("r", run.Id);
            claim.Parameters.AddWithValue("w", _context.WorkerName);
            claim.Parameters.AddWithValue("docs", coded.Select(d => d.DocumentId).ToArray());
            claim.Parameters.AddWithValue("counts", coded.Select(d => d.Events.Count).ToArray());
            using var reader = claim.ExecuteReader();
            while (reader.Read()) claimed.Add(reader.GetInt64(0));
        }
        var mine = coded.Where(d => claimed.Contains(d.DocumentId)).ToList();
        int events = EventCopy.Write(connection, tx, mine, run.CoderVersion, hidden: run.Staged);
        long[] mineIds = [.. mine.Select(d => d.DocumentId)];
        if (mineIds.Length > 0)
        {
            if (!run.Staged) Execute(connection, tx, "UPDATE documents SET coder_version = @v WHERE id = ANY(@ids)", ("v", run.CoderVersion), ("ids", mineIds));
            Execute(connection, tx, "DELETE FROM coding_failures WHERE coder_version = @v AND doc_id = ANY(@ids)", ("v", run.CoderVersion), ("ids", mineIds));
        }
        foreach (var (id, error) in failures)
        {
            Execute(connection, tx, """
                INSERT INTO coding_failures (doc_id, coder_version, run_id, error) VALUES (@d, @v, @r, @e)
                ON CONFLICT (doc_id, coder_version) DO UPDATE SET error = excluded.error, run_id = excluded.run_id, attempts = coding_failures.attempts + 1, failed_at = now()
                """, ("d", id), ("v", run.CoderVersion), ("r", run.Id), ("e", error));
        }
        Execute(connection, tx, """
            UPDATE coding_attempts SET finished_at = now(), outcome = @o, coded = @c, skipped = @s, failed = @f, error = @e WHERE id = @a
            """, ("a", attempt), ("o", failures.Count == 0 ? "done" : "failed"), ("c", mine.Count), ("s", skipped + coded.Count - mine.Count), ("f", failures.Count),
            ("e", failures.Count == 0 ? null : string.Join("; ", failures.Select(f => f.Error))));
        tx.Commit();
        return (mine.Count, events);
    }

    internal static void Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>Some documents of a batch made the coder throw; their errors are stored in coding_failures.</summary>
public sealed class DocumentCodingException(string message) : Exception(message);

/// <summary>A worker whose coder differs from the run's: it must not write events under another version's name.</summary>
public sealed class CodingVersionException(string message) : Exception(message);
