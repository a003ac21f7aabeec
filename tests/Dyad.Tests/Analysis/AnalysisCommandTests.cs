namespace Dyad.Tests.Analysis;

public sealed class AnalysisCommandTests : IDisposable
{
    private readonly AnalysisCorpus.TempStore _store = new();

    public void Dispose() => _store.Dispose();

    // Each case: arguments and the one-line error the command must print, with exit code 2.
    [Theory]
    [InlineData(new[] { "timeline", "IRN", "IRN" }, "dyad: a dyad needs two different actors, got IRN twice\n")]
    [InlineData(new[] { "series", "IRN", "SAU", "--from", "March 2020" }, "dyad: --from March 2020: expected a date as YYYY, YYYY-MM or YYYY-MM-DD\n")]
    [InlineData(new[] { "timeline", "IRN", "SAU", "--from", "2023", "--to", "2022" }, "dyad: --from 2023 is after --to 2022\n")]
    [InlineData(new[] { "brief", "IRN", "SAU", "--out", "brief.txt" }, "dyad: --out brief.txt: the brief is written as .html, .md, .docx or .pdf\n")]
    [InlineData(new[] { "brief", "IRN", "SAU", "--out", "brief.md", "--sections", "latest,summary" }, "dyad: --sections: 'summary' is not a section (one of latest, background, trajectory, third-parties, outlook, figures)\n")]
    [InlineData(new[] { "brief", "IRN", "SAU", "--out", "brief.md", "--words", "10" }, "dyad: --words must be at least 50\n")]
    [InlineData(new[] { "timeline", "IRN" }, "dyad: IRN: name the dyad as two codes, A B, or as A-B (either direction) or A>B (A acting on B)\n")]
    public void Bad_arguments_get_one_line(string[] args, string error)
    {
        var result = CliRunner.Run([.. args, "--db", _store.Path]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void The_dyad_can_be_named_as_one_argument()
    {
        var two = CliRunner.Run("timeline", "IRN", "SAU", "--directed", "--format", "csv", "--db", _store.Path);
        var one = CliRunner.Run("timeline", "IRN>SAU", "--format", "csv", "--db", _store.Path);
        var either = CliRunner.Run("timeline", "IRN-SAU", "--format", "csv", "--db", _store.Path);
        var both = CliRunner.Run("timeline", "IRN", "SAU", "--format", "csv", "--db", _store.Path);
        Assert.Equal(two.Output, one.Output);
        Assert.Equal(both.Output, either.Output);
        // The header and nine events of Iran toward Saudi Arabia; the header and all twenty between them.
        Assert.Equal(10, one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(21, either.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_brief_on_a_dyad_without_events_says_so_in_every_section()
    {
        string md = Path.Combine(_store.Dir, "empty.md");
        var result = CliRunner.Run("brief", "RUS", "PRK", "--out", md, "--db", _store.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Brief on RUS-PRK written to {md}: 0 asserted events, 0 turning points.\n", result.Output);
        string text = File.ReadAllText(md);
        Assert.Contains("A brief written from the events coded in 0 documents (0 distinct sources), no dated events.", text, StringComparison.Ordinal);
        Assert.Contains("## Latest developments\n\nNo dated event between the two in the sources.\n", text, StringComparison.Ordinal);
        Assert.Contains("## Background\n\nThe sources hold no earlier event between the two.\n", text, StringComparison.Ordinal);
        Assert.Contains("## Current trajectory\n\nThe sources hold no event between the two.\n", text, StringComparison.Ordinal);
        Assert.Contains("## Third parties\n\nNo other actor acts on both in the sources.\n", text, StringComparison.Ordinal);
        Assert.Contains("## Outlook from the sources\n\nThe sources announce or expect nothing between the two.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## Notes", text, StringComparison.Ordinal);
        string html = Path.Combine(_store.Dir, "empty.html");
        Assert.Equal(0, CliRunner.Run("brief", "RUS", "PRK", "--out", html, "--db", _store.Path).ExitCode);
        Assert.Contains("<svg", File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_database_is_reported_not_created()
    {
        string missing = Path.Combine(_store.Dir, "none.db");
        var result = CliRunner.Run("timeline", "IRN", "SAU", "--db", missing);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"dyad: no database at {missing}; run `dyad ingest` first or name one with --db\n", result.Error);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_dyad_without_events_says_so()
    {
        var result = CliRunner.Run("timeline", "RUS", "PRK", "--db", _store.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No events between RUS and PRK.\n", result.Output);
    }

    [Theory]
    [InlineData("chart.svg", "<svg")]
    [InlineData("chart.png", "\u0089PNG")]
    public void Series_plots_to_svg_and_png(string file, string starts)
    {
        string path = Path.Combine(_store.Dir, file);
        var result = CliRunner.Run("series", "IRN", "SAU", "--by", "year", "--format", "csv", "--plot", path, "--db", _store.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"dyad: chart written to {path}\n", result.Error);
        string head = File.ReadAllText(path, System.Text.Encoding.Latin1);
        Assert.Contains(starts, head[..Math.Min(head.Length, 200)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_penalty_changes_the_turning_points()
    {
        var strict = CliRunner.Run("series", "IRN", "SAU", "--by", "quarter", "--penalty", "1000", "--db", _store.Path);
        Assert.Equal(0, strict.ExitCode);
        Assert.EndsWith("Turning points (PELT on the Goldstein sum, penalty 1000): none\n", strict.Output, StringComparison.Ordinal);
    }
}
