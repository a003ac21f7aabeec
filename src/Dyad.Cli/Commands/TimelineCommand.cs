using System.CommandLine;
using Dyad.Analysis;
using Dyad.Cli.Output;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad timeline A B`: the dyad's events in date order with their sources.</summary>
internal static class TimelineCommand
{

    public static Command Create()
    {
        var dyad = new DyadArguments();
        var modality = new Option<string[]>("--modality")
        {
            Description = "Only events of these modalities (asserted, alleged, denied, intended, hypothetical, negated).",
            AllowMultipleArgumentsPerToken = true,
        };
        modality.AcceptOnlyFromAmong([.. EventQuery.Modalities]);
        var format = CommonOptions.Format("table", "jsonl", "csv");
        var command = new Command("timeline", "The events between two actors in date order, with date precision, modality and sources.");
        dyad.AddTo(command);
        command.Options.Add(modality);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var pair = dyad.Pair(parse);
            var window = dyad.Window(parse);
            var wanted = parse.GetValue(modality) is { Length: > 0 } m ? m.ToHashSet(StringComparer.Ordinal) : null;
            var events = Timeline.Of(dyad.DyadEvents(parse, pair, window), pair)
                .Where(e => wanted is null || e.Modality is { } mod && wanted.Contains(mod))
                .ToList();
            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case "jsonl":
                    foreach (var e in events) JsonLines.Write(output, TimelineRecord.From(e));
                    break;
                case "csv":
                    Timeline.WriteCsv(output, events);
                    break;
                default:
                    WriteTable(output, pair, events);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, DyadPair pair, IReadOnlyList<EventRow> events)
    {
        var console = Consoles.For(output);
        if (events.Count == 0)
        {
            output.WriteLine($"No events between {pair.A} and {pair.B}.");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).Title($"Timeline {Markup.Escape(Dyad.Analysis.Prose.ActorNames.Default.Dyad(pair))} ({Markup.Escape(pair.Name)}): {events.Count} events")
            .AddColumns("date", "source", "target", "codes", "event", "modality", "sources");
        foreach (var e in events)
        {
            table.AddRow(
                Markup.Escape(EventFacts.DateLabel(e)),
                Markup.Escape(EventFacts.ActorName(e.SourceText, e.SourceActor, e.SourceCountry, e.DateStart)),
                Markup.Escape(EventFacts.ActorName(e.TargetText, e.TargetActor, e.TargetCountry, e.DateStart)),
                Markup.Escape(EventFacts.Codes(e)),
                Markup.Escape($"{e.Cameo} {e.Label ?? ""}".Trim()),
                Markup.Escape(e.Modality ?? "-"),
                Markup.Escape(Timeline.SourceList(e)));
        }
        console.Write(table);
    }
}

/// <summary>One timeline row as JSON Lines: the event's date, actors, code, modality and sources.</summary>
internal sealed record TimelineRecord(
    string Id, string? Doc, TimelineDate Date, TimelineActor Source, TimelineActor? Target, TimelineEvent Event, string? Modality,
    IReadOnlyList<TimelineSource> Sources)
{
    public static TimelineRecord From(EventRow e) => new(
        e.Id,
        e.Doc,
        new TimelineDate(e.DateStart?.ToString("yyyy-MM-dd"), e.DateEnd?.ToString("yyyy-MM-dd"), e.DateValue, e.DatePrecision, EventFacts.DateLabel(e)),
        new TimelineActor(e.SourceText, e.SourceActor, e.SourceCountry),
        e.TargetActor is null && e.TargetCountry is null && e.TargetText is null ? null : new TimelineActor(e.TargetText, e.TargetActor, e.TargetCountry),
        new TimelineEvent(e.Cameo, e.Root, e.Label, e.Goldstein, e.QuadClass),
        e.Modality,
        [.. EventFacts.Sources(e).Select(c => new TimelineSource(c.Outlet, c.Title, c.Date?.ToString("yyyy-MM-dd"), c.Url))]);
}

internal sealed record TimelineDate(string? Start, string? End, string? Value, string? Precision, string Label);

internal sealed record TimelineActor(string? Text, string? Actor, string? Country);

internal sealed record TimelineEvent(string Cameo, string Root, string? Label, double? Goldstein, int? QuadClass);

internal sealed record TimelineSource(string? Outlet, string? Title, string? Date, string? Url);
