using System.CommandLine;
using System.Diagnostics;
using Dyad.Syntax;

namespace Dyad.Cli.Commands;

/// <summary>`dyad train syntax`: trains the tagger, lemmatiser and parser from UD treebanks.</summary>
internal static class TrainSyntaxCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train a model from reference data.");
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of UD CoNLL-U files: every *-train.conllu trains, every *-dev.conllu is scored after training.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model file.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (shuffling, exploration).", DefaultValueFactory = _ => 1 };
        var taggerIterations = new Option<int>("--tagger-iterations") { DefaultValueFactory = _ => new SyntaxTrainingOptions().TaggerIterations };
        var parserIterations = new Option<int>("--parser-iterations") { DefaultValueFactory = _ => new SyntaxTrainingOptions().ParserIterations };
        var exploration = new Option<double>("--exploration") { Description = "Probability of following the parser's own mistaken transition in training, from the second iteration.", DefaultValueFactory = _ => new SyntaxTrainingOptions().Exploration };
        var prune = new Option<float>("--prune") { Description = "Averaged weights smaller than this are left out of the model.", DefaultValueFactory = _ => new SyntaxTrainingOptions().Prune };
        var syntax = new Command("syntax", "Train the part-of-speech tagger, lemmatiser and dependency parser.") { data, output, seed, taggerIterations, parserIterations, exploration, prune };
        syntax.SetAction((parse, cancellationToken) =>
        {
            var dir = parse.GetValue(data)!;
            var outFile = parse.GetValue(output)!;
            if (!dir.Exists) throw new CliException($"{dir.FullName}: no such folder");
            var trainFiles = dir.GetFiles("*-train.conllu").OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
            var devFiles = dir.GetFiles("*-dev.conllu").OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
            if (trainFiles.Length == 0) throw new CliException($"{dir.FullName}: no *-train.conllu files");
            var log = parse.InvocationConfiguration.Output;
            var clock = Stopwatch.StartNew();
            var treebank = new List<ConlluSentence>();
            foreach (var f in trainFiles)
            {
                try { treebank.AddRange(Conllu.ReadFile(f.FullName)); }
                catch (FormatException ex) { throw new CliException(ex.Message); }
                log.WriteLine($"read {f.Name}");
            }
            var dev = devFiles.Select(f => (f.Name, Sentences: Conllu.ReadFile(f.FullName).ToList())).ToList();
            var options = new SyntaxTrainingOptions { Seed = parse.GetValue(seed), TaggerIterations = parse.GetValue(taggerIterations), ParserIterations = parse.GetValue(parserIterations), Exploration = parse.GetValue(exploration), Prune = parse.GetValue(prune) };
            var model = SyntaxTrainer.Train(treebank, options, log,
                m => string.Join("; ", dev.Select(d => SyntaxEvaluation.Summary(SyntaxEvaluation.ScoreGoldTokens(m, d.Name, d.Sentences)))), cancellationToken);
            outFile.Directory?.Create();
            model.Save(outFile.FullName);
            log.WriteLine($"wrote {outFile.FullName} ({new FileInfo(outFile.FullName).Length / 1024.0 / 1024.0:F1} MB) in {clock.Elapsed.TotalMinutes:F1} min");
            return Task.FromResult(0);
        });
        train.Subcommands.Add(syntax);
        return train;
    }
}
