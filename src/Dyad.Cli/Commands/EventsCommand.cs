using Dyad.Analysis;
using System.CommandLine;
using Dyad.Cli.Output;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad events`: query stored events by dyad, actor, period, code, modality, document or text.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format("table", "jsonl", "csv");
        var limit = new Option<int?>("--limit") { Description = "At most this many events." };
        var store = new StoreOptionsCli();
        var filters = new EventFilterOptions();
        var command = new Command("events", "List stored events that match the filters, by date.") { format, limit };
        filters.AddTo(command);
        store.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var query = filters.Query(parse);
            using var db = store.Open(parse, readOnly: true);
            // One rule with the web API: a limit is at least 1; without one, every matching event is listed.
            if (parse.GetValue(limit) is < 1 and var bad) throw new CliException($"--limit {bad}: expected 1 or more (leave it out for every event)");
            var events = StoreOptionsCli.Run(() => db.Events(query, parse.GetValue(limit)));
            switch (parse.GetValue(format))
            {
                case "jsonl":
                    EventExport.WriteText(ExportFormat.Jsonl, events, [], output, default, cancellationToken);
                    break;
                case "csv":
                    EventExport.WriteText(ExportFormat.Csv, events, [], output, default, cancellationToken);
                    break;
                default:
                    WriteTable(output, events);
                    break;
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<EventRow> events)
    {
        var console = Consoles.For(output);
        var table = new Table().Border(TableBorder.Simple).AddColumns("date", "source", "target", "codes", "code", "event", "modality", "doc");
        foreach (var e in events)
        {
            string date = e.DateStart is { } s ? (e.DateEnd is { } end && end != s ? $"{s:yyyy-MM-dd}..{end:yyyy-MM-dd}" : $"{s:yyyy-MM-dd}") : "-";
            table.AddRow(date,
                Markup.Escape(EventFacts.ActorName(e.SourceText, e.SourceActor, e.SourceCountry, e.DateStart)),
                Markup.Escape(EventFacts.ActorName(e.TargetText, e.TargetActor, e.TargetCountry, e.DateStart)),
                Markup.Escape(EventFacts.Codes(e)), e.Cameo, Markup.Escape(e.Label ?? "-"),
                e.Modality ?? "-", Markup.Escape(e.Doc ?? (e.Origin == EventOrigin.Gdelt ? "gdelt" : "-")));
        }
        console.Write(table);
        output.WriteLine(events.Count == 1 ? "1 event" : $"{events.Count} events");
    }
}
