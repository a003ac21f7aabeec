using Npgsql;

namespace Dyad.Scale;

/// <summary>What a run does: code newly stored documents, or re-code stored ones with a new coder version.</summary>
public enum RunKind
{
    /// <summary>First coding of documents stored by `dyad ingest --queue`; each batch's events are visible as soon as it commits.</summary>
    Ingest,
    /// <summary>Re-coding with a new coder version; the new events stay hidden until every document of the run is coded, then replace the old ones at once.</summary>
    Recode,
}

/// <summary>One enqueued run: its kind, the coder version it codes with, and how many documents and batches it holds.</summary>
public sealed record CodingRun(long Id, RunKind Kind, string CoderVersion, int Documents, int Batches)
{
    /// <summary>New events are written hidden and switched over when the run completes.</summary>
    public bool Staged => Kind == RunKind.Recode;

    internal static CodingRun Load(NpgsqlDataSource dataSource, long id)
    {
        using var cmd = dataSource.CreateCommand("SELECT kind, coder_version, documents, batches FROM coding_runs WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException($"no coding run {id} in this database");
        return new CodingRun(id, Enum.Parse<RunKind>(reader.GetString(0), ignoreCase: true), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    /// <summary>
    /// When every document of the run is coded, marks it complete; for a re-code, in the same transaction, hides
    /// the documents' earlier events and shows the new ones. True only for the call that completed it.
    /// </summary>
    internal static bool TryComplete(NpgsqlDataSource dataSource, long id)
    {
        using var connection = dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", connection, tx))
        {
            lockCmd.Parameters.AddWithValue("k", CodingTables.SchemaLock);
            lockCmd.ExecuteNonQuery();
        }
        using (var check = new NpgsqlCommand("""
            SELECT r.completed_at IS NULL AND NOT EXISTS (
                SELECT 1 FROM coding_run_documents d
                WHERE d.run_id = r.id AND NOT EXISTS (SELECT 1 FROM coding_results c WHERE c.doc_id = d.doc_id AND c.coder_version = r.coder_version))
            FROM coding_runs r WHERE r.id = @r
            """, connection, tx))
        {
            check.Parameters.AddWithValue("r", id);
            if (check.ExecuteScalar() is not true) return false;
        }
        var run = Load(dataSource, id);
        if (run.Staged)
        {
            const string runDocs = "SELECT doc_id FROM coding_run_documents WHERE run_id = @r";
            CodingJob.Execute(connection, tx, $"UPDATE events SET superseded = 1 WHERE origin = 'dyad' AND superseded = 0 AND doc_id IN ({runDocs})", ("r", id));
            CodingJob.Execute(connection, tx, $"""
                UPDATE events SET superseded = 0 WHERE origin = 'dyad' AND coder_version = @v
                AND doc_id IN (SELECT d.doc_id FROM coding_run_documents d JOIN documents x ON x.id = d.doc_id AND x.is_latest = 1 WHERE d.run_id = @r)
                """, ("r", id), ("v", run.CoderVersion));
            CodingJob.Execute(connection, tx, $"UPDATE documents SET coder_version = @v WHERE id IN ({runDocs})", ("r", id), ("v", run.CoderVersion));
        }
        CodingJob.Execute(connection, tx, "UPDATE coding_runs SET completed_at = now() WHERE id = @r", ("r", id));
        tx.Commit();
        return true;
    }
}
