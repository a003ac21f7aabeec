using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dyad.Ingest;
using Dyad.Scale;
using Dyad.Store;
using Npgsql;

namespace Dyad.Bench;

/// <summary>
/// Queued coding throughput: documents per second through the job engine and the shared PostgreSQL store with
/// 1, 2 and 3 local workers. Needs a PostgreSQL server where databases can be created: DYAD_BENCH_PG (or
/// DYAD_TEST_PG) as a connection string. Each round re-codes every stored document under a new coder version,
/// the full path a team runs: take a batch, load its documents, code, COPY the events in one transaction, switch over.
/// The coder is the tagged test coder, which costs next to nothing, so the numbers are the queue's own ceiling;
/// a real coder's time per document adds to it.
/// </summary>
internal sealed class ScaleBenchmark : IBenchmark
{
    private const int Documents = 600;
    private const int BatchSize = 25;

    public string Name => "scale";

    public void Run(TextWriter output)
    {
        string? server = Environment.GetEnvironmentVariable("DYAD_BENCH_PG") is { Length: > 0 } b ? b : Environment.GetEnvironmentVariable("DYAD_TEST_PG");
        if (string.IsNullOrEmpty(server))
        {
            output.WriteLine("skipped: set DYAD_BENCH_PG (or DYAD_TEST_PG) to a PostgreSQL connection string where databases can be created");
            return;
        }
        string name = "dyad_bench_" + Guid.NewGuid().ToString("N")[..12];
        Admin(server, $"CREATE DATABASE {name}");
        try
        {
            string connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            var ids = StoreDocuments(connection, out int characters);
            output.WriteLine($"{Documents} news-length documents ({characters / Documents:N0} characters, about {characters / Documents / 140} sentences each) in batches of {BatchSize}, {Environment.ProcessorCount} cores shared with PostgreSQL");
            for (int workers = 1; workers <= 3; workers++)
            {
                string version = $"bench-{workers}";
                var coder = new TaggedSentenceCoder(TimeSpan.Zero, version);
                TimeSpan elapsed;
                // The workers are up and polling before the clock starts: start-up is not coding time.
                using (CodingWorker.Start(connection, coder, new WorkerOptions { Workers = workers, Name = $"bench-{workers}" }, _ => { }))
                {
                    Thread.Sleep(TimeSpan.FromSeconds(2));
                    var watch = Stopwatch.StartNew();
                    var run = CodingQueue.Enqueue(connection, RunKind.Recode, version, ids, BatchSize)!;
                    while (!Completed(connection, run.Id)) Thread.Sleep(20);
                    watch.Stop();
                    elapsed = watch.Elapsed;
                }
                double rate = Documents / elapsed.TotalSeconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{workers} worker{(workers == 1 ? " " : "s")}: {elapsed.TotalSeconds,6:F1} s, {rate,6:F0} documents/s, {rate / workers,6:F0} per worker"));
            }
        }
        finally
        {
            Admin(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static List<long> StoreDocuments(string connection, out int characters)
    {
        using var store = EventStores.Open(StoreLocation.Postgres(connection));
        var ids = new List<long>();
        characters = 0;
        string[] tags = ["[RUSGOV 042 PRKGOV]", "[PRK 036 RUS]", "[CHN 0871 RUS]", "[USA 112 CHN]"];
        for (int i = 0; i < Documents; i++)
        {
            var text = new StringBuilder($"Report {i}.\n\n");
            for (int s = 0; s < 20; s++)
            {
                string tag = s % 6 == 0 ? " " + tags[(i + s) % tags.Length] : "";
                text.Append(CultureInfo.InvariantCulture, $"On day {i} the delegation of the ministry{tag} held session {s} on trade, energy and security matters in the capital.");
                text.Append(s % 5 == 4 ? "\n\n" : " ");
            }
            byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
            characters += text.Length;
            var document = DocumentLoader.Default.Read($"report-{i:D4}.txt", bytes).Document!;
            ids.Add(store.AddDocument(new DocumentToStore(document, $"/bench/report-{i:D4}.txt", DocumentToStore.Hash(bytes)), [], CodingQueue.PendingVersion).DocumentId);
        }
        return ids;
    }

    private static bool Completed(string connection, long run)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT completed_at IS NOT NULL FROM coding_runs WHERE id = @r", c);
        cmd.Parameters.AddWithValue("r", run);
        return cmd.ExecuteScalar() is true;
    }

    private static void Admin(string server, string sql)
    {
        using var c = new NpgsqlConnection(server);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
