using Xunit;

namespace Dyad.Tests.Coding;

public sealed class ExtractCommandTests
{
    [Fact]
    public void WritesEventRecordsAsJsonLines()
    {
        string file = Path.Combine(Path.GetTempPath(), $"dyad-extract-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "Putin visited Pyongyang on June 19, 2024.");
        try
        {
            var result = CliRunner.Run("extract", file, "--dct", "2024-07-01", "--format", "jsonl");
            Assert.Equal(0, result.ExitCode);
            string name = Path.GetFileName(file);
            Assert.Equal(
                "{\"id\":\"" + name + "#e1\",\"doc\":\"" + name + "\",\"doc_id\":null,\"origin\":\"dyad\",\"coder_version\":\"" + DyadPipeline.CurrentVersion + "\","
                + "\"date\":{\"start\":\"2024-06-19\",\"end\":\"2024-06-19\",\"value\":\"2024-06-19\",\"text\":\"June 19, 2024\",\"precision\":\"day\"},"
                + "\"source\":{\"text\":\"Putin\",\"actor\":\"RUSGOV\",\"country\":\"RUS\"},"
                + "\"target\":{\"text\":\"Pyongyang\",\"actor\":\"PRK\",\"country\":\"PRK\"},"
                + "\"event\":{\"cameo\":\"042\",\"root\":\"04\",\"label\":\"Make a visit\",\"goldstein\":1.9,\"quad_class\":1,\"plover\":\"CONSULT\",\"plover_mode\":\"visit\"},"
                + "\"modality\":\"asserted\",\"location\":null,"
                + "\"evidence\":{\"doc\":\"" + name + "\",\"sentence\":\"Putin visited Pyongyang on June 19, 2024.\",\"start\":0,\"end\":41},"
                + "\"citations\":[],\"confidence\":0.9,"
                + "\"evidences\":[{\"doc\":\"" + name + "\",\"sentence\":\"Putin visited Pyongyang on June 19, 2024.\",\"start\":0,\"end\":41}]}\n",
                result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TableIsAChronology()
    {
        string file = Path.Combine(Path.GetTempPath(), $"dyad-extract-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "Iraq invaded Kuwait in August 1990. Nixon visited Beijing in February 1972.");
        try
        {
            var result = CliRunner.Run("extract", file);
            Assert.Equal(0, result.ExitCode);
            int nixon = result.Output.IndexOf("1972-02", StringComparison.Ordinal);
            int iraq = result.Output.IndexOf("1990-08", StringComparison.Ordinal);
            Assert.True(nixon > 0 && iraq > nixon, result.Output);
            Assert.EndsWith("2 events\n", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Issue18_extract_reads_folders_and_globs_as_ingest_does()
    {
        string folder = Directory.CreateTempSubdirectory("dyad-extract-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "notes"));
            File.WriteAllText(Path.Combine(folder, "a.txt"), "Putin visited Pyongyang on June 19, 2024.");
            File.WriteAllText(Path.Combine(folder, "b.txt"), "Iraq invaded Kuwait in August 1990.");
            File.WriteAllText(Path.Combine(folder, "notes", "c.md"), "Nixon visited Beijing in February 1972.");
            File.WriteAllText(Path.Combine(folder, "notes", "skip.csv"), "Nixon visited Moscow in May 1972.");

            var all = CliRunner.Run("extract", folder, "--format", "jsonl");
            Assert.Equal((0, ""), (all.ExitCode, all.Error));
            Assert.Equal(["a.txt#e1", "b.txt#e1", "c.md#e1"], Ids(all.Output));
            var glob = CliRunner.Run("extract", Path.Combine(folder, "**", "*.md"), "--format", "jsonl");
            Assert.Equal(0, glob.ExitCode);
            Assert.Equal(["c.md#e1"], Ids(glob.Output));
            var none = CliRunner.Run("extract", Path.Combine(folder, "*.pdf"), "--format", "jsonl");
            Assert.Equal((1, $"dyad: {Path.Combine(folder, "*.pdf")}: no such file, folder or matching documents\n"), (none.ExitCode, none.Error));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Issue18_extract_in_parallel_writes_the_records_in_the_order_of_the_inputs()
    {
        string folder = Directory.CreateTempSubdirectory("dyad-extract-").FullName;
        try
        {
            // The first file is much the longest, so with several jobs it finishes last.
            var files = Enumerable.Range(0, 8).Select(i => Path.Combine(folder, $"f{i}.txt")).ToList();
            File.WriteAllText(files[0], string.Concat(Enumerable.Repeat("Putin visited Pyongyang on June 19, 2024. ", 300)));
            for (int i = 1; i < files.Count; i++) File.WriteAllText(files[i], $"Iraq invaded Kuwait in August 199{i}.");
            string[] reversed = [.. Enumerable.Reverse(files)];

            var one = CliRunner.Run(["extract", .. reversed, "--format", "jsonl", "--jobs", "1"]);
            var four = CliRunner.Run(["extract", .. reversed, "--format", "jsonl", "--jobs", "4"]);
            Assert.Equal((0, 0), (one.ExitCode, four.ExitCode));
            Assert.Equal(one.Output, four.Output);
            Assert.Equal(["f7.txt", "f6.txt", "f5.txt", "f4.txt", "f3.txt", "f2.txt", "f1.txt", "f0.txt"], Ids(four.Output).Select(id => id[..id.IndexOf('#', StringComparison.Ordinal)]).Distinct());
            var table = CliRunner.Run(["extract", .. reversed, "--jobs", "4"]);
            Assert.EndsWith($"{Ids(four.Output).Count} events\n", table.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Ids(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];

    [Fact]
    public void RejectsABadDate()
    {
        var result = CliRunner.Run("extract", "x.txt", "--dct", "10/10/2023");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dyad: --dct: '10/10/2023' is not a date (YYYY-MM-DD)\n", result.Error);
    }

    [Fact]
    public void EvalEventsPrintsScores()
    {
        var result = CliRunner.Run("eval", "events");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("events: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("root + source/target countries  P 0.", result.Output, StringComparison.Ordinal);
    }
}
