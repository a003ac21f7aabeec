using Dyad.Store;

namespace Dyad.Tests.Store;

/// <summary>GDELT 2.0 export and import: the seed's events survive the round trip; bad lines are reported and skipped.</summary>
public sealed class GdeltTests
{
    public static TheoryData<string> Engines => TestStores.Engines;

    private static readonly DateTimeOffset Added = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Engines))]
    public void An_export_of_the_seed_events_imports_back_to_the_same_events(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        store.AddDocument(StoreSamples.ToStore(seed), StoreSamples.SeedEvents(seed), StoreSamples.CoderVersion);
        var originals = store.Events(EventQuery.All);
        var ids = store.EventIds(EventQuery.All);

        using var text = new StringWriter();
        int written = EventExport.WriteText(ExportFormat.Gdelt, originals, ids, text, Added);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, written); // the undated intended visit has no GDELT date
        Assert.All(lines, line => Assert.Equal(GdeltFormat.ColumnCount, line.Split('\t').Length));

        var parsed = GdeltFormat.Read(new StringReader(text.ToString())).ToList();
        Assert.All(parsed, p => Assert.Null(p.Error));
        Assert.Equal(3, store.ImportEvents(parsed.Select(p => p.Event!)));
        Assert.Equal(0, store.ImportEvents(parsed.Select(p => p.Event!))); // importing again adds nothing

        var imported = store.Events(new EventQuery { Origin = EventOrigin.Gdelt });
        var dated = originals.Where(e => e.DateStart is not null).ToList();
        Assert.Equal(dated.Select(GdeltFormat.Projection), imported.Select(GdeltFormat.Projection));
        Assert.Equal(ids.Where((_, i) => originals[i].DateStart is not null).Select(id => $"gdelt-{id}"), imported.Select(e => e.Id));
        Assert.Equal((4, 3), (store.Counts().Events, store.Counts().GdeltEvents));
    }

    [Fact]
    public void A_line_is_laid_out_in_gdelt_columns()
    {
        var seed = StoreSamples.Seed();
        var e = StoreSamples.SeedEvents(seed)[1];
        var c = GdeltFormat.Format(1184, e, Added)!.Split('\t');
        Assert.Equal(["1184", "20230913", "202309", "2023", "2023.6986", "PRKGOV", "Kim", "PRK"], c[..8]);
        Assert.Equal("GOV", c[12]);
        Assert.Equal(["RUSGOV", "President Putin", "RUS"], c[15..18]);
        Assert.Equal(["0", "040", "040", "04", "1", "1.0"], c[25..31]);
        Assert.Equal(["4", "Vostochny Cosmodrome"], c[51..53]);
        Assert.Equal(["20261128090000", e.BestUrl ?? seed.Name], c[59..61]);
    }

    [Fact]
    public void Malformed_lines_are_reported_with_their_numbers_and_the_rest_is_read()
    {
        var seed = StoreSamples.Seed();
        var events = StoreSamples.SeedEvents(seed);
        string good1 = GdeltFormat.Format(1, events[0], Added)!, good2 = GdeltFormat.Format(2, events[2], Added)!;
        string shortLine = "17\t20230913\t202309";
        string badDate = good1.Replace("\t20230721\t", "\t2023-07-21\t", StringComparison.Ordinal);
        string badCode = good2.Replace("\t043\t043\t04\t", "\tXYZ\t043\t04\t", StringComparison.Ordinal);
        var results = GdeltFormat.Read(new StringReader(string.Join('\n', good1, shortLine, badDate, "", badCode, good2))).ToList();
        Assert.Equal(
            [
                new GdeltLineError(2, "expected 61 tab-separated columns, found 3"),
                new GdeltLineError(3, "SQLDATE '2023-07-21' is not a date (YYYYMMDD)"),
                new GdeltLineError(5, "EventCode 'XYZ' is not a CAMEO code"),
            ],
            results.Where(r => r.Error is not null).Select(r => r.Error!));
        Assert.Equal(["gdelt-1", "gdelt-2"], results.Where(r => r.Event is not null).Select(r => r.Event!.Id));
    }
}
