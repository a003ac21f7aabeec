using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Ingest.Web;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad extract FILE... [--dct DATE] [--format jsonl|table]`: the coded events of documents.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files or http(s) URLs to code: text, Markdown, HTML, PDF, RSS or Atom feeds." };
        var web = new WebOptions();
        var dct = new Option<string?>("--dct") { Description = "Document date (YYYY-MM-DD): relative dates resolve against it, and undated events take it." };
        var format = CommonOptions.Format("table", "jsonl");
        var verbs = new Option<string?>("--verbs") { Description = "Add a TABARI or PETRARCH verb dictionary (FILE) to the trigger lexicon." };
        var command = new Command("extract", "Code the events in documents: who did what to whom, when, with modality and evidence.") { files, dct, format, verbs };
        web.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            DateOnly? date = null;
            if (parse.GetValue(dct) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new CliException($"--dct: '{text}' is not a date (YYYY-MM-DD)", 2);
                date = parsed;
            }
            var coder = Coders.WithVerbs(parse.GetValue(verbs), parse.InvocationConfiguration.Error);
            var all = new List<(Document Document, CodedEvent Event)>();
            int failures = 0;
            using var fetcher = new WebFetcher(web.Fetch(parse));
            var reader = new SourceReader(web.Loader(parse), fetcher);
            foreach (var file in parse.GetValue(files)!)
            {
                await foreach (var read in reader.ReadAsync(file, ct))
                {
                    if (read.Document is not { } document)
                    {
                        parse.InvocationConfiguration.Error.WriteLine($"dyad: {read.Source}: {read.Error}");
                        failures++;
                        continue;
                    }
                    // --dct overrides the date the document gives for itself.
                    if (date is not null) document = document with { Metadata = document.Metadata with { Published = date } };
                    foreach (var e in coder.CodeEvents(document, ct)) all.Add((document, e));
                }
            }
            if (parse.GetValue(format) == "jsonl")
            {
                foreach (var (document, e) in all) JsonLines.Write(output, EventRecord.From(document, e));
            }
            else
            {
                WriteTimeline(output, all);
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static void WriteTimeline(TextWriter output, List<(Document Document, CodedEvent Event)> events)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("When").AddColumn("Who").AddColumn("Did").AddColumn("To whom").AddColumn("How").AddColumn("Evidence");
        foreach (var (document, e) in events.OrderBy(p => p.Event.Date?.Start ?? DateOnly.MaxValue).ThenBy(p => p.Event.Sentence.Start))
        {
            string evidence = e.Sentence.Slice(document.Text);
            if (evidence.Length > 70) evidence = evidence[..67] + "...";
            table.AddRow(
                Markup.Escape(e.Date?.Value ?? "?"),
                Markup.Escape($"{e.Source.Text} ({e.Source.Country ?? "?"})"),
                Markup.Escape($"{e.Code.Code} {e.Code.Name}"),
                Markup.Escape(e.Target is null ? "-" : $"{e.Target.Text} ({e.Target.Country ?? "?"})"),
                Markup.Escape(e.Modality.ToString().ToLowerInvariant()),
                Markup.Escape(evidence));
        }
        console.Write(table);
        output.WriteLine($"{events.Count} events");
    }
}

/// <summary>The event record of spec/records.md.</summary>
internal sealed record EventRecord(
    string Id,
    string Doc,
    EventRecord.DateField? Date,
    EventRecord.ActorField Source,
    EventRecord.ActorField? Target,
    EventRecord.EventField Event,
    string Modality,
    EventRecord.LocationField? Location,
    EventRecord.EvidenceField Evidence,
    IReadOnlyList<EventRecord.CitationField> Citations,
    double Confidence,
    IReadOnlyList<EventRecord.EvidenceField> Evidences)
{
    internal sealed record DateField(string Start, string End, string Value, string? Text, string Precision);

    internal sealed record ActorField(string Text, string? Actor, string? Country);

    internal sealed record EventField(string Cameo, string Root, string Label, double Goldstein, int QuadClass, string? Plover);

    internal sealed record LocationField(string Text, string? Country);

    internal sealed record EvidenceField(string Sentence, int Start, int End);

    internal sealed record CitationField(string Marker, string? Outlet, string? Title, string? Date, string? Url);

    public static EventRecord From(Document document, CodedEvent e)
    {
        var inv = CultureInfo.InvariantCulture;
        return new EventRecord(
            e.Id,
            document.Name,
            e.Date is null ? null : new DateField(e.Date.Start.ToString("yyyy-MM-dd", inv), e.Date.End.ToString("yyyy-MM-dd", inv), e.Date.Value, e.Date.Text, e.Date.Precision.ToString().ToLowerInvariant()),
            new ActorField(e.Source.Text, e.Source.Actor, e.Source.Country),
            e.Target is null ? null : new ActorField(e.Target.Text, e.Target.Actor, e.Target.Country),
            new EventField(e.Code.Code, e.Code.Root, e.Code.Name, e.Code.Goldstein, e.Code.QuadClass, e.Code.PloverEvent),
            e.Modality.ToString().ToLowerInvariant(),
            e.Location is null ? null : new LocationField(e.Location.Text, e.Location.Country),
            new EvidenceField(e.Sentence.Slice(document.Text), e.Sentence.Start, e.Sentence.End),
            [.. e.Citations.Select(m => document.FindCitation(m) is { } c
                ? new CitationField(c.Marker, c.Outlet, c.Title, c.Date?.ToString("yyyy-MM-dd", inv), c.Url)
                : new CitationField(m, null, null, null, null))],
            e.Confidence,
            [.. e.Evidence.Select(v => new EvidenceField(v.Sentence.Slice(document.Text), v.Sentence.Start, v.Sentence.End))]);
    }
}
