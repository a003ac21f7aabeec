using Dyad.Store;

namespace Dyad.Tests.Store;

/// <summary>The store's contract, run on every engine available (SQLite always, PostgreSQL when a server is up).</summary>
public sealed class StoreTests
{
    public static TheoryData<string> Engines => TestStores.Engines;

    [Theory, MemberData(nameof(Engines))]
    public void A_document_is_stored_whole_and_reads_back_as_it_was(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        var (outcome, id) = store.AddDocument(StoreSamples.ToStore(seed, "/corpus/seed.txt"), [], StoreSamples.CoderVersion);
        Assert.Equal(StoreOutcome.Added, outcome);
        var back = store.LoadDocument(id);
        Assert.Equal(seed.Name, back.Name);
        Assert.Equal(seed.Format, back.Format);
        Assert.Equal(seed.Text, back.Text);
        Assert.Equal(seed.Metadata.Title, back.Metadata.Title);
        Assert.Equal(seed.Metadata.Authors.ToArray(), back.Metadata.Authors.ToArray());
        Assert.Equal(seed.Metadata.Published, back.Metadata.Published);
        Assert.Equal(seed.Sentences.Select(s => (s.Span, string.Join(' ', s.Citations))), back.Sentences.Select(s => (s.Span, string.Join(' ', s.Citations))));
        Assert.Equal(seed.Citations.ToArray(), back.Citations.ToArray());
        Assert.Equal(seed.Markers.ToArray(), back.Markers.ToArray());
        Assert.NotEmpty(back.Markers);
        Assert.Equal(new StoreCounts(1, seed.Sentences.Length, seed.Citations.Length, 0, 0), store.Counts());
    }

    [Theory, MemberData(nameof(Engines))]
    public void The_same_content_is_one_document_and_a_changed_file_a_new_version(string engine)
    {
        using var db = TestStores.Create(engine);
        using var store = db.Open();
        var first = StoreSamples.Read("report.txt", StoreSamples.News(1));
        var changed = StoreSamples.Read("report.txt", StoreSamples.News(2));
        var coded = (Dyad.Documents.Document d) => (IReadOnlyList<EventRow>)[StoreSamples.Event(d, d.Text[..8], "Lavrov met", "040", "Consult", 1.0, 1, "CONSULT",
            ("Russian Foreign Minister Sergey Lavrov", "RUSGOV", "RUS"), ("North Korean officials", "PRKGOV", "PRK"), (null, null, null, null, null), "asserted", null)];

        var (added, firstId) = store.AddDocument(StoreSamples.ToStore(first, "/corpus/report.txt"), coded(first), "v1");
        var (again, againId) = store.AddDocument(StoreSamples.ToStore(first, "/corpus/copy.txt"), coded(first), "v1");
        var (version, secondId) = store.AddDocument(StoreSamples.ToStore(changed, "/corpus/report.txt"), coded(changed), "v1");

        Assert.Equal((StoreOutcome.Added, StoreOutcome.Unchanged, StoreOutcome.NewVersion), (added, again, version));
        Assert.Equal(firstId, againId);
        Assert.NotEqual(firstId, secondId);
        // One document (its latest version) and only the latest version's event count.
        Assert.Equal((1, 1), (store.Counts().Documents, store.Counts().Events));
        Assert.Equal([secondId], store.Events(EventQuery.All).Select(e => e.DocumentId!.Value));
        Assert.Equal([firstId, secondId], store.Events(EventQuery.All with { IncludeSuperseded = true }).Select(e => e.DocumentId!.Value));
        Assert.Equal([new StoredDocument(secondId, "report.txt", "/corpus/report.txt", "v1")], store.Documents());
    }

    [Theory, MemberData(nameof(Engines))]
    public void Events_read_back_field_for_field(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        var events = StoreSamples.SeedEvents(seed);
        using var store = db.Open();
        var (_, id) = store.AddDocument(StoreSamples.ToStore(seed), events, StoreSamples.CoderVersion);
        var back = store.Events(EventQuery.All);
        // Ordered by start date, the undated event last, on both engines.
        Assert.Equal(events.Select(e => e with { DocumentId = id }), back);
        Assert.Equal(4, store.Counts().Events);
        Assert.NotEmpty(back.Single(e => e.Id == "seed#e1").Citations);
    }

    public static TheoryData<string, string, string[]> Filters()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var engine in TestStores.EngineNames)
        {
            data.Add(engine, "dyad PRK-RUS, either direction", ["seed#e1", "seed#e2", "seed#e3", "seed#e4"]);
            data.Add(engine, "dyad PRKGOV>RUSGOV", ["seed#e2"]);
            data.Add(engine, "dyad RUS>PRK", ["seed#e1", "seed#e3", "seed#e4"]);
            data.Add(engine, "actor RUSMIL", ["seed#e1", "seed#e3"]);
            data.Add(engine, "from 2023-07-31 to 2023-09-13: overlap", ["seed#e1", "seed#e2"]);
            data.Add(engine, "from 2023-09-14", ["seed#e3"]);
            data.Add(engine, "code 04", ["seed#e1", "seed#e2", "seed#e3", "seed#e4"]);
            data.Add(engine, "code 042", ["seed#e1", "seed#e4"]);
            data.Add(engine, "root 04, quad 1", ["seed#e1", "seed#e2", "seed#e3", "seed#e4"]);
            data.Add(engine, "quad 4", []);
            data.Add(engine, "modality intended", ["seed#e4"]);
            data.Add(engine, "doc nk-russia-brief.txt", ["seed#e1", "seed#e2", "seed#e3", "seed#e4"]);
            data.Add(engine, "search supersonic missile", ["seed#e3"]);
            data.Add(engine, "search cosmodromes (stemmed)", ["seed#e2"]);
        }
        return data;
    }

    [Theory, MemberData(nameof(Filters))]
    public void Filters_select_the_expected_events(string engine, string filter, string[] expected)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        store.AddDocument(StoreSamples.ToStore(seed), StoreSamples.SeedEvents(seed), StoreSamples.CoderVersion);
        EventQuery query = filter.Split(' ')[0] switch
        {
            "dyad" => EventQuery.WithDyad(EventQuery.All, filter.Split(' ')[1].TrimEnd(',')).Query!,
            "actor" => new EventQuery { Actor = "RUSMIL" },
            "from" when filter.Contains("to", StringComparison.Ordinal) => new EventQuery { From = new DateOnly(2023, 7, 31), To = new DateOnly(2023, 9, 13) },
            "from" => new EventQuery { From = new DateOnly(2023, 9, 14) },
            "code" => new EventQuery { Code = filter.Split(' ')[1] },
            "root" => new EventQuery { Root = "04", QuadClass = 1 },
            "quad" => new EventQuery { QuadClass = 4 },
            "modality" => new EventQuery { Modality = "intended" },
            "doc" => new EventQuery { Doc = "nk-russia-brief.txt" },
            "search" => new EventQuery { Search = filter.Contains("cosmodromes", StringComparison.Ordinal) ? "cosmodromes" : "supersonic missile" },
            _ => throw new ArgumentException(filter),
        };
        Assert.Equal(expected, store.Events(query).Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Domestic_events_are_kept_left_out_or_alone_as_asked(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        var events = StoreSamples.SeedEvents(seed).ToList();
        events.Add(events[0] with
        {
            Id = "seed#e9", SourceText = "riot police", SourceActor = "RUSCOP", SourceCountry = "RUS",
            TargetText = "protesters", TargetActor = "RUSCVL", TargetCountry = "RUS", Cameo = "175", Root = "17",
        });
        store.AddDocument(StoreSamples.ToStore(seed), events, StoreSamples.CoderVersion);
        string[] Ids(EventQuery q) => [.. store.Events(q).Select(e => e.Id).Order(StringComparer.Ordinal)];
        Assert.Equal(["seed#e9"], Ids(new EventQuery { Domestic = DomesticEvents.Only }));
        Assert.DoesNotContain("seed#e9", Ids(new EventQuery { Domestic = DomesticEvents.Exclude }));
        // one country: its domestic events count; a dyad of two countries: they are left out
        Assert.Contains("seed#e9", Ids(new EventQuery { Actor = "RUS" }));
        Assert.Equal(DomesticEvents.Exclude, EventQuery.WithDyad(EventQuery.All, "RUS-PRK").Query!.EffectiveDomestic);
        Assert.Equal(DomesticEvents.Include, new EventQuery { Actor = "RUS" }.EffectiveDomestic);

        // the analysis commands: a dyad of two countries leaves them out, also among its third parties, unless asked;
        // a dyad of two parts of one country keeps them unless asked not to
        var countries = Dyad.Analysis.DyadPair.Create("RUS", "PRK").Pair!;
        string[] Either(Dyad.Analysis.DyadPair pair) => [.. Dyad.Cli.Commands.DyadArguments.InvolvingEither(store, pair, null, null).Select(e => e.Id)];
        Assert.DoesNotContain("seed#e9", Either(countries));
        Assert.Contains("seed#e9", Either(countries with { Domestic = DomesticEvents.Include }));
        var parts = Dyad.Analysis.DyadPair.Create("RUSCOP", "RUSCVL").Pair!;
        Assert.Equal(["seed#e9"], Ids(parts.Query()));
        Assert.Empty(Ids((parts with { Domestic = DomesticEvents.Exclude }).Query()));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_a_search_runs_the_full_text_match_once_not_once_per_event(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        store.AddDocument(StoreSamples.ToStore(seed), StoreSamples.SeedEvents(seed), StoreSamples.CoderVersion);
        var plan = ((SqlEventStore)store).ExplainEventIds(new EventQuery { Search = "supersonic missile", Modality = "asserted" });
        // SQLite marks a subquery run per outer row CORRELATED; PostgreSQL runs such a one as a SubPlan.
        Assert.DoesNotContain(plan, line => line.Contains("CORRELATED", StringComparison.Ordinal) || line.Contains("SubPlan", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains(engine == "sqlite" ? "sentences_fts" : "@@", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Dyad_by_month_counts_both_directions(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        store.AddDocument(StoreSamples.ToStore(seed), StoreSamples.SeedEvents(seed), StoreSamples.CoderVersion);
        Assert.Equal([new MonthCount("2023-07", 1), new MonthCount("2023-09", 2)], store.DyadByMonth("RUS", "PRK"));
        Assert.Equal([new MonthCount("2023-09", 1)], store.DyadByMonth("PRK", "RUS", directed: true));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Recode_replaces_the_events_of_documents_coded_by_another_version(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using var store = db.Open();
        var v1 = new StoreSamples.FixedCoder("v1", d => [.. StoreSamples.SeedEvents(d).Take(1)]);
        var v2 = new StoreSamples.FixedCoder("v2", d => StoreSamples.SeedEvents(d));
        string path = Path.Combine(db.Folder, "seed.txt");
        File.Copy(TestPaths.SeedBrief, path);
        new DocumentIngester(store, v1).Ingest([path]);
        Assert.Equal(["v1"], store.Events(EventQuery.All).Select(e => e.CoderVersion));

        var summary = new DocumentIngester(store, v2).Recode();
        Assert.Equal((1, 1, 0, 4), (summary.Documents, summary.Recoded, summary.UpToDate, summary.Events));
        Assert.Equal(["v2", "v2", "v2", "v2"], store.Events(EventQuery.All).Select(e => e.CoderVersion));
        Assert.Equal((0, 1), (new DocumentIngester(store, v2).Recode().Recoded, store.Counts().Documents));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Ingest_reads_in_parallel_stores_each_document_once_and_reports_failures(string engine)
    {
        using var db = TestStores.Create(engine);
        string folder = Path.Combine(db.Folder, "news");
        Directory.CreateDirectory(folder);
        for (int i = 0; i < 20; i++) File.WriteAllText(Path.Combine(folder, $"report-{i:00}.txt"), StoreSamples.News(i));
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "");
        using var store = db.Open();
        var coder = new StoreSamples.FixedCoder("v1", d => [StoreSamples.Event(d, d.Name, "Lavrov met", "040", "Consult", 1.0, 1, "CONSULT",
            ("Russian Foreign Minister Sergey Lavrov", "RUSGOV", "RUS"), ("North Korean officials", "PRKGOV", "PRK"), (null, null, null, null, null), "asserted", null)]);
        var files = InputFiles.Expand([folder]).Files;
        var first = new DocumentIngester(store, coder, parallelism: 2).Ingest(files);
        var second = new DocumentIngester(store, coder, parallelism: 2).Ingest(files);
        Assert.Equal((21, 20, 0, 0, 20), (first.Files, first.Added, first.NewVersions, first.Unchanged, first.Events));
        Assert.Equal([new IngestFailure(Path.Combine(folder, "empty.txt"), "file is empty")], first.Failures);
        Assert.Equal((0, 20, 0), (second.Added, second.Unchanged, second.Events));
        Assert.Equal((20, 20), (store.Counts().Documents, store.Counts().Events));
    }

    [Fact]
    public void Issue18_copies_of_one_content_in_one_ingest_are_read_and_coded_once()
    {
        using var db = TestDatabase.Sqlite();
        string folder = Path.Combine(db.Folder, "copies");
        Directory.CreateDirectory(folder);
        // 30 copies of one report, one other report, and three copies of a file that is no PDF.
        for (int i = 0; i < 30; i++) File.WriteAllText(Path.Combine(folder, $"copy-{i:00}.txt"), StoreSamples.News(1));
        File.WriteAllText(Path.Combine(folder, "other.txt"), StoreSamples.News(2));
        for (int i = 0; i < 3; i++) File.WriteAllText(Path.Combine(folder, $"broken-{i}.pdf"), "this is not a PDF");
        int coded = 0;
        var coder = new StoreSamples.FixedCoder("v1", d =>
        {
            Interlocked.Increment(ref coded);
            return [StoreSamples.Event(d, d.Name, "Lavrov met", "040", "Consult", 1.0, 1, "CONSULT",
                ("Russian Foreign Minister Sergey Lavrov", "RUSGOV", "RUS"), ("North Korean officials", "PRKGOV", "PRK"), (null, null, null, null, null), "asserted", null)];
        });
        using var store = db.Open();
        var summary = new DocumentIngester(store, coder, parallelism: 4).Ingest(InputFiles.Expand([folder]).Files);

        Assert.Equal(2, coded);
        Assert.Equal((34, 2, 0, 29, 2), (summary.Files, summary.Added, summary.NewVersions, summary.Unchanged, summary.Events));
        // A copy of content that could not be read fails as its first copy did, with the same reason.
        Assert.Equal([.. Enumerable.Range(0, 3).Select(i => Path.Combine(folder, $"broken-{i}.pdf"))], summary.Failures.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Single(summary.Failures.Select(f => f.Reason).Distinct());
        Assert.Equal((2, 2), (store.Counts().Documents, store.Counts().Events));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_writers_that_open_a_new_store_together_all_create_or_find_the_schema(string engine)
    {
        // Four writers released at once on an empty database, twenty times: each must store its document.
        for (int round = 0; round < 20; round++)
        {
            using var db = TestStores.Create(engine);
            using var start = new Barrier(4);
            var outcomes = new string[4];
            var writers = Enumerable.Range(0, 4).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    using var store = db.Open();
                    outcomes[i] = store.AddDocument(StoreSamples.ToStore(StoreSamples.Read($"w{i}.txt", StoreSamples.News(i))), [], "v1").Outcome.ToString();
                }
                catch (Exception ex)
                {
                    outcomes[i] = $"{ex.GetType().Name}: {ex.Message}";
                }
            })).ToList();
            foreach (var writer in writers) writer.Start();
            foreach (var writer in writers) writer.Join();
            Assert.True(outcomes.All(o => o == "Added"), string.Join("\n", outcomes));
            using var check = db.Open(readOnly: true);
            Assert.Equal(4, check.Counts().Documents);
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_upgrading_to_schema_3_gives_every_dated_event_its_month_and_the_series_index(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using (var store = db.Open()) store.AddDocument(StoreSamples.ToStore(seed), StoreSamples.SeedEvents(seed), "v1");
        // A store of schema 2 holding events that workers wrote before they set date_month.
        Raw(db, "UPDATE events SET date_month = NULL");
        Raw(db, "DROP INDEX events_dyad_series");
        Raw(db, "CREATE INDEX events_dyad ON events(source_country, target_country, superseded, date_month)");
        DropGdeltColumns(db);
        Raw(db, "DELETE FROM schema_version WHERE version >= 3");
        Assert.Throws<StoreException>(() => db.Open(readOnly: true));

        using (var store = db.Open()) Assert.Equal(3, store.Events(EventQuery.All).Count(e => e.DateStart is not null));
        using var connection = Connect(db);
        Assert.Equal(["2023-07", "2023-09", "2023-09", ""], CrashTests.Query(connection, "SELECT COALESCE(date_month, '') FROM events ORDER BY event_key"));
        Assert.Equal([Schema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)], CrashTests.Query(connection, "SELECT max(version) FROM schema_version"));
    }

    [Theory, MemberData(nameof(Engines))]
    public void Issue18_a_store_of_schema_3_upgrades_to_4_and_keeps_its_events_with_the_gdelt_columns_empty(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using (var store = db.Open()) store.AddDocument(StoreSamples.ToStore(seed), StoreSamples.SeedEvents(seed), "v1");
        DropGdeltColumns(db);
        Raw(db, "DELETE FROM schema_version WHERE version = 4");
        var message = Assert.Throws<StoreException>(() => db.Open(readOnly: true)).Message;
        Assert.Equal($"database {db.Location.Display} has schema version 3; run `dyad ingest` or `dyad recode` once to upgrade it to 4", message);

        using (var store = db.Open())
        {
            var events = store.Events(EventQuery.All);
            Assert.Equal(4, events.Count);
            Assert.All(events, e => Assert.Equal((null, null, null, null), (e.NumMentions, e.AvgTone, e.DateAdded, e.LocationPlace)));
        }
        using var connection = Connect(db);
        Assert.Equal(["4"], CrashTests.Query(connection, "SELECT max(version) FROM schema_version"));
        Assert.Equal(["4"], CrashTests.Query(connection, "SELECT count(*) FROM events WHERE num_mentions IS NULL AND location_place IS NULL"));
    }

    [Theory, MemberData(nameof(Engines))]
    public void A_newer_schema_is_refused_and_left_unchanged(string engine)
    {
        using var db = TestStores.Create(engine);
        var seed = StoreSamples.Seed();
        using (var store = db.Open()) store.AddDocument(StoreSamples.ToStore(seed), [], "v1");
        Raw(db, "INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01T00:00:00Z')");

        var writing = Assert.Throws<StoreException>(() => db.Open());
        var reading = Assert.Throws<StoreException>(() => db.Open(readOnly: true));
        Assert.Equal((StoreProblem.NewerSchema, StoreProblem.NewerSchema), (writing.Problem, reading.Problem));
        Assert.Equal($"database {db.Location.Display} has schema version 99, newer than this dyad supports (4); upgrade dyad to use it (the database was not changed)", writing.Message);
        Raw(db, "DELETE FROM schema_version WHERE version = 99");
        using var again = db.Open(readOnly: true);
        Assert.Equal(1, again.Counts().Documents);
    }

    [Theory, MemberData(nameof(Engines))]
    public void A_store_locked_by_another_writer_is_reported_and_nothing_is_written(string engine)
    {
        using var db = TestStores.Create(engine);
        using var store = db.Open(options: new StoreOptions { LockTimeout = TimeSpan.FromSeconds(1) });
        store.AddDocument(StoreSamples.ToStore(StoreSamples.Read("a.txt", StoreSamples.News(1))), [], "v1");
        using var holder = Connect(db);
        using var tx = holder.BeginTransaction();
        using (var lockCommand = holder.CreateCommand())
        {
            lockCommand.Transaction = tx;
            // SQLite: any write takes the database's write lock; PostgreSQL: lock the documents table.
            lockCommand.CommandText = engine == "sqlite" ? "DELETE FROM schema_version WHERE version < 0" : "LOCK TABLE documents IN EXCLUSIVE MODE";
            lockCommand.ExecuteNonQuery();
        }
        var ex = Assert.Throws<StoreException>(() => store.AddDocument(StoreSamples.ToStore(StoreSamples.Read("b.txt", StoreSamples.News(2))), [], "v1"));
        Assert.Equal(StoreProblem.Locked, ex.Problem);
        Assert.StartsWith($"database {db.Location.Display} is ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was changed" + (engine == "sqlite" ? " (try again when it has finished)" : ""), ex.Message, StringComparison.Ordinal);
        tx.Rollback();
        Assert.Equal(1, store.Counts().Documents);
    }

    private static System.Data.Common.DbConnection Connect(TestDatabase db)
    {
        System.Data.Common.DbConnection connection = db.Location.Engine == StoreEngine.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db.Location.Target};Pooling=False")
            : new Npgsql.NpgsqlConnection(db.Location.Target);
        connection.Open();
        return connection;
    }

    /// <summary>Takes the columns schema 4 added off the events table, as a store of schema 3 has it.</summary>
    private static void DropGdeltColumns(TestDatabase db)
    {
        foreach (var column in new[] { "is_root_event", "num_mentions", "num_sources", "num_articles", "avg_tone", "date_added", "source_codes", "target_codes", "source_place", "target_place", "location_place" })
        {
            Raw(db, $"ALTER TABLE events DROP COLUMN {column}");
        }
    }

    private static void Raw(TestDatabase db, string sql)
    {
        using var connection = Connect(db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
