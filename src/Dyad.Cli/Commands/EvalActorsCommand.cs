using System.CommandLine;
using System.Globalization;
using Dyad.Actors;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval actors`: mention precision, recall, F1 and country accuracy on annotated text.</summary>
internal static class EvalActorsCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "An annotated file ([[text|ACTOR|COUNTRY]] marks); default: the set shipped with Dyad." };
        var dicts = new Option<string[]>("--dict") { Description = "Extra dictionary files, as for `dyad actors`.", Arity = ArgumentArity.ZeroOrMore };
        var errors = new Option<bool>("--errors") { Description = "List every missed, spurious or miscoded mention." };
        var command = new Command("actors", "Score actor mentions: precision, recall, F1, country and actor accuracy.") { data, dicts, errors };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var documents = parse.GetValue(data) is { } path
                ? ActorEvaluation.Parse(File.ReadAllText(path))
                : ActorEvaluation.LoadEmbedded();
            var userDicts = parse.GetValue(dicts) ?? [];
            var dictionary = userDicts.Length == 0 ? ActorDictionary.Default : ActorDictionary.Load(userDicts);
            ActorsCommand.ReportDiagnostics(dictionary, parse.InvocationConfiguration.Error);
            var score = ActorEvaluation.Score(new ActorRecognizer(dictionary), documents, cancellationToken);
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"documents {documents.Length}  gold mentions {score.Gold}  predicted {score.Predicted}  matched {score.Matched}"));
            output.WriteLine(string.Create(c, $"precision {score.Precision:F3}  recall {score.Recall:F3}  F1 {score.F1:F3}"));
            output.WriteLine(string.Create(c, $"country accuracy {score.CountryAccuracy:F3}  actor accuracy {score.ActorAccuracy:F3}"));
            if (parse.GetValue(errors))
            {
                foreach (var e in score.Errors) output.WriteLine($"{e.Kind}\t{e.Date:yyyy-MM-dd}\t{e.Text}\texpected {e.Expected}\tfound {e.Found}");
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
