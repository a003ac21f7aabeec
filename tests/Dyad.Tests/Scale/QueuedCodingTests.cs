using Dyad.Ingest;
using Dyad.Scale;
using Dyad.Store;
using Npgsql;
using Xunit;

namespace Dyad.Tests.Scale;

/// <summary>The coding job run in-process against PostgreSQL: idempotence, poisoned documents, the re-code switch-over.</summary>
public sealed class QueuedCodingTests
{
    private static readonly string[] Texts =
    [
        "First note.\n\nTalks [RUSGOV 042 PRKGOV] took place. Then [PRK 036 RUS] followed.\n",
        "Second note.\n\nA visit [CHN 0871 RUS] was announced.\n",
        "Third note.\n\nNothing was agreed.\n",
        "Fourth note.\n\nEnvoys [RUS 040 CHN] met again. Ministers [PRK 036 CHN] spoke. Leaders [CHN 042 PRK] agreed.\n",
    ];

    [PostgresFact]
    public void A_batch_that_runs_twice_changes_nothing()
    {
        using var db = new ScalePostgres();
        var ids = Store(db, Texts);
        var (job, log, dataSource) = Worker(db, new TaggedSentenceCoder(TimeSpan.Zero));
        using (dataSource)
        {
            var run = CodingQueue.Enqueue(db.ConnectionString, RunKind.Ingest, "tagged-1", ids, batchSize: 4)!;
            job.CodeBatch(run.Id, 1, [.. ids], null, CancellationToken.None);
            string first = Snapshot(db);
            job.CodeBatch(run.Id, 1, [.. ids], null, CancellationToken.None);

            Assert.Equal(first, Snapshot(db));
            Assert.Equal(6, db.Scalar("SELECT count(*) FROM events WHERE superseded = 0 AND coder_version = 'tagged-1'"));
            Assert.Equal(4, db.Scalar("SELECT count(*) FROM documents WHERE coder_version = 'tagged-1'"));
            Assert.Equal(
                [$"run {run.Id} batch 1: coded 4 documents (6 events), skipped 0 already coded, 0 failed", $"run {run.Id} is complete",
                 $"run {run.Id} batch 1: coded 0 documents (0 events), skipped 4 already coded, 0 failed"],
                log);
            Assert.Equal(2, db.Scalar("SELECT count(*) FROM coding_attempts WHERE outcome = 'done'"));
        }
    }

    [PostgresFact]
    public void A_poisoned_document_fails_with_its_error_and_the_rest_are_coded()
    {
        using var db = new ScalePostgres();
        var ids = Store(db, [Texts[0], "Bad note.\n\nThis one [poison] breaks.\n", Texts[1]]);
        var (job, log, dataSource) = Worker(db, new TaggedSentenceCoder(TimeSpan.Zero));
        using (dataSource)
        {
            var run = CodingQueue.Enqueue(db.ConnectionString, RunKind.Ingest, "tagged-1", ids, batchSize: 3)!;
            var ex = Assert.Throws<DocumentCodingException>(() => job.CodeBatch(run.Id, 1, [.. ids], null, CancellationToken.None));
            string error = "doc-1.txt: InvalidOperationException: poisoned sentence at 11 in doc-1.txt";
            Assert.Equal($"1 of 3 documents could not be coded: document {ids[1]} ({error})", ex.Message);
            Assert.Throws<DocumentCodingException>(() => job.CodeBatch(run.Id, 1, [.. ids], null, CancellationToken.None));

            var status = CodingStatus.Read(db.ConnectionString);
            Assert.Equal([new FailedDocument(ids[1], "tagged-1", run.Id, 2, error)], status.Failures);
            Assert.Equal((run.Id, 2L, 1L, (DateTimeOffset?)null), (status.Runs[0].Id, status.Runs[0].Coded, status.Runs[0].Failed, status.Runs[0].Completed));
            Assert.Equal(3, db.Scalar("SELECT count(*) FROM events WHERE superseded = 0"));
            Assert.Equal(2, db.Scalar("SELECT count(*) FROM coding_attempts WHERE outcome = 'failed'"));
        }
    }

    [PostgresFact]
    public void Issue18_events_coded_by_workers_carry_their_month_for_month_queries()
    {
        using var db = new ScalePostgres();
        var ids = Store(db, ["A dated note.\n\nRussia and North Korea held talks in Pyongyang on 13 September 2023.\n"]);
        var (job, _, dataSource) = Worker(db, DyadPipeline.Default);
        using (dataSource)
        {
            var run = CodingQueue.Enqueue(db.ConnectionString, RunKind.Ingest, DyadPipeline.Default.Version, ids, batchSize: 4)!;
            job.CodeBatch(run.Id, 1, [.. ids], null, CancellationToken.None);
            Assert.True(db.Scalar("SELECT count(*) FROM events WHERE date_month = '2023-09'") > 0);
            Assert.Equal(0, db.Scalar("SELECT count(*) FROM events WHERE date_start IS NOT NULL AND (date_month IS NULL OR date_month <> substr(date_start, 1, 7))"));
        }
    }

    [PostgresFact]
    public void A_recode_switches_to_the_new_version_only_when_every_document_is_done()
    {
        using var db = new ScalePostgres();
        var ids = Store(db, Texts);
        var (first, _, firstSource) = Worker(db, new TaggedSentenceCoder(TimeSpan.Zero, "tagged-1"));
        var (second, _, secondSource) = Worker(db, new TaggedSentenceCoder(TimeSpan.Zero, "tagged-2"));
        using (firstSource)
        using (secondSource)
        {
            var ingest = CodingQueue.Enqueue(db.ConnectionString, RunKind.Ingest, "tagged-1", ids, batchSize: 4)!;
            first.CodeBatch(ingest.Id, 1, [.. ids], null, CancellationToken.None);
            IReadOnlyList<long> stale;
            using (var store = EventStores.Open(StoreLocation.Postgres(db.ConnectionString))) stale = CodingQueue.DocumentsToCode(store, RunKind.Recode, "tagged-2");
            Assert.Equal(ids, stale);
            var recode = CodingQueue.Enqueue(db.ConnectionString, RunKind.Recode, "tagged-2", stale, batchSize: 2)!;

            second.CodeBatch(recode.Id, 1, [ids[0], ids[1]], null, CancellationToken.None);
            Assert.Equal("tagged-1:0:6 tagged-2:1:3", Versions(db));
            Assert.Equal(4, db.Scalar("SELECT count(*) FROM documents WHERE coder_version = 'tagged-1'"));

            second.CodeBatch(recode.Id, 2, [ids[2], ids[3]], null, CancellationToken.None);
            Assert.Equal("tagged-1:1:6 tagged-2:0:6", Versions(db));
            Assert.Equal(4, db.Scalar("SELECT count(*) FROM documents WHERE coder_version = 'tagged-2'"));
            using var reopened = EventStores.Open(StoreLocation.Postgres(db.ConnectionString), readOnly: true);
            Assert.Equal(6, reopened.Counts().Events);
            Assert.Equal(["tagged-2"], reopened.Events(EventQuery.All).Select(e => e.CoderVersion).Distinct());
        }
    }

    [Fact]
    public void A_lost_connection_is_retried_with_growing_pauses_and_logged()
    {
        var log = new List<string>();
        var retry = new TransientRetry([TimeSpan.Zero, TimeSpan.Zero], log.Add, TimeProvider.System);
        int calls = 0;
        int result = retry.Run("write results", () => ++calls < 3 ? throw new NpgsqlException("Exception while reading from stream", new IOException("connection reset")) : 42, CancellationToken.None);
        Assert.Equal((42, 3), (result, calls));
        Assert.Equal(
            ["lost the connection to PostgreSQL while trying to write results (Exception while reading from stream); retrying in 0 s (try 2 of 3)",
             "lost the connection to PostgreSQL while trying to write results (Exception while reading from stream); retrying in 0 s (try 3 of 3)"],
            log);
        // A statement error is not a lost connection: it goes straight to the engine.
        Assert.Throws<InvalidOperationException>(() => retry.Run("write results", int () => throw new InvalidOperationException("bad"), CancellationToken.None));
    }

    /// <summary>Stores the texts as documents doc-0.txt, doc-1.txt, ... waiting for their first coding; returns their ids.</summary>
    private static List<long> Store(ScalePostgres db, IReadOnlyList<string> texts)
    {
        using var store = EventStores.Open(StoreLocation.Postgres(db.ConnectionString));
        var ids = new List<long>();
        for (int i = 0; i < texts.Count; i++)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(texts[i]);
            var document = DocumentLoader.Default.Read($"doc-{i}.txt", bytes).Document!;
            ids.Add(store.AddDocument(new DocumentToStore(document, $"/in/doc-{i}.txt", DocumentToStore.Hash(bytes)), [], CodingQueue.PendingVersion).DocumentId);
        }
        return ids;
    }

    private static (CodingJob Job, List<string> Log, NpgsqlDataSource DataSource) Worker(ScalePostgres db, IDocumentCoder coder)
    {
        var log = new List<string>();
        var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var context = new CodingContext(db.ConnectionString, dataSource, coder, "test", log.Add, new TransientRetry([], log.Add, TimeProvider.System));
        return (new CodingJob(context), log, dataSource);
    }

    /// <summary>Every event row as id, document, key and version: equal snapshots mean nothing changed.</summary>
    private static string Snapshot(ScalePostgres db)
    {
        using var connection = new NpgsqlConnection(db.ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand("SELECT string_agg(id || ':' || doc_id || ':' || event_key || ':' || coder_version || ':' || superseded, ' ' ORDER BY id) FROM events", connection);
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>"version:superseded:count" for each group of events.</summary>
    private static string Versions(ScalePostgres db)
    {
        using var connection = new NpgsqlConnection(db.ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand("SELECT string_agg(v, ' ' ORDER BY v) FROM (SELECT coder_version || ':' || superseded || ':' || count(*) AS v FROM events GROUP BY coder_version, superseded) g", connection);
        return (string)cmd.ExecuteScalar()!;
    }
}
