using Dyad.Store;
using Microsoft.Data.Sqlite;

namespace Dyad.Tests.Store;

/// <summary>A SQLite file that cannot be used gets a clear message, and its content is never lost.</summary>
public sealed class SqliteFailureTests
{
    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_left_as_it_is()
    {
        using var db = TestDatabase.Sqlite();
        byte[] content = "notes, not a database\n"u8.ToArray();
        File.WriteAllBytes(db.Location.Target, content);
        var ex = Assert.Throws<StoreException>(() => db.Open());
        Assert.Equal(StoreProblem.Corrupt, ex.Problem);
        Assert.Equal($"{db.Location.Target} is not a SQLite database or is damaged (SQLite Error 26: 'file is not a database'); it was left as it is", ex.Message);
        Assert.Equal(content, File.ReadAllBytes(db.Location.Target));
    }

    [Fact]
    public void A_damaged_database_is_refused_and_left_as_it_is()
    {
        using var db = TestDatabase.Sqlite();
        using (var store = db.Open()) store.AddDocument(StoreSamples.ToStore(StoreSamples.Seed()), [], "v1");
        // Overwrite the header's magic string: SQLite no longer recognises the file.
        byte[] bytes = File.ReadAllBytes(db.Location.Target);
        "damaged file!!!\0"u8.CopyTo(bytes);
        File.WriteAllBytes(db.Location.Target, bytes);
        var ex = Assert.Throws<StoreException>(() => db.Open(readOnly: true));
        Assert.Equal(StoreProblem.Corrupt, ex.Problem);
        Assert.Equal(bytes, File.ReadAllBytes(db.Location.Target));
    }

    [Fact]
    public void Another_SQLite_database_is_not_taken_over()
    {
        using var db = TestDatabase.Sqlite();
        using (var other = new SqliteConnection($"Data Source={db.Location.Target};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE budget (year INTEGER, amount REAL)";
            command.ExecuteNonQuery();
        }
        var ex = Assert.Throws<StoreException>(() => db.Open());
        Assert.Equal((StoreProblem.NotADyadStore, $"database {db.Location.Target} holds other tables but no Dyad store; it was not changed"), (ex.Problem, ex.Message));
    }

    [Fact]
    public void A_locked_database_is_reported_and_nothing_is_written()
    {
        using var db = TestDatabase.Sqlite();
        using (var store = db.Open()) store.AddDocument(StoreSamples.ToStore(StoreSamples.Read("a.txt", StoreSamples.News(1))), [], "v1");
        using var holder = new SqliteConnection($"Data Source={db.Location.Target};Pooling=False");
        holder.Open();
        using var tx = holder.BeginTransaction(deferred: false); // holds the write lock
        using var blocked = db.Open(options: new StoreOptions { LockTimeout = TimeSpan.FromSeconds(1) });
        var ex = Assert.Throws<StoreException>(() => blocked.AddDocument(StoreSamples.ToStore(StoreSamples.Read("b.txt", StoreSamples.News(2))), [], "v1"));
        Assert.Equal((StoreProblem.Locked, $"database {db.Location.Target} is locked by another process; nothing was changed (try again when it has finished)"), (ex.Problem, ex.Message));
        tx.Rollback();
        Assert.Equal(1, blocked.Counts().Documents);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_database_is_refused_for_writing_and_still_answers_queries()
    {
        using var db = TestDatabase.Sqlite();
        var seed = StoreSamples.Seed();
        using (var store = db.Open()) store.AddDocument(StoreSamples.ToStore(seed), StoreSamples.SeedEvents(seed), "v1");
        File.SetUnixFileMode(db.Location.Target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var ex = Assert.Throws<StoreException>(() => db.Open());
        Assert.Equal((StoreProblem.ReadOnly, $"database {db.Location.Target} is read-only (no write permission); nothing was changed"), (ex.Problem, ex.Message));
        using var reader = db.Open(readOnly: true);
        Assert.Equal(4, reader.Counts().Events);
    }

    [Fact]
    public void Queries_never_create_a_missing_database()
    {
        using var db = TestDatabase.Sqlite();
        var ex = Assert.Throws<StoreException>(() => db.Open(readOnly: true));
        Assert.Equal((StoreProblem.Missing, $"no database at {db.Location.Target}; run `dyad ingest` first or name one with --db"), (ex.Problem, ex.Message));
        Assert.False(File.Exists(db.Location.Target));
    }
}
