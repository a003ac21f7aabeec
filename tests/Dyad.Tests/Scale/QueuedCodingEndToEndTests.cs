using System.Diagnostics;
using System.Globalization;
using Dyad.Scale;
using Dyad.Store;
using Npgsql;
using Xunit;

namespace Dyad.Tests.Scale;

/// <summary>
/// Issue 9's end-to-end check: 300 documents queued in batches, three `dyad worker` processes, one killed with
/// SIGKILL in the middle of a batch, then every connection of the other two cut by the server; the queue drains
/// and the shared store holds exactly what one in-process run stores. Uses the tagged test coder (DYAD_TEST_CODER=tagged), whose events the generator knows.
/// </summary>
public sealed class QueuedCodingEndToEndTests
{
    private const int Documents = 300;
    private const int BatchSize = 10;

    private static readonly string[] Tags = ["[RUSGOV 042 PRKGOV]", "[PRK 036 RUS]", "[CHN 0871 RUS]"];

    [PostgresFact]
    public void Three_workers_one_killed_mid_batch_code_every_document_once()
    {
        using var db = new ScalePostgres();
        var log = new StringWriterLog();
        string folder = Directory.CreateTempSubdirectory("dyad-scale-").FullName;
        var workers = new List<Process>();
        try
        {
            var expected = Generate(folder);
            int expectedEvents = expected.Values.Sum();
            Assert.Equal(450, expectedEvents);

            // The single-process reference (the same documents ingested and coded in-process into SQLite), and the
            // queued ingest into PostgreSQL, side by side.
            string single = Path.Combine(folder, "single.db");
            string docs = Path.Combine(folder, "docs");
            var ingests = new[]
            {
                Task.Run(() => ScalePostgres.Run(["ingest", "--db", single, docs], log)),
                Task.Run(() => ScalePostgres.Run(["ingest", "--pg", db.ConnectionString, "--queue", "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture), docs], log)),
            };
            Assert.True(ingests.All(t => t.Result == 0), log.ToString());
            int singleEvents;
            using (var store = EventStores.Open(StoreLocation.Sqlite(single), readOnly: true)) singleEvents = store.Counts().Events;
            Assert.Equal(expectedEvents, singleEvents);
            Assert.Equal(Documents / BatchSize, db.Scalar("SELECT batches FROM coding_runs"));

            // w3 starts first and codes slowly (2 s a document), so once it holds a batch it is certainly in the middle of it.
            string[] Worker(string name) => ["worker", "--pg", db.ConnectionString, "--workers", "1", "--name", name, "--take-over-after", "4"];
            workers.Add(ScalePostgres.Start(Worker("w3"), new Dictionary<string, string> { ["DYAD_TEST_CODER_DELAY_MS"] = "2000" }, log));
            var watch = Stopwatch.StartNew();
            while (db.Scalar("SELECT count(*) FROM coding_attempts WHERE worker = 'w3' AND finished_at IS NULL") == 0)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "w3 never took a batch:\n" + log);
                Thread.Sleep(100);
            }
            foreach (var name in new[] { "w1", "w2" })
            {
                workers.Add(ScalePostgres.Start(Worker(name), new Dictionary<string, string> { ["DYAD_TEST_CODER_DELAY_MS"] = "10" }, log));
            }
            workers[0].Kill(); // SIGKILL on Linux: no chance to finish or roll back cleanly
            workers[0].WaitForExit();
            // Then every connection of the surviving workers is cut once they are busy: they must reconnect and go on.
            watch.Restart();
            while (db.Scalar("SELECT count(*) FROM coding_attempts WHERE worker <> 'w3' AND outcome = 'done'") < 2)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "w1 and w2 coded nothing:\n" + log);
                Thread.Sleep(50);
            }
            Assert.True(db.Scalar("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t") > 0);

            watch.Restart();
            while (db.Scalar("SELECT count(*) FROM coding_runs WHERE completed_at IS NOT NULL") == 0 || CodingStatus.Read(db.ConnectionString).Jobs is { Queued: > 0 } or { Running: > 0 })
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(180), "the queue did not drain in 180 s:\n" + log);
                Thread.Sleep(250);
            }

            // The workers said in their logs that PostgreSQL dropped them (57P01: terminated by the administrator).
            Assert.True(log.Holds("terminating connection due to administrator command"), log.ToString());

            // Every document coded exactly once, each with exactly the events the generator put in it.
            Assert.Equal(Documents, db.Scalar("SELECT count(*) FROM coding_results"));
            Assert.Equal(expectedEvents, db.Scalar("SELECT sum(events) FROM coding_results"));
            Assert.Equal(0, db.Scalar("SELECT count(*) FROM (SELECT doc_id, event_key FROM events GROUP BY doc_id, event_key HAVING count(*) > 1) d"));
            Assert.Equal(expected, EventsPerDocument(db.ConnectionString));
            Assert.Equal(singleEvents, db.Scalar("SELECT count(*) FROM events WHERE superseded = 0"));
            Assert.Equal(singleEvents, db.Scalar("SELECT count(*) FROM events"));

            // The killed worker's batch was taken again by another worker and finished there.
            Assert.Equal(1, db.Scalar("SELECT count(*) FROM coding_attempts WHERE worker = 'w3' AND finished_at IS NULL"));
            Assert.True(db.Scalar("SELECT count(*) FROM (SELECT run_id, batch FROM coding_attempts GROUP BY run_id, batch HAVING count(*) > 1) r") >= 1, log.ToString());
            // Every batch ended done at least once (a batch run again after a cut connection finds its documents
            // claimed), and the done attempts coded each document once between them.
            Assert.Equal(Documents / BatchSize, db.Scalar("SELECT count(DISTINCT batch) FROM coding_attempts WHERE outcome = 'done'"));
            Assert.Equal(Documents, db.Scalar("SELECT sum(coded) FROM coding_attempts WHERE outcome = 'done'"));
            var status = CodingStatus.Read(db.ConnectionString);
            Assert.Equal(new JobCounts(0, 0, 0, 0, Documents / BatchSize), status.Jobs);
            Assert.Empty(status.Failures);
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited) worker.Kill(entireProcessTree: true);
                worker.WaitForExit();
                worker.Dispose();
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the documents; document i carries i mod 4 tagged sentences. Returns the expected events per document name.</summary>
    private static Dictionary<string, int> Generate(string folder)
    {
        string docs = Directory.CreateDirectory(Path.Combine(folder, "docs")).FullName;
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Documents; i++)
        {
            string name = $"dispatch-{i:D4}.txt";
            var text = new System.Text.StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Dispatch {i}.\n\nDelegations met in the capital on day {i} of the talks.");
            for (int j = 0; j < i % 4; j++) text.Append(CultureInfo.InvariantCulture, $" In round {j} the sides {Tags[(i + j) % Tags.Length]} agreed on item {i * 10 + j}.");
            text.Append(CultureInfo.InvariantCulture, $"\n\nNo statement followed session {i}.\n");
            File.WriteAllText(Path.Combine(docs, name), text.ToString());
            expected[name] = i % 4;
        }
        return expected;
    }

    private static Dictionary<string, int> EventsPerDocument(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand("SELECT d.name, (SELECT count(*) FROM events e WHERE e.doc_id = d.id) FROM documents d", connection);
        using var reader = cmd.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        return counts;
    }
}
