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
}
