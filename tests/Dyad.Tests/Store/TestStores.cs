using System.Net.Sockets;
using Dyad.Store;
using Npgsql;

namespace Dyad.Tests.Store;

/// <summary>
/// The engines storage tests run on: SQLite always; PostgreSQL when DYAD_TEST_PG names a server (CI starts one)
/// or a server answers on 127.0.0.1:5432. Each test gets its own empty database: a temporary SQLite file, or a
/// fresh PostgreSQL schema dropped afterwards.
/// </summary>
internal static class TestStores
{
    public static string? Postgres { get; } = DetectPostgres();

    public static IReadOnlyList<string> EngineNames { get; } = Postgres is null ? ["sqlite"] : ["sqlite", "postgres"];

    public static TheoryData<string> Engines => new(EngineNames);

    public static TestDatabase Create(string engine) => engine switch
    {
        "sqlite" => TestDatabase.Sqlite(),
        "postgres" => TestDatabase.Postgres(Postgres ?? throw new InvalidOperationException("no PostgreSQL server for the tests")),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    private static string? DetectPostgres()
    {
        if (Environment.GetEnvironmentVariable("DYAD_TEST_PG") is { Length: > 0 } configured) return configured;
        try
        {
            using var client = new TcpClient();
            if (!client.ConnectAsync("127.0.0.1", 5432).Wait(TimeSpan.FromMilliseconds(300))) return null;
        }
        catch (AggregateException)
        {
            return null;
        }
        return "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
    }
}

/// <summary>An empty database for one test, removed when disposed.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly Action _cleanup;

    private TestDatabase(StoreLocation location, string folder, Action cleanup)
    {
        Location = location;
        Folder = folder;
        _cleanup = cleanup;
    }

    public StoreLocation Location { get; }

    /// <summary>A temporary folder for the test's files.</summary>
    public string Folder { get; }

    public static TestDatabase Sqlite()
    {
        string folder = NewFolder();
        return new TestDatabase(StoreLocation.Sqlite(Path.Combine(folder, "dyad.db")), folder, () => Directory.Delete(folder, recursive: true));
    }

    public static TestDatabase Postgres(string connectionString)
    {
        string folder = NewFolder();
        string schema = "dyad_test_" + Guid.NewGuid().ToString("N");
        Admin(connectionString, $"CREATE SCHEMA {schema}");
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false };
        return new TestDatabase(StoreLocation.Postgres(builder.ToString()), folder, () =>
        {
            Admin(connectionString, $"DROP SCHEMA {schema} CASCADE");
            Directory.Delete(folder, recursive: true);
        });
    }

    public IEventStore Open(bool readOnly = false, StoreOptions? options = null) => EventStores.Open(Location, readOnly, options);

    /// <summary>The command-line options that name this database.</summary>
    public string[] CliOptions => Location.Engine == StoreEngine.Sqlite ? ["--db", Location.Target] : ["--pg", Location.Target];

    private static void Admin(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string NewFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "dyad-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose() => _cleanup();
}
