using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

/// <summary>
/// Hand-written pages, one per failure class of real web pages (tests/Dyad.Tests/data/html-cases/,
/// described in its README): each must read to exactly its reference text.
/// </summary>
public sealed class HtmlReaderCaseTests
{
    private static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(TestPaths.Data("html-cases"), "*.html").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Cases() => new(Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_page_reads_to_its_reference_text(string name)
    {
        var read = DocumentLoader.Default.ReadFile(TestPaths.Data("html-cases", name + ".html"));
        Assert.True(read.Document is not null, read.Error);
        string expected = File.ReadAllText(TestPaths.Data("html-cases", name + ".txt")).TrimEnd('\n');
        Assert.Equal(expected, read.Document.Text);
    }

    [Fact]
    public void Every_case_is_described_in_the_readme()
    {
        string readme = File.ReadAllText(TestPaths.Data("html-cases", "README.md"));
        foreach (string name in Names()) Assert.Contains($"`{name}`", readme, StringComparison.Ordinal);
    }
}
