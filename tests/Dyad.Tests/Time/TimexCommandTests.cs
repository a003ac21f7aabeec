namespace Dyad.Tests.Time;

public sealed class TimexCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"dyad-timex-{Guid.NewGuid():N}");

    public TimexCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Jsonl_prints_one_time_expression_record_per_line()
    {
        string path = Write("brief.txt", "It lasted a month.\nA delegation came in late July 2023 and left.");
        var result = CliRunner.Run("timex", path, "--dct", "2023-10-10", "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            "{\"start\":10,\"end\":17,\"text\":\"a month\",\"type\":\"DURATION\",\"value\":\"P1M\",\"mod\":null,\"interval\":null}\n"
            + "{\"start\":40,\"end\":54,\"text\":\"late July 2023\",\"type\":\"DATE\",\"value\":\"2023-07\",\"mod\":\"END\",\"interval\":{\"start\":\"2023-07-21\",\"end\":\"2023-07-31\"}}\n",
            result.Output);
    }

    [Fact]
    public void Jsonl_is_the_default_format_and_offsets_count_utf16_units_as_read()
    {
        string path = Write("accents.txt", "Réunion – 5 May 2023.");
        var result = CliRunner.Run("timex", path, "--dct", "2023-10-10");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"start\":10,\"end\":20,\"text\":\"5 May 2023\",\"type\":\"DATE\",\"value\":\"2023-05-05\",\"mod\":null,\"interval\":{\"start\":\"2023-05-05\",\"end\":\"2023-05-05\"}}\n", result.Output);
    }

    [Fact]
    public void Table_lists_the_expressions()
    {
        string path = Write("table.txt", "In 1961 a pact was signed.");
        var result = CliRunner.Run("timex", path, "--dct", "2023-10-10", "--format", "table");
        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(result.Output.Split('\n'), line => line.Contains("1961", StringComparison.Ordinal) && line.Contains("DATE", StringComparison.Ordinal));
        Assert.Equal(["3", "7", "1961", "DATE", "1961", "", "1961-01-01..1961-12-31"], row.Split('│', StringSplitOptions.TrimEntries)[1..^1]);
    }

    [Theory]
    // not a date at all
    [InlineData("yesterday")]
    // the wrong order
    [InlineData("10-10-2023")]
    // a day that does not exist
    [InlineData("2023-02-30")]
    public void A_malformed_dct_is_a_one_line_error(string dct)
    {
        string path = Write("ok.txt", "In 1961 a pact was signed.");
        var result = CliRunner.Run("timex", path, "--dct", dct);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal($"dyad: --dct {dct}: not a calendar date in the form YYYY-MM-DD\n", result.Error);
    }

    [Fact]
    public void A_missing_file_is_a_one_line_error_naming_it()
    {
        string path = Path.Combine(folder, "absent.txt");
        var result = CliRunner.Run("timex", path, "--dct", "2023-10-10");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {path}: no such file\n", result.Error);
    }

    [Fact]
    public void An_empty_file_is_a_one_line_error_naming_it()
    {
        string path = Write("empty.txt", []);
        var result = CliRunner.Run("timex", path, "--dct", "2023-10-10");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {path}: empty file\n", result.Error);
    }

    [Fact]
    public void A_binary_file_is_a_one_line_error_naming_it()
    {
        string path = Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        var result = CliRunner.Run("timex", path, "--dct", "2023-10-10");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {path}: binary file, not text\n", result.Error);
    }

    [Fact]
    public void Eval_timex_prints_the_scores_table()
    {
        var result = CliRunner.Run("eval", "timex", "--data", Path.Combine(TestPaths.Reference, "tempeval3-tbaq", "AQUAINT"));
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains("73 documents", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("│ strict extent ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ relaxed extent ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ type ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ value ", StringComparison.Ordinal));
    }

    [Fact]
    public void Eval_timex_on_a_missing_folder_is_a_one_line_error()
    {
        string path = Path.Combine(folder, "nothing-here");
        var result = CliRunner.Run("eval", "timex", "--data", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {path}: no such folder\n", result.Error);
    }
}
