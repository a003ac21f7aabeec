using System.Diagnostics;
using System.Text.RegularExpressions;
using Dyad.Analysis;
using SkiaSharp;

namespace Dyad.Tests.Analysis;

/// <summary>
/// Opens the HTML brief in headless Chromium (Debian's package, installed by .ci/run) and checks what a reader
/// sees: the chart's bars are painted, the notes are there and linked, and document text holding markup or a
/// script tag shows as text and never runs; and the PDF brief Chromium prints. Without Chromium these tests
/// skip and say why, except under CI=true where they fail (see <see cref="ChromiumFactAttribute"/>).
/// </summary>
public sealed partial class BriefInChromiumTests : IDisposable
{
    private readonly AnalysisCorpus.TempStore _store = new();

    public void Dispose() => _store.Dispose();

    internal static string ChromiumPath => BriefPdf.ChromiumPath;

    private static string Chromium()
    {
        string path = ChromiumPath;
        Assert.True(File.Exists(path), $"headless Chromium is needed at {path} (apt-get install -y chromium; .ci/run installs it)");
        return path;
    }

    private (int ExitCode, string Output) RunChromium(params string[] args)
    {
        var start = new ProcessStartInfo(Chromium())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={Path.Combine(_store.Dir, "profile-" + Guid.NewGuid().ToString("N"))}",
            .. args])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 90 seconds");
        }
        _ = stderr.Result;
        return (process.ExitCode, output);
    }

    private string WriteBrief()
    {
        string html = Path.Combine(_store.Dir, "brief.html");
        var result = CliRunner.Run("brief", "IRN", "SAU", "--out", html, "--db", _store.Path);
        Assert.Equal(0, result.ExitCode);
        return html;
    }

    [ChromiumFact]
    public void The_rendered_dom_has_the_chart_the_notes_and_script_text_as_text()
    {
        string html = WriteBrief();
        var (exit, dom) = RunChromium("--dump-dom", new Uri(html).AbsoluteUri);
        Assert.Equal(0, exit);

        // The chart: one inline svg in the trajectory figure, scaled by its viewBox, with bars in both colours.
        Assert.Single(SvgOpen().Matches(dom));
        Assert.Contains($"viewBox=\"0 0 {TrajectoryChart.Width} {TrajectoryChart.Height}\"", dom, StringComparison.Ordinal);
        Assert.Contains("fill=\"#2E7D32\"", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("fill=\"#C62828\"", dom, StringComparison.OrdinalIgnoreCase);

        // The notes: twelve, numbered, each reference pointing at one that exists.
        var notes = NoteItem().Matches(dom).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 12), notes);
        Assert.Contains("<li id=\"fn-2\">Harbour Street Journal, “Saudi Arabia cuts diplomatic relations with Iran”, 2016-01-03. <a href=\"https://news.example/2016/saudi-cuts-ties\">https://news.example/2016/saudi-cuts-ties</a></li>", dom, StringComparison.Ordinal);
        Assert.Contains("Saudi Arabia cut diplomatic relations with Iran on 3 January 2016.<sup><a href=\"#fn-2\">2</a>,<a href=\"#fn-3\">3</a></sup>", dom, StringComparison.Ordinal);
        Assert.All(NoteRef().Matches(dom), m => Assert.Contains(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), notes));

        // Markup in a source's title is text on the page: escaped in the DOM, no element made of it, no script.
        Assert.Contains("“Ministry calls Saudi move \"hasty\" &amp; &lt;b&gt;reckless&lt;/b&gt;”", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
    }

    [ChromiumFact]
    public void Markup_in_an_actors_words_shows_as_text_and_never_runs()
    {
        var (_, events) = AnalysisCorpus.Build();
        var tainted = events.Select(e => e.Id.EndsWith("e03", StringComparison.Ordinal)
            ? e with { SourceText = "Iran's <script>document.body.dataset.pwned='1'</script> ministry" } : e).ToList();
        var brief = Brief.Build(tainted, DyadPair.Create("IRN", "SAU").Pair!);
        string html = Path.Combine(_store.Dir, "tainted.html");
        File.WriteAllText(html, BriefHtml.Render(brief));
        var (exit, dom) = RunChromium("--dump-dom", new Uri(html).AbsoluteUri);
        Assert.Equal(0, exit);
        Assert.Contains("Iran's &lt;script&gt;document.body.dataset.pwned='1'&lt;/script&gt; ministry denounced Saudi Arabia", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data-pwned", dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void The_pdf_brief_is_printed_by_chromium()
    {
        string pdf = Path.Combine(_store.Dir, "brief.pdf");
        var result = CliRunner.Run("brief", "IRN", "SAU", "--out", pdf, "--db", _store.Path);
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        string content = File.ReadAllText(pdf, System.Text.Encoding.Latin1);
        Assert.StartsWith("%PDF-", content, StringComparison.Ordinal);
        Assert.InRange(PdfPage().Matches(content).Count, 2, 5);
        // The printed text holds the prose: PdfPig reads the words back.
        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        string text = string.Join(" ", read.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Latest developments", text, StringComparison.Ordinal);
        Assert.Contains("Raisi", text, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void A_screenshot_shows_the_bars_of_the_chart()
    {
        string html = WriteBrief();
        string png = Path.Combine(_store.Dir, "brief.png");
        // The chart stands with the figures after the prose: a window tall enough to hold the whole page.
        var (exit, _) = RunChromium($"--screenshot={png}", "--window-size=1000,4000", new Uri(html).AbsoluteUri);
        Assert.Equal(0, exit);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        int green = 0, red = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Near(c, 0x2E, 0x7D, 0x32)) green++;
                if (Near(c, 0xC6, 0x28, 0x28)) red++;
            }
        }
        // Six cooperative and five conflictual quarters are drawn as bars: hundreds of pixels of each colour.
        Assert.True(green > 300, $"{green} green pixels");
        Assert.True(red > 300, $"{red} red pixels");
    }

    [ChromiumFact]
    public void The_brief_prints_to_a_few_pages()
    {
        string html = WriteBrief();
        string pdf = Path.Combine(_store.Dir, "brief.pdf");
        var (exit, _) = RunChromium("--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri);
        Assert.Equal(0, exit);
        string content = File.ReadAllText(pdf, System.Text.Encoding.Latin1);
        Assert.StartsWith("%PDF-", content, StringComparison.Ordinal);
        // The print style keeps the page to its text and chart: a handful of A4/Letter pages, never one per element.
        int pages = PdfPage().Matches(content).Count;
        Assert.InRange(pages, 2, 5);
    }

    [ChromiumFact]
    public void The_page_makes_no_request_and_runs_no_script()
    {
        string page = File.ReadAllText(WriteBrief());
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
    }

    private static bool Near(SKColor c, byte r, byte g, byte b) => Math.Abs(c.Red - r) <= 6 && Math.Abs(c.Green - g) <= 6 && Math.Abs(c.Blue - b) <= 6;

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex SvgOpen();

    [GeneratedRegex("<li id=\"fn-(\\d+)\">")]
    private static partial Regex NoteItem();

    [GeneratedRegex("<a href=\"#fn-(\\d+)\">")]
    private static partial Regex NoteRef();
}

/// <summary>
/// A test that needs headless Chromium. A plain `dotnet test` on a machine without it skips the test and
/// says why; under CI=true (where .ci/run installs Chromium) a missing browser fails the test instead.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(BriefInChromiumTests.ChromiumPath) && Environment.GetEnvironmentVariable("CI") is not "true")
        {
            Skip = $"headless Chromium is not installed at {BriefInChromiumTests.ChromiumPath} (apt-get install -y chromium, or set DYAD_CHROMIUM)";
        }
    }
}
