using System.Text;
using System.Text.Json;

namespace Dyad.Tests.Cli;

public sealed class ReadCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dyad-read-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    // Each case: a file name, its content, and the one-line problem the command must report.
    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "file is empty" },
        { "blank.txt", Encoding.UTF8.GetBytes("\n\n   \n"), "file holds no text (only whitespace)" },
        { "image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "file is binary (PNG image), not a text document" },
        { "latin1.txt", [0x53, 0xE3, 0x6F, 0x20, 0x50, 0x61, 0x75, 0x6C, 0x6F], "invalid UTF-8 at byte 1 (0xE3); save the file as UTF-8 or UTF-16" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_input_gets_one_line_naming_the_file_and_a_non_zero_exit(string name, byte[] content, string problem)
    {
        string path = Write(name, content);
        var result = CliRunner.Run("read", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {path}: {problem}\n", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void A_directory_and_a_missing_path_are_reported()
    {
        string missing = Path.Combine(_dir, "nope.txt");
        var result = CliRunner.Run("read", _dir, missing);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {_dir}: is a directory, not a file\ndyad: {missing}: no such file\n", result.Error);
    }

    [Fact]
    public void A_200_MB_file_is_refused_before_it_is_read()
    {
        string path = Path.Combine(_dir, "huge.txt");
        using (var stream = File.Create(path)) stream.SetLength(200L * 1024 * 1024);
        var result = CliRunner.Run("read", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"dyad: {path}: file is 200 MB, larger than the 64 MB limit for one document\n", result.Error);
    }

    [Fact]
    public void Good_files_still_print_when_another_fails()
    {
        string good = Write("note.txt", Encoding.UTF8.GetBytes("Seoul and Tokyo agreed to resume talks on Monday. The talks were brief."));
        string bad = Write("bad.txt", []);
        var result = CliRunner.Run("read", bad, good, "--format", "jsonl");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("note.txt", json.RootElement.GetProperty("doc").GetString());
    }

    [Fact]
    public void Jsonl_is_the_document_record()
    {
        var result = CliRunner.Run("read", TestPaths.Data("read", "brief.txt"), "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(TestPaths.Data("read", "brief.expected.jsonl")), result.Output);
    }

    [Fact]
    public void Table_summarises_the_document_and_lists_citations()
    {
        var result = CliRunner.Run("read", TestPaths.Samples("iran-saudi-brief.txt"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("│ title     │ Iran-Saudi Arabia Relations: From Rupture to the Beijing Accord", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ citations │ 16", result.Output, StringComparison.Ordinal);
        Assert.Contains("Harbour Street Journal", result.Output, StringComparison.Ordinal);
    }
}
