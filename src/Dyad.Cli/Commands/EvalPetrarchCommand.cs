using System.CommandLine;
using Dyad.Coding.Evaluation;

namespace Dyad.Cli.Commands;

/// <summary>
/// `dyad eval petrarch [--data DIR] [--verbs alone|first|added] [--no-agents] [--errors]`: scores the event coder on PETRARCH's
/// unit-test records with PETRARCH's own actor dictionary and verbs.
/// </summary>
internal static class EvalPetrarchCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The folder of PETR.UnitTest.records.xml and its dictionaries (default: ../shared/reference/petrarch-unit-tests beside the checkout)." };
        var verbs = new Option<string>("--verbs") { Description = "alone: PETRARCH's verbs only (default; the records were written for them); first: theirs, then the embedded table for verbs they lack; added: the embedded table, then theirs.", DefaultValueFactory = _ => "alone" };
        verbs.AcceptOnlyFromAmong("alone", "first", "added");
        var noAgents = new Option<bool>("--no-agents") { Description = "Leave PETRARCH's agents file out (Dyad's own agent nouns still apply)." };
        var errors = new Option<bool>("--errors") { Description = "Also list every miss, spurious event and wrong full code, and the records left out." };
        var command = new Command("petrarch", "Score event coding on PETRARCH's unit-test records with their own dictionaries.") { data, verbs, noAgents, errors };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            string folder = parse.GetValue(data) ?? RepositoryPaths.Reference("petrarch-unit-tests")
                ?? throw new CliException("no --data given and the checkout's ../shared/reference folder not found");
            PetrarchData loaded;
            try
            {
                loaded = PetrarchEvaluation.Load(folder);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                throw new CliException(e.Message);
            }
            var scores = PetrarchEvaluation.Score(loaded, Enum.Parse<PetrarchVerbs>(parse.GetValue(verbs)!, ignoreCase: true), !parse.GetValue(noAgents), cancellationToken);
            output.Write(PetrarchEvaluation.Format(scores));
            if (parse.GetValue(errors)) output.Write(PetrarchEvaluation.Errors(scores));
            return Task.FromResult(0);
        });
        return command;
    }
}
