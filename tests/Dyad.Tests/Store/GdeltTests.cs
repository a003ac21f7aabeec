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

        var parsed = GdeltFormat.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString()))).ToList();
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
        var results = GdeltFormat.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', good1, shortLine, badDate, "", badCode, good2)))).ToList();
        Assert.Equal(
            [
                new GdeltLineError(2, "expected 61 tab-separated columns, found 3"),
                new GdeltLineError(3, "SQLDATE '2023-07-21' is not a date (YYYYMMDD)"),
                new GdeltLineError(5, "EventCode 'XYZ' is not a CAMEO code"),
            ],
            results.Where(r => r.Error is not null).Select(r => r.Error!));
        Assert.Equal(["gdelt-1", "gdelt-2"], results.Where(r => r.Event is not null).Select(r => r.Event!.Id));
    }

    // Columns whose values are numbers: compared by value, since export writes each number in its shortest form.
    private static readonly int[] NumericColumns = [30, 34, 40, 41, 48, 49, 56, 57];

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_a_gdelt_file_imports_and_exports_again_field_by_field_and_a_second_import_adds_nothing(string engine)
    {
        using var db = TestStores.Create(engine);
        string file = TestPaths.Data("gdelt", "round-trip.tsv"), exported = Path.Combine(db.Folder, "exported.tsv");
        var import = CliRunner.Run(["import-gdelt", file, .. db.CliOptions]);
        Assert.Equal((0, "imported 4 GDELT events (0 already stored, 0 malformed lines skipped)\n", ""), (import.ExitCode, import.Output, import.Error));
        var export = CliRunner.Run(["export", "--format", "gdelt", "--out", exported, .. db.CliOptions]);
        Assert.Equal((0, ""), (export.ExitCode, export.Error));

        var original = File.ReadAllLines(file).Select(l => l.Split('\t')).ToDictionary(c => c[0]);
        var again = File.ReadAllLines(exported).Select(l => l.Split('\t')).ToList();
        Assert.Equal(original.Keys.Order(), again.Select(c => c[0]).Order()); // GDELT's own ids, not the store's
        foreach (var columns in again)
        {
            var expected = original[columns[0]];
            for (int i = 0; i < GdeltFormat.ColumnCount; i++)
            {
                if (NumericColumns.Contains(i) && expected[i].Length > 0)
                {
                    Assert.Equal(double.Parse(expected[i], System.Globalization.CultureInfo.InvariantCulture), double.Parse(columns[i], System.Globalization.CultureInfo.InvariantCulture));
                }
                else Assert.True(expected[i] == columns[i], $"event {columns[0]}, column {i}: expected '{expected[i]}', exported '{columns[i]}'");
            }
        }

        // Neither the original file nor its re-export adds an event a second time.
        foreach (var path in new[] { file, exported })
        {
            var second = CliRunner.Run(["import-gdelt", path, .. db.CliOptions]);
            Assert.Equal((0, "imported 0 GDELT events (4 already stored, 0 malformed lines skipped)\n"), (second.ExitCode, second.Output));
        }
        using var store = db.Open(readOnly: true);
        var events = store.Events(EventQuery.All).ToDictionary(e => e.Id);
        Assert.Equal(4, events.Count);
        var kim = events["gdelt-1184203918"];
        Assert.Equal((true, 10, 2, 10, -1.57480314960631), (kim.IsRootEvent!.Value, kim.NumMentions!.Value, kim.NumSources!.Value, kim.NumArticles!.Value, kim.AvgTone!.Value));
        Assert.Equal(new DateTimeOffset(2023, 9, 13, 14, 30, 0, TimeSpan.Zero), kim.DateAdded);
        Assert.Equal(new ActorCodes(null, "kor", null, null, "GOV", "MIL", null), kim.TargetCodes);
        Assert.Equal(new EventPlace(4, "Vostochny Cosmodrome, Amur, Russia", "RS", "RS05", "10483", 51.8844, 128.334, "-2946085"), kim.LocationPlace);
        Assert.Equal("Vostochny Cosmodrome, Amur, Russia", kim.LocationText);
        Assert.Equal(new EventCitation(null, "BBC Monitoring", null, null, null), events["gdelt-1184203919"].Citations.Single());
        Assert.Null(events["gdelt-1184203919"].TargetPlace);
        Assert.Equal(("2000-07", "month", new DateOnly(2000, 7, 31)), (events["gdelt-17"].DateValue, events["gdelt-17"].DatePrecision, events["gdelt-17"].DateEnd!.Value));
        Assert.Equal(("199", "decade", new DateOnly(1999, 12, 31)), (events["gdelt-18"].DateValue, events["gdelt-18"].DatePrecision, events["gdelt-18"].DateEnd!.Value));
    }

    [Theory]
    [InlineData("day", "2023-09-13", "2023-09-13", "2023-09-13", "20230913", "2023.6986")]
    [InlineData("week", "2023-W11", "2023-03-13", "2023-03-19", "20230313", "2023.2027")]
    [InlineData("month", "2000-07", "2000-07-01", "2000-07-31", "20000701", "2000.5397")]
    [InlineData("quarter", "2023-Q3", "2023-07-01", "2023-09-30", "20230701", "2023.6192")]
    [InlineData("season", "2023-SU", "2023-06-01", "2023-08-31", "20230601", "2023.5370")]
    [InlineData("year", "2000", "2000-01-01", "2000-12-31", "20000101", "2000.4986")]
    [InlineData("decade", "199", "1990-01-01", "1999-12-31", "19900101", "1994.9973")]
    [InlineData("century", "19", "1900-01-01", "1999-12-31", "19000101", "1949.9973")]
    public void Issue18_a_date_keeps_its_precision_through_gdelt(string precision, string value, string start, string end, string sqlDate, string fraction)
    {
        var row = Dated(precision, value, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        string line = GdeltFormat.Format(7, row, Added)!;
        Assert.Equal([sqlDate, sqlDate[..6], sqlDate[..4], fraction], line.Split('\t')[1..5]);
        var back = GdeltFormat.Parse(line).Event!;
        Assert.Equal((row.DateStart, row.DateEnd, value, precision), (back.DateStart, back.DateEnd, back.DateValue, back.DatePrecision));
    }

    [Fact]
    public void Issue18_a_range_that_is_not_one_calendar_unit_comes_back_as_its_first_day()
    {
        // "between March and May": month precision over three months has no single FractionDate.
        var row = Dated("month", "2023-03", new DateOnly(2023, 3, 1), new DateOnly(2023, 5, 31));
        var back = GdeltFormat.Parse(GdeltFormat.Format(7, row, Added)!).Event!;
        Assert.Equal((new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 1), "2023-03-01", "day"), (back.DateStart!.Value, back.DateEnd!.Value, back.DateValue, back.DatePrecision));
    }

    [Fact]
    public void Issue18_a_gdelt_day_on_the_first_of_a_month_stays_a_day()
    {
        string line = File.ReadAllLines(TestPaths.Data("gdelt", "round-trip.tsv"))[2]
            .Replace("\t20230913\t202309\t2023\t2023.6986\t", "\t20230901\t202309\t2023\t2023.6658\t", StringComparison.Ordinal);
        var back = GdeltFormat.Parse(line).Event!;
        Assert.Equal(("2023-09-01", "day"), (back.DateValue, back.DatePrecision));
    }

    [Fact]
    public void Issue18_invalid_utf8_in_a_gdelt_line_is_reported_with_its_file_and_line()
    {
        using var db = TestDatabase.Sqlite();
        var lines = File.ReadAllLines(TestPaths.Data("gdelt", "round-trip.tsv"));
        string file = Path.Combine(db.Folder, "events.tsv");
        using (var stream = File.Create(file))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(lines[0] + "\n"));
            stream.Write(System.Text.Encoding.UTF8.GetBytes(lines[1].Replace("NORTH KOREA", "NORTH KOREA~", StringComparison.Ordinal) + "\r\n").Select(b => b == (byte)'~' ? (byte)0xFF : b).ToArray());
        }
        var result = CliRunner.Run("import-gdelt", file, "--db", db.Location.Target);
        Assert.Equal((1, $"dyad: {file}:2: invalid UTF-8, read with U+FFFD in place of the bad bytes\n"), (result.ExitCode, result.Error));
        Assert.Equal("imported 2 GDELT events (0 already stored, 0 malformed lines skipped, 1 with invalid UTF-8 read)\n", result.Output);
        using var store = db.Open(readOnly: true);
        Assert.Equal("NORTH KOREA\uFFFD", store.Events(EventQuery.All).Single(e => e.Id == "gdelt-17").SourceText);
    }

    [Fact]
    public void Lines_end_at_lf_cr_or_crlf_even_where_a_crlf_straddles_two_reads()
    {
        var lines = File.ReadAllLines(TestPaths.Data("gdelt", "round-trip.tsv"));
        // The first line's \r is the last byte of the first 65,536-byte read and its \n the first of the next.
        string text = new string('x', 65_535) + "\r\n" + lines[0] + "\r" + "bad" + "\n\n" + lines[1] + "\r\n" + "bad";
        var results = GdeltFormat.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))).ToList();
        Assert.Equal([1, 3, 6], results.Where(r => r.Error is not null).Select(r => r.Error!.Line));
        Assert.Equal(["gdelt-18", "gdelt-17"], results.Where(r => r.Event is not null).Select(r => r.Event!.Id));
    }

    [Fact]
    public void Issue18_malformed_gdelt_counts_tone_and_places_are_reported()
    {
        var columns = File.ReadAllLines(TestPaths.Data("gdelt", "round-trip.tsv"))[2].Split('\t');
        string With(int at, string value) => string.Join('\t', columns.Select((c, i) => i == at ? value : c));
        Assert.Equal("NumMentions 'ten' is not a count", GdeltFormat.Parse(With(31, "ten")).Error);
        Assert.Equal("AvgTone '-300' is not a number from -100 to 100", GdeltFormat.Parse(With(34, "-300")).Error);
        Assert.Equal("ActionGeo_Lat '91' is not a number from -90 to 90", GdeltFormat.Parse(With(56, "91")).Error);
        Assert.Equal("IsRootEvent '2' is not 0-1", GdeltFormat.Parse(With(25, "2")).Error);
        Assert.Equal("DATEADDED '2023-09-13' is not a time (YYYYMMDDHHMMSS)", GdeltFormat.Parse(With(59, "2023-09-13")).Error);
    }

    private static EventRow Dated(string precision, string value, DateOnly start, DateOnly end) => new()
    {
        Id = "doc#e1", Doc = "doc", CoderVersion = "test", Cameo = "057", Root = "05",
        DateStart = start, DateEnd = end, DateValue = value, DatePrecision = precision,
    };
}
