using System.CommandLine;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>The --db / --pg options every store command takes, and opening the store they name.</summary>
internal sealed class StoreOptionsCli
{
    public Option<string?> Db { get; } = new("--db") { Description = "SQLite database file (default: $DYAD_DB or ./dyad.db)." };

    public Option<string?> Pg { get; } = new("--pg") { Description = "PostgreSQL connection string instead of a SQLite file (default: $DYAD_PG)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Pg);
    }

    public StoreLocation Location(ParseResult parse) =>
        StoreLocation.Resolve(parse.GetValue(Db), parse.GetValue(Pg), Environment.GetEnvironmentVariable);

    /// <summary>Opens the store or ends the command with the store's one-line reason.</summary>
    public IEventStore Open(ParseResult parse, bool readOnly)
    {
        try
        {
            return EventStores.Open(Location(parse), readOnly);
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message, 2);
        }
    }

    /// <summary>Runs a store operation; a store failure ends the command with its message.</summary>
    public static T Run<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message, 2);
        }
    }

    /// <summary>The --pg option alone, for the commands that work only on a shared PostgreSQL store.</summary>
    public static Option<string?> PgOnly() => new("--pg") { Description = "PostgreSQL connection string of the shared store (default: $DYAD_PG)." };

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

    /// <summary>The coder used by ingest, recode and the workers: the full pipeline.</summary>
    public static IDocumentCoder Coder => Coders.Default(Environment.GetEnvironmentVariable);
}
