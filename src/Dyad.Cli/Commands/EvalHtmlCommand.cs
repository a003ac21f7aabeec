using System.CommandLine;
using System.Globalization;
using Dyad.Ingest.Html;

namespace Dyad.Cli.Commands;

/// <summary>
/// `dyad eval html [--data DIR] [--pages [N]]`: main-text extraction scored by 4-word shingles against
/// reference texts, set by set when DIR holds SET/NAME.html + SET/NAME.txt.
/// </summary>
internal static class EvalHtmlCommand
{
    public const string DefaultData = "tests/Dyad.Tests/data/html-eval";

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of NAME.html pages with NAME.txt reference texts, or of such folders (one per set).", DefaultValueFactory = _ => DefaultData };
        var worst = new Option<bool>("--pages") { Description = "Also print each set's worst pages, lowest F1 first." };
        var count = new Option<int>("--worst") { Description = "How many worst pages --pages prints per set.", DefaultValueFactory = _ => 20 };
        var command = new Command("html", "Score main-text extraction from web pages (4-word-shingle precision, recall, F1).") { data, worst, count };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(folder)) throw new CliException($"{folder}: no such folder");
            var results = HtmlEvaluation.RunAll(folder, cancellationToken);
            if (results.IsEmpty) throw new CliException($"{folder}: no NAME.html pages with NAME.txt references");
            bool sets = !HtmlEvaluation.HasPages(folder);
            foreach (var result in results)
            {
                if (parse.GetValue(worst))
                {
                    foreach (var page in result.Worst.Take(Math.Max(0, parse.GetValue(count))))
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{result.Set}/{page.Name}\tP {page.Score.Precision:0.000}\tR {page.Score.Recall:0.000}\tF1 {page.Score.F1:0.000}\twords {page.ExtractedWords}/{page.ReferenceWords}"));
                    }
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"html extraction{(sets ? " " + result.Set : "")}: {result.Pages.Length} pages, precision {result.Precision:0.000}, recall {result.Recall:0.000}, F1 {result.F1:0.000}, empty {result.Empty} ({result.EmptyLong} with a reference of {HtmlEvaluation.LongReferenceWords}+ words)"));
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
