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
