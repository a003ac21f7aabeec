using System.CommandLine;
using Dyad.Cli.Output;
using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Ingest.Web;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad read FILE...`: what Dyad read from each file, before any coding.</summary>
internal static class ReadCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files or http(s) URLs to read: text, Markdown, HTML, PDF, RSS or Atom feeds." };
        var format = CommonOptions.Format("table", "jsonl");
        var web = new WebOptions();
        var command = new Command("read", "Read documents and print their metadata, body text, sentences and citations.") { files, format };
        web.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            bool jsonl = parse.GetValue(format) == "jsonl";
            int failures = 0;
            using var fetcher = new WebFetcher(web.Fetch(parse));
            var reader = new SourceReader(web.Loader(parse), fetcher);
            foreach (var path in parse.GetValue(files)!)
            {
                await foreach (var result in reader.ReadAsync(path, cancellationToken))
                {
                    if (result.Document is not { } document)
                    {
                        error.WriteLine($"dyad: {result.Source}: {result.Error}");
                        failures++;
                        continue;
                    }
                    if (jsonl) JsonLines.Write(output, DocumentRecord.From(document));
                    else WriteTable(output, document);
                }
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, Document document)
    {
        var console = Consoles.For(output);
        var meta = document.Metadata;
        var summary = new Table().HideHeaders().Border(TableBorder.Rounded).AddColumn("field").AddColumn("value");
        summary.AddRow("document", Markup.Escape(document.Name));
        summary.AddRow("format", document.Format.ToString().ToLowerInvariant());
        summary.AddRow("title", Markup.Escape(meta.Title ?? "-"));
        summary.AddRow("authors", Markup.Escape(meta.Authors.IsEmpty ? "-" : string.Join("; ", meta.Authors)));
        summary.AddRow("publisher", Markup.Escape(meta.Publisher ?? "-"));
        summary.AddRow("published", meta.Published?.ToString("yyyy-MM-dd") ?? "-");
        summary.AddRow("language", meta.Language ?? "-");
        summary.AddRow("body", $"{document.Text.Length:N0} characters, {document.Sentences.Length} sentences");
        summary.AddRow("citations", document.Citations.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(summary);
        if (document.Citations.IsEmpty) return;
        var table = new Table().Border(TableBorder.Simple).AddColumns("#", "outlet", "date", "title", "url");
        foreach (var c in document.Citations)
        {
            table.AddRow(Markup.Escape(c.Marker), Markup.Escape(c.Outlet ?? "-"), c.Date?.ToString("yyyy-MM-dd") ?? "-",
                Markup.Escape(c.Title ?? "-"), Markup.Escape(c.Url ?? "-"));
        }
        console.Write(table);
    }
}

/// <summary>The document record of spec/records.md.</summary>
internal sealed record DocumentRecord(
    string Doc, string Format, string? Title, IReadOnlyList<string> Authors, string? Publisher, string? Published,
    string? Language, string Text, IReadOnlyList<SentenceRecord> Sentences, IReadOnlyList<CitationRecord> Citations)
{
    public static DocumentRecord From(Document d) => new(
        d.Name,
        d.Format == DocumentFormat.FeedItem ? "feed-item" : d.Format.ToString().ToLowerInvariant(),
        d.Metadata.Title,
        d.Metadata.Authors,
        d.Metadata.Publisher,
        d.Metadata.Published?.ToString("yyyy-MM-dd"),
        d.Metadata.Language,
        d.Text,
        d.Sentences.Select(s => new SentenceRecord(s.Span.Start, s.Span.End, s.Citations)).ToList(),
        d.Citations.Select(CitationRecord.From).ToList());
}

internal sealed record SentenceRecord(int Start, int End, IReadOnlyList<string> Citations);

internal sealed record CitationRecord(string Marker, string? Outlet, string? Title, string? Date, string? Url, string Text)
{
    public static CitationRecord From(Citation c) => new(c.Marker, c.Outlet, c.Title, c.Date?.ToString("yyyy-MM-dd"), c.Url, c.Text);
}
