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

    [Theory, MemberData(nameof(Engines))]
    public void Events_filters_by_dyad_and_period_and_prints_json_lines(string engine)
    {
        using var db = WithSeedEvents(engine);
        var result = CliRunner.Run(["events", "--dyad", "RUS>PRK", "--from", "2023-09-01", "--format", "jsonl", .. db.CliOptions]);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("""{"id":"seed#e3","doc":"nk-russia-brief.txt","doc_id":1,"origin":"dyad","coder_version":"test-1","date":{"start":"2023-09-16","end":"2023-09-16","value":"2023-09-16","text":"September 16, 2023","precision":"day"},"source":{"text":"Russia's Defence Minister Sergey Shoigu","actor":"RUSMIL","country":"RUS"},"target":{"text":"Kim","actor":"PRKGOV","country":"PRK"},"event":{"cameo":"043","root":"04","label":"Host a visit","goldstein":2.8,"quad_class":1,"plover":"CONSULT","plover_mode":null},"modality":"asserted","location":{"text":"Primorye","country":"RUS"},"evidence":{"doc":"nk-russia-brief.txt","sentence":"Moreover, on September 16""", line, StringComparison.Ordinal);
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
            command.CommandText = "INSERT INTO schema_version VALUES (2, '2030-01-01T00:00:00Z')";
            command.ExecuteNonQuery();
        }
        string message = $"dyad: database {db.Location.Target} has schema version 2, newer than this dyad supports (1); upgrade dyad to use it (the database was not changed)\n";
        foreach (var args in new[] { new[] { "events" }, ["ingest", TestPaths.Samples()], ["export"], ["recode"] })
        {
            var result = CliRunner.Run([.. args, "--db", db.Location.Target]);
            Assert.Equal((2, message), (result.ExitCode, result.Error));
        }
    }
}
