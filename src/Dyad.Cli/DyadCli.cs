using System.CommandLine;
using Dyad.Cli.Commands;

namespace Dyad.Cli;

/// <summary>The `dyad` command line: every command registered in one place, output injected for tests.</summary>
public static class DyadCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // Messages name files and quote input: control characters in them are escaped, never sent to the terminal.
        error = new Output.TerminalSafeWriter(error);
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
        catch (Exception ex) when (Environment.GetEnvironmentVariable("DYAD_DEBUG") is not "1")
        {
            // A bug, not bad input: say so in one line; DYAD_DEBUG=1 shows the stack trace.
            error.WriteLine($"dyad: internal error: {ex.GetType().Name}: {ex.Message} (set DYAD_DEBUG=1 for details)");
            return 70;
        }
    }

    private static IEnumerable<Command> Commands()
    {
        yield return DemoCommand.Create();
        yield return ReadCommand.Create();
        yield return ParseCommand.Create();
        yield return ActorsCommand.Create();
        yield return EvalCommand.Create();
        yield return ExtractCommand.Create();
        yield return TimexCommand.Create();
        yield return IngestCommand.Create();
        yield return IngestCommand.CreateRecode();
        yield return EventsCommand.Create();
        yield return ExportCommand.Create();
        yield return ImportGdeltCommand.Create();
        yield return TimelineCommand.Create();
        yield return SeriesCommand.Create();
        yield return BriefCommand.Create();
        yield return ServeCommand.Create();
        yield return WorkerCommand.Create();
        yield return StatusCommand.Create();
        yield return DashboardCommand.Create();
        yield return TrainSyntaxCommand.Create();
    }
}

/// <summary>An expected failure that ends a command with a one-line message and an exit code.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
