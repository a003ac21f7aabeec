using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Dyad.Tests.Scale;

/// <summary>
/// A fact that needs the PostgreSQL server named by DYAD_TEST_PG (CI starts one). Outside CI a missing
/// server skips the test with this message; under CI=true the test runs and fails, so CI never passes
/// without having run it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ScalePostgres.Server is null && !ScalePostgres.InCi)
        {
            Skip = "DYAD_TEST_PG is not set: no PostgreSQL server for the scale-out tests (set it to a connection string of a server where databases can be created)";
        }
    }
}

/// <summary>A throw-away database on the test server, and the `dyad` executable run as child processes.</summary>
internal sealed class ScalePostgres : IDisposable
{
    public static string? Server { get; } = Environment.GetEnvironmentVariable("DYAD_TEST_PG") is { Length: > 0 } pg ? pg : null;

    public static bool InCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private readonly string _name;

    public ScalePostgres()
    {
        if (Server is null) Assert.Fail("CI=true but DYAD_TEST_PG is not set: .ci/run must start PostgreSQL and export DYAD_TEST_PG for the scale-out tests");
        _name = "dyad_scale_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(Server))
        {
            admin.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            cmd.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    public long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        using var admin = new NpgsqlConnection(Server);
        admin.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The built dyad.dll: beside the tests (copied as a project reference), else in the CLI's build folder.</summary>
    public static string DyadDll()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "dyad.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "dyad.runtimeconfig.json"))) return beside;
        var built = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src", "Dyad.Cli", "bin"), "dyad.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return built ?? throw new InvalidOperationException("dyad.dll is not built; build src/Dyad.Cli first");
    }

    /// <summary>Starts `dotnet dyad.dll ARGS` with the test coder; output goes to <paramref name="log"/>.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, StringWriterLog log)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(DyadDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DYAD_TEST_CODER"] = "tagged";
        info.Environment.Remove("DYAD_PG");
        info.Environment.Remove("DYAD_DB");
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs `dyad ARGS` to the end (bounded) and returns its exit code.</summary>
    public static int Run(IEnumerable<string> args, StringWriterLog log, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment ?? new Dictionary<string, string>(), log);
        if (!process.WaitForExit(TimeSpan.FromSeconds(300)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dyad " + string.Join(' ', args) + " did not finish in 300 s");
        }
        process.WaitForExit();
        return process.ExitCode;
    }
}

/// <summary>Lines from child processes, kept for the failure message of a test.</summary>
internal sealed class StringWriterLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_gate) _lines.Add(line);
    }

    /// <summary>Whether any line holds <paramref name="text"/>.</summary>
    public bool Holds(string text)
    {
        lock (_gate) return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>The last 80 lines.</summary>
    public override string ToString()
    {
        lock (_gate) return string.Join('\n', _lines.TakeLast(80));
    }
}
