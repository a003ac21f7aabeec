using System.CommandLine;
using Dyad.Analysis;

namespace Dyad.Cli.Commands;

/// <summary>
/// `dyad brief A B --out FILE`: a brief written from the events — latest developments, background by era, current
/// trajectory, third parties, outlook, figures — as HTML, Markdown, DOCX or PDF, chosen by the file's extension.
/// </summary>
internal static class BriefCommand
{
    public static Command Create()
    {
        var dyad = new DyadArguments();
        var output = new Option<string>("--out")
        {
            Description = "The brief's file: .html (one self-contained page), .md (with the chart beside it as .svg), .docx (Word), or .pdf (printed by headless Chromium).",
            Required = true,
        };
        var by = new Option<string?>("--by") { Description = "Period of the series (month, quarter, year); default: chosen by the span." };
        by.AcceptOnlyFromAmong("month", "quarter", "year");
        var words = new Option<int>("--words") { Description = "About how many words of prose; events are chosen by salience within each section's share.", DefaultValueFactory = _ => BriefWriting.Default.Words };
        var sections = new Option<string?>("--sections")
        {
            Description = $"Sections to write, in order, comma-separated: {string.Join(",", BriefSections.All)} (default: all).",
        };
        var command = new Command("brief", "Write a brief on a dyad: latest developments, background by era, current trajectory, third parties, outlook from the sources, figures; every sentence footnoted.");
        dyad.AddTo(command);
        foreach (var option in (Option[])[output, by, words, sections]) command.Options.Add(option);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            string extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".html" or ".htm" or ".md" or ".docx" or ".pdf")) throw new CliException($"--out {path}: the brief is written as .html, .md, .docx or .pdf", 2);
            if (parse.GetValue(words) < 50) throw new CliException("--words must be at least 50", 2);
            var writing = new BriefWriting { Words = parse.GetValue(words) };
            if (parse.GetValue(sections) is { } list)
            {
                var (chosen, error) = BriefSections.Parse(list);
                if (error is not null) throw new CliException(error, 2);
                writing = writing with { Sections = chosen };
            }
            var pair = dyad.Pair(parse);
            var window = dyad.Window(parse);
            var events = dyad.InvolvingEither(parse, pair, window);
            var brief = Brief.Build(events, pair, new BriefOptions
            {
                From = window.From,
                To = window.To,
                Unit = parse.GetValue(by) is { } unit ? Period.ParseUnit(unit) : null,
            });
            try
            {
                switch (extension)
                {
                    case ".md":
                        string chart = Path.ChangeExtension(path, ".svg");
                        if (TrajectoryChart.Save(chart, brief.Series, brief.TurningPoints) is { } problem) throw new CliException(problem);
                        File.WriteAllText(path, BriefMarkdown.Render(brief, Path.GetFileName(chart), writing));
                        break;
                    case ".docx":
                        BriefDocx.Save(brief, path, writing);
                        break;
                    case ".pdf":
                        if (BriefPdf.Save(brief, path, writing) is { } failure) throw new CliException($"--out {path}: {failure}");
                        break;
                    default:
                        File.WriteAllText(path, BriefHtml.Render(brief, writing));
                        break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out {path}: {ex.Message}");
            }
            parse.InvocationConfiguration.Output.WriteLine(
                $"Brief on {pair.Name} written to {path}: {brief.Headline.Facts} asserted events, {brief.TurningPoints.Length} turning points.");
            return 0;
        });
        return command;
    }
}
