using Dyad.Store;

namespace Dyad.Tests.Store;

/// <summary>The store's commands: ingest, events, export and import-gdelt, on every engine available.</summary>
public sealed class StoreCommandTests
{
    public static TheoryData<string> Engines => TestStores.Engines;

    private static TestDatabase WithSeedEvents(string engine)
    {
        var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        store.AddDocument(StoreSamples.ToStore(seed, TestPaths.SeedBrief), StoreSamples.SeedEvents(seed), StoreSamples.CoderVersion);
        return db;
    }

    [Theory, MemberData(nameof(Engines))]
    public void Ingest_twice_stores_each_sample_once_and_says_so(string engine)
    {
        using var db = TestStores.Create(engine);
        var first = CliRunner.Run(["ingest", TestPaths.Samples(), .. db.CliOptions]);
        var second = CliRunner.Run(["ingest", TestPaths.Samples(), .. db.CliOptions]);
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        // The first run stores the events the pipeline codes in the samples; the second adds nothing.
        int events = Directory.EnumerateFiles(TestPaths.Samples(), "*", SearchOption.AllDirectories)
            .Select(f => Dyad.Ingest.DocumentLoader.Default.ReadFile(f).Document!)
            .Sum(d => DyadPipeline.Default.Code(d, default).Count);
        Assert.True(events > 0);
        Assert.Equal($"ingested 8 files: 8 added, 0 new versions, 0 unchanged, 0 failed; {events} events", first.Output.Split('\n')[0]);
        Assert.Equal("ingested 8 files: 0 added, 0 new versions, 8 unchanged, 0 failed; 0 events", second.Output.Split('\n')[0]);
        Assert.Matches(@"^.+: \d+\.\d s, \d+ documents/s$", second.Output.Split('\n')[1]);
        using var store = db.Open(readOnly: true);
        Assert.Equal(8, store.Counts().Documents);
    }

    [Fact]
    public void Ingest_reports_inputs_that_match_nothing()
    {
        using var db = TestDatabase.Sqlite();
        string missing = Path.Combine(db.Folder, "missing", "*.txt");
        var result = CliRunner.Run("ingest", missing, "--db", db.Location.Target);
        Assert.Equal((1, "", $"dyad: {missing}: no such file, folder or matching documents\ndyad: nothing to ingest\n"), (result.ExitCode, result.Output, result.Error));
        Assert.False(File.Exists(db.Location.Target));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(3072)] // past what one .NET array holds
    public void Issue18_ingest_refuses_a_file_over_the_limit_before_reading_it(int megabytes)
    {
        using var db = TestDatabase.Sqlite();
        string big = Path.Combine(db.Folder, "big.txt");
        // A sparse file: its size is what counts, and it takes no disk space.
        using (var file = File.Create(big)) file.SetLength(megabytes * 1024L * 1024);
        var result = CliRunner.Run("ingest", big, "--db", db.Location.Target);
        Assert.Equal((1, $"dyad: {big}: file is {megabytes} MB, larger than the 64 MB limit for one document\n"), (result.ExitCode, result.Error));
        Assert.StartsWith("ingested 1 file: 0 added, 0 new versions, 0 unchanged, 1 failed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue18_export_to_a_place_that_cannot_be_written_says_so_in_one_line()
    {
        using var db = WithSeedEvents("sqlite");
        string missing = Path.Combine(db.Folder, "no-such-folder", "events.csv");
        string proc = "/proc/dyad-events.csv";
        foreach (var (path, message) in new[]
        {
            (missing, $"--out {missing}: folder {Path.GetDirectoryName(missing)} does not exist"),
            (db.Folder, $"--out {db.Folder} is a directory; name a file"),
        })
        {
            var result = CliRunner.Run("export", "--out", path, "--db", db.Location.Target);
            Assert.Equal((1, $"dyad: {message}\n"), (result.ExitCode, result.Error));
        }
        if (Directory.Exists("/proc"))
        {
            var result = CliRunner.Run("export", "--out", proc, "--db", db.Location.Target);
            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith($"dyad: --out {proc}: cannot write: ", result.Error, StringComparison.Ordinal);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Issue18_import_gdelt_of_a_file_with_a_huge_line_reports_the_line_and_goes_on()
    {
        using var db = TestDatabase.Sqlite();
        string file = Path.Combine(db.Folder, "huge.tsv");
        // A sparse file: 2.5 GB of NUL characters on one line, more than one .NET string holds.
        using (var stream = File.Create(file)) stream.SetLength(2_500L * 1024 * 1024);
        var result = CliRunner.Run("import-gdelt", file, "--db", db.Location.Target);
        Assert.Equal((1, $"dyad: {file}:1: line is longer than 65,536 bytes, not a GDELT event; line skipped\n"), (result.ExitCode, result.Error));
        Assert.Equal("imported 0 GDELT events (0 already stored, 1 malformed lines skipped)\n", result.Output);
    }

    [Theory, MemberData(nameof(Engines))]
    public void Events_filters_by_dyad_and_period_and_prints_json_lines(string engine)
    {
        using var db = WithSeedEvents(engine);
        var result = CliRunner.Run(["events", "--dyad", "RUS>PRK", "--from", "2023-09-01", "--format", "jsonl", .. db.CliOptions]);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("""{"id":"seed#e3","doc":"nk-russia-brief.txt","doc_id":1,"origin":"dyad","coder_version":"test-1","date":{"start":"2023-09-16","end":"2023-09-16","value":"2023-09-16","text":"September 16, 2023","precision":"day"},"source":{"text":"Russia's Defence Minister Sergey Shoigu","actor":"RUSMIL","country":"RUS"},"target":{"text":"Kim","actor":"PRKGOV","country":"PRK"},"event":{"cameo":"043","root":"04","label":"Host a visit","goldstein":2.8,"quad_class":1,"plover":"CONSULT","plover_mode":null},"modality":"asserted","location":{"text":"Primorye","country":"RUS"},"evidence":{"doc":"nk-russia-brief.txt","sentence":"Moreover, on September 16""", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue18_csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_a_quote()
    {
        var row = new EventRow
        {
            Id = "e1", Origin = EventOrigin.Dyad, CoderVersion = "v1", Cameo = "112", Root = "11", Goldstein = -2.0, QuadClass = 3,
            SourceText = "=HYPERLINK(\"http://attacker.example\")", TargetText = "+cmd", Label = "@SUM(A1)", LocationText = "-Moscow", Doc = "\tnotes.txt",
        };
        using var writer = new StringWriter();
        EventExport.WriteText(ExportFormat.Csv, [row], [], writer, default);
        string line = writer.ToString().Split("\r\n")[1];
        Assert.Equal("e1,'\tnotes.txt,dyad,v1,,,,,,\"'=HYPERLINK(\"\"http://attacker.example\"\")\",,,'+cmd,,,112,11,'@SUM(A1),-2,3,,,,'-Moscow,,,,,,,,0", line);
    }

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_a_code_prefix_matches_like_wildcards_as_plain_characters(string engine)
    {
        using var db = WithSeedEvents(engine);
        using var store = db.Open(readOnly: true);
        Assert.NotEmpty(store.Events(new EventQuery { Code = "04" }));
        Assert.Empty(store.Events(new EventQuery { Code = "_" }));
        Assert.Empty(store.Events(new EventQuery { Code = "%" }));
        Assert.Empty(store.Events(new EventQuery { Code = "0_3" }));
    }

    [Fact]
    public void Issue18_events_limit_follows_the_api_rule()
    {
        using var db = WithSeedEvents("sqlite");
        var result = CliRunner.Run("events", "--limit", "-1", "--db", db.Location.Target);
        Assert.Equal((1, "dyad: --limit -1: expected 1 or more (leave it out for every event)\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public void Issue18_control_characters_in_a_file_name_are_escaped_in_messages()
    {
        using var db = TestDatabase.Sqlite();
        string file = Path.Combine(db.Folder, "red\u001b[31m\nname.txt");
        File.WriteAllText(file, "");
        var result = CliRunner.Run("ingest", file, "--db", db.Location.Target);
        string shown = file.Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        Assert.Equal((1, $"dyad: {shown}: file is empty\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public void Issue18_control_characters_in_file_names_are_escaped_in_status_lines_too()
    {
        using var db = TestDatabase.Sqlite();
        string file = Path.Combine(db.Folder, "brief.txt");
        File.WriteAllText(file, "North Korea and Russia signed a deal on 13 September 2023.\n");
        string dbFile = Path.Combine(db.Folder, "red\u001b[31m\nstore.db"), output = Path.Combine(db.Folder, "out\u001b[2J.csv");
        string Shown(string name) => name.Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        var ingest = CliRunner.Run("ingest", file, "--db", dbFile);
        Assert.StartsWith($"{Shown(dbFile)}: ", ingest.Output.Split('\n')[1], StringComparison.Ordinal);
        var export = CliRunner.Run("export", "--db", dbFile, "--out", output);
        Assert.Equal(0, export.ExitCode);
        Assert.Matches($"^exported [0-9]+ events to {System.Text.RegularExpressions.Regex.Escape(Shown(output))}\n$", export.Output);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Issue18_a_huge_malformed_gdelt_field_is_cut_in_the_message()
    {
        using var db = TestDatabase.Sqlite();
        var seed = StoreSamples.Seed();
        string good = GdeltFormat.Format(1, StoreSamples.SeedEvents(seed)[0], DateTimeOffset.UnixEpoch)!;
        var columns = good.Split('\t');
        columns[1] = new string('9', 60_000); // within the longest line read (65,536 characters)
        string file = Path.Combine(db.Folder, "events.tsv");
        File.WriteAllText(file, string.Join('\t', columns) + "\n");
        var result = CliRunner.Run("import-gdelt", file, "--db", db.Location.Target);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {file}:1: SQLDATE '{new string('9', 200)}…' (60,000 characters) is not a date (YYYYMMDD); line skipped\n", result.Error);
    }

    [Theory, MemberData(nameof(Engines))]
    public void Events_as_a_table_and_as_csv(string engine)
    {
        using var db = WithSeedEvents(engine);
        var table = CliRunner.Run(["events", "--modality", "intended", .. db.CliOptions]);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("  -      Sergey Lavrov (Foreign Minister of Russia)   North Korea   RUSGOV → PRK   042    Make a visit   intended   nk-russia-brief.txt  ", table.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 event\n", table.Output, StringComparison.Ordinal);
        var csv = CliRunner.Run(["events", "--code", "04", "--search", "warplanes", "--format", "csv", .. db.CliOptions]);
        var rows = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', FlatEvent.Header), rows[0]);
        Assert.StartsWith("seed#e3,nk-russia-brief.txt,dyad,test-1,2023-09-16,2023-09-16,2023-09-16,\"September 16, 2023\",day,Russia's Defence Minister Sergey Shoigu,RUSMIL,RUS,Kim,PRKGOV,PRK,043,04,Host a visit,2.8,1,CONSULT,,asserted,Primorye,RUS,", rows[1], StringComparison.Ordinal);
        Assert.Equal(2, rows.Length);
    }

    [Fact]
    public void Events_refuses_malformed_filters()
    {
        using var db = WithSeedEvents("sqlite");
        Assert.Equal("dyad: --from 2023-13-01: expected a date as YYYY-MM-DD\n", CliRunner.Run("events", "--from", "2023-13-01", "--db", db.Location.Target).Error);
        Assert.Equal("dyad: --code 4x: expected 2 to 4 digits of a CAMEO code\n", CliRunner.Run("events", "--code", "4x", "--db", db.Location.Target).Error);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Export_to_parquet_reads_back_in_order(string engine)
    {
        using var db = WithSeedEvents(engine);
        string file = Path.Combine(db.Folder, "events.parquet");
        var result = CliRunner.Run(["export", "--format", "parquet", "--out", file, .. db.CliOptions]);
        Assert.Equal((0, $"exported 4 events to {file}\n"), (result.ExitCode, result.Output));
        await using var stream = File.OpenRead(file);
        var rows = await Parquet.Serialization.ParquetSerializer.DeserializeAsync<FlatEvent>(stream);
        using var store = db.Open(readOnly: true);
        IEnumerable<FlatEvent> read = rows.Data;
        Assert.Equal(
            store.Events(EventQuery.All).Select(e => $"{e.Id} {e.Cameo} {e.SourceActor} {e.Goldstein}"),
            read.Select(r => $"{r.Id} {r.Cameo} {r.SourceActor} {r.Goldstein}"));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Export_gdelt_then_import_gdelt_gives_the_same_events(string engine)
    {
        using var db = WithSeedEvents(engine);
        string file = Path.Combine(db.Folder, "events.gdelt.tsv");
        var export = CliRunner.Run(["export", "--format", "gdelt", "--out", file, .. db.CliOptions]);
        Assert.Equal((0, $"exported 3 events to {file}\n", "dyad: 1 events without a date left out (GDELT requires one)\n"), (export.ExitCode, export.Output, export.Error));
        File.AppendAllText(file, "not\ta\tgdelt line\n");
        var import = CliRunner.Run(["import-gdelt", file, .. db.CliOptions]);
        Assert.Equal((1, "imported 3 GDELT events (0 already stored, 1 malformed lines skipped)\n", $"dyad: {file}:4: expected 61 tab-separated columns, found 3; line skipped\n"),
            (import.ExitCode, import.Output, import.Error));
        using var store = db.Open(readOnly: true);
        var dyad = store.Events(new EventQuery { Origin = EventOrigin.Dyad }).Where(e => e.DateStart is not null);
        Assert.Equal(dyad.Select(GdeltFormat.Projection), store.Events(new EventQuery { Origin = EventOrigin.Gdelt }).Select(GdeltFormat.Projection));
    }

    [Fact]
    public void A_newer_schema_gets_a_clear_message_from_every_command()
    {
        using var db = WithSeedEvents("sqlite");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db.Location.Target};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version VALUES (5, '2030-01-01T00:00:00Z')";
            command.ExecuteNonQuery();
        }
        string message = $"dyad: database {db.Location.Target} has schema version 5, newer than this dyad supports (4); upgrade dyad to use it (the database was not changed)\n";
        foreach (var args in new[] { new[] { "events" }, ["ingest", TestPaths.Samples()], ["export"], ["recode"] })
        {
            var result = CliRunner.Run([.. args, "--db", db.Location.Target]);
            Assert.Equal((2, message), (result.ExitCode, result.Error));
        }
    }
}
