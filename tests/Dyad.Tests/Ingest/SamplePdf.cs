using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Dyad.Tests.Ingest;

/// <summary>
/// Typesets a plain-text document as a PDF the way a think tank would print it: Helvetica, a title in
/// larger type, a running header and a page number on every page, paragraphs separated by space, long
/// words hyphenated at line ends, citation markers as small raised digits, and each footnote (a block
/// opening with a superscript marker) in smaller type at the foot of the page that cites it. With
/// two columns the body runs down the left column, then the right.
/// </summary>
internal sealed class SamplePdf
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 72, Top = 770, Bottom = 60;
    private const double BodySize = 10.5, BodyLeading = 14, ParagraphGap = 8, TitleSize = 15;
    private const double NoteSize = 8, NoteLeading = 10, MarkerSize = 6, MarkerRise = 4, NoteMarkerSize = 5, NoteMarkerRise = 3;
    private const string Header = "Institute for Regional Dialogue | Policy Brief";

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _font;
    private readonly PdfPageBuilder _measure;
    private readonly Dictionary<(string, double), double> _widths = [];
    private readonly int _columns;
    private readonly double _columnWidth;

    private readonly List<Page> _pages = [];

    private sealed class Page
    {
        public List<(string Text, double Size, double X, double Y, bool Raised)> Runs { get; } = [];
        public List<List<string>> Notes { get; } = [];
        public double NotesHeight;
        public double Y = Top;
        public int Column;
    }

    private SamplePdf(int columns)
    {
        _font = _builder.AddStandard14Font(Standard14Font.Helvetica);
        // Text is measured on the first page, which is drawn on last of all: measuring draws nothing.
        _measure = _builder.AddPage(PageWidth, PageHeight);
        _columns = columns;
        _columnWidth = columns == 1 ? PageWidth - 2 * Margin : (PageWidth - 2 * Margin - 24) / 2;
    }

    public static byte[] FromText(string text, int columns = 1) => new SamplePdf(columns).Build(text);

    private byte[] Build(string text)
    {
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Trim()).Where(b => b.Length > 0).ToList();
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        var paragraphs = new List<string>();
        foreach (string block in blocks)
        {
            int marker = 0;
            while (marker < block.Length && Dyad.Text.SentenceSplitter.IsSuperscriptDigit(block[marker])) marker++;
            if (marker > 0 && marker < block.Length && block[marker] == ' ') notes[block[..marker]] = block[(marker + 1)..];
            else paragraphs.Add(block.Replace('\n', ' '));
        }
        NewPage();
        for (int i = 0; i < paragraphs.Count; i++) Paragraph(paragraphs[i], i == 0 ? TitleSize : BodySize, notes);
        foreach (var page in _pages) Draw(page);
        return DeclareWinAnsi(_builder.Build());
    }

    /// <summary>
    /// The builder declares StandardEncoding for a standard font, which has no "é" (it writes 0xE9, read
    /// back as "Ø"). The declaration becomes WinAnsiEncoding in place (both names are 17 bytes with a
    /// space, so no offset moves); WinAnsi and Standard agree on ASCII except the apostrophe, which is
    /// therefore drawn as U+2019 — StandardEncoding's code 0x27, WinAnsi's apostrophe (see <see cref="Drawable"/>).
    /// </summary>
    private static byte[] DeclareWinAnsi(byte[] pdf)
    {
        byte[] from = "/StandardEncoding"u8.ToArray(), to = "/WinAnsiEncoding "u8.ToArray();
        for (int i = pdf.AsSpan().IndexOf(from); i >= 0; i = pdf.AsSpan().IndexOf(from))
        {
            to.CopyTo(pdf, i);
        }
        return pdf;
    }

    private Page Current => _pages[^1];

    private void NewPage() => _pages.Add(new Page());

    private double Left => Margin + Current.Column * (_columnWidth + 24);

    private void Paragraph(string paragraph, double size, Dictionary<string, string> notes)
    {
        double leading = size == BodySize ? BodyLeading : size * 1.3;
        foreach (var line in Wrap(paragraph, size, _columnWidth, hyphenate: true))
        {
            var cited = Markers(line).Where(notes.ContainsKey).ToList();
            var noteLines = cited.Select(m => Wrap(m + " " + notes[m], NoteSize, PageWidth - 2 * Margin, hyphenate: false)).ToList();
            double needed = noteLines.Sum(n => n.Count * NoteLeading + 2);
            if (Current.Y - leading < Bottom + Current.NotesHeight + needed + 14)
            {
                if (Current.Column + 1 < _columns) Current.Column++;
                else NewPage();
                Current.Y = Top;
            }
            Current.Y -= leading;
            Line(line, size, Left, Current.Y, size == BodySize ? MarkerSize : size * 0.6, MarkerRise);
            foreach (var n in noteLines)
            {
                Current.Notes.Add(n);
                Current.NotesHeight += n.Count * NoteLeading + 2;
            }
        }
        Current.Y -= ParagraphGap;
    }

    private static IEnumerable<string> Markers(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (!Dyad.Text.SentenceSplitter.IsSuperscriptDigit(line[i])) continue;
            int start = i;
            while (i < line.Length && Dyad.Text.SentenceSplitter.IsSuperscriptDigit(line[i])) i++;
            yield return line[start..i];
        }
    }

    /// <summary>Splits a paragraph into lines that fit the width, hyphenating a long word that would leave a wide gap.</summary>
    private List<string> Wrap(string paragraph, double size, double width, bool hyphenate)
    {
        var lines = new List<string>();
        string current = "";
        var words = new Queue<string>(paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        while (words.Count > 0)
        {
            string word = words.Dequeue();
            string candidate = current.Length == 0 ? word : current + " " + word;
            if (Width(candidate, size) <= width)
            {
                current = candidate;
                continue;
            }
            if (hyphenate && word.Length >= 9 && word.All(char.IsLetter))
            {
                for (int cut = word.Length - 4; cut >= 4; cut--)
                {
                    string head = (current.Length == 0 ? "" : current + " ") + word[..cut] + "-";
                    if (Width(head, size) <= width)
                    {
                        lines.Add(head);
                        current = "";
                        word = word[cut..];
                        break;
                    }
                }
            }
            if (current.Length > 0) lines.Add(current);
            current = word;
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }

    private double Width(string text, double size)
    {
        double total = 0;
        foreach (var (run, raised) in Runs(text))
        {
            double runSize = raised ? MarkerSize : size;
            if (!_widths.TryGetValue((run, runSize), out double w))
            {
                var letters = _measure.MeasureText(Drawable(run), runSize, new PdfPoint(0, 0), _font);
                w = letters.Count == 0 ? 0 : letters.Max(l => l.EndBaseLine.X);
                _widths[(run, runSize)] = w;
            }
            total += w;
        }
        return total;
    }

    /// <summary>The text cut into runs of ordinary characters and of superscript digits (drawn as small raised digits).</summary>
    private static IEnumerable<(string Text, bool Raised)> Runs(string text)
    {
        int start = 0;
        for (int i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || Dyad.Text.SentenceSplitter.IsSuperscriptDigit(text[i]) != Dyad.Text.SentenceSplitter.IsSuperscriptDigit(text[start]))
            {
                string run = text[start..i];
                bool raised = Dyad.Text.SentenceSplitter.IsSuperscriptDigit(run[0]);
                yield return (raised ? Dyad.Ingest.MarkerScanner.FromSuperscript(run) : run, raised);
                start = i;
            }
        }
    }

    private static string Drawable(string run) => run.Replace('\'', '\u2019');

    private void Line(string text, double size, double x, double y, double markerSize, double rise)
    {
        foreach (var (run, raised) in Runs(text))
        {
            double runSize = raised ? markerSize : size;
            Current.Runs.Add((run, runSize, x, raised ? y + rise : y, raised));
            var letters = _measure.MeasureText(Drawable(run), runSize, new PdfPoint(0, 0), _font);
            x += letters.Count == 0 ? 0 : letters.Max(l => l.EndBaseLine.X);
        }
    }

    private void Draw(Page page)
    {
        var pdfPage = page == _pages[0] ? _measure : _builder.AddPage(PageWidth, PageHeight);
        pdfPage.AddText(Header, 8, new PdfPoint(Margin, 805), _font);
        string number = _pages.IndexOf(page) + 1 + "";
        pdfPage.AddText(number, 9, new PdfPoint(PageWidth / 2 - 3, 30), _font);
        foreach (var (text, size, x, y, _) in page.Runs) pdfPage.AddText(Drawable(text), size, new PdfPoint(x, y), _font);
        double noteY = Bottom + page.NotesHeight;
        foreach (var note in page.Notes)
        {
            foreach (string line in note)
            {
                noteY -= NoteLeading;
                double x = Margin;
                foreach (var (run, raised) in Runs(line))
                {
                    double size = raised ? NoteMarkerSize : NoteSize;
                    pdfPage.AddText(Drawable(run), size, new PdfPoint(x, raised ? noteY + NoteMarkerRise : noteY), _font);
                    var letters = _measure.MeasureText(Drawable(run), size, new PdfPoint(0, 0), _font);
                    x += letters.Count == 0 ? 0 : letters.Max(l => l.EndBaseLine.X);
                }
            }
            noteY -= 2;
        }
    }
}
