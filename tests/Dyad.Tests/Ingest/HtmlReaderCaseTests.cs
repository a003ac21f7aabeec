using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

/// <summary>
/// Hand-written pages, one per failure class of real web pages (tests/Dyad.Tests/data/html-cases/,
/// described in its README): each must read to exactly its reference text, and each date case
/// (published.tsv) to its publication date.
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

    /// <summary>The case pages about publication dates (published.tsv): each page and the date it must read to, or null.</summary>
    public static TheoryData<string, string> DateCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (string line in File.ReadLines(TestPaths.Data("html-cases", "published.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] cells = line.Split('\t');
            cases.Add(cells[0], cells[1]);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(DateCases))]
    public void Date_case_page_reads_to_its_publication_date(string name, string expected)
    {
        Assert.True(File.Exists(TestPaths.Data("html-cases", name + ".html")), $"{name}.html is missing");
        var read = DocumentLoader.Default.ReadFile(TestPaths.Data("html-cases", name + ".html"));
        Assert.True(read.Document is not null, read.Error);
        Assert.Equal(expected, read.Document.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none");
    }

    [Fact]
    public void Every_date_case_page_has_its_date_listed()
    {
        var listed = DateCases().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        foreach (string name in Names().Where(n => n.StartsWith("date-", StringComparison.Ordinal))) Assert.Contains(name, listed);
    }

    [Fact]
    public void Every_case_is_described_in_the_readme()
    {
        string readme = File.ReadAllText(TestPaths.Data("html-cases", "README.md"));
        foreach (string name in Names()) Assert.Contains($"`{name}`", readme, StringComparison.Ordinal);
    }
}
