using System.CommandLine;
using Dyad.Coding;
using Dyad.Coding.Evaluation;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval events [--data DIR] [--errors]`: scores the event coder on the annotated event set.</summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder of *.events files (default: tests/data/events of the checkout)." };
        var errors = new Option<bool>("--errors") { Description = "Also list every miss, spurious event and wrong date or modality." };
        var command = new Command("events", "Score event coding: precision, recall and F1 at root and full-code level, date and modality.") { data, errors };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string directory = parse.GetValue(data) ?? FindDefault()
                ?? throw new CliException("no --data given and tests/data/events not found above the current folder");
            if (!Directory.Exists(directory)) throw new CliException($"{directory}: no such folder");
            var blocks = EventEvaluation.Load(directory);
            var scores = EventEvaluation.Score(blocks, DyadPipeline.Default);
            output.Write(EventEvaluation.Format(scores));
            if (parse.GetValue(errors)) output.Write(EventEvaluation.Errors(scores));
            return 0;
        });
        return command;
    }

    private static string? FindDefault()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "data", "events");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
