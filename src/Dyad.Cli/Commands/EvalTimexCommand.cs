using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Time;
using Dyad.Time.Evaluation;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval timex [--data DIR]`: scores the time stage on TimeML documents the TempEval-3 way.</summary>
internal static class EvalTimexCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder of TimeML (.tml) documents; default ../shared/reference/tempeval3-tbaq." };
        var errors = new Option<int>("--errors") { Description = "Also print this many disagreements with the gold annotation.", DefaultValueFactory = _ => 0 };
        var command = new Command("timex", "Score time-expression recognition and normalisation on TimeML data.") { data, errors };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            string directory = parse.GetValue(data) ?? RepositoryPaths.Reference("tempeval3-tbaq")
                ?? throw new CliException("cannot find ../shared/reference/tempeval3-tbaq; pass --data DIR");
            if (!Directory.Exists(directory)) throw new CliException($"{directory}: no such folder");
            var (documents, failures) = TimexScorer.LoadDirectory(directory);
            foreach (var failure in failures) parse.InvocationConfiguration.Error.WriteLine($"dyad: {failure}");
            if (documents.IsEmpty) throw new CliException($"{directory}: no TimeML documents");
            var scores = TimexScorer.Evaluate(new TimeTagger(), documents, cancellationToken);
            Tables.Write(output, Render(scores));
            int shown = 0;
            foreach (var error in scores.Errors)
            {
                if (shown++ >= parse.GetValue(errors)) break;
                output.WriteLine($"{error.Kind,-8} {error.Document}: gold {error.GoldText ?? "-"} = {error.GoldValue ?? "-"} | system {error.SystemText ?? "-"} = {error.SystemValue ?? "-"} | {error.Context}");
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static Table Render(TimexScores scores)
    {
        var table = new Table().AddColumns("measure", "precision", "recall", "F1", "accuracy");
        table.Title = new TableTitle($"time expressions: {scores.Documents} documents, {scores.Relaxed.Gold} gold, {scores.Relaxed.Predicted} found");
        static string F(double x) => x.ToString("F3", CultureInfo.InvariantCulture);
        table.AddRow("strict extent", F(scores.Strict.Precision), F(scores.Strict.Recall), F(scores.Strict.F1), "");
        table.AddRow("relaxed extent", F(scores.Relaxed.Precision), F(scores.Relaxed.Recall), F(scores.Relaxed.F1), "");
        table.AddRow("type", F(scores.Type.Precision), F(scores.Type.Recall), F(scores.Type.F1), F(scores.TypeAccuracy));
        table.AddRow("value", F(scores.Value.Precision), F(scores.Value.Recall), F(scores.Value.F1), F(scores.ValueAccuracy));
        return table;
    }
}
