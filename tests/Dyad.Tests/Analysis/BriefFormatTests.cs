extern alias OpenXml;
using Dyad.Analysis;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using W = OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Dyad.Tests.Analysis;

/// <summary>`dyad brief --out FILE.docx` and `--out FILE.pdf`: the Word document read back with the library that wrote it; PDF without Chromium.</summary>
public sealed class BriefFormatTests : IDisposable
{
    private readonly AnalysisCorpus.TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void The_docx_brief_opens_and_holds_the_headings_prose_table_chart_and_notes()
    {
        string docx = Path.Combine(_store.Dir, "brief.docx");
        var result = CliRunner.Run("brief", "IRN", "SAU", "--out", docx, "--db", _store.Path);
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Brief on IRN-SAU written to {docx}: 15 asserted events, 2 turning points.\n", result.Output);

        using var document = WordprocessingDocument.Open(docx, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<W.Paragraph>().ToList();
        string Style(W.Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        Assert.Equal("Iran–Saudi Arabia relations", paragraphs.Single(p => Style(p) == "Title").InnerText);
        Assert.Equal(["Latest developments", "Background", "Current trajectory", "Third parties", "Outlook from the sources", "Figures", "Notes"],
            paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));

        // The prose as written, the note numbers as superscript runs after each sentence.
        var cut = paragraphs.Single(p => p.InnerText.Contains("Saudi Arabia cut diplomatic relations with Iran on 3 January 2016.", StringComparison.Ordinal));
        var superscripts = cut.Descendants<W.Run>().Where(r => r.RunProperties?.VerticalTextAlignment?.Val?.Value == W.VerticalPositionValues.Superscript).Select(r => r.InnerText).ToList();
        Assert.Contains("2,3", superscripts);

        // The figures as a Word table; the chart as a PNG picture; twelve numbered notes with their URLs.
        var table = Assert.Single(body.Elements<W.Table>());
        Assert.Equal(["figure", "value"], table.Elements<W.TableRow>().First().Elements<W.TableCell>().Select(c => c.InnerText));
        Assert.Contains(table.Elements<W.TableRow>(), r => r.InnerText == "Events (asserted facts)15");
        var image = Assert.Single(document.MainDocumentPart.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using (var png = image.GetStream()) Assert.Equal(0x89, png.ReadByte());
        var notes = paragraphs.Where(p => Style(p) == "Note").Select(p => p.InnerText).ToList();
        Assert.Equal(12, notes.Count);
        Assert.Equal("2. Harbour Street Journal, “Saudi Arabia cuts diplomatic relations with Iran”, 2016-01-03. https://news.example/2016/saudi-cuts-ties", notes[1]);
        // Markup in a source's title is text in the document.
        Assert.Contains(notes, n => n.Contains("“Ministry calls Saudi move \"hasty\" & <b>reckless</b>”", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_chromium_the_pdf_brief_is_one_clear_line()
    {
        var brief = Brief.Build(AnalysisCorpus.Build().Events, DyadPair.Create("IRN", "SAU").Pair!);
        string pdf = Path.Combine(_store.Dir, "brief.pdf");
        string missing = Path.Combine(_store.Dir, "no-chromium");
        Assert.Equal($"PDF needs headless Chromium, not found at {missing} (install the chromium package or set DYAD_CHROMIUM to its path)",
            BriefPdf.Save(brief, pdf, chromium: missing));
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void The_pdf_command_says_what_is_missing_or_writes_the_pdf()
    {
        string pdf = Path.Combine(_store.Dir, "brief.pdf");
        var result = CliRunner.Run("brief", "IRN", "SAU", "--out", pdf, "--db", _store.Path);
        if (File.Exists(BriefPdf.ChromiumPath))
        {
            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("%PDF-", File.ReadAllText(pdf, System.Text.Encoding.Latin1), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"dyad: --out {pdf}: PDF needs headless Chromium, not found at {BriefPdf.ChromiumPath} (install the chromium package or set DYAD_CHROMIUM to its path)\n", result.Error);
            Assert.False(File.Exists(pdf));
        }
    }
}
