using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Store;

namespace Dyad.Bench;

/// <summary>
/// Analysis in the store, on the million-event stores of the `store` benchmark: RUS-PRK's monthly series with its
/// turning points (what `dyad series` does) against the bare SQL of the same monthly counts, and the dyad's
/// events for a timeline against a bare SELECT of their rows, on SQLite and PostgreSQL. Cold is the first run on
/// a freshly opened store, steady the median of ten. DYAD_BENCH_BEFORE=1 also times, once, the way series read
/// the store before: every event of either side, counted in memory.
/// </summary>
internal sealed class AnalysisBenchmark : IBenchmark
{
    public string Name => "analysis";

    private static readonly DyadPair Pair = DyadPair.Create("RUS", "PRK").Pair!;

    // The same counts written by hand: RUS (or SUN) and PRK either way (one index range per direction), facts, per month
    // of the events that lie within one month.
    private const string BareSeries = """
        SELECT substr(date_start, 1, 7), count(*), sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END), sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END),
               sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END), sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END), sum(goldstein), count(goldstein)
        FROM (SELECT date_start, date_end, quad_class, goldstein FROM events
              WHERE source_country IN ('RUS', 'SUN') AND target_country = 'PRK' AND superseded = 0 AND (modality IS NULL OR modality = 'asserted')
              UNION ALL
              SELECT date_start, date_end, quad_class, goldstein FROM events
              WHERE source_country = 'PRK' AND target_country IN ('RUS', 'SUN') AND superseded = 0 AND (modality IS NULL OR modality = 'asserted')) d
        WHERE substr(date_start, 1, 7) = substr(COALESCE(date_end, date_start), 1, 7)
        GROUP BY 1 ORDER BY 1
        """;

    private const string BareTimeline = """
        SELECT * FROM events
        WHERE superseded = 0 AND ((source_country IN ('RUS', 'SUN') AND target_country = 'PRK') OR (source_country = 'PRK' AND target_country IN ('RUS', 'SUN')))
        ORDER BY date_start, id
        """;

    public void Run(TextWriter output)
    {
        foreach (var location in StoreBenchmark.Locations(output))
        {
            StoreBenchmark.Loaded(output, location).Dispose();
            string engine = location.Engine.ToString().ToLowerInvariant();

            var (series, turning) = (default(DyadSeries)!, 0);
            var cold = Time(() =>
            {
                using var store = EventStores.Open(location, readOnly: true);
                series = DyadSeries.FromStore(store, Pair, PeriodUnit.Month);
                turning = TurningPoints.Find(series, store).Length;
            });
            using (var store = EventStores.Open(location, readOnly: true))
            {
                var steady = Steady(10, () => TurningPoints.Find(DyadSeries.FromStore(store, Pair, PeriodUnit.Month), store));
                var bare = Steady(10, () => Drain(location, BareSeries));
                var months = Steady(10, () => store.DyadByMonth("RUS", "PRK"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{engine}: series RUS-PRK per month, {series.Points.Sum(p => p.Events):N0} events in {series.Points.Length} months, {turning} turning points: cold {cold.Ms:0} ms, steady median {steady.Ms:0.0} ms ({steady.Allocated / 1024.0:0} KB allocated); bare SQL of the same counts median {bare.Ms:0.0} ms: {steady.Ms / bare.Ms:0.00}x (target within 3x); events per month alone (dyad-by-month) median {months.Ms:0.0} ms"));

                // What the timeline reads: the dyad's events with their evidences and sources; then, apart, merging the reports
                // of one event into one row.
                IReadOnlyList<EventRow> dyad = [];
                var timeline = Steady(3, () => dyad = store.Events(Pair.Query()));
                int events = dyad.Count, rowsShown = 0;
                var merge = Time(() => rowsShown = Timeline.Of(dyad, Pair).Count);
                var rows = Steady(3, () => Drain(location, BareTimeline));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{engine}: the timeline's events RUS-PRK, {events:N0}: median {timeline.Ms:0} ms ({timeline.Allocated / 1048576.0:0} MB allocated); bare SELECT of their rows median {rows.Ms:0} ms: {timeline.Ms / rows.Ms:0.00}x; merged into {rowsShown:N0} timeline rows in {merge.Ms:0} ms"));

                if (Environment.GetEnvironmentVariable("DYAD_BENCH_BEFORE") == "1")
                {
                    int read = 0;
                    var before = Time(() =>
                    {
                        var all = new List<EventRow>();
                        foreach (string side in DyadPair.CodesOf(Pair.A).Concat(DyadPair.CodesOf(Pair.B))) all.AddRange(store.Events(new EventQuery { Actor = side }));
                        read = all.Count;
                        DyadSeries.Build(all, Pair, PeriodUnit.Month);
                    });
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{engine}: series as before (every event of either side read, {read:N0}, counted in memory): {before.Ms:0} ms, {before.Allocated / 1048576.0:0} MB allocated"));
                }
            }
        }
    }

    /// <summary>Runs a query and reads every value of every row, as a program using the bare SQL would.</summary>
    private static int Drain(StoreLocation location, string sql)
    {
        using DbConnection connection = location.Engine == StoreEngine.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location.Target};Mode=ReadOnly;Pooling=False")
            : new Npgsql.NpgsqlConnection(location.Target);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        int rows = 0;
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    private static (double Ms, long Allocated) Time(Action work)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        work();
        return (watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    /// <summary>The median of <paramref name="runs"/> runs after one to warm up, and what the median run allocated.</summary>
    private static (double Ms, long Allocated) Steady(int runs, Action work)
    {
        work();
        var times = Enumerable.Range(0, runs).Select(_ => Time(work)).OrderBy(t => t.Ms).ToList();
        return times[times.Count / 2];
    }
}
