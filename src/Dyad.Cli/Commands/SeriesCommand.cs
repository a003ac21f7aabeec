using System.CommandLine;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Cli.Output;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad series A B --by month|quarter|year`: counts per QuadClass, Goldstein sum and mean, net cooperation per period, and the turning points.</summary>
internal static class SeriesCommand
{
    public static Command Create()
    {
        var dyad = new DyadArguments();
        var by = new Option<string>("--by") { Description = "Period length.", DefaultValueFactory = _ => "month" };
        by.AcceptOnlyFromAmong("month", "quarter", "year");
        var plot = new Option<string?>("--plot") { Description = "Also draw the series as a chart into this .svg or .png file." };
        var penalty = new Option<double?>("--penalty") { Description = "Change-point penalty (default 3·ln n, the modified BIC)." };
        var format = CommonOptions.Format("table", "csv", "jsonl");
        var command = new Command("series", "A dyad's events per period: counts per QuadClass, Goldstein sum and mean, net cooperation, and turning points.");
        dyad.AddTo(command);
        foreach (var option in (Option[])[by, plot, penalty, format]) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var pair = dyad.Pair(parse);
            var window = dyad.Window(parse);
            var unit = Period.ParseUnit(parse.GetValue(by)!)!.Value;
            var options = new ChangePointOptions { Penalty = parse.GetValue(penalty) };
            if (options.Penalty is < 0) throw new CliException("--penalty must not be negative", 2);
            // Counted in the store; only the events around each turning point are read.
            var (series, turning) = dyad.Read(parse, store =>
            {
                var counted = DyadSeries.FromStore(store, pair, unit, window.From, window.To);
                return (counted, TurningPoints.Find(counted, store, options));
            });
            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case "csv":
                    SeriesFormat.WriteCsv(output, series);
                    break;
                case "jsonl":
                    foreach (var p in series.Points) JsonLines.Write(output, SeriesRecord.From(p));
                    break;
                default:
                    WriteTable(output, series, turning, options);
                    break;
            }
            if (parse.GetValue(plot) is { } file)
            {
                if (TrajectoryChart.Save(file, series, turning) is { } problem) throw new CliException(problem);
                parse.InvocationConfiguration.Error.WriteLine($"dyad: chart written to {file}");
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, DyadSeries series, IReadOnlyList<TurningPoint> turning, ChangePointOptions options)
    {
        var console = Consoles.For(output);
        string unit = series.Unit.ToString().ToLowerInvariant();
        if (series.Points.IsEmpty)
        {
            output.WriteLine($"No dated asserted events between {series.Pair.A} and {series.Pair.B}.");
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple).Title($"Series {Markup.Escape(Dyad.Analysis.Prose.ActorNames.Default.Dyad(series.Pair))} ({Markup.Escape(series.Pair.Name)}) per {unit} (asserted events)")
                .AddColumns("period", "events", "verb. coop.", "mat. coop.", "verb. confl.", "mat. confl.", "Goldstein sum", "Goldstein mean", "net coop.");
            foreach (var column in table.Columns.Skip(1)) column.RightAligned();
            foreach (var p in series.Points)
            {
                table.AddRow(p.Period.Label, Int(p.Events), Int(p.VerbalCooperation), Int(p.MaterialCooperation), Int(p.VerbalConflict), Int(p.MaterialConflict),
                    EventFacts.Number(p.GoldsteinSum), p.GoldsteinMean is { } m ? EventFacts.Number(m) : "-", Int(p.NetCooperation));
            }
            console.Write(table);
        }
        if (series.Undated > 0 || series.TooCoarse > 0)
        {
            output.WriteLine($"Left out: {Int(series.Undated)} undated, {Int(series.TooCoarse)} dated more coarsely than a {unit}.");
        }
        if (series.Points.IsEmpty) return;
        double penalty = options.Penalty ?? ChangePoints.DefaultPenalty(series.Points.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Turning points (PELT on the Goldstein sum, penalty {penalty:0.###}):{(turning.Count == 0 ? " none" : "")}"));
        foreach (var tp in turning)
        {
            output.WriteLine($"  {tp.Period.Label}  towards {(tp.TowardsCooperation ? "cooperation" : "conflict")}: mean {EventFacts.Number(tp.MeanBefore)} -> {EventFacts.Number(tp.MeanAfter)}");
            foreach (var e in tp.Around) output.WriteLine($"    {EventFacts.DateLabel(e)}  {EventFacts.Describe(e)}");
        }
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One period of a series as JSON Lines.</summary>
internal sealed record SeriesRecord(
    string Period, string Start, string End, int Events, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict,
    double GoldsteinSum, double? GoldsteinMean, int NetCooperation)
{
    public static SeriesRecord From(SeriesPoint p) => new(
        p.Period.Label, p.Period.Start.ToString("yyyy-MM-dd"), p.Period.End.ToString("yyyy-MM-dd"), p.Events,
        p.VerbalCooperation, p.MaterialCooperation, p.VerbalConflict, p.MaterialConflict, p.GoldsteinSum, p.GoldsteinMean, p.NetCooperation);
}
