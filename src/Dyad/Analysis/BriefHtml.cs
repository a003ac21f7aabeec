using System.Globalization;
using System.Text;

namespace Dyad.Analysis;

/// <summary>
/// A brief as one self-contained HTML file: inline CSS, the chart as inline SVG, no script and no external
/// request (a Content-Security-Policy says so to the browser too), and a print style. Every piece of text is
/// HTML-escaped; links are made only of http(s) URLs.
/// </summary>
public static class BriefHtml
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Serif", Georgia, serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.5; }
        main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
        .subtitle { color: #555; margin-top: 0; }
        table { border-collapse: collapse; margin: .5rem 0; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; }
        figure svg { display: block; max-width: 100%; height: auto; }
        figcaption { color: #555; font-size: .9rem; }
        li { margin: .35rem 0; }
        sup a { text-decoration: none; }
        .notes li { font-size: .9rem; word-break: break-word; }
        a { color: #1c4f8c; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure, tr, li { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          .notes a::after { content: ""; }
        }
        """;

    /// <summary>The brief's page, written as <paramref name="writing"/> says (default: about 1,500 words, every section).</summary>
    public static string Render(Brief brief, BriefWriting? writing = null)
    {
        var layout = BriefLayout.Lay(brief, writing);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(Escape(layout.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>").Append(Escape(layout.Title)).Append("</h1>\n");
        sb.Append("<p class=\"subtitle\">").Append(Escape(layout.Subtitle)).Append("</p>\n");
        foreach (var section in layout.Sections)
        {
            sb.Append("<section id=\"").Append(section.Id).Append("\">\n<h2>").Append(Escape(section.Heading)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        sb.Append("<p>").Append(Runs(p.Runs)).Append("</p>\n");
                        break;
                    case ProseBlock prose:
                        sb.Append("<p>").Append(Runs(prose.Runs)).Append("</p>\n");
                        break;
                    case ListBlock list:
                        string tag = list.Ordered ? "ol" : "ul";
                        sb.Append('<').Append(tag).Append(">\n");
                        foreach (var item in list.Items) sb.Append("<li>").Append(Runs(item)).Append("</li>\n");
                        sb.Append("</").Append(tag).Append(">\n");
                        break;
                    case TableBlock table:
                        sb.Append("<table>\n<thead><tr>");
                        for (int i = 0; i < table.Header.Length; i++) sb.Append(Cell("th", table.Header[i], table.Numeric[i]));
                        sb.Append("</tr></thead>\n<tbody>\n");
                        foreach (var row in table.Rows)
                        {
                            sb.Append("<tr>");
                            for (int i = 0; i < row.Length; i++) sb.Append(Cell("td", row[i], table.Numeric[i]));
                            sb.Append("</tr>\n");
                        }
                        sb.Append("</tbody>\n</table>\n");
                        break;
                    case ChartBlock chart:
                        sb.Append("<figure>\n").Append(TrajectoryChart.InlineSvg(brief.Series, brief.TurningPoints, chart.Caption)).Append('\n');
                        sb.Append("<figcaption>").Append(Escape(chart.Caption)).Append("</figcaption>\n</figure>\n");
                        break;
                }
            }
            sb.Append("</section>\n");
        }
        sb.Append("<section id=\"notes\" class=\"notes\">\n<h2>Notes</h2>\n<ol>\n");
        foreach (var note in layout.Notes) sb.Append("<li id=\"fn-").Append(Int(note.Number)).Append("\">").Append(Note(note)).Append("</li>\n");
        sb.Append("</ol>\n</section>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Cell(string tag, string text, bool numeric) =>
        numeric ? $"<{tag} class=\"num\">{Escape(text)}</{tag}>" : $"<{tag}>{Escape(text)}</{tag}>";

    private static string Runs(IEnumerable<Run> runs)
    {
        var sb = new StringBuilder();
        foreach (var run in runs)
        {
            switch (run)
            {
                case TextRun t: sb.Append(Escape(t.Text)); break;
                case StrongRun s: sb.Append("<strong>").Append(Escape(s.Text)).Append("</strong>"); break;
                case NoteRefs r:
                    sb.Append("<sup>");
                    for (int i = 0; i < r.Numbers.Length; i++)
                    {
                        if (i > 0) sb.Append(',');
                        sb.Append("<a href=\"#fn-").Append(Int(r.Numbers[i])).Append("\">").Append(Int(r.Numbers[i])).Append("</a>");
                    }
                    sb.Append("</sup>");
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Note(Footnote note)
    {
        if (note.Document is not null) return note.Describe(Escape);
        string text = note.Describe(Escape);
        if (note.Url is { } url)
        {
            text += IsWebUrl(url) ? $" <a href=\"{Escape(url)}\">{Escape(url)}</a>" : $" {Escape(url)}";
        }
        return text;
    }

    /// <summary>True for an absolute http or https URL, the only kind a brief turns into a link.</summary>
    public static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Escapes text for HTML element content and quoted attribute values.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
