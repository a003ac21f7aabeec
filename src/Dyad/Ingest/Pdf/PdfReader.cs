using System.Text;
using System.Text.RegularExpressions;
using Dyad.Documents;
using UglyToad.PdfPig;

namespace Dyad.Ingest.Pdf;

/// <summary>
/// Reads a PDF: lines in reading order across columns (<see cref="PdfLayout"/>); running headers and
/// footers (lines repeated at the top or foot of most pages) and page numbers dropped; lines joined
/// into paragraphs by spacing, size and page breaks, with words hyphenated at line ends repaired;
/// footnotes (lines in smaller type below the body at the foot of a page, each opening with its
/// marker) moved out of the body. The result is laid out as text — body paragraphs, superscript
/// markers, then the notes — and read by <see cref="PlainTextReader"/>, so front matter, notes,
/// endnote sections and marker linking work exactly as for a text file.
/// </summary>
public static partial class PdfReader
{
    public sealed record Limits(int MaxPages = 2000, int MaxLettersPerPage = 200_000, long MaxDecodedStreamBytes = 100L * 1024 * 1024);

    public static Limits DefaultLimits { get; } = new();

    [GeneratedRegex(@"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?<n>\d{1,3})\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNoteNumber();

    [GeneratedRegex(@"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+", RegexOptions.CultureInvariant)]
    private static partial Regex SuperscriptStart();

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Reads a PDF's bytes; failures (not a PDF, damaged, encrypted, a stream that inflates past the limit) are values.</summary>
    public static ReadResult Read(string name, byte[] bytes, string source, Limits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= DefaultLimits;
        string text;
        try
        {
            var options = new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = new LimitedFilterProvider(limits.MaxDecodedStreamBytes),
            };
            using var pdf = PdfDocument.Open(bytes, options);
            if (pdf.NumberOfPages > limits.MaxPages) return ReadResult.Failure(source, $"has {pdf.NumberOfPages} pages, more than the {limits.MaxPages} limit");
            var pages = new List<(List<PdfLine> Lines, double Height)>();
            for (int p = 1; p <= pdf.NumberOfPages; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = pdf.GetPage(p);
                pages.Add((PdfLayout.Lines(page, p, limits.MaxLettersPerPage), page.Height));
            }
            text = Render(pages);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (StreamTooLargeException ex)
        {
            return ReadResult.Failure(source, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
        {
            // The PDF parser reports damaged files with many exception types; each is a bad file, not a bug of ours.
            return ReadResult.Failure(source, $"is not a readable PDF ({FirstLine(ex.Message)})");
        }
        if (string.IsNullOrWhiteSpace(text)) return ReadResult.Failure(source, "holds no text (a scanned PDF needs OCR first)");
        var document = PlainTextReader.Read(name, text) with { Format = DocumentFormat.Pdf };
        if (document.Text.Length == 0) return ReadResult.Failure(source, "holds no body text");
        return ReadResult.Success(source, document);
    }

    private static string FirstLine(string message)
    {
        string line = message.Split('\n')[0].Trim();
        return line.Length > 120 ? line[..120] + "..." : line;
    }

    /// <summary>The PDF laid out as text: body paragraphs, then the footnotes, each opening with its superscript marker.</summary>
    internal static string Render(List<(List<PdfLine> Lines, double Height)> pages)
    {
        var all = pages.SelectMany(p => p.Lines).ToList();
        if (all.Count == 0) return "";
        double bodySize = all.GroupBy(l => Math.Round(l.Size, 1)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        var furniture = RepeatedFurniture(pages);

        var body = new List<PdfLine>();
        var notes = new List<string>();
        foreach (var (lines, height) in pages)
        {
            var kept = lines.Where(l => !PageNumber().IsMatch(l.Text) && !(IsEdge(l, height) && furniture.Contains(Key(l.Text)))).ToList();
            double lowestBody = kept.Where(l => l.Size >= bodySize * 0.95).Select(l => l.Baseline).DefaultIfEmpty(double.MinValue).Min();
            foreach (var line in kept)
            {
                if (line.Size < bodySize * 0.9 && line.Baseline < lowestBody) AddNoteLine(notes, line);
                else body.Add(line);
            }
        }

        var text = new StringBuilder();
        var paragraph = new StringBuilder();
        double spacing = LineSpacing(body, bodySize);
        PdfLine? previous = null;
        foreach (var line in body)
        {
            if (previous is not null && StartsParagraph(previous, line, spacing, body))
            {
                Flush();
            }
            Join(paragraph, line.Text);
            previous = line;
        }
        Flush();
        if (notes.Count > 0)
        {
            text.Append("\n\n");
            foreach (string note in notes) text.Append(note).Append("\n\n");
        }
        return text.ToString().TrimEnd() + "\n";

        void Flush()
        {
            if (paragraph.Length == 0) return;
            if (text.Length > 0) text.Append("\n\n");
            text.Append(paragraph);
            paragraph.Clear();
        }
    }

    private static void AddNoteLine(List<string> notes, PdfLine line)
    {
        string text = line.Text;
        var plain = PlainNoteNumber().Match(text);
        if (SuperscriptStart().IsMatch(text) || line.StartsWithRaisedDigits)
        {
            notes.Add(text);
            return;
        }
        if (plain.Success && (notes.Count == 0 || NoteNumber(notes[^1]) + 1 == int.Parse(plain.Groups["n"].ValueSpan, provider: null)))
        {
            string marker = string.Concat(plain.Groups["n"].Value.Select(c => Superscripts[c - '0']));
            notes.Add(marker + " " + text[plain.Length..]);
            return;
        }
        if (notes.Count == 0)
        {
            // Small type below the body that opens with no marker: a caption or a credit line, not a note.
            return;
        }
        var last = new StringBuilder(notes[^1]);
        Join(last, text);
        notes[^1] = last.ToString();
    }

    private static int NoteNumber(string note)
    {
        var sup = SuperscriptStart().Match(note);
        return sup.Success ? int.Parse(MarkerScanner.FromSuperscript(sup.Value), provider: null) : -1;
    }

    /// <summary>Appends a line to a paragraph, repairing a word hyphenated across the line end.</summary>
    private static void Join(StringBuilder paragraph, string line)
    {
        if (paragraph.Length == 0)
        {
            paragraph.Append(line);
            return;
        }
        bool hyphenated = paragraph.Length >= 2 && paragraph[^1] == '-' && char.IsLetter(paragraph[^2]) && line.Length > 0 && char.IsLower(line[0]);
        if (hyphenated) paragraph.Length--;
        else paragraph.Append(' ');
        paragraph.Append(line);
    }

    private static bool StartsParagraph(PdfLine previous, PdfLine line, double spacing, List<PdfLine> body)
    {
        if (Math.Abs(previous.Size - line.Size) > 0.6) return true;
        bool sameFlow = previous.Page == line.Page && line.Baseline < previous.Baseline && Math.Abs(line.Left - previous.Left) < previous.Width + 5;
        if (sameFlow && previous.Baseline - line.Baseline <= Math.Max(spacing * 1.3, line.Size * 1.5) + 0.5) return false;
        if (sameFlow) return true;
        // A page or column break: the paragraph goes on unless the line before it ended one.
        char last = previous.Text[^1];
        bool closed = last is '.' or '!' or '?' or '"' or '”' or ':' || Superscripts.Contains(last);
        double fullWidth = body.Where(l => l.Page == previous.Page && Math.Abs(l.Left - previous.Left) < 5).Select(l => l.Width).DefaultIfEmpty(previous.Width).Max();
        return closed || previous.Width < fullWidth * 0.85;
    }

    private static double LineSpacing(List<PdfLine> body, double bodySize)
    {
        var gaps = new List<double>();
        for (int i = 1; i < body.Count; i++)
        {
            var (a, b) = (body[i - 1], body[i]);
            if (a.Page == b.Page && Math.Abs(a.Size - bodySize) < 0.6 && Math.Abs(b.Size - bodySize) < 0.6 && a.Baseline > b.Baseline) gaps.Add(Math.Round(a.Baseline - b.Baseline, 1));
        }
        return gaps.Count == 0 ? bodySize * 1.2 : gaps.GroupBy(g => g).MaxBy(g => g.Count())!.Key;
    }

    private static bool IsEdge(PdfLine line, double height) => line.Baseline > height * 0.88 || line.Baseline < height * 0.12;

    private static string Key(string text) => Regex.Replace(text, @"\d+", "#");

    /// <summary>Texts (digits masked) that stand at the top or foot of at least half the pages, two at least.</summary>
    private static HashSet<string> RepeatedFurniture(List<(List<PdfLine> Lines, double Height)> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (lines, height) in pages)
        {
            foreach (string key in lines.Where(l => IsEdge(l, height)).Select(l => Key(l.Text)).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        int needed = Math.Max(2, (pages.Count + 1) / 2);
        return counts.Where(kv => kv.Value >= needed).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }
}
