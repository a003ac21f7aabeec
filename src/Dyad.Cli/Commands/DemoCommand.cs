using System.CommandLine;
using Dyad.Cli.Output;
using Dyad.Ingest;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>
/// `dyad demo`: the whole job on the bundled sample corpus — read, code and store the documents in a
/// SQLite file, print the main dyad's timeline, write its brief — using the same commands a user runs.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The sample corpus's main dyad.</summary>
    private const string DyadA = "IRN", DyadB = "SAU";

    public static Command Create()
    {
        var folder = new Option<string>("--out") { Description = "Folder for the demo's documents, database and brief.", DefaultValueFactory = _ => "dyad-demo" };
        var command = new Command("demo", "Ingest the bundled sample corpus, print the Iran-Saudi Arabia timeline and write its brief.") { folder };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string dir = Path.GetFullPath(parse.GetValue(folder)!);
            string samples = Path.Combine(dir, "samples");
            string db = Path.Combine(dir, "demo.db");
            string brief = Path.Combine(dir, "brief.html");

            var table = new Table().Border(TableBorder.Rounded).Title("Sample corpus")
                .AddColumns("document", "published", "title", "sentences", "citations");
            foreach (var sample in SampleCorpus.Load())
            {
                var result = DocumentLoader.Default.Read(sample.Name, sample.Content);
                if (result.Document is not { } document)
                {
                    error.WriteLine($"dyad: {sample.Name}: {result.Error}");
                    return 1;
                }
                string path = Path.Combine(samples, sample.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, sample.Content);
                table.AddRow(
                    Markup.Escape(sample.Name),
                    document.Metadata.Published?.ToString("yyyy-MM-dd") ?? "-",
                    Markup.Escape(document.Metadata.Title ?? "-"),
                    document.Sentences.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    document.Citations.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            Consoles.For(output).Write(table);

            foreach (string[] step in new[]
            {
                new[] { "ingest", samples, "--db", db },
                ["timeline", DyadA, DyadB, "--db", db],
                ["brief", DyadA, DyadB, "--db", db, "--out", brief],
            })
            {
                output.WriteLine();
                output.WriteLine($"$ dyad {string.Join(' ', step)}");
                int exit = DyadCli.Run(step, output, error);
                if (exit != 0) return exit;
            }
            output.WriteLine();
            output.WriteLine($"Brief: {brief}");
            output.WriteLine($"Database: {db} (try: dyad events --db {db} --dyad {DyadA}-{DyadB})");
            return 0;
        });
        return command;
    }
}
