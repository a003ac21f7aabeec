using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Ingest;
using Dyad.Scale;
using Dyad.Store;
using Dyad.Tests.Scale;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dyad.Tests.Store;

/// <summary>
/// Issue 18, item 16: an event is one record and one set of columns, whichever way it was coded and stored.
/// `extract` prints the record `events` prints after `ingest`; the rows that ingest writes (SQLite and PostgreSQL)
/// are the rows that the queue's workers write with COPY, column by column.
/// </summary>
public sealed partial class OneEventRecordTests
{
    /// <summary>The sample corpus and the seed brief (whose events carry citations with outlets, titles and URLs).</summary>
    private static IReadOnlyList<string> Files() =>
    [
        .. Directory.EnumerateFiles(TestPaths.Samples(), "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
        TestPaths.SeedBrief,
    ];

    [Fact]
    public void Issue18_extract_prints_the_record_that_events_prints_after_ingest()
    {
        using var db = TestDatabase.Sqlite();
        var files = Files();
        var extracted = CliRunner.Run(["extract", .. files, "--format", "jsonl"]);
        Assert.Equal((0, ""), (extracted.ExitCode, extracted.Error));
        Assert.Equal(0, CliRunner.Run(["ingest", .. files, "--db", db.Location.Target]).ExitCode);
        var listed = CliRunner.Run("events", "--format", "jsonl", "--db", db.Location.Target);
        Assert.Equal((0, ""), (listed.ExitCode, listed.Error));

        // The store lists by date and adds its own id of the document; otherwise each line is the same.
        static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => DocId().Replace(l, "\"doc_id\":null")).Order(StringComparer.Ordinal)];
        var fromExtract = Lines(extracted.Output);
        Assert.True(fromExtract.Count > 100, $"{fromExtract.Count} events");
        Assert.Contains(fromExtract, l => l.Contains("\"url\":\"https://", StringComparison.Ordinal));
        Assert.Equal(fromExtract, Lines(listed.Output));
    }

    [PostgresFact]
    public void Issue18_ingest_and_the_workers_store_the_same_rows_column_by_column()
    {
        var files = Files();
        using var sqlite = TestDatabase.Sqlite();
        using var postgres = TestDatabase.Postgres(ScalePostgres.Server!);
        foreach (var db in new[] { sqlite, postgres })
        {
            using var store = db.Open();
            var summary = new DocumentIngester(store, DyadPipeline.Default).Ingest(files);
            Assert.Equal(files.Count, summary.Added);
        }

        using var queued = new ScalePostgres();
        var ids = new List<long>();
        using (var store = EventStores.Open(StoreLocation.Postgres(queued.ConnectionString)))
        {
            foreach (var file in files)
            {
                byte[] bytes = File.ReadAllBytes(file);
                var document = DocumentLoader.Default.Read(Path.GetFileName(file), bytes, file).Document!;
                ids.Add(store.AddDocument(new DocumentToStore(document, file, DocumentToStore.Hash(bytes)), [], CodingQueue.PendingVersion).DocumentId);
            }
        }
        using (var dataSource = NpgsqlDataSource.Create(queued.ConnectionString))
        {
            var log = new List<string>();
            var job = new CodingJob(new CodingContext(queued.ConnectionString, dataSource, DyadPipeline.Default, "test", log.Add, new TransientRetry([], log.Add, TimeProvider.System)));
            var run = CodingQueue.Enqueue(queued.ConnectionString, RunKind.Ingest, DyadPipeline.Default.Version, ids, batchSize: ids.Count)!;
            job.CodeBatch(run.Id, 1, [.. ids], null, CancellationToken.None);
        }

        Tables byWorkers;
        using (var connection = new NpgsqlConnection(queued.ConnectionString)) byWorkers = Dump(connection);
        Assert.True(byWorkers.Events.Count > 100, $"{byWorkers.Events.Count} events");
        Assert.Contains(byWorkers.Events, row => row.Contains("date_month=2023-09"));
        Assert.NotEmpty(byWorkers.Sources);
        // Every column of the events table but its own id is written from the one column map.
        Assert.Equal(byWorkers.Columns.Where(c => c != "id"), EventColumns.Events.Select(c => c.Name));
        using (var connection = new SqliteConnection($"Data Source={sqlite.Location.Target};Pooling=False")) AssertSame(byWorkers, Dump(connection), "SQLite ingest");
        using (var connection = new NpgsqlConnection(postgres.Location.Target)) AssertSame(byWorkers, Dump(connection), "PostgreSQL ingest");
    }

    private static void AssertSame(Tables expected, Tables actual, string what)
    {
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Events.Count, actual.Events.Count);
        for (int i = 0; i < expected.Events.Count; i++) Assert.True(expected.Events[i].SequenceEqual(actual.Events[i]), $"{what}, event {i}: {Diff(expected.Events[i], actual.Events[i])}");
        Assert.Equal(expected.Evidences, actual.Evidences);
        Assert.Equal(expected.Sources, actual.Sources);
    }

    private static string Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        string.Join("; ", expected.Zip(actual).Where(p => p.First != p.Second).Select(p => $"{p.First} (workers) against {p.Second}"));

    /// <summary>Each table's rows, every column as "name=value", ordered by document and event key; store ids replaced by the document's content hash.</summary>
    private sealed record Tables(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Events, IReadOnlyList<string> Evidences, IReadOnlyList<string> Sources);

    private static Tables Dump(DbConnection connection)
    {
        connection.Open();
        var (columns, events) = Rows(connection, "SELECT e.*, d.content_hash AS document FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY e.doc, e.event_key", ["id", "doc_id"]);
        var (_, evidences) = Rows(connection, "SELECT e.doc AS event_doc, e.event_key, v.* FROM event_evidences v JOIN events e ON e.id = v.event_id ORDER BY e.doc, e.event_key, v.ordinal", ["event_id"]);
        var (_, sources) = Rows(connection, "SELECT e.doc AS event_doc, e.event_key, s.* FROM event_sources s JOIN events e ON e.id = s.event_id ORDER BY e.doc, e.event_key, s.ordinal", ["event_id"]);
        return new Tables(columns.Where(c => c != "document").ToList(), events, [.. evidences.Select(r => string.Join(" ", r))], [.. sources.Select(r => string.Join(" ", r))]);
    }

    /// <summary>The column names of a query (all of them) and its rows (without the store's own ids, which differ between stores).</summary>
    private static (List<string> Columns, List<IReadOnlyList<string>> Rows) Rows(DbConnection connection, string sql, string[] ids)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read())
        {
            rows.Add([.. names.Select((n, i) => (n, i)).Where(c => !ids.Contains(c.n))
                .Select(c => $"{c.n}={(reader.IsDBNull(c.i) ? "null" : Convert.ToString(reader.GetValue(c.i), CultureInfo.InvariantCulture))}")]);
        }
        return (names, rows);
    }

    [GeneratedRegex("\"doc_id\":[0-9]+")]
    private static partial Regex DocId();
}
