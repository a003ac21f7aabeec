using System.CommandLine;
using System.Globalization;
using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Ingest.Web;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>`dyad parse FILE...`: each sentence's words with tags, lemmas, features, heads and relations.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files or URLs, read as `dyad read` reads them (or see --raw, --pretokenized)." };
        var format = CommonOptions.Format("table", "conllu");
        var raw = new Option<bool>("--raw") { Description = "Take each file's text exactly as it is: no front matter, footnote or markup handling." };
        var pretokenized = new Option<bool>("--pretokenized") { Description = "Read CoNLL-U and keep its sentences and words; predict tags, lemmas, heads and relations." };
        var model = new Option<FileInfo?>("--model") { Description = "A model file from `dyad train syntax` instead of the embedded one." };
        var web = new WebOptions();
        var command = new Command("parse", "Tag, lemmatise and parse documents into Universal Dependencies trees.") { files, format, raw, pretokenized, model };
        web.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            bool conllu = parse.GetValue(format) == "conllu";
            if (parse.GetValue(raw) && parse.GetValue(pretokenized)) throw new CliException("--raw and --pretokenized exclude each other");
            var annotator = parse.GetValue(model) is { } file ? new SyntaxAnnotator(LoadModel(file)) : SyntaxAnnotator.Default;
            int failures = 0;
            using var fetcher = new WebFetcher(web.Fetch(parse));
            var reader = new SourceReader(web.Loader(parse), fetcher);
            foreach (var path in parse.GetValue(files)!)
            {
                if (parse.GetValue(pretokenized))
                {
                    failures += Pretokenized(path, annotator, output, error);
                    continue;
                }
                if (parse.GetValue(raw))
                {
                    if (ReadRaw(path, error) is not { } text) { failures++; continue; }
                    var spans = SentenceSplitter.Split(text);
                    Write(output, path, text, [.. spans.Select(s => annotator.Parse(text, s))], conllu);
                    continue;
                }
                await foreach (var result in reader.ReadAsync(path, cancellationToken))
                {
                    if (result.Document is not { } document)
                    {
                        error.WriteLine($"dyad: {result.Source}: {result.Error}");
                        failures++;
                        continue;
                    }
                    Write(output, document.Name, document.Text, annotator.Annotate(document, cancellationToken), conllu);
                }
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    internal static SyntaxModel LoadModel(FileInfo file)
    {
        if (!file.Exists) throw new CliException($"{file.FullName}: no such file");
        try { return SyntaxModel.Load(file.FullName); }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException) { throw new CliException(ex.Message); }
    }

    // The file's text exactly as decoded, with the same checks as every reader: exists, is a file, fits, decodes.
    private static string? ReadRaw(string path, TextWriter error)
    {
        string? problem = null;
        string? text = null;
        if (Directory.Exists(path)) problem = "is a directory, not a file";
        else if (!File.Exists(path)) problem = "no such file";
        else if (new FileInfo(path).Length > DocumentLoader.DefaultMaxBytes) problem = $"file is larger than the {DocumentLoader.DefaultMaxBytes / 1024 / 1024} MB limit for one document";
        else
        {
            var decoded = TextDecoder.Decode(File.ReadAllBytes(path));
            if (decoded.Text is null) problem = decoded.Error;
            else if (decoded.Text.Trim().Length == 0) problem = "holds no text";
            else text = decoded.Text;
        }
        if (problem is not null) error.WriteLine($"dyad: {path}: {problem}");
        return text;
    }

    private static int Pretokenized(string path, SyntaxAnnotator annotator, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path)) { error.WriteLine($"dyad: {path}: no such file"); return 1; }
        List<ConlluSentence> sentences;
        try { sentences = [.. Conllu.ReadFile(path)]; }
        catch (FormatException ex) { error.WriteLine($"dyad: {ex.Message}"); return 1; }
        foreach (var sentence in sentences)
        {
            var forms = sentence.Words.Select(w => w.Form).ToArray();
            var tokens = annotator.Analyse(forms, new TextSpan[forms.Length]);
            var words = tokens.Select((t, i) => new ConlluWord(t.Form, t.Lemma, t.Upos, t.Xpos, t.Feats, t.Head, t.Relation, sentence.Words[i].Misc)).ToList();
            Conllu.Write(output, sentence.Comments, words, sentence.Ranges);
        }
        return 0;
    }

    private static void Write(TextWriter output, string name, string text, IReadOnlyList<ParsedSentence> sentences, bool conllu)
    {
        if (conllu) output.WriteLine($"# newdoc id = {name}");
        else output.WriteLine(name);
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            string sentenceText = OneLine(sentence.Span.Slice(text));
            if (conllu)
            {
                var words = sentence.Tokens.Select((t, i) => new ConlluWord(t.Form, t.Lemma, t.Upos, t.Xpos, t.Feats, t.Head, t.Relation,
                    Misc(t, i + 1 < sentence.Tokens.Length ? sentence.Tokens[i + 1].Span.Start : -1))).ToList();
                Conllu.Write(output, [$"# sent_id = {s + 1}", $"# text = {sentenceText}"], words);
                continue;
            }
            output.WriteLine();
            output.WriteLine($"  {s + 1}. {sentenceText}");
            WriteTable(output, sentence);
        }
    }

    private static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private static string Misc(SyntaxToken t, int nextStart) =>
        string.Create(CultureInfo.InvariantCulture, $"start={t.Span.Start}|end={t.Span.End}") + (nextStart == t.Span.End ? "|SpaceAfter=No" : "");

    private static void WriteTable(TextWriter output, ParsedSentence sentence)
    {
        var rows = new List<string[]> { new[] { "#", "word", "lemma", "upos", "xpos", "head", "relation", "offsets" } };
        for (int i = 0; i < sentence.Tokens.Length; i++)
        {
            var t = sentence.Tokens[i];
            string head = t.Head < 0 ? "0 (root)" : $"{t.Head + 1} {sentence.Tokens[t.Head].Form}";
            rows.Add([(i + 1).ToString(CultureInfo.InvariantCulture), t.Form, t.Lemma, t.Upos, t.Xpos, head, t.Relation, $"{t.Span.Start}-{t.Span.End}"]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            output.WriteLine("  " + string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
    }
}
