using Xunit;

namespace Dyad.Tests.Syntax;

/// <summary>`dyad train syntax` end to end on a small slice of the reference treebank, and `eval syntax` on its dev file.</summary>
public sealed class TrainSyntaxCommandTests
{
    private static readonly string UdFolder = Path.Combine(TestPaths.Reference, "ud-english");

    // The first sentences of a reference file, written to a temporary folder (never into the repository).
    private static string Slice(string dir, string source, string target, int sentences)
    {
        var lines = new List<string>();
        int seen = 0;
        foreach (var line in File.ReadLines(Path.Combine(UdFolder, source)))
        {
            lines.Add(line);
            if (line.Length == 0 && ++seen == sentences) break;
        }
        string path = Path.Combine(dir, target);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void TrainsAModelThatParseAndEvalRead()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"dyad-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            Slice(dir, "en_ewt-ud-train.conllu", "tiny-train.conllu", 300);
            string dev = Slice(dir, "en_ewt-ud-dev.conllu", "tiny-dev.conllu", 50);
            string model = Path.Combine(dir, "out", "tiny.model");
            var train = CliRunner.Run("train", "syntax", "--data", dir, "--out", model, "--tagger-iterations", "2", "--parser-iterations", "2");
            Assert.Equal(0, train.ExitCode);
            Assert.Contains("300 sentences", train.Output);
            Assert.Contains("parser iteration 2:", train.Output);
            Assert.Matches(@"wrote .*tiny\.model \([0-9.]+ MB\) in [0-9.]+ min", train.Output);
            Assert.True(File.Exists(model));

            var eval = CliRunner.Run("eval", "syntax", "--data", dev, "--model", model);
            Assert.Equal(0, eval.ExitCode);
            Assert.Matches(@"tiny-dev\.conllu: UPOS [0-9.]+ XPOS [0-9.]+ lemma [0-9.]+ UAS [0-9.]+ LAS [0-9.]+", eval.Output);
            Assert.Matches(@"tiny-dev\.conllu \(raw text\): sentences [0-9.]+ words [0-9.]+", eval.Output);

            string text = Path.Combine(dir, "t.txt");
            File.WriteAllText(text, "Talks resumed.");
            var parse = CliRunner.Run("parse", text, "--model", model, "--format", "conllu");
            Assert.Equal(0, parse.ExitCode);
            Assert.Contains("# text = Talks resumed.", parse.Output);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void AFolderWithoutTreebanksIsOneLine()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"dyad-empty-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var result = CliRunner.Run("train", "syntax", "--data", dir, "--out", Path.Combine(dir, "m.model"));
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"dyad: {dir}: no *-train.conllu files\n", result.Error);
            Assert.False(File.Exists(Path.Combine(dir, "m.model")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void ANonModelFileIsOneLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-notmodel-{Guid.NewGuid():N}.model");
        File.WriteAllText(path, "hello");
        try
        {
            var result = CliRunner.Run("eval", "syntax", "--model", path);
            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith($"dyad: {path}: not a Dyad syntax model", result.Error);
        }
        finally { File.Delete(path); }
    }
}
