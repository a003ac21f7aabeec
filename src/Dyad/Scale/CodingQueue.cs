using Dyad.Store;
using Hangfire;
using Hangfire.States;
using Npgsql;

namespace Dyad.Scale;

/// <summary>
/// Puts coding work on the engine's queue: documents already in the shared store, in batches, as one run.
/// Workers (<see cref="CodingWorker"/>) on any machine take the batches.
/// </summary>
public static class CodingQueue
{
    /// <summary>The coder version stored with documents that wait for their first coding by a worker.</summary>
    public const string PendingVersion = "queued";

    public const int DefaultBatchSize = 25;

    /// <summary>
    /// Enqueues <paramref name="documentIds"/> (store ids, in order) as a run coded with <paramref name="coderVersion"/>,
    /// in batches of <paramref name="batchSize"/>. An empty list makes no run and returns null.
    /// </summary>
    public static CodingRun? Enqueue(string connectionString, RunKind kind, string coderVersion, IReadOnlyList<long> documentIds, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (documentIds.Count == 0) return null;
        var batches = documentIds.Chunk(batchSize).ToList();
        long runId;
        using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            CodingTables.Ensure(dataSource);
            using var connection = dataSource.OpenConnection();
            using var tx = connection.BeginTransaction();
            using (var cmd = new NpgsqlCommand("INSERT INTO coding_runs (kind, coder_version, documents, batches) VALUES (@k, @v, @d, @b) RETURNING id", connection, tx))
            {
                cmd.Parameters.AddWithValue("k", kind.ToString().ToLowerInvariant());
                cmd.Parameters.AddWithValue("v", coderVersion);
                cmd.Parameters.AddWithValue("d", documentIds.Count);
                cmd.Parameters.AddWithValue("b", batches.Count);
                runId = (long)cmd.ExecuteScalar()!;
            }
            CodingJob.Execute(connection, tx, "INSERT INTO coding_run_documents (run_id, doc_id) SELECT @r, unnest(@ids) ON CONFLICT DO NOTHING",
                ("r", runId), ("ids", documentIds.ToArray()));
            tx.Commit();
        }
        // The run's rows are committed before any job can start, so a fast worker always finds its run.
        var client = new BackgroundJobClient(CodingEngine.Storage(connectionString));
        var queue = new EnqueuedState(CodingEngine.Queue);
        for (int i = 0; i < batches.Count; i++)
        {
            long[] ids = batches[i];
            int batch = i + 1;
            client.Create<CodingJob>(job => job.CodeBatch(runId, batch, ids, null, CancellationToken.None), queue);
        }
        return new CodingRun(runId, kind, coderVersion, documentIds.Count, batches.Count);
    }

    /// <summary>
    /// Stored documents that a run of <paramref name="kind"/> with <paramref name="coderVersion"/> should code:
    /// for an ingest, those still waiting for their first coding; for a re-code, every latest document not yet
    /// coded with that version.
    /// </summary>
    public static IReadOnlyList<long> DocumentsToCode(IEventStore store, RunKind kind, string coderVersion) =>
        [.. store.Documents()
            .Where(d => kind == RunKind.Ingest ? d.CoderVersion == PendingVersion : d.CoderVersion != coderVersion)
            .Select(d => d.Id)];
}
