using System.CommandLine;
using System.Globalization;
using Dyad.Ingest.Html;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval html [--data DIR]`: main-text extraction scored by 4-word shingles against reference texts.</summary>
internal static class EvalHtmlCommand
{
    public const string DefaultData = "tests/Dyad.Tests/data/html-eval";

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of NAME.html pages with NAME.txt reference texts.", DefaultValueFactory = _ => DefaultData };
        var verbose = new Option<bool>("--pages") { Description = "Also print each page's scores." };
        var command = new Command("html", "Score main-text extraction from web pages (4-word-shingle precision, recall, F1).") { data, verbose };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(folder)) throw new CliException($"{folder}: no such folder");
            var result = HtmlEvaluation.Run(folder);
            if (result.Pages.IsEmpty) throw new CliException($"{folder}: no NAME.html pages with NAME.txt references");
            if (parse.GetValue(verbose))
            {
                foreach (var page in result.Pages)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{page.Name}\tP {page.Score.Precision:0.000}\tR {page.Score.Recall:0.000}\tF1 {page.Score.F1:0.000}"));
                }
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"html extraction: {result.Pages.Length} pages, precision {result.Precision:0.000}, recall {result.Recall:0.000}, F1 {result.F1:0.000}"));
            return Task.FromResult(0);
        });
        return command;
    }
}
