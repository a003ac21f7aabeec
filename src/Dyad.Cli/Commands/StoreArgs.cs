using System.CommandLine;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>The --db / --pg options that name a store, and the rule that queued work needs PostgreSQL.</summary>
internal static class StoreArgs
{
    public static Option<string?> Db() => new("--db") { Description = "SQLite store file (default ./dyad.db, or $DYAD_DB)." };

    public static Option<string?> Pg() => new("--pg") { Description = "PostgreSQL connection string of a shared store (or $DYAD_PG)." };

    public static StoreLocation Location(string? db, string? pg) => StoreLocation.Resolve(db, pg, Environment.GetEnvironmentVariable);

    /// <summary>The PostgreSQL connection string of --pg or $DYAD_PG; workers and queues live only there.</summary>
    public static string Postgres(string? pg, string what)
    {
        var location = StoreLocation.Resolve(null, pg, Environment.GetEnvironmentVariable);
        if (location.Engine != StoreEngine.Postgres)
        {
            throw new CliException($"{what} needs a shared PostgreSQL store: give --pg CONNSTR or set DYAD_PG");
        }
        return location.Target;
    }
}
