using System.CommandLine;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval STAGE`: scores a pipeline stage on annotated data and prints precision, recall and F1.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Score a pipeline stage on annotated data.");
        foreach (var stage in Stages()) command.Subcommands.Add(stage);
        return command;
    }

    private static IEnumerable<Command> Stages()
    {
        yield return EvalEventsCommand.Create();
        yield return EvalPetrarchCommand.Create();
        yield return EvalTimexCommand.Create();
        yield return EvalActorsCommand.Create();
        yield return EvalHtmlCommand.Create();
        yield return EvalSyntaxCommand.Create();
    }
}
