namespace Dyad.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_reads_every_bundled_sample()
    {
        var result = CliRunner.Run("demo");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        foreach (string sample in new[] { "iran-saudi-brief.txt", "gulf-diplomacy-notes.md", "news/2019-09-16-abqaiq-attack.txt" })
        {
            Assert.Contains(sample, result.Output, StringComparison.Ordinal);
        }
        Assert.Matches(@"iran-saudi-brief\.txt\s+│ 2024-02-12 │ Iran-Saudi Arabia Relations: From Rupture", result.Output);
    }

    [Fact]
    public void Demo_stores_the_samples_and_counts_them_from_the_store()
    {
        var documents = Directory.EnumerateFiles(TestPaths.Samples(), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Select(f => Dyad.Ingest.DocumentLoader.Default.ReadFile(f).Document!)
            .ToList();
        var result = CliRunner.Run("demo");
        Assert.Equal(
            $"Stored in a SQLite file: 7 documents, {documents.Sum(d => d.Sentences.Length)} sentences, {documents.Sum(d => d.Citations.Length)} citations, {documents.Sum(d => DyadPipeline.Default.Code(d, default).Count)} events",
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }
}
