using System.Text;
using Dyad.Analysis;
using Dyad.Store;
using Dyad.Tests.Store;

namespace Dyad.Tests.Analysis;

/// <summary>
/// Issue 18, item 17: series and turning points computed in the store (counts per period in SQL, only the events
/// around each change read) equal those computed from the events in memory, on SQLite and PostgreSQL; the dyad's
/// events are selected by the store, the states a side continues included.
/// </summary>
public sealed class AnalysisInStoreTests
{
    public static TheoryData<string> Engines => TestStores.Engines;

    /// <summary>The corpus and a few Soviet-era and Russian events with North Korea, to check that RUS answers for SUN.</summary>
    private static (IReadOnlyList<EventRow> Events, TestDatabase Db) Stored(string engine)
    {
        var (document, corpus) = AnalysisCorpus.Build();
        var template = corpus[0];
        EventRow E(string id, string source, string target, string start, string end, string precision, string cameo, int quad, double goldstein, string modality = "asserted") =>
            template with
            {
                Id = $"{AnalysisCorpus.DocName}#{id}", SourceActor = source, SourceCountry = source[..3], TargetActor = target, TargetCountry = target[..3],
                DateStart = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateEnd = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
                DatePrecision = precision, Cameo = cameo, Root = cameo[..2], QuadClass = quad, Goldstein = goldstein, Modality = modality,
            };
        IReadOnlyList<EventRow> events =
        [
            .. corpus,
            E("s1", "SUNGOV", "PRKGOV", "1961-07-06", "1961-07-06", "day", "057", 1, 8),
            E("s2", "PRKGOV", "SUN", "1961-01-01", "1961-12-31", "year", "042", 1, 1.9),
            E("s3", "RUSGOV", "PRKGOV", "2023-09-13", "2023-09-13", "day", "040", 1, 1),
            E("s4", "PRKMIL", "RUSMIL", "2023-10-01", "2023-10-31", "month", "061", 2, 6.4),
            E("s5", "RUSGOV", "PRKGOV", "2024-06-19", "2024-06-19", "day", "057", 1, 8),
            E("s6", "RUSGOV", "PRKGOV", "2024-06-20", "2024-06-20", "day", "112", 3, -2, "alleged"),
        ];
        var db = TestStores.Create(engine);
        using var store = db.Open();
        store.AddDocument(new DocumentToStore(document, AnalysisCorpus.DocName, DocumentToStore.Hash(Encoding.UTF8.GetBytes(document.Text))), events, "test");
        return (events, db);
    }

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_series_counted_in_the_store_equal_the_series_of_the_events(string engine)
    {
        var (events, db) = Stored(engine);
        using (db)
        {
            using var store = db.Open(readOnly: true);
            (DateOnly?, DateOnly?)[] windows = [(null, null), (new DateOnly(2019, 9, 1), new DateOnly(2019, 10, 31)), (new DateOnly(2016, 1, 1), new DateOnly(2017, 12, 31)), (null, new DateOnly(2021, 6, 30))];
            int points = 0;
            foreach (var (a, b, directed) in new[] { ("IRN", "SAU", false), ("SAUGOV", "IRNGOV", true), ("RUS", "PRK", false), ("PRKGOV", "RUSGOV", false), ("USA", "IRN", true) })
            {
                var pair = DyadPair.Create(a, b, directed).Pair!;
                foreach (var unit in new[] { PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.Year })
                {
                    foreach (var (from, to) in windows)
                    {
                        string what = $"{pair.Name} per {unit} from {from} to {to}";
                        // As the commands read them: a window leaves undated events out.
                        var read = from is null && to is null ? events : [.. events.Where(e => e.DateStart is not null)];
                        var expected = DyadSeries.Build(read, pair, unit, from, to);
                        var counted = DyadSeries.FromStore(store, pair, unit, from, to);
                        Assert.True(expected.Points.SequenceEqual(counted.Points), what);
                        Assert.Equal((expected.Undated, expected.TooCoarse), (counted.Undated, counted.TooCoarse));
                        var options = new ChangePointOptions { Penalty = 1 };
                        Assert.Equal(Turning(TurningPoints.Find(expected, read, options)), Turning(TurningPoints.Find(counted, store, options)));
                        points += counted.Points.Length;
                    }
                }
            }
            Assert.True(points > 200, $"{points} points");
            // The Soviet Union's events count for Russia: one day-precision treaty in 1961, one year-precision visit.
            var russia = DyadSeries.FromStore(store, DyadPair.Create("RUS", "PRK").Pair!, PeriodUnit.Year);
            Assert.Equal(("1961", 2, 0), (russia.Points[0].Period.Label, russia.Points[0].Events, russia.TooCoarse));
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_the_store_selects_a_dyads_events_with_the_states_a_side_continues(string engine)
    {
        var (events, db) = Stored(engine);
        using (db)
        {
            using var store = db.Open(readOnly: true);
            foreach (var (a, b, directed) in new[] { ("IRN", "SAU", false), ("SAU", "IRN", true), ("RUS", "PRK", false), ("PRK", "RUS", true), ("RUSGOV", "PRKGOV", false) })
            {
                var pair = DyadPair.Create(a, b, directed).Pair!;
                var expected = events.Where(pair.Matches).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, store.Events(pair.Query()).Select(e => e.Id).Order(StringComparer.Ordinal));
                var window = events.Where(e => pair.Matches(e) && e.DateStart <= new DateOnly(2020, 1, 1) && e.DateEnd >= new DateOnly(1961, 6, 1)).Select(e => e.Id).Order(StringComparer.Ordinal);
                Assert.Equal(window, store.Events(pair.Query(new DateOnly(1961, 6, 1), new DateOnly(2020, 1, 1))).Select(e => e.Id).Order(StringComparer.Ordinal));
            }
            // In date order: the year 1961 starts before the treaty of July; the alleged event is no fact.
            Assert.Equal(["irn-sau-notes.txt#s2", "irn-sau-notes.txt#s1", "irn-sau-notes.txt#s3", "irn-sau-notes.txt#s4", "irn-sau-notes.txt#s5"],
                store.Events(DyadPair.Create("RUS", "PRK").Pair!.Query() with { FactsOnly = true }).Select(e => e.Id));
        }
    }

    private static List<string> Turning(IEnumerable<TurningPoint> points) =>
        [.. points.Select(p => $"{p.Period.Label} {p.MeanBefore} {p.MeanAfter} {string.Join(",", p.Around.Select(e => e.Id))}")];
}
