using System.Diagnostics;
using System.Globalization;
using Dyad.Store;

namespace Dyad.Bench;

/// <summary>
/// The store at scale: 1,000,000 synthetic events, then a dyad-by-month query (RUS-PRK, both directions) on SQLite
/// and, when DYAD_BENCH_PG or DYAD_TEST_PG names a server, on PostgreSQL; and ingest throughput on 1,000 news-length
/// documents into a fresh SQLite file. The loaded databases are kept (in the temp folder, or the PostgreSQL schema
/// dyad_bench) and reused by later runs.
/// </summary>
internal sealed class StoreBenchmark : IBenchmark
{
    private const int EventCount = 1_000_000;
    private const int Documents = 1_000;

    public string Name => "store";

    public void Run(TextWriter output)
    {
        foreach (var location in Locations(output)) Query(output, location);
        Ingest(output, Folder());
    }

    private static string Folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "dyad-bench");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The million-event stores: SQLite always, PostgreSQL (schema dyad_bench) when DYAD_BENCH_PG or DYAD_TEST_PG names a server.</summary>
    public static IReadOnlyList<StoreLocation> Locations(TextWriter output)
    {
        var locations = new List<StoreLocation> { StoreLocation.Sqlite(Path.Combine(Folder(), "events-1m.db")) };
        if ((Environment.GetEnvironmentVariable("DYAD_BENCH_PG") ?? Environment.GetEnvironmentVariable("DYAD_TEST_PG")) is { Length: > 0 } pg)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(pg) { SearchPath = "dyad_bench" };
            using (var connection = new Npgsql.NpgsqlConnection(pg))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE SCHEMA IF NOT EXISTS dyad_bench";
                command.ExecuteNonQuery();
            }
            locations.Add(StoreLocation.Postgres(builder.ToString()));
        }
        else output.WriteLine("postgresql: skipped (set DYAD_BENCH_PG or DYAD_TEST_PG to a connection string)");
        return locations;
    }

    /// <summary>Opens the store at <paramref name="location"/>, loading the million synthetic events first when it is empty.</summary>
    public static IEventStore Loaded(TextWriter output, StoreLocation location)
    {
        var store = EventStores.Open(location);
        int stored = store.Counts().Events;
        if (stored != EventCount)
        {
            if (stored != 0) throw new InvalidOperationException($"{location.Display} holds {stored} events, not {EventCount}: remove it and run again");
            var load = Stopwatch.StartNew();
            if (location.Engine == StoreEngine.Postgres) Copy(location, Synthetic(EventCount));
            else store.ImportEvents(Synthetic(EventCount));
            store.Optimize();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{location.Engine}: loaded {EventCount:N0} events in {load.Elapsed.TotalSeconds:0.0} s ({EventCount / load.Elapsed.TotalSeconds:0} events/s)"));
        }
        return store;
    }

    private static void Query(TextWriter output, StoreLocation location)
    {
        using var store = Loaded(output, location);
        var months = store.DyadByMonth("RUS", "PRK"); // warm-up
        var times = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            months = store.DyadByMonth("RUS", "PRK");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{location.Engine}: dyad-by-month RUS-PRK over {EventCount:N0} events: {months.Count} months, {months.Sum(m => m.Events):N0} events; median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms (target < 200 ms)"));
    }

    /// <summary>PostgreSQL's bulk path (COPY) for the synthetic load: row-by-row inserts of a million events take many minutes on a busy server.</summary>
    private static void Copy(StoreLocation location, IEnumerable<EventRow> events)
    {
        using var connection = new Npgsql.NpgsqlConnection(location.Target);
        connection.Open();
        using var writer = connection.BeginBinaryImport(
            "COPY events (event_key, origin, coder_version, date_start, date_end, date_month, date_value, date_precision, source_text, source_actor, source_country, " +
            "target_text, target_actor, target_country, cameo, root, label, goldstein, quad_class, modality) FROM STDIN (FORMAT BINARY)");
        foreach (var e in events)
        {
            string start = e.DateStart!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.StartRow();
            foreach (var text in new[] { e.Id, "dyad", e.CoderVersion, start, start, start[..7], e.DateValue!, e.DatePrecision!, e.SourceText!, e.SourceActor!, e.SourceCountry!,
                e.TargetText!, e.TargetActor!, e.TargetCountry!, e.Cameo, e.Root, e.Label! })
            {
                writer.Write(text, NpgsqlTypes.NpgsqlDbType.Text);
            }
            writer.Write(e.Goldstein!.Value, NpgsqlTypes.NpgsqlDbType.Double);
            writer.Write(e.QuadClass!.Value, NpgsqlTypes.NpgsqlDbType.Integer);
            writer.Write(e.Modality!, NpgsqlTypes.NpgsqlDbType.Text);
        }
        writer.Complete();
    }

    private static void Ingest(TextWriter output, string folder)
    {
        string corpus = Path.Combine(folder, "news");
        if (!Directory.Exists(corpus) || Directory.GetFiles(corpus).Length != Documents)
        {
            Directory.CreateDirectory(corpus);
            string sample = SampleText.Load(6_000);
            for (int i = 0; i < Documents; i++)
            {
                // News length (~4,000 characters), each document different.
                File.WriteAllText(Path.Combine(corpus, $"news-{i:0000}.txt"), $"Report {i}\n\n" + sample.Substring(i % 1000, 4_000) + $"\nFiled as report {i}.\n");
            }
        }
        string db = Path.Combine(folder, "ingest.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        using var store = EventStores.Open(StoreLocation.Sqlite(db));
        var files = InputFiles.Expand([corpus]).Files;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var summary = new DocumentIngester(store, NoEventsCoder.Instance).Ingest(files);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // CPU time per document as well: on a shared machine the wall-clock rate depends on the other load.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sqlite: ingest {summary.Added:N0} news-length documents ({store.Counts().Sentences:N0} sentences) in {summary.Elapsed.TotalSeconds:0.00} s: {summary.Added / summary.Elapsed.TotalSeconds:0} documents/s, {cpu.TotalMilliseconds / summary.Added:0.0} ms CPU per document (target >= 100 documents/s; no events coder yet)"));
    }

    private static readonly string[] Countries =
        ["RUS", "PRK", "USA", "CHN", "KOR", "JPN", "IRN", "SAU", "UKR", "GBR", "FRA", "DEU", "IND", "PAK", "ISR", "TUR", "SYR", "EGY", "QAT", "ARE"];

    private static readonly (string Code, string Label, double Goldstein, int Quad)[] Codes =
    [
        ("010", "Make statement", 0.0, 1), ("036", "Express intent to meet or negotiate", 4.0, 1), ("040", "Consult", 1.0, 1),
        ("042", "Make a visit", 1.9, 1), ("043", "Host a visit", 2.8, 1), ("057", "Sign formal agreement", 8.0, 1),
        ("061", "Cooperate economically", 6.4, 2), ("062", "Cooperate militarily", 7.4, 2), ("112", "Accuse", -2.0, 3),
        ("130", "Threaten", -4.4, 3), ("163", "Impose embargo, boycott, or sanctions", -8.0, 4), ("190", "Use conventional military force", -10.0, 4),
    ];

    /// <summary>Deterministic synthetic events: skewed country pairs (the first countries are the most active), dates 2000-2025.</summary>
    private static IEnumerable<EventRow> Synthetic(int count)
    {
        var random = new Random(42);
        var first = new DateOnly(2000, 1, 1);
        for (int i = 0; i < count; i++)
        {
            string source = Countries[Skewed(random)], target = Countries[Skewed(random)];
            if (target == source) target = Countries[(Array.IndexOf(Countries, source) + 1) % Countries.Length];
            var (code, label, goldstein, quad) = Codes[random.Next(Codes.Length)];
            var date = first.AddDays(random.Next(9496));
            yield return new EventRow
            {
                Id = "synthetic-" + i.ToString(CultureInfo.InvariantCulture),
                Origin = EventOrigin.Dyad,
                CoderVersion = "synthetic",
                DateStart = date, DateEnd = date, DateValue = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatePrecision = "day",
                SourceActor = source + "GOV", SourceCountry = source, SourceText = source,
                TargetActor = target + "GOV", TargetCountry = target, TargetText = target,
                Cameo = code, Root = code[..2], Label = label, Goldstein = goldstein, QuadClass = quad, Modality = "asserted",
            };
        }
    }

    private static int Skewed(Random random) => Math.Min(Countries.Length - 1, (int)(-Math.Log(1 - random.NextDouble()) * 4));
}
