using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

/// <summary>
/// The nasty-input corpus (data/fuzz/, written by its generate.py, and crashers the fuzzer found):
/// every reader must give a document or a one-line error for each file, never throw or hang.
/// data/fuzz/expected.tsv holds the outcome of each file.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        string root = TestPaths.Data("fuzz");
        foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.Contains('/')) data.Add(relative);
        }
        return data;
    }

    /// <summary>What reading the file gives: "ok: N characters, M sentences, K citations" or "error: ...".</summary>
    internal static string Outcome(string relative)
    {
        string path = TestPaths.Data("fuzz", relative);
        var results = new SourceReader(DocumentLoader.Default).ReadAsync(path).ToBlockingEnumerable().ToList();
        return string.Join(" / ", results.Select(r => r.Document is { } d
            ? $"ok: {d.Format}, {d.Text.Length} characters, {d.Sentences.Length} sentences, {d.Citations.Length} citations"
            : $"error: {r.Error}"));
    }

    private static readonly Dictionary<string, string> Expected = File.ReadAllLines(TestPaths.Data("fuzz", "expected.tsv"))
        .Where(l => l.Length > 0).Select(l => l.Split('\t', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_nasty_input_gives_a_document_or_a_clear_error(string relative)
    {
        Assert.True(Expected.ContainsKey(relative), $"{relative} has no line in expected.tsv; its outcome is: {Outcome(relative)}");
        Assert.Equal(Expected[relative], Outcome(relative));
    }
}
