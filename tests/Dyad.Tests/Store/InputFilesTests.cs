using Dyad.Store;

namespace Dyad.Tests.Store;

/// <summary>How folders and globs expand into files: links to folders, loops, unreadable folders (issue 18, item 1).</summary>
public sealed class InputFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dyad-inputs-" + Guid.NewGuid().ToString("N"));

    public InputFilesTests()
    {
        // root/a/report.txt, root/a/up -> root (a loop), root/shared -> root/a (a second way to the same folder).
        Directory.CreateDirectory(Path.Combine(_root, "a"));
        File.WriteAllText(Path.Combine(_root, "a", "report.txt"), "Russia met North Korea.");
        Directory.CreateSymbolicLink(Path.Combine(_root, "a", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root, "shared"), Path.Combine(_root, "a"));
    }

    [Fact]
    public void Issue18_a_folder_link_to_an_ancestor_is_not_followed_and_is_reported()
    {
        var (files, errors, skipped) = InputFiles.Expand([_root]);
        Assert.Equal([Path.Combine(_root, "a", "report.txt")], files);
        Assert.Empty(errors);
        Assert.Equal(
            [
                $"{Path.Combine(_root, "a", "up")}: link to a folder not followed (--follow-links follows it)",
                $"{Path.Combine(_root, "shared")}: link to a folder not followed (--follow-links follows it)",
            ],
            skipped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Issue18_a_double_star_glob_does_not_follow_folder_links()
    {
        var (files, _, skipped) = InputFiles.Expand([Path.Combine(_root, "**", "*.txt")]);
        Assert.Equal([Path.Combine(_root, "a", "report.txt")], files);
        Assert.Equal(2, skipped.Count);
    }

    [Fact]
    public void Issue18_followed_links_read_each_folder_once_and_end_on_a_loop()
    {
        var (files, _, skipped) = InputFiles.Expand([_root], followLinks: true);
        // The report is reached as root/a/report.txt or as root/shared/report.txt, never both and never through up/.
        var file = Assert.Single(files);
        Assert.EndsWith("report.txt", file, StringComparison.Ordinal);
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, line => Assert.EndsWith(": link to a folder already read, not followed again", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Issue18_ingest_of_a_folder_with_a_loop_stores_the_file_once()
    {
        string db = Path.Combine(_root, "..", Path.GetFileName(_root) + ".db");
        try
        {
            var result = CliRunner.Run("ingest", _root, "--db", db, "--jobs", "1");
            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("ingested 1 file: 1 added,", result.Output, StringComparison.Ordinal);
            Assert.Equal(2, result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var followed = CliRunner.Run("ingest", _root, "--follow-links", "--db", db, "--jobs", "1");
            Assert.Equal(0, followed.ExitCode);
            Assert.StartsWith("ingested 1 file: 0 added, 0 new versions, 1 unchanged,", followed.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
