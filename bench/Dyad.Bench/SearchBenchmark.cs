using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dyad.Store;
using Microsoft.Data.Sqlite;

namespace Dyad.Bench;

/// <summary>
/// Full-text search at scale (`dyad events --search`, `/api/events?q=`): a store of 10,000 documents of 100
/// sentences, one event per sentence (1,000,000 events), searched for a rare word (in 1 sentence of 1,000) and a
/// common one (1 of 10), a page of 1,000 events as the API returns. Cold is the first search on a newly opened
/// store, steady the median of 20 more. SQLite always, PostgreSQL when DYAD_BENCH_PG or DYAD_TEST_PG names a
/// server; the loaded stores are kept (temp folder, PostgreSQL schema dyad_bench_search) for later runs.
/// </summary>
internal sealed class SearchBenchmark : IBenchmark
{
    private const int Documents = 10_000;
    private const int SentencesPerDocument = 100;
    private const int EventCount = Documents * SentencesPerDocument;

    public string Name => "search";

    public void Run(TextWriter output)
    {
        string folder = Path.Combine(Path.GetTempPath(), "dyad-bench");
        Directory.CreateDirectory(folder);
        Search(output, StoreLocation.Sqlite(Path.Combine(folder, "search-1m.db")));
        if ((Environment.GetEnvironmentVariable("DYAD_BENCH_PG") ?? Environment.GetEnvironmentVariable("DYAD_TEST_PG")) is { Length: > 0 } pg)
        {
            using (var connection = new Npgsql.NpgsqlConnection(pg))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE SCHEMA IF NOT EXISTS dyad_bench_search";
                command.ExecuteNonQuery();
            }
            Search(output, StoreLocation.Postgres(new Npgsql.NpgsqlConnectionStringBuilder(pg) { SearchPath = "dyad_bench_search" }.ToString()));
        }
        else output.WriteLine("postgresql: skipped (set DYAD_BENCH_PG or DYAD_TEST_PG to a connection string)");
    }

    private static void Search(TextWriter output, StoreLocation location)
    {
        using (var store = EventStores.Open(location))
        {
            int stored = store.Counts().Events;
            if (stored != EventCount)
            {
                if (stored != 0) throw new InvalidOperationException($"{location.Display} holds {stored} events, not {EventCount}: remove it and run again");
                var load = Stopwatch.StartNew();
                Load(location);
                store.Optimize();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{location.Engine}: loaded {EventCount:N0} events with their sentences in {load.Elapsed.TotalSeconds:0.0} s"));
            }
        }
        foreach (var (word, share) in new[] { ("topic417", "1 sentence in 1,000"), ("talks", "1 sentence in 10") })
        {
            var query = new EventQuery { Search = word };
            using var store = EventStores.Open(location);
            var watch = Stopwatch.StartNew();
            int found = store.Events(query, 1000).Count;
            double cold = watch.Elapsed.TotalMilliseconds;
            var times = new List<double>();
            for (int i = 0; i < 20; i++)
            {
                watch.Restart();
                store.Events(query, 1000);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{location.Engine}: search \"{word}\" ({share}) over {EventCount:N0} events, first {found:N0}: cold {cold:0.0} ms, steady median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms (target < 100 ms)"));
        }
    }

    private static readonly string[] Countries = ["Russia", "North Korea", "China", "the United States", "Japan", "Iran", "Ukraine", "India"];
    private static readonly string[] Codes = ["RUS", "PRK", "CHN", "USA", "JPN", "IRN", "UKR", "IND"];

    /// <summary>Sentence <paramref name="n"/> of the synthetic corpus: every tenth mentions talks, each names one of 1,000 topics.</summary>
    private static string Sentence(int n) => string.Create(CultureInfo.InvariantCulture,
        $"{Countries[n % 8]} {(n % 10 == 0 ? "held talks with" : "sent a note to")} {Countries[(n / 8 + 1 + n % 8) % 8]} about topic{n % 1000} on day {n}.");

    /// <summary>Bulk-loads the documents, sentences and events in one transaction per engine (COPY on PostgreSQL).</summary>
    private static void Load(StoreLocation location)
    {
        var start = new DateOnly(2000, 1, 1);
        IEnumerable<(object?[] Document, IEnumerable<object?[]> Sentences, IEnumerable<object?[]> Events)> Rows()
        {
            for (int d = 0; d < Documents; d++)
            {
                var texts = Enumerable.Range(d * SentencesPerDocument, SentencesPerDocument).Select(Sentence).ToArray();
                var sentences = new List<object?[]>();
                var events = new List<object?[]>();
                int offset = 0;
                for (int i = 0; i < texts.Length; i++)
                {
                    int n = d * SentencesPerDocument + i;
                    string date = start.AddDays(n % 9496).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    sentences.Add([(long)n + 1, (long)d + 1, i, offset, offset + texts[i].Length, texts[i]]);
                    events.Add([(long)n + 1, "search-" + n.ToString(CultureInfo.InvariantCulture), (long)d + 1, $"doc-{d}.txt", "dyad", "synthetic", date, date, date[..7],
                        Codes[n % 8], Codes[(n / 8 + 1 + n % 8) % 8], n % 10 == 0 ? "040" : "010", n % 10 == 0 ? "04" : "01", "asserted", offset, offset + texts[i].Length]);
                    offset += texts[i].Length + 1;
                }
                string name = $"doc-{d}.txt";
                yield return ([(long)d + 1, "hash-" + d.ToString(CultureInfo.InvariantCulture), name, "text", string.Join(' ', texts), 1, "2025-01-01T00:00:00Z"], sentences, events);
            }
        }
        const string documents = "documents (id, content_hash, name, format, text, is_latest, ingested_at)";
        const string sentenceTable = "sentences (id, doc_id, ordinal, start_offset, end_offset, text)";
        const string eventTable = "events (id, event_key, doc_id, doc, origin, coder_version, date_start, date_end, date_month, source_country, target_country, cameo, root, modality, evidence_start, evidence_end)";
        if (location.Engine == StoreEngine.Postgres)
        {
            using var connection = new Npgsql.NpgsqlConnection(location.Target);
            connection.Open();
            var all = Rows().ToList();
            Copy(connection, documents, all.Select(r => r.Document));
            Copy(connection, sentenceTable, all.SelectMany(r => r.Sentences));
            Copy(connection, eventTable, all.SelectMany(r => r.Events));
            return;
        }
        using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location.Target, Pooling = false }.ToString());
        sqlite.Open();
        using var tx = sqlite.BeginTransaction();
        using var insertDocument = Insert(sqlite, tx, documents, 7);
        using var insertSentence = Insert(sqlite, tx, sentenceTable, 6);
        using var insertEvent = Insert(sqlite, tx, eventTable, 16);
        foreach (var (document, sentences, events) in Rows())
        {
            Run(insertDocument, document);
            foreach (var row in sentences) Run(insertSentence, row);
            foreach (var row in events) Run(insertEvent, row);
        }
        tx.Commit();
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction tx, string table, int columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (int i = 0; i < columns; i++) command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        return command;
    }

    private static void Run(DbCommand command, object?[] values)
    {
        for (int i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private static void Copy(Npgsql.NpgsqlConnection connection, string table, IEnumerable<object?[]> rows)
    {
        using var writer = connection.BeginTextImport($"COPY {table} FROM STDIN");
        foreach (var row in rows)
        {
            writer.Write(string.Join('\t', row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            writer.Write('\n');
        }
    }
}
