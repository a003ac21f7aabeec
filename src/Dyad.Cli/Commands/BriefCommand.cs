using System.CommandLine;
using Dyad.Analysis;

namespace Dyad.Cli.Commands;

/// <summary>`dyad brief A B --out FILE.html|FILE.md`: a generated brief with chart, turning points, chronology, claims, intentions, third parties and notes.</summary>
internal static class BriefCommand
{
    public static Command Create()
    {
        var dyad = new DyadArguments();
        var output = new Option<string>("--out") { Description = "The brief's file: .html (one self-contained page) or .md (with the chart beside it as .svg).", Required = true };
        var by = new Option<string?>("--by") { Description = "Period of the series (month, quarter, year); default: chosen by the span." };
        by.AcceptOnlyFromAmong("month", "quarter", "year");
        var keyEvents = new Option<int>("--key-events") { Description = "How many events the chronology holds.", DefaultValueFactory = _ => 30 };
        var command = new Command("brief", "Write a brief on a dyad: headline figures, trajectory chart, turning points, chronology, claims, intentions, third parties, notes.");
        dyad.AddTo(command);
        foreach (var option in (Option[])[output, by, keyEvents]) command.Options.Add(option);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            string extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".html" or ".htm" or ".md")) throw new CliException($"--out {path}: the brief is written as .html or .md", 2);
            if (parse.GetValue(keyEvents) < 1) throw new CliException("--key-events must be at least 1", 2);
            var pair = dyad.Pair(parse);
            var window = dyad.Window(parse);
            var events = dyad.InvolvingEither(parse, pair, window);
            var brief = Brief.Build(events, pair, new BriefOptions
            {
                From = window.From,
                To = window.To,
                Unit = parse.GetValue(by) is { } unit ? Period.ParseUnit(unit) : null,
                KeyEvents = parse.GetValue(keyEvents),
            });
            try
            {
                if (extension == ".md")
                {
                    string chart = Path.ChangeExtension(path, ".svg");
                    if (TrajectoryChart.Save(chart, brief.Series, brief.TurningPoints) is { } problem) throw new CliException(problem);
                    File.WriteAllText(path, BriefMarkdown.Render(brief, Path.GetFileName(chart)));
                }
                else
                {
                    File.WriteAllText(path, BriefHtml.Render(brief));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out {path}: {ex.Message}");
            }
            parse.InvocationConfiguration.Output.WriteLine(
                $"Brief on {pair.Name} written to {path}: {brief.Headline.Facts} asserted events, {brief.Chronology.Count} in the chronology, {brief.TurningPoints.Length} turning points.");
            return 0;
        });
        return command;
    }
}
