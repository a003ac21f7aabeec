using Dyad.Documents;
using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

/// <summary>The bundled samples cover the layouts the readers must handle: brief, Markdown, news with and without sources.</summary>
public sealed class SampleCorpusReadTests
{
    private static Document Read(params string[] path) =>
        DocumentLoader.Default.ReadFile(TestPaths.Samples(path)).Document ?? throw new InvalidOperationException("sample did not read");

    // Each case: sample file, format, title, first author, publication date.
    public static TheoryData<string, string, string, string, string> Metadata => new()
    {
        { "iran-saudi-brief.txt", "Text", "Iran-Saudi Arabia Relations: From Rupture to the Beijing Accord", "Samira Okafor-Lindqvist", "2024-02-12" },
        { "gulf-diplomacy-notes.md", "Markdown", "Gulf Diplomacy Notes: The 2023 Détente and China's Role", "Jonas Whitfield-Amari", "2023-12-20" },
        { "news/2016-01-03-saudi-arabia-cuts-ties.txt", "Text", "Saudi Arabia cuts diplomatic ties with Iran after embassy is stormed", "Karim Vossoughi", "2016-01-03" },
        { "news/2019-09-16-abqaiq-attack.txt", "Text", "Oil prices jump after attack on Saudi plants; Washington blames Iran", "Omar Qureshi", "2019-09-16" },
        { "news/2023-03-10-beijing-agreement.txt", "Text", "Iran and Saudi Arabia agree to restore ties in deal brokered by China", "Lin Haoran", "2023-03-10" },
        { "news/2023-06-17-faisal-in-tehran.txt", "Text", "Saudi foreign minister visits Tehran, invites Raisi to the kingdom", "Nasrin Talebi", "2023-06-17" },
        { "news/2023-11-11-raisi-in-riyadh.txt", "Text", "Raisi in Riyadh for Gaza summit, first Iranian presidential visit in 11 years", "Farid Anvari", "2023-11-11" },
    };

    [Theory]
    [MemberData(nameof(Metadata))]
    public void Reads_front_matter(string file, string format, string title, string author, string date)
    {
        var document = Read(file.Split('/'));
        Assert.Equal(format, document.Format.ToString());
        Assert.Equal(title, document.Metadata.Title);
        Assert.Equal(author, document.Metadata.Authors.First());
        Assert.Equal(date, document.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(title, document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_footnotes_all_become_citations_linked_to_sentences()
    {
        var document = Read("iran-saudi-brief.txt");
        Assert.Equal(Enumerable.Range(1, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), document.Citations.Select(c => c.Marker));
        Assert.All(document.Citations, c => Assert.NotNull(c.Date));
        Assert.All(document.Citations, c => Assert.Single(document.Sentences, s => s.Citations.Contains(c.Marker)));
        Assert.DoesNotContain("published on", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_footnotes_markers_and_plain_text()
    {
        var document = Read("gulf-diplomacy-notes.md");
        Assert.Equal(7, document.Citations.Length);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], document.Markers.Select(m => m.Marker).ToArray());
        Assert.All(document.Markers, m => Assert.Equal($"[^{m.Marker}]", m.Span.Slice(document.Text)));
        Assert.DoesNotContain("**", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", document.Text, StringComparison.Ordinal);
        var first = document.Citations[0];
        Assert.Equal("The Gulf Ledger", first.Outlet);
        Assert.Equal(new DateOnly(2023, 3, 10), first.Date);
        // Every body offset maps back to the same text in the file (for verbatim pieces).
        string file = File.ReadAllText(TestPaths.Samples("gulf-diplomacy-notes.md"));
        var sentence = document.Sentences[0].Span;
        Assert.Equal(document.Text.Substring(sentence.Start, 20), file.Substring(document.SourceOffsets!.ToSource(sentence.Start), 20));
    }

    [Fact]
    public void News_sources_section_becomes_citations()
    {
        var document = Read("news", "2019-09-16-abqaiq-attack.txt");
        Assert.Equal(["1", "2", "3"], document.Citations.Select(c => c.Marker).ToArray());
        Assert.All(document.Citations, c => Assert.StartsWith("https://", c.Url, StringComparison.Ordinal));
        Assert.DoesNotContain("Sources", document.Text, StringComparison.Ordinal);
        Assert.Equal(3, document.Sentences.Count(s => s.Citations.Length > 0));
    }
}
