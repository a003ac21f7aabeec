using Dyad.Documents;
using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

/// <summary>The seed brief (read from ../shared at test time): metadata, a clean body and all 32 footnotes.</summary>
public sealed class SeedBriefReadTests
{
    private static readonly Lazy<Document> Seed = new(() =>
        DocumentLoader.Default.ReadFile(TestPaths.SeedBrief).Document ?? throw new InvalidOperationException("seed brief did not read"));

    [Fact]
    public void Reads_the_front_matter()
    {
        var meta = Seed.Value.Metadata;
        Assert.Equal("North Korea-Russia Relations: Post Putin-Kim Summit", meta.Title);
        Assert.Equal(["Muhammad Taimur Fahad Khan"], meta.Authors.ToArray());
        Assert.Equal("Centre for Strategic Perspectives (CSP), ISSI", meta.Publisher);
        Assert.Equal(new DateOnly(2023, 10, 10), meta.Published);
        Assert.Equal("en", meta.Language);
    }

    [Fact]
    public void Body_has_no_front_matter_and_no_footnote_blocks()
    {
        string text = Seed.Value.Text;
        Assert.StartsWith("One of the most prominent", text, StringComparison.Ordinal);
        Assert.DoesNotContain("published on", text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Research Associate", text, StringComparison.Ordinal);
        // A paragraph split by a page break is rejoined into one sentence.
        Assert.Contains(Seed.Value.Sentences, s => s.Span.Slice(text).Contains("several contractual obligations", StringComparison.Ordinal));
    }

    // Each footnote: marker, outlet, date as ISO-8601 (the published, updated or accessed date the note gives).
    public static TheoryData<string, string, string> Footnotes => new()
    {
        { "1", "Reuters", "2023-07-26" },
        { "2", "Aljazeera", "2023-07-27" },
        { "3", "TASS Russian News Agency", "2023-09-22" },
        { "4", "Britannica", "2023-09-14" },          // "updated on"
        { "5", "Imperial War Museums", "2023-09-20" }, // "accessed", the only date given
        { "6", "TIME magazine", "2023-09-14" },
        { "7", "Reuters", "2012-09-18" },              // URL on the next line
        { "8", "The Guardian", "2023-09-13" },
        { "9", "Los Angeles Times", "2022-07-14" },
        { "10", "Reuters", "2022-05-27" },
        { "11", "NPR", "2023-08-30" },
        { "12", "Reuters", "2022-10-19" },             // URL in a paragraph of its own
        { "13", "Reuters", "2022-12-23" },
        { "14", "Reuters", "2023-08-16" },
        { "15", "Reuters", "2023-09-15" },
        { "16", "The Guardian", "2023-09-06" },
        { "17", "CNN", "2023-09-20" },
        { "18", "Voice of America - VOA", "2023-09-21" },
        { "19", "TASS Russian News Agency", "2023-09-22" },
        { "20", "TASS Russian News Agency", "2023-09-19" },
        { "21", "The Japan Times", "2023-09-13" },
        { "22", "Aljazeera", "2023-09-13" },
        { "23", "TASS Russian News Agency", "2023-09-13" },
        { "24", "Reuters", "2023-09-13" },
        { "25", "TASS Russian News Agency", "2023-09-18" },
        { "26", "TASS Russian News Agency", "2023-09-17" },
        { "27", "TASS Russian News Agency", "2023-09-17" },
        { "28", "Aljazeera", "2023-09-14" },
        { "29", "TASS Russian News Agency", "2023-09-26" },
        { "30", "TASS Russian News Agency", "2023-09-17" },
        { "31", "TASS Russian News Agency", "2023-09-22" },
        { "32", "Reuters", "2023-09-13" },
    };

    [Theory]
    [MemberData(nameof(Footnotes))]
    public void Every_footnote_is_a_citation_with_outlet_date_and_url(string marker, string outlet, string date)
    {
        var citation = Seed.Value.FindCitation(marker);
        Assert.NotNull(citation);
        Assert.Equal(outlet, citation.Outlet);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), citation.Date);
        Assert.StartsWith("https://", citation.Url, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(citation.Title));
    }

    [Fact]
    public void Has_exactly_the_32_citations_in_order()
    {
        Assert.Equal(Enumerable.Range(1, 32).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Seed.Value.Citations.Select(c => c.Marker));
    }

    [Fact]
    public void The_sentence_carrying_each_marker_lists_it()
    {
        var document = Seed.Value;
        foreach (var citation in document.Citations)
        {
            var carriers = document.Sentences.Where(s => s.Citations.Contains(citation.Marker)).ToList();
            var sentence = Assert.Single(carriers);
            string superscript = string.Concat(citation.Marker.Select(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d - '0']));
            Assert.Contains(superscript, sentence.Span.Slice(document.Text), StringComparison.Ordinal);
        }
        // Footnotes 16 and 17 are carried by the same sentence.
        Assert.Contains(document.Sentences, s => s.Citations.SequenceEqual(["16", "17"]));
    }

    [Fact]
    public void Known_sentences_carry_their_footnotes()
    {
        var document = Seed.Value;
        string CarrierOf(string marker) => document.Sentences.Single(s => s.Citations.Contains(marker)).Span.Slice(document.Text);
        Assert.StartsWith("The 5-day visit was", CarrierOf("1"), StringComparison.Ordinal);
        Assert.StartsWith("Then, in 2012, Moscow", CarrierOf("7"), StringComparison.Ordinal);
        Assert.StartsWith("However, so far the Kremlin", CarrierOf("15"), StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_map_back_to_the_file()
    {
        var document = Seed.Value;
        string file = File.ReadAllText(TestPaths.SeedBrief);
        var first = document.Sentences[0].Span;
        int source = document.SourceOffsets!.ToSource(first.Start);
        Assert.Equal(first.Slice(document.Text), file.Substring(source, first.Length));
    }
}
