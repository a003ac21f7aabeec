using System.Globalization;
using System.Text;

namespace Dyad.Analysis;

/// <summary>
/// A brief as Markdown (CommonMark with footnotes): the chart is a separate SVG file that the page links to.
/// Every piece of text from the documents is escaped, so it reads as written and never as markup.
/// </summary>
public static class BriefMarkdown
{
    /// <summary>The brief's Markdown; <paramref name="chartFile"/> is the chart's file name relative to the page, or null for none.</summary>
    public static string Render(Brief brief, string? chartFile, BriefWriting? writing = null)
    {
        var layout = BriefLayout.Lay(brief, writing);
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(layout.Title)).Append("\n\n");
        sb.Append(Escape(layout.Subtitle)).Append("\n\n");
        foreach (var section in layout.Sections)
        {
            sb.Append("## ").Append(Escape(section.Heading)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        sb.Append(Runs(p.Runs)).Append("\n\n");
                        break;
                    case ProseBlock prose:
                        sb.Append(Runs(prose.Runs)).Append("\n\n");
                        break;
                    case ListBlock list:
                        for (int i = 0; i < list.Items.Length; i++)
                        {
                            sb.Append(list.Ordered ? $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. " : "- ").Append(Runs(list.Items[i])).Append('\n');
                        }
                        sb.Append('\n');
                        break;
                    case TableBlock table:
                        sb.Append("| ").Append(string.Join(" | ", table.Header.Select(Escape))).Append(" |\n");
                        sb.Append('|').Append(string.Join("|", table.Numeric.Select(n => n ? "---:" : "---"))).Append("|\n");
                        foreach (var row in table.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
                        sb.Append('\n');
                        break;
                    case ChartBlock chart:
                        if (chartFile is not null) sb.Append("![").Append(Escape(chart.Caption)).Append("](").Append(Uri.EscapeDataString(chartFile)).Append(")\n\n");
                        sb.Append('*').Append(Escape(chart.Caption)).Append("*\n\n");
                        break;
                }
            }
        }
        if (layout.Notes.Count > 0)
        {
            sb.Append("## Notes\n\n");
            foreach (var note in layout.Notes) sb.Append("[^").Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append("]: ").Append(Note(note)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Runs(IEnumerable<Run> runs)
    {
        var sb = new StringBuilder();
        foreach (var run in runs)
        {
            switch (run)
            {
                case TextRun t: sb.Append(Escape(t.Text)); break;
                case StrongRun s: sb.Append("**").Append(Escape(s.Text)).Append("**"); break;
                case NoteRefs r: foreach (int n in r.Numbers) sb.Append("[^").Append(n.ToString(CultureInfo.InvariantCulture)).Append(']'); break;
            }
        }
        return sb.ToString();
    }

    private static string Note(Footnote note)
    {
        if (note.Document is not null) return note.Describe(Escape);
        string text = note.Describe(Escape);
        if (note.Url is { } url) text += BriefHtml.IsWebUrl(url) ? $" <{url.Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)}>" : $" {Escape(url)}";
        return text;
    }

    /// <summary>Backslash-escapes the characters that Markdown could read as markup or HTML.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '#' or '!' or '~') sb.Append('\\');
            if (c is '\n' or '\r') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
