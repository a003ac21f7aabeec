using Xunit;

namespace Dyad.Tests.Syntax;

public sealed class ParseCommandTests
{
    private static string Temp(string name, string content)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"dyad-parse-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void ConlluCarriesOffsetsIntoTheBodyText()
    {
        string path = Temp("note.txt", "Russia didn't sign. Japan protested.\n");
        var result = CliRunner.Run("parse", path, "--format", "conllu");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains("# sent_id = 1", lines);
        Assert.Contains("# text = Russia didn't sign.", lines);
        Assert.Contains("# text = Japan protested.", lines);
        var words = lines.Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["Russia", "did", "n't", "sign", ".", "Japan", "protested", "."], words.Select(w => w[1]));
        Assert.Equal("start=7|end=10|SpaceAfter=No", words[1][9]);
        Assert.Equal("not", words[2][2]);
        Assert.All(words, w => Assert.Equal(10, w.Length));
    }

    [Fact]
    public void TableShowsHeadsByWord()
    {
        string path = Temp("t.txt", "Iran released the prisoners.");
        var result = CliRunner.Run("parse", path, "--raw");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"prisoners\s+prisoner\s+NOUN\s+NNS\s+2 released\s+obj\s+18-27", result.Output);
    }

    [Fact]
    public void PretokenizedKeepsTheWords()
    {
        // "Talks" and "resumed" as given, their MISC column kept; tags, lemmas, heads and relations predicted.
        string path = Temp("in.conllu", "# sent_id = a\n# text = Talks resumed.\n1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_\n2\tresumed\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
        var result = CliRunner.Run("parse", path, "--pretokenized", "--format", "conllu");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Equal(["# sent_id = a", "# text = Talks resumed."], lines[..2]);
        Assert.Equal("1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_", lines[2]);
        Assert.StartsWith("2\tresumed\tresume\tVERB\tVBD\t", lines[3]);
        Assert.EndsWith("\t0\troot\t_\tSpaceAfter=No", lines[3]);
        Assert.Equal("3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_", lines[4]);
    }

    [Theory]
    [InlineData("--pretokenized")]
    [InlineData("--raw")]
    [InlineData(null)]
    public void AMissingFileIsOneLine(string? mode)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"dyad-missing-{Guid.NewGuid():N}.txt");
        var args = mode is null ? new[] { "parse", missing } : ["parse", missing, mode];
        var result = CliRunner.Run(args);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {missing}: no such file\n", result.Error);
    }

    [Fact]
    public void ABadConlluLineIsReportedWithItsNumber()
    {
        string path = Temp("bad.conllu", "# text = x\n1\tx\n");
        var result = CliRunner.Run("parse", path, "--pretokenized");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {path}:2: expected 10 tab-separated columns, found 2\n", result.Error);
    }
}
