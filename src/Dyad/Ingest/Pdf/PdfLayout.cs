using System.Text;
using UglyToad.PdfPig.Content;

namespace Dyad.Ingest.Pdf;

/// <summary>One line of text on a page: its glyphs' text with superscript digits as Unicode superscripts.</summary>
internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size, int Page, bool StartsWithRaisedDigits)
{
    public double Width => Right - Left;
}

/// <summary>
/// Turns a page's glyphs into lines in reading order: glyphs are grouped by baseline, split where a
/// wide horizontal gap (a column gutter) opens, small raised digits are attached to the line below
/// them as superscript markers, and two-column stretches are read left column first.
/// </summary>
internal static class PdfLayout
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private sealed class Segment
    {
        public List<Letter> Letters { get; } = [];
        public double Baseline;
        public double Size;
        public double Left => Letters.Min(l => l.StartBaseLine.X);
        public double Right => Letters.Max(l => Math.Max(l.EndBaseLine.X, l.StartBaseLine.X + l.Width));
    }

    public static List<PdfLine> Lines(Page page, int pageNumber, int maxLetters)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.PointSize > 0.5 && double.IsFinite(l.StartBaseLine.X) && double.IsFinite(l.StartBaseLine.Y))
            .Take(maxLetters).ToList();
        if (letters.Count == 0) return [];

        // Group by baseline (rounded to half a point), top of the page first.
        var byBaseline = letters.GroupBy(l => Math.Round(l.StartBaseLine.Y * 2) / 2).OrderByDescending(g => g.Key).ToList();
        var segments = new List<Segment>();
        foreach (var group in byBaseline)
        {
            var sorted = group.OrderBy(l => l.StartBaseLine.X).ToList();
            Segment? current = null;
            double lastRight = double.MinValue;
            foreach (var letter in sorted)
            {
                double size = letter.PointSize;
                if (current is null || letter.StartBaseLine.X - lastRight > Math.Max(2.0 * size, 12))
                {
                    current = new Segment { Baseline = group.Key };
                    segments.Add(current);
                }
                current.Letters.Add(letter);
                lastRight = Math.Max(lastRight, letter.StartBaseLine.X + letter.Width);
            }
        }
        foreach (var s in segments) s.Size = s.Letters.GroupBy(l => Math.Round(l.PointSize, 1)).MaxBy(g => g.Count())!.Key;

        // Small raised segments (superscript markers) join the segment just below that they touch.
        var merged = new List<Segment>();
        foreach (var s in segments)
        {
            var host = segments.Where(t => t != s && t.Size > s.Size * 1.15 && t.Baseline < s.Baseline && s.Baseline - t.Baseline < t.Size * 0.7 &&
                                           s.Left >= t.Left - t.Size && s.Left <= t.Right + t.Size)
                .OrderBy(t => s.Baseline - t.Baseline).FirstOrDefault();
            if (host is not null) host.Letters.AddRange(s.Letters);
            else merged.Add(s);
        }

        var lines = merged.Select(s => ToLine(s, pageNumber)).Where(l => l.Text.Length > 0).ToList();
        return ReadingOrder(lines, page.Width);
    }

    private static PdfLine ToLine(Segment s, int pageNumber)
    {
        var ordered = s.Letters.OrderBy(l => l.StartBaseLine.X).ToList();
        var text = new StringBuilder();
        double lastRight = double.NaN;
        bool startsRaised = false;
        for (int i = 0; i < ordered.Count; i++)
        {
            var letter = ordered[i];
            bool raised = letter.PointSize < s.Size * 0.87 && letter.StartBaseLine.Y > s.Baseline + s.Size * 0.15;
            if (!double.IsNaN(lastRight) && letter.StartBaseLine.X - lastRight > letter.PointSize * 0.15 && !raised) text.Append(' ');
            foreach (char c in letter.Value)
            {
                if (raised && char.IsAsciiDigit(c)) text.Append(Superscripts[c - '0']);
                else if (!raised || !char.IsWhiteSpace(c)) text.Append(c);
            }
            if (i == 0) startsRaised = raised && letter.Value.All(char.IsAsciiDigit);
            lastRight = letter.StartBaseLine.X + letter.Width;
        }
        return new PdfLine(text.ToString().Trim(), s.Left, s.Right, s.Baseline, s.Size, pageNumber, startsRaised);
    }

    /// <summary>
    /// Orders lines top to bottom, except where the page runs in two columns: lines entirely left of
    /// the middle are read before lines entirely right of it, within each stretch between lines
    /// that span the middle.
    /// </summary>
    private static List<PdfLine> ReadingOrder(List<PdfLine> lines, double pageWidth)
    {
        double middle = pageWidth / 2;
        var ordered = new List<PdfLine>();
        var left = new List<PdfLine>();
        var right = new List<PdfLine>();
        bool columns = lines.Count(l => l.Right <= middle + 2) >= 3 && lines.Count(l => l.Left >= middle - 2) >= 3;
        foreach (var line in lines.OrderByDescending(l => l.Baseline).ThenBy(l => l.Left))
        {
            bool inLeft = line.Right <= middle + 2;
            bool inRight = line.Left >= middle - 2;
            if (columns && inLeft) left.Add(line);
            else if (columns && inRight) right.Add(line);
            else
            {
                ordered.AddRange(left);
                ordered.AddRange(right);
                left.Clear();
                right.Clear();
                ordered.Add(line);
            }
        }
        ordered.AddRange(left);
        ordered.AddRange(right);
        return ordered;
    }
}
