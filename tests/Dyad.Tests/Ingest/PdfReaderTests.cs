using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Ingest.Pdf;

namespace Dyad.Tests.Ingest;

public sealed class PdfReaderTests
{
    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_sample_brief_as_a_pdf_reads_back_to_the_text_version()
    {
        string path = TestPaths.Samples("iran-saudi-brief.txt");
        var fromText = DocumentLoader.Default.ReadFile(path).Document!;
        byte[] pdf = SamplePdf.FromText(File.ReadAllText(path));
        var result = DocumentLoader.Default.Read("iran-saudi-brief.pdf", pdf);
        var fromPdf = result.Document ?? throw new Xunit.Sdk.XunitException(result.Error);

        Assert.Equal(DocumentFormat.Pdf, fromPdf.Format);
        Assert.Equal(Squeeze(fromText.Text), Squeeze(fromPdf.Text));
        Assert.Equal(fromText.Citations.Select(c => c with { Text = Squeeze(c.Text) }), fromPdf.Citations.Select(c => c with { Text = Squeeze(c.Text) }));
        Assert.Equal(fromText.Metadata with { Authors = [] }, fromPdf.Metadata with { Authors = [] });
        Assert.Equal(fromText.Metadata.Authors.ToArray(), fromPdf.Metadata.Authors.ToArray());
        Assert.Equal(["Samira Okafor-Lindqvist"], fromPdf.Metadata.Authors.ToArray());
        Assert.Equal(16, fromPdf.Citations.Length);
        Assert.Equal(fromText.Sentences.Select(s => string.Join(",", s.Citations)), fromPdf.Sentences.Select(s => string.Join(",", s.Citations)));
    }

    [Theory]
    [InlineData("2023-03-10-beijing-agreement.txt")]
    [InlineData("2019-09-16-abqaiq-attack.txt")]
    public void A_two_column_news_report_reads_left_column_first(string name)
    {
        string path = TestPaths.Samples("news", name);
        var fromText = DocumentLoader.Default.ReadFile(path).Document!;
        byte[] pdf = SamplePdf.FromText(File.ReadAllText(path), columns: 2);
        using (var check = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            // The layout really fills the right column of the first page.
            Assert.Contains(check.GetPage(1).Letters, l => l.StartBaseLine.X > 320 && l.StartBaseLine.Y > 400);
        }
        var result = DocumentLoader.Default.Read(Path.ChangeExtension(name, ".pdf"), pdf);
        var fromPdf = result.Document ?? throw new Xunit.Sdk.XunitException(result.Error);
        Assert.Equal(Squeeze(fromText.Text), Squeeze(fromPdf.Text));
    }

    // Each case: bytes named .pdf and the one-line problem the loader reports.
    public static TheoryData<byte[], string> BadPdfs => new()
    {
        { "%PDF-1.7\n"u8.ToArray(), "is not a readable PDF" },
        { "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"u8.ToArray(), "is not a readable PDF" },
        { "not a pdf at all, but named like one"u8.ToArray(), "is not a readable PDF" },
    };

    [Theory]
    [MemberData(nameof(BadPdfs))]
    public void A_damaged_pdf_is_a_clear_error(byte[] bytes, string problem)
    {
        var result = DocumentLoader.Default.Read("bad.pdf", bytes);
        Assert.Null(result.Document);
        Assert.StartsWith(problem, result.Error, StringComparison.Ordinal);
    }
}
