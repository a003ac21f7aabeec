using System.CommandLine;
using Dyad.Syntax;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval syntax`: tagging, lemma and parsing scores on UD treebanks, from gold words and from raw text.</summary>
internal static class EvalSyntaxCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "CoNLL-U files to score on; default the EWT and GUM dev files in ../shared/reference/ud-english.", AllowMultipleArgumentsPerToken = true };
        var model = new Option<FileInfo?>("--model") { Description = "A model file from `dyad train syntax` instead of the embedded one." };
        var genres = new Option<bool>("--genres") { Description = "Also print gold-tokenisation scores per genre (from the sentence ids)." };
        var command = new Command("syntax", "Score the tagger, lemmatiser and parser (UPOS, XPOS, lemma, UAS, LAS as CoNLL 2018 counts them).") { data, model, genres };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var files = parse.GetValue(data) is { Length: > 0 } given ? given : DefaultFiles();
            var syntax = parse.GetValue(model) is { } file ? ParseCommand.LoadModel(file) : SyntaxModel.Default;
            var annotator = new SyntaxAnnotator(syntax);
            foreach (var path in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!File.Exists(path)) throw new CliException($"{path}: no such file");
                List<ConlluSentence> gold;
                try { gold = [.. Conllu.ReadFile(path)]; }
                catch (FormatException ex) { throw new CliException(ex.Message); }
                string name = Path.GetFileName(path);
                output.WriteLine(SyntaxEvaluation.Summary(SyntaxEvaluation.ScoreGoldTokens(syntax, name, gold)));
                output.WriteLine(SyntaxEvaluation.RawSummary(SyntaxEvaluation.ScoreRawText(annotator, name, gold)));
                if (!parse.GetValue(genres)) continue;
                foreach (var (genre, sentences) in SyntaxEvaluation.ByGenre(gold))
                    output.WriteLine("  " + SyntaxEvaluation.Summary(SyntaxEvaluation.ScoreGoldTokens(syntax, $"{genre} ({sentences.Count} sentences)", sentences)));
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static string[] DefaultFiles()
    {
        string folder = RepositoryPaths.Reference("ud-english") ?? throw new CliException("cannot find ../shared/reference/ud-english; pass --data FILE.conllu");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*-dev.conllu").Order(StringComparer.Ordinal).ToArray() : [];
        return files.Length > 0 ? files : throw new CliException($"{folder}: no *-dev.conllu files; pass --data FILE.conllu");
    }
}
