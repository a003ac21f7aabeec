using Dyad.Cli;

namespace Dyad.Tests;

/// <summary>Runs the `dyad` command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exit = DyadCli.Run(args, output, error);
        return new Result(exit, output.ToString(), error.ToString());
    }
}
