using System.CommandLine;
using Dyad.Cli.Output;
using Dyad.Ingest;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad demo`: reads the bundled sample corpus and shows what Dyad found in it.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Read the bundled sample corpus and show what was found.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var console = Consoles.For(output);
            var samples = SampleCorpus.Load();
            var table = new Table().Border(TableBorder.Rounded).Title("Sample corpus")
                .AddColumns("document", "published", "title", "sentences", "citations");
            foreach (var sample in samples)
            {
                var result = DocumentLoader.Default.Read(sample.Name, sample.Content);
                if (result.Document is not { } document)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"dyad: {sample.Name}: {result.Error}");
                    return 1;
                }
                table.AddRow(
                    Markup.Escape(sample.Name),
                    document.Metadata.Published?.ToString("yyyy-MM-dd") ?? "-",
                    Markup.Escape(document.Metadata.Title ?? "-"),
                    document.Sentences.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    document.Citations.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            console.Write(table);
            return 0;
        });
        return command;
    }
}
