using Dyad.Ingest;

namespace Dyad.Tests.Cli;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dyad-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Demo_ingests_the_samples_prints_the_timeline_and_writes_the_brief()
    {
        var result = CliRunner.Run("demo", "--out", _dir);
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        foreach (string sample in new[] { "iran-saudi-brief.txt", "gulf-diplomacy-notes.md", "news/2019-09-16-abqaiq-attack.txt" })
        {
            Assert.Contains(sample, result.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_dir, "samples", sample)));
        }
        Assert.Matches(@"iran-saudi-brief\.txt\s+│ 2024-02-12 │ Iran-Saudi Arabia Relations: From Rupture", result.Output);

        // The ingest summary counts exactly the events the pipeline codes in the bundled samples.
        int events = Directory.EnumerateFiles(Path.Combine(_dir, "samples"), "*", SearchOption.AllDirectories)
            .Select(f => DocumentLoader.Default.ReadFile(f).Document!)
            .Sum(d => DyadPipeline.Default.Code(d, default).Count);
        Assert.Contains($"ingested 7 files: 7 added, 0 new versions, 0 unchanged, 0 failed; {events} events", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"Timeline Iran–Saudi Arabia \(IRN-SAU\): \d+ events", result.Output);
        string brief = Path.Combine(_dir, "brief.html");
        Assert.Contains($"Brief: {brief}", result.Output, StringComparison.Ordinal);
        string html = File.ReadAllText(brief);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Latest developments</h2>", html, StringComparison.Ordinal);
        Assert.Contains("On 11 November 2023, Raisi visited Riyadh.", html, StringComparison.Ordinal);
    }
}
