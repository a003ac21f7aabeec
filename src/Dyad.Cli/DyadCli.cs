using System.CommandLine;
using Dyad.Cli.Commands;

namespace Dyad.Cli;

/// <summary>The `dyad` command line: every command registered in one place, output injected for tests.</summary>
public static class DyadCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Dyad: dated, sourced, coded events between political actors, read from documents.");
        foreach (var command in Commands()) root.Subcommands.Add(command);
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            error.WriteLine($"dyad: {ex.Message}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("dyad: cancelled");
            return 130;
        }
    }

    private static IEnumerable<Command> Commands()
    {
        yield return DemoCommand.Create();
        yield return ReadCommand.Create();
        yield return EvalCommand.Create();
        yield return QueuedIngestCommand.Create();
        yield return QueuedRecodeCommand.Create();
        yield return WorkerCommand.Create();
        yield return StatusCommand.Create();
        yield return DashboardCommand.Create();
    }
}

/// <summary>An expected failure that ends a command with a one-line message and an exit code.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
