namespace Dyad.Store;

/// <summary>Which database to use: a SQLite file (the default) or a PostgreSQL server.</summary>
public sealed record StoreLocation
{
    private StoreLocation(StoreEngine engine, string target)
    {
        Engine = engine;
        Target = target;
    }

    public StoreEngine Engine { get; }

    /// <summary>The SQLite file path, or the PostgreSQL connection string.</summary>
    public string Target { get; }

    public static StoreLocation Sqlite(string path) => new(StoreEngine.Sqlite, path);

    public static StoreLocation Postgres(string connectionString) => new(StoreEngine.Postgres, connectionString);

    /// <summary>
    /// The location the command line means: --pg, else --db, else $DYAD_PG, else $DYAD_DB, else ./dyad.db.
    /// </summary>
    public static StoreLocation Resolve(string? db, string? pg, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(pg)) return Postgres(pg);
        if (!string.IsNullOrEmpty(db)) return Sqlite(db);
        if (environment("DYAD_PG") is { Length: > 0 } envPg) return Postgres(envPg);
        if (environment("DYAD_DB") is { Length: > 0 } envDb) return Sqlite(envDb);
        return Sqlite("dyad.db");
    }

    /// <summary>For messages: the file, or the server and database without the password.</summary>
    public string Display => Engine == StoreEngine.Sqlite ? Target : PostgresDisplay(Target);

    private static string PostgresDisplay(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "postgresql (unreadable connection string)";
        }
    }

    public override string ToString() => Display;
}

public enum StoreEngine
{
    Sqlite,
    Postgres,
}
