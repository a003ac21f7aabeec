using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Documents;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dyad.Store;

/// <summary>
/// The store over one ADO.NET connection, SQLite or PostgreSQL. The SQL is shared; <see cref="IsSqlite"/>
/// picks the few engine-specific pieces (migrations DDL, full-text search).
/// </summary>
internal sealed class SqlEventStore : IEventStore
{
    private const int ImportBatch = 5_000;

    private readonly DbConnection _connection;
    private readonly StoreOptions _options;
    private readonly bool _readOnly;

    private SqlEventStore(StoreLocation location, DbConnection connection, bool readOnly, StoreOptions options)
    {
        Location = location;
        _connection = connection;
        _readOnly = readOnly;
        _options = options;
    }

    public StoreLocation Location { get; }

    private bool IsSqlite => Location.Engine == StoreEngine.Sqlite;

    public static SqlEventStore Open(StoreLocation location, bool readOnly, StoreOptions options)
    {
        DbConnection connection = location.Engine == StoreEngine.Sqlite
            ? OpenSqlite(location, readOnly, options)
            : (DbConnection)OpenPostgres(location, options);
        var store = new SqlEventStore(location, connection, readOnly, options);
        try
        {
            store.Guard(store.Prepare);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static SqliteConnection OpenSqlite(StoreLocation location, bool readOnly, StoreOptions options)
    {
        string path = Path.GetFullPath(location.Target);
        if (readOnly && !File.Exists(path))
        {
            throw new StoreException(StoreProblem.Missing, $"no database at {location.Target}; run `dyad ingest` first or name one with --db");
        }
        if (Directory.Exists(path)) throw new StoreException(StoreProblem.Failed, $"{location.Target} is a directory, not a database file");
        if (!readOnly && File.Exists(path) && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
        {
            throw new StoreException(StoreProblem.ReadOnly, $"database {location.Target} is read-only (no write permission); nothing was changed");
        }
        if (!readOnly && Path.GetDirectoryName(path) is { } dir && !Directory.Exists(dir))
        {
            throw new StoreException(StoreProblem.Missing, $"cannot create database {location.Target}: folder {dir} does not exist");
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)options.LockTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Translate(location, ex);
        }
        return connection;
    }

    private static NpgsqlConnection OpenPostgres(StoreLocation location, StoreOptions options)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(location.Target);
        }
        catch (ArgumentException ex)
        {
            throw new StoreException(StoreProblem.Failed, $"PostgreSQL connection string is not valid: {ex.Message}", ex);
        }
        // Long queries and exports may run as long as they need; only waiting for another session's lock is bounded.
        builder.CommandTimeout = 0;
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SET lock_timeout = {Math.Max(1, (long)options.LockTimeout.TotalMilliseconds)}");
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            connection.Dispose();
            throw new StoreException(StoreProblem.Unreachable, $"cannot connect to PostgreSQL at {location.Display}: {ex.Message}", ex);
        }
        return connection;
    }

    // ---- schema -------------------------------------------------------------------------------

    private void Prepare()
    {
        if (IsSqlite)
        {
            // Reading the header first turns a file that is not a database into a clear error before any write.
            Scalar("SELECT count(*) FROM sqlite_master");
            if (!_readOnly)
            {
                Scalar("PRAGMA journal_mode=WAL");
                Execute("PRAGMA synchronous=NORMAL");
            }
            Execute("PRAGMA foreign_keys=ON");
            // A 64 MB page cache and memory-mapped reads keep the indexes of a million-event store in memory between queries.
            Execute("PRAGMA cache_size=-65536");
            Scalar("PRAGMA mmap_size=268435456");
        }
        int version = SchemaVersion();
        if (version > Schema.CurrentVersion) throw NewerSchema(version);
        if (version == Schema.CurrentVersion) return;
        if (_readOnly)
        {
            throw version == 0
                ? new StoreException(StoreProblem.NotADyadStore, $"database {Location.Display} holds no Dyad store; run `dyad ingest` to create one")
                : new StoreException(StoreProblem.OlderSchema, $"database {Location.Display} has schema version {version}; run `dyad ingest` or `dyad recode` once to upgrade it to {Schema.CurrentVersion}");
        }
        // One writer creates or upgrades the schema at a time: SQLite's write lock (BEGIN IMMEDIATE), PostgreSQL's
        // advisory lock for this schema. The version is read again under the lock, since another writer may have
        // migrated meanwhile; on PostgreSQL at READ COMMITTED, so that each statement sees what it committed.
        using var tx = _connection.BeginTransaction(IsSqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted);
        if (!IsSqlite) Scalar("SELECT pg_advisory_xact_lock(1685217633, hashtext(current_schema()))", tx);
        version = SchemaVersion(tx);
        if (version > Schema.CurrentVersion) throw NewerSchema(version);
        if (version == Schema.CurrentVersion) return;
        if (version == 0 && HasForeignTables(tx))
        {
            throw new StoreException(StoreProblem.NotADyadStore, $"database {Location.Display} holds other tables but no Dyad store; it was not changed");
        }
        if (version == 0) Execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)", tx);
        foreach (var migration in Schema.Migrations.Where(m => m.Version > version))
        {
            Execute(IsSqlite ? migration.Sqlite : migration.Postgres, tx);
            Execute("INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)", tx, ("v", migration.Version), ("at", Now()));
        }
        tx.Commit();
    }

    private StoreException NewerSchema(int version) => new(StoreProblem.NewerSchema,
        $"database {Location.Display} has schema version {version}, newer than this dyad supports ({Schema.CurrentVersion}); upgrade dyad to use it (the database was not changed)");

    private int SchemaVersion(DbTransaction? tx = null)
    {
        bool exists = IsSqlite
            ? Convert.ToInt64(Scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'", tx), CultureInfo.InvariantCulture) > 0
            // A catalog scan, not to_regclass: its cached lookup can miss a table another session created while this one waited for the lock.
            : Convert.ToInt64(Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_version'", tx), CultureInfo.InvariantCulture) > 0;
        if (!exists) return 0;
        return Scalar("SELECT max(version) FROM schema_version", tx) is { } v and not DBNull ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;
    }

    private bool HasForeignTables(DbTransaction tx)
    {
        object? count = IsSqlite
            ? Scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'", tx)
            : Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", tx);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture) > 0;
    }

    // ---- writes -------------------------------------------------------------------------------

    public IReadOnlySet<string> ContentHashes() => Guard(() =>
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT content_hash FROM documents");
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) hashes.Add(reader.GetString(0));
        return (IReadOnlySet<string>)hashes;
    });

    public (StoreOutcome Outcome, long DocumentId) AddDocument(DocumentToStore input, IReadOnlyList<EventRow> events, string coderVersion, CancellationToken cancellationToken = default) => Guard(() => Retried(() =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = input.Document;
        var meta = document.Metadata;
        using var tx = Begin();
        if (Scalar("SELECT id FROM documents WHERE content_hash = @h", tx, ("h", input.ContentHash)) is { } existing and not DBNull)
        {
            return (StoreOutcome.Unchanged, Convert.ToInt64(existing, CultureInfo.InvariantCulture));
        }
        long? previous = null;
        if (input.Path is not null
            && Scalar("SELECT id FROM documents WHERE path = @p AND is_latest = 1", tx, ("p", input.Path)) is { } prior and not DBNull)
        {
            previous = Convert.ToInt64(prior, CultureInfo.InvariantCulture);
            Execute("UPDATE documents SET is_latest = 0 WHERE id = @id", tx, ("id", previous.Value));
            Execute("UPDATE events SET superseded = 1 WHERE doc_id = @id", tx, ("id", previous.Value));
        }
        object? inserted = Scalar("""
            INSERT INTO documents (content_hash, name, path, format, title, authors, publisher, published, language, url, text, previous_id, is_latest, coder_version, ingested_at)
            VALUES (@hash, @name, @path, @format, @title, @authors, @publisher, @published, @language, @url, @text, @previous, 1, @coder, @at)
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING id
            """, tx,
            ("hash", input.ContentHash), ("name", document.Name), ("path", input.Path), ("format", FormatName(document.Format)),
            ("title", meta.Title), ("authors", meta.Authors.IsEmpty ? null : JsonSerializer.Serialize(meta.Authors)),
            ("publisher", meta.Publisher), ("published", Iso(meta.Published)), ("language", meta.Language), ("url", meta.Url),
            ("text", document.Text), ("previous", previous), ("coder", coderVersion), ("at", Now()));
        if (inserted is null or DBNull)
        {
            // Another writer stored the same content between the check and the insert.
            tx.Rollback();
            return (StoreOutcome.Unchanged, Convert.ToInt64(Scalar("SELECT id FROM documents WHERE content_hash = @h", null, ("h", input.ContentHash)), CultureInfo.InvariantCulture));
        }
        long id = Convert.ToInt64(inserted, CultureInfo.InvariantCulture);
        WriteSentences(id, document, tx);
        WriteCitations(id, document, tx);
        using (var writer = new EventWriter(this, tx)) foreach (var row in events) writer.Write(row with { Doc = row.Doc ?? document.Name }, id, coderVersion);
        cancellationToken.ThrowIfCancellationRequested();
        tx.Commit();
        return (previous is null ? StoreOutcome.Added : StoreOutcome.NewVersion, id);
    }));

    private void WriteSentences(long id, Document document, DbTransaction tx)
    {
        using var cmd = Command("INSERT INTO sentences (doc_id, ordinal, start_offset, end_offset, text, citations) VALUES (@d, @o, @s, @e, @t, @c)", tx,
            ("d", id), ("o", 0), ("s", 0), ("e", 0), ("t", ""), ("c", null));
        for (int i = 0; i < document.Sentences.Length; i++)
        {
            var s = document.Sentences[i];
            Set(cmd, 1, i); Set(cmd, 2, s.Span.Start); Set(cmd, 3, s.Span.End); Set(cmd, 4, s.Span.Slice(document.Text));
            Set(cmd, 5, s.Citations.IsEmpty ? null : string.Join(' ', s.Citations));
            cmd.ExecuteNonQuery();
        }
    }

    private void WriteCitations(long id, Document document, DbTransaction tx)
    {
        using var cmd = Command("INSERT INTO citations (doc_id, ordinal, marker, outlet, title, date, url, text) VALUES (@d, @o, @m, @ou, @ti, @da, @u, @t)", tx,
            ("d", id), ("o", 0), ("m", ""), ("ou", null), ("ti", null), ("da", null), ("u", null), ("t", ""));
        for (int i = 0; i < document.Citations.Length; i++)
        {
            var c = document.Citations[i];
            Set(cmd, 1, i); Set(cmd, 2, c.Marker); Set(cmd, 3, c.Outlet); Set(cmd, 4, c.Title); Set(cmd, 5, Iso(c.Date)); Set(cmd, 6, c.Url); Set(cmd, 7, c.Text);
            cmd.ExecuteNonQuery();
        }
        using var markers = Command("INSERT INTO citation_markers (doc_id, ordinal, marker, start_offset, end_offset) VALUES (@d, @o, @m, @s, @e)", tx,
            ("d", id), ("o", 0), ("m", ""), ("s", 0), ("e", 0));
        for (int i = 0; i < document.Markers.Length; i++)
        {
            var m = document.Markers[i];
            Set(markers, 1, i); Set(markers, 2, m.Marker); Set(markers, 3, m.Span.Start); Set(markers, 4, m.Span.End);
            markers.ExecuteNonQuery();
        }
    }

    public void ReplaceEvents(long documentId, IReadOnlyList<EventRow> events, string coderVersion, CancellationToken cancellationToken = default) => Guard(() => Retried(() =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var tx = Begin();
        string name = (string)Scalar("SELECT name FROM documents WHERE id = @id", tx, ("id", documentId))!;
        const string owned = "SELECT id FROM events WHERE doc_id = @id";
        Execute($"DELETE FROM event_evidences WHERE event_id IN ({owned})", tx, ("id", documentId));
        Execute($"DELETE FROM event_sources WHERE event_id IN ({owned})", tx, ("id", documentId));
        Execute("DELETE FROM events WHERE doc_id = @id", tx, ("id", documentId));
        using (var writer = new EventWriter(this, tx)) foreach (var row in events) writer.Write(row with { Doc = row.Doc ?? name }, documentId, coderVersion);
        Execute("UPDATE documents SET coder_version = @c WHERE id = @id", tx, ("c", coderVersion), ("id", documentId));
        tx.Commit();
        return 0;
    }));

    public int ImportEvents(IEnumerable<EventRow> events, CancellationToken cancellationToken = default) => Guard(() =>
    {
        int total = 0;
        using var batch = events.Chunk(ImportBatch).GetEnumerator();
        while (batch.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var tx = Begin();
            using var exists = Command("SELECT count(*) FROM events WHERE origin = @o AND event_key = @k", tx, ("o", ""), ("k", ""));
            using (var writer = new EventWriter(this, tx))
            {
                foreach (var row in batch.Current)
                {
                    // The same imported event (same origin and id) is stored once, so re-importing a file adds nothing.
                    Set(exists, 0, OriginName(row.Origin));
                    Set(exists, 1, row.Id);
                    if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) continue;
                    writer.Write(row, null, row.CoderVersion);
                    total++;
                }
            }
            tx.Commit();
        }
        return total;
    });

    /// <summary>
    /// Inserts events with their evidences and sources through prepared commands reused for a whole transaction; the
    /// columns and their values are those of <see cref="EventColumns"/>, as in the workers' COPY.
    /// </summary>
    private sealed class EventWriter : IDisposable
    {
        private readonly DbCommand _event;
        private readonly DbCommand _evidence;
        private readonly DbCommand _source;

        public EventWriter(SqlEventStore store, DbTransaction tx)
        {
            _event = Insert(store, tx, "events", EventColumns.Events, " RETURNING id");
            _evidence = Insert(store, tx, "event_evidences", EventColumns.Evidences, "");
            _source = Insert(store, tx, "event_sources", EventColumns.Sources, "");
        }

        private static DbCommand Insert<T>(SqlEventStore store, DbTransaction tx, string table, IReadOnlyList<Column<T>> columns, string returning) =>
            store.Command($"INSERT INTO {table} ({EventColumns.Names(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))}){returning}", tx,
                [.. columns.Select((_, i) => ("p" + i.ToString(CultureInfo.InvariantCulture), (object?)null))]);

        public void Write(EventRow r, long? documentId, string coderVersion)
        {
            Bind(_event, EventColumns.Events, new EventToWrite(r, documentId, coderVersion, Superseded: false));
            long id = Convert.ToInt64(_event.ExecuteScalar(), CultureInfo.InvariantCulture);
            foreach (var evidence in EventColumns.EvidencesOf(id, r))
            {
                Bind(_evidence, EventColumns.Evidences, evidence);
                _evidence.ExecuteNonQuery();
            }
            foreach (var source in EventColumns.SourcesOf(id, r))
            {
                Bind(_source, EventColumns.Sources, source);
                _source.ExecuteNonQuery();
            }
        }

        private static void Bind<T>(DbCommand command, IReadOnlyList<Column<T>> columns, T value)
        {
            for (int i = 0; i < columns.Count; i++) Set(command, i, columns[i].Value(value));
        }

        public void Dispose()
        {
            _event.Dispose();
            _evidence.Dispose();
            _source.Dispose();
        }
    }

    // ---- reads --------------------------------------------------------------------------------

    public IReadOnlyList<StoredDocument> Documents() => Guard(() =>
    {
        var list = new List<StoredDocument>();
        using var cmd = Command("SELECT id, name, path, coder_version FROM documents WHERE is_latest = 1 ORDER BY id");
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) list.Add(new StoredDocument(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3)));
        return (IReadOnlyList<StoredDocument>)list;
    });

    public Document LoadDocument(long id) => Guard(() =>
    {
        string name, text;
        DocumentFormat format;
        DocumentMetadata meta;
        using (var cmd = Command("SELECT name, format, title, authors, publisher, published, language, url, text FROM documents WHERE id = @id", null, ("id", id)))
        using (var reader = cmd.ExecuteReader())
        {
            if (!reader.Read()) throw new StoreException(StoreProblem.Failed, $"no document {id} in {Location.Display}");
            name = reader.GetString(0);
            format = ParseFormat(reader.GetString(1));
            var authors = NullableString(reader, 3) is { } json ? JsonSerializer.Deserialize<ImmutableArray<string>>(json) : [];
            meta = new DocumentMetadata(NullableString(reader, 2), authors, NullableString(reader, 4), ParseDate(NullableString(reader, 5)),
                NullableString(reader, 6), NullableString(reader, 7));
            text = reader.GetString(8);
        }
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        using (var cmd = Command("SELECT start_offset, end_offset, citations FROM sentences WHERE doc_id = @id ORDER BY ordinal", null, ("id", id)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var markers = NullableString(reader, 2) is { } m ? m.Split(' ').ToImmutableArray() : [];
                sentences.Add(new Sentence(new TextSpan(Int(reader, 0), Int(reader, 1)), markers));
            }
        }
        var citations = ImmutableArray.CreateBuilder<Citation>();
        using (var cmd = Command("SELECT marker, outlet, title, date, url, text FROM citations WHERE doc_id = @id ORDER BY ordinal", null, ("id", id)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                citations.Add(new Citation(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)),
                    NullableString(reader, 4), reader.GetString(5)));
            }
        }
        var placed = ImmutableArray.CreateBuilder<CitationMarker>();
        using (var cmd = Command("SELECT marker, start_offset, end_offset FROM citation_markers WHERE doc_id = @id ORDER BY ordinal", null, ("id", id)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read()) placed.Add(new CitationMarker(reader.GetString(0), new TextSpan(Int(reader, 1), Int(reader, 2))));
        }
        return new Document(name, format, meta, text, sentences.ToImmutable(), citations.ToImmutable(), placed.ToImmutable());
    });

    public IReadOnlyList<long> EventIds(EventQuery query, int? limit = null) => Guard(() =>
    {
        var (where, parameters) = Filter(query);
        var ids = new List<long>();
        using var cmd = Command($"SELECT e.id FROM events e WHERE {where}{ByDate}{Limit(limit)}", null, parameters);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return (IReadOnlyList<long>)ids;
    });

    /// <summary>The engine's plan for the event query of <see cref="EventIds"/>, one line per step.</summary>
    internal IReadOnlyList<string> ExplainEventIds(EventQuery query) => Guard(() =>
    {
        var (where, parameters) = Filter(query);
        var lines = new List<string>();
        using var cmd = Command($"{(IsSqlite ? "EXPLAIN QUERY PLAN" : "EXPLAIN")} SELECT e.id FROM events e WHERE {where}{ByDate}", null, parameters);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) lines.Add(reader.GetString(IsSqlite ? 3 : 0));
        return (IReadOnlyList<string>)lines;
    });

    public IReadOnlyList<EventRow> Events(EventQuery query, int? limit = null, int offset = 0) => Guard(() =>
    {
        var (where, parameters) = Filter(query);
        var rows = new List<EventRow>();
        var ids = new List<long>();
        using (var cmd = Command($"""
            SELECT e.id, e.event_key, e.doc_id, e.doc, e.origin, e.coder_version, e.date_start, e.date_end, e.date_value, e.date_text, e.date_precision,
                   e.source_text, e.source_actor, e.source_country, e.target_text, e.target_actor, e.target_country,
                   e.cameo, e.root, e.label, e.goldstein, e.quad_class, e.plover, e.plover_mode, e.modality,
                   e.location_text, e.location_country, e.evidence_sentence, e.evidence_start, e.evidence_end, e.confidence,
                   e.is_root_event, e.num_mentions, e.num_sources, e.num_articles, e.avg_tone, e.date_added,
                   e.source_codes, e.target_codes, e.source_place, e.target_place, e.location_place
            FROM events e WHERE {where}{ByDate}{Limit(limit, offset)}
            """, null, parameters))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
                rows.Add(new EventRow
                {
                    Id = r.GetString(1),
                    DocumentId = r.IsDBNull(2) ? null : r.GetInt64(2),
                    Doc = NullableString(r, 3),
                    Origin = r.GetString(4) == "gdelt" ? EventOrigin.Gdelt : EventOrigin.Dyad,
                    CoderVersion = r.GetString(5),
                    DateStart = ParseDate(NullableString(r, 6)),
                    DateEnd = ParseDate(NullableString(r, 7)),
                    DateValue = NullableString(r, 8),
                    DateText = NullableString(r, 9),
                    DatePrecision = NullableString(r, 10),
                    SourceText = NullableString(r, 11),
                    SourceActor = NullableString(r, 12),
                    SourceCountry = NullableString(r, 13),
                    TargetText = NullableString(r, 14),
                    TargetActor = NullableString(r, 15),
                    TargetCountry = NullableString(r, 16),
                    Cameo = r.GetString(17),
                    Root = r.GetString(18),
                    Label = NullableString(r, 19),
                    Goldstein = r.IsDBNull(20) ? null : r.GetDouble(20),
                    QuadClass = r.IsDBNull(21) ? null : Int(r, 21),
                    Plover = NullableString(r, 22),
                    PloverMode = NullableString(r, 23),
                    Modality = NullableString(r, 24),
                    LocationText = NullableString(r, 25),
                    LocationCountry = NullableString(r, 26),
                    EvidenceSentence = NullableString(r, 27),
                    EvidenceStart = r.IsDBNull(28) ? null : Int(r, 28),
                    EvidenceEnd = r.IsDBNull(29) ? null : Int(r, 29),
                    Confidence = r.IsDBNull(30) ? null : r.GetDouble(30),
                    IsRootEvent = r.IsDBNull(31) ? null : Int(r, 31) != 0,
                    NumMentions = r.IsDBNull(32) ? null : Int(r, 32),
                    NumSources = r.IsDBNull(33) ? null : Int(r, 33),
                    NumArticles = r.IsDBNull(34) ? null : Int(r, 34),
                    AvgTone = r.IsDBNull(35) ? null : r.GetDouble(35),
                    DateAdded = EventColumns.ParseTimestamp(NullableString(r, 36)),
                    SourceCodes = EventColumns.FromJson<ActorCodes>(NullableString(r, 37)),
                    TargetCodes = EventColumns.FromJson<ActorCodes>(NullableString(r, 38)),
                    SourcePlace = EventColumns.FromJson<EventPlace>(NullableString(r, 39)),
                    TargetPlace = EventColumns.FromJson<EventPlace>(NullableString(r, 40)),
                    LocationPlace = EventColumns.FromJson<EventPlace>(NullableString(r, 41)),
                });
            }
        }
        // Evidences and sources: by the filter when every matching event is listed (one pass each); otherwise for the
        // events listed only, by id, so that a limited or full-text query is not evaluated again.
        var evidences = new Dictionary<long, List<EventEvidence>>();
        var sources = new Dictionary<long, List<EventCitation>>();
        var selections = limit is null && offset == 0 && query.Search is null
            ? [($"SELECT e.id FROM events e WHERE {where}", parameters)]
            : ids.Chunk(1000).Select(chunk => (string.Join(",", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture))), Array.Empty<(string, object?)>()));
        foreach (var (selected, selectedParameters) in selections)
        {
            using (var cmd = Command($"SELECT event_id, doc, sentence, start_offset, end_offset FROM event_evidences WHERE event_id IN ({selected}) ORDER BY event_id, ordinal", null, selectedParameters))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    long id = reader.GetInt64(0);
                    if (!evidences.TryGetValue(id, out var list)) evidences[id] = list = [];
                    list.Add(new EventEvidence(NullableString(reader, 1), reader.GetString(2), Int(reader, 3), Int(reader, 4)));
                }
            }
            using (var cmd = Command($"SELECT event_id, marker, outlet, title, date, url FROM event_sources WHERE event_id IN ({selected}) ORDER BY event_id, ordinal", null, selectedParameters))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    long id = reader.GetInt64(0);
                    if (!sources.TryGetValue(id, out var list)) sources[id] = list = [];
                    list.Add(new EventCitation(NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3), ParseDate(NullableString(reader, 4)), NullableString(reader, 5)));
                }
            }
        }
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with
            {
                Evidences = evidences.TryGetValue(ids[i], out var ev) ? [.. ev] : [],
                Citations = sources.TryGetValue(ids[i], out var so) ? [.. so] : [],
            };
        }
        return (IReadOnlyList<EventRow>)rows;
    });

    public IReadOnlyList<MonthCount> DyadByMonth(string a, string b, bool directed = false) => Guard(() =>
    {
        // One index range per direction (UNION ALL), so each branch reads the covering dyad index only.
        static string Column(string side, string code) => code.Length == 3 ? $"{side}_country" : $"{side}_actor";
        string Branch(string from, string to, string pf, string pt) =>
            $"SELECT date_month AS month, count(*) AS n FROM events WHERE {Column("source", from)} = {pf} AND {Column("target", to)} = {pt} AND superseded = 0 AND date_month IS NOT NULL GROUP BY date_month";
        string sql = directed
            ? $"SELECT month, n FROM ({Branch(a, b, "@a", "@b")}) d ORDER BY month"
            : $"SELECT month, sum(n) FROM ({Branch(a, b, "@a", "@b")} UNION ALL {Branch(b, a, "@b", "@a")}) d GROUP BY month ORDER BY month";
        var list = new List<MonthCount>();
        using var cmd = Command(sql, null, ("a", a.ToUpperInvariant()), ("b", b.ToUpperInvariant()));
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) list.Add(new MonthCount(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        return (IReadOnlyList<MonthCount>)list;
    });

    public PeriodTally CountByPeriod(EventQuery query, int monthsPerPeriod) => Guard(() =>
    {
        if (monthsPerPeriod is not (1 or 3 or 12)) throw new ArgumentOutOfRangeException(nameof(monthsPerPeriod), monthsPerPeriod, "a period is 1, 3 or 12 months");
        // The columns counted are all in the dyad index, so each direction is one covering range of it (UNION ALL): an
        // OR of the two directions would read every matching row from the table. The way back leaves out what the way
        // there already counted (an event of RUSGOV with RUSGOV matches RUS-RUSGOV both ways, and counts once).
        const string counted = "SELECT e.date_start, e.date_end, e.quad_class, e.goldstein FROM events e WHERE ";
        string rows;
        (string, object?)[] parameters;
        if (query is { DyadA: { } a, DyadB: { } b, Directed: false })
        {
            var there = query with { Directed = true };
            var back = query with { DyadA = b, AlsoA = query.AlsoB, DyadB = a, AlsoB = query.AlsoA, Directed = true };
            var (w1, p1) = Filter(there, "t");
            var (w2, p2) = Filter(back, "b");
            var (w3, p3) = Filter(new EventQuery { DyadA = a, AlsoA = query.AlsoA, DyadB = b, AlsoB = query.AlsoB, Directed = true, IncludeSuperseded = true }, "x");
            rows = $"{counted}{w1} UNION ALL {counted}{w2} AND CASE WHEN {w3} THEN 1 ELSE 0 END = 0";
            parameters = [.. p1, .. p2, .. p3];
        }
        else
        {
            var (where, p) = Filter(query);
            (rows, parameters) = (counted + where, p);
        }
        // Grouped by the months the interval starts and ends in (a plain key keeps the GROUP BY as quick as the bare
        // count); the few groups are then placed in their period here, or counted as too coarse for one.
        string sql = $"""
            SELECT substr(e.date_start, 1, 7), substr(COALESCE(e.date_end, e.date_start), 1, 7), count(*),
                   sum(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END),
                   sum(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END), sum(e.goldstein), count(e.goldstein)
            FROM ({rows}) e GROUP BY 1, 2 ORDER BY 1, 2
            """;
        var periods = new Dictionary<(int Year, int Index), PeriodCounts>();
        int undated = 0, coarse = 0;
        using (var cmd = Command(sql, null, parameters))
        using (var r = cmd.ExecuteReader())
        {
            static (int Year, int Index) Month(string text, int k) =>
                (int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture), (int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture) - 1) / k);
            while (r.Read())
            {
                int n = Int(r, 2);
                if (r.IsDBNull(0))
                {
                    undated += n;
                    continue;
                }
                var period = Month(r.GetString(0), monthsPerPeriod);
                if (period != Month(r.GetString(1), monthsPerPeriod))
                {
                    coarse += n;
                    continue;
                }
                var add = new PeriodCounts(period.Year, period.Index, n, Int(r, 3), Int(r, 4), Int(r, 5), Int(r, 6), r.IsDBNull(7) ? 0 : r.GetDouble(7), Int(r, 8));
                periods[period] = periods.TryGetValue(period, out var c)
                    ? new PeriodCounts(c.Year, c.Index, c.Events + add.Events, c.VerbalCooperation + add.VerbalCooperation, c.MaterialCooperation + add.MaterialCooperation,
                        c.VerbalConflict + add.VerbalConflict, c.MaterialConflict + add.MaterialConflict, c.GoldsteinSum + add.GoldsteinSum, c.Weighted + add.Weighted)
                    : add;
            }
        }
        return new PeriodTally([.. periods.Values.OrderBy(p => (p.Year, p.Index))], undated, coarse);
    });

    public void Optimize() => Guard(() =>
    {
        if (IsSqlite) Execute("ANALYZE");
        else Execute("VACUUM ANALYZE");
    });

    public StoreCounts Counts() => Guard(() => new StoreCounts(
        Count("SELECT count(*) FROM documents WHERE is_latest = 1"),
        Count("SELECT count(*) FROM sentences"),
        Count("SELECT count(*) FROM citations"),
        Count("SELECT count(*) FROM events WHERE origin = 'dyad' AND superseded = 0"),
        Count("SELECT count(*) FROM events WHERE origin = 'gdelt'")));

    private int Count(string sql) => Convert.ToInt32(Scalar(sql), CultureInfo.InvariantCulture);

    /// <summary>The WHERE clause over events `e` for a query, with its parameters.</summary>
    private (string Where, (string, object?)[] Parameters) Filter(EventQuery q, string prefix = "q")
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        string Param(object? value)
        {
            string name = prefix + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, value));
            return "@" + name;
        }
        static string Column(string side, string code) => code.Length == 3 ? $"e.{side}_country" : $"e.{side}_actor";
        if (!q.IncludeSuperseded) clauses.Add("e.superseded = 0");
        if (q.DyadA is { } a && q.DyadB is { } b)
        {
            // Each side is its code and the codes that count as it; each code is one parameter, used in both directions.
            var sideA = ((string[])[a, .. q.AlsoA]).Select(c => (Code: c, Name: Param(c))).ToList();
            var sideB = ((string[])[b, .. q.AlsoB]).Select(c => (Code: c, Name: Param(c))).ToList();
            static string Is(string side, List<(string Code, string Name)> codes) =>
                codes.Count == 1 ? $"{Column(side, codes[0].Code)} = {codes[0].Name}" : "(" + string.Join(" OR ", codes.Select(c => $"{Column(side, c.Code)} = {c.Name}")) + ")";
            string forward = $"({Is("source", sideA)} AND {Is("target", sideB)})";
            clauses.Add(q.Directed ? forward : $"({forward} OR ({Is("source", sideB)} AND {Is("target", sideA)}))");
        }
        if (q.FactsOnly) clauses.Add("(e.modality IS NULL OR e.modality = 'asserted')");
        if (q.Actor is { } actor)
        {
            string p = Param(actor.ToUpperInvariant());
            clauses.Add($"({Column("source", actor)} = {p} OR {Column("target", actor)} = {p})");
        }
        if (q.From is { } from) clauses.Add($"e.date_end >= {Param(Iso(from))}");
        if (q.To is { } to) clauses.Add($"e.date_start <= {Param(Iso(to))}");
        // A prefix match with LIKE's own characters escaped, so "_" or "%" in a code match only themselves.
        if (q.Code is { } code) clauses.Add($"e.cameo LIKE {Param(code.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%")} ESCAPE '\\'");
        if (q.Root is { } root) clauses.Add($"e.root = {Param(root)}");
        if (q.QuadClass is { } quad) clauses.Add($"e.quad_class = {Param(quad)}");
        if (q.Modality is { } modality) clauses.Add($"e.modality = {Param(modality.ToLowerInvariant())}");
        if (q.Origin is { } origin) clauses.Add($"e.origin = {Param(OriginName(origin))}");
        // domestic: both sides of one country
        if (q.EffectiveDomestic == DomesticEvents.Exclude) clauses.Add("(e.target_country IS NULL OR e.source_country IS NULL OR e.source_country <> e.target_country)");
        if (q.EffectiveDomestic == DomesticEvents.Only) clauses.Add("e.source_country = e.target_country");
        if (q.Doc is { } doc)
        {
            clauses.Add(long.TryParse(doc, NumberStyles.None, CultureInfo.InvariantCulture, out long docId)
                ? $"(e.doc_id = {Param(docId)} OR e.doc = {Param(doc)})"
                : $"e.doc = {Param(doc)}");
        }
        if (q.Search is { } search)
        {
            // The full-text match runs once, as an uncorrelated subquery; its sentences lead to their events by document
            // and offset. (Matching once per candidate event made a search quadratic in the store's size.)
            string matching = IsSqlite
                ? $"SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH {Param(FtsQuery(search))}"
                : $"SELECT id FROM sentences WHERE search @@ plainto_tsquery('english', {Param(search)})";
            clauses.Add("e.id IN (SELECT m.id FROM sentences s JOIN events m ON m.doc_id = s.doc_id AND s.start_offset <= m.evidence_start AND m.evidence_start < s.end_offset"
                + $" WHERE s.id IN ({matching}))");
        }
        return (clauses.Count == 0 ? "1 = 1" : string.Join(" AND ", clauses), [.. parameters]);
    }

    /// <summary>User text as an FTS5 query: every word must occur (quoted, so no word is read as an operator).</summary>
    private static string FtsQuery(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(c => char.IsLetterOrDigit(c) || c == '-' || c == '\'')]))
            .Where(w => w.Length > 0)
            .Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        string query = string.Join(" ", words);
        return query.Length == 0 ? "\"\"" : query;
    }

    /// <summary>The order events are listed in: by date, undated last, then as stored.</summary>
    private const string ByDate = " ORDER BY e.date_start IS NULL, e.date_start, e.id";

    // SQLite takes an OFFSET only after a LIMIT (-1: none).
    private string Limit(int? limit, int offset = 0) =>
        (limit is { } n ? " LIMIT " + n.ToString(CultureInfo.InvariantCulture) : offset > 0 && IsSqlite ? " LIMIT -1" : "")
        + (offset > 0 ? " OFFSET " + offset.ToString(CultureInfo.InvariantCulture) : "");

    // ---- plumbing -----------------------------------------------------------------------------

    private DbTransaction Begin() => _connection.BeginTransaction(IsolationLevel.Serializable);

    private string Now() => _options.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private DbCommand Command(string sql, DbTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static void Set(DbCommand cmd, int index, object? value) => cmd.Parameters[index].Value = value ?? DBNull.Value;

    private object? Scalar(string sql, DbTransaction? tx = null, params (string, object?)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        return cmd.ExecuteScalar();
    }

    private void Execute(string sql, DbTransaction? tx = null, params (string, object?)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a store operation, turning engine errors the user can act on into <see cref="StoreException"/>.</summary>
    private T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SqliteException ex)
        {
            throw Translate(Location, ex);
        }
        catch (PostgresException ex) when (ex.SqlState is "40P01" or "55P03")
        {
            throw new StoreException(StoreProblem.Locked, $"database {Location.Display} is busy (locked by another session: {ex.MessageText}); nothing was changed", ex);
        }
        catch (PostgresException ex) when (ex.SqlState == "25006" || ex.SqlState == "42501")
        {
            throw new StoreException(StoreProblem.ReadOnly, $"database {Location.Display} does not allow writing ({ex.MessageText}); nothing was changed", ex);
        }
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            throw new StoreException(StoreProblem.Unreachable, $"lost the connection to PostgreSQL at {Location.Display}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs a write transaction again when PostgreSQL gave it up as a serialization failure (40001): concurrent
    /// writers at SERIALIZABLE may be told to retry, and a retry is what the server asks for.
    /// </summary>
    private static T Retried<T>(Func<T> transaction)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return transaction();
            }
            catch (PostgresException ex) when (ex.SqlState == "40001" && attempt < 10)
            {
                Thread.Sleep(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }

    private void Guard(Action operation) => Guard(() => { operation(); return 0; });

    private static StoreException Translate(StoreLocation location, SqliteException ex) => ex.SqliteErrorCode switch
    {
        5 or 6 => new StoreException(StoreProblem.Locked, $"database {location.Display} is locked by another process; nothing was changed (try again when it has finished)", ex),
        8 => new StoreException(StoreProblem.ReadOnly, $"database {location.Display} is read-only; nothing was changed", ex),
        11 or 26 => new StoreException(StoreProblem.Corrupt, $"{location.Display} is not a SQLite database or is damaged ({ex.Message.TrimEnd('.')}); it was left as it is", ex),
        14 => new StoreException(StoreProblem.Missing, $"cannot open database {location.Display}: {ex.Message}", ex),
        _ => new StoreException(StoreProblem.Failed, $"database {location.Display}: {ex.Message}", ex),
    };

    private static string FormatName(DocumentFormat format) => format == DocumentFormat.FeedItem ? "feed-item" : format.ToString().ToLowerInvariant();

    private static DocumentFormat ParseFormat(string text) => text == "feed-item" ? DocumentFormat.FeedItem : Enum.Parse<DocumentFormat>(text, ignoreCase: true);

    internal static string OriginName(EventOrigin origin) => origin == EventOrigin.Gdelt ? "gdelt" : "dyad";

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static int Int(DbDataReader reader, int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();
}
