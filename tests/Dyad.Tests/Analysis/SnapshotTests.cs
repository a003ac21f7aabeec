namespace Dyad.Tests.Analysis;

/// <summary>
/// Snapshots of `timeline`, `series` and `brief --out x.md` on the fixed corpus, stored through the store in a
/// temporary SQLite database. Expected output lives in tests/Dyad.Tests/data/analysis/.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly AnalysisCorpus.TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private string Run(params string[] args)
    {
        var result = CliRunner.Run([.. args, "--db", _store.Path]);
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        return result.Output;
    }

    private static void Matches(string expectedFile, string actual)
    {
        string path = TestPaths.Data("analysis", expectedFile);
        if (Environment.GetEnvironmentVariable("DYAD_WRITE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(TestPaths.RepoRoot, "tests", "Dyad.Tests", "data", "analysis", expectedFile), actual);
        }
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Theory]
    [InlineData("timeline.table.txt", "table")]
    [InlineData("timeline.jsonl", "jsonl")]
    [InlineData("timeline.csv", "csv")]
    public void Timeline_in_each_format(string expected, string format) =>
        Matches(expected, Run("timeline", "IRN", "SAU", "--format", format));

    [Fact]
    public void Timeline_directed_with_period_and_modality() =>
        Matches("timeline.irn-to-sau.txt", Run("timeline", "IRN", "SAU", "--directed", "--from", "2019", "--to", "2023-06", "--modality", "asserted", "denied", "alleged"));

    [Theory]
    [InlineData("series.quarter.txt", "quarter", "table")]
    [InlineData("series.year.csv", "year", "csv")]
    [InlineData("series.month.jsonl", "month", "jsonl")]
    public void Series_per_period(string expected, string by, string format) =>
        Matches(expected, Run("series", "IRN", "SAU", "--by", by, "--format", format));

    [Fact]
    public void Brief_in_markdown_with_its_chart_beside_it()
    {
        string md = Path.Combine(_store.Dir, "x.md");
        string said = Run("brief", "IRN", "SAU", "--out", md);
        Matches("brief.md", File.ReadAllText(md));
        Assert.Equal($"Brief on IRN-SAU written to {md}: 15 asserted events, 2 turning points.\n", said);
        string svg = File.ReadAllText(Path.Combine(_store.Dir, "x.svg"));
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
    }
}
