using System.CommandLine;
using Dyad.Coding;
using Dyad.Coding.Evaluation;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval events [--data DIR|FILE]... [--errors]`: scores the event coder on the annotated event set.</summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "A *.events file or a folder of them; repeatable (default: tests/data/events of the checkout).", AllowMultipleArgumentsPerToken = false };
        var errors = new Option<bool>("--errors") { Description = "Also list every miss, spurious event and wrong date or modality." };
        var verbs = new Option<string?>("--verbs") { Description = "Add a TABARI or PETRARCH verb dictionary to the trigger lexicon." };
        var command = new Command("events", "Score event coding: precision, recall and F1 at root and full-code level, date and modality.") { data, errors, verbs };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string[] paths = parse.GetValue(data) is { Length: > 0 } given ? given
                : [FindDefault() ?? throw new CliException("no --data given and tests/data/events not found above the current folder")];
            var blocks = new List<EvaluationBlock>();
            foreach (string path in paths)
            {
                if (!Directory.Exists(path) && !File.Exists(path)) throw new CliException($"{path}: no such file or folder");
                try
                {
                    blocks.AddRange(EventEvaluation.Load(path));
                }
                catch (InvalidDataException e)
                {
                    throw new CliException($"{path}: {e.Message}");
                }
            }
            var pipeline = Coders.WithVerbs(parse.GetValue(verbs), parse.InvocationConfiguration.Error);
            var scores = EventEvaluation.Score(blocks, pipeline);
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
