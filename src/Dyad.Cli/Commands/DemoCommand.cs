using System.CommandLine;
using Dyad.Cli.Output;
using Dyad.Ingest;
using Dyad.Store;
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
            output.WriteLine(StoreSamples(samples));
            return 0;
        });
        return command;
    }

    /// <summary>Ingests the samples into a temporary SQLite store and says what the store holds.</summary>
    private static string StoreSamples(IReadOnlyList<SampleCorpus.SampleFile> samples)
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-demo-{Guid.NewGuid():N}.db");
        try
        {
            StoreCounts counts;
            using (var store = EventStores.Open(StoreLocation.Sqlite(path)))
            {
                var coder = StoreOptionsCli.Coder;
                foreach (var sample in samples)
                {
                    var document = DocumentLoader.Default.Read(sample.Name, sample.Content).Document!;
                    store.AddDocument(new DocumentToStore(document, sample.Name, DocumentToStore.Hash(sample.Content)), coder.Code(document, CancellationToken.None), coder.Version);
                }
                counts = store.Counts();
            }
            return $"Stored in a SQLite file: {counts.Documents} documents, {counts.Sentences} sentences, {counts.Citations} citations, {counts.Events} events";
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }
}
