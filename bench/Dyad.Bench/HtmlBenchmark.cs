using Dyad.Ingest.Html;

namespace Dyad.Bench;

/// <summary>
/// Web pages read per second (parsed, cleaned and extracted): the project's own evaluation pages, small
/// hand-written ones, and — when the article-extraction development set is beside the checkout — real
/// pages of real size, which are about forty times larger.
/// </summary>
internal sealed class HtmlBenchmark : IBenchmark
{
    public string Name => "html";

    public void Run(TextWriter output)
    {
        string root = SampleText.FindRoot();
        var own = Pages(Path.Combine(root, "tests", "Dyad.Tests", "data", "html-eval"));
        // Cold: the first pass in a fresh process (JIT, regex and word-list set-up included).
        var cold = System.Diagnostics.Stopwatch.StartNew();
        ReadAll(own);
        cold.Stop();
        output.WriteLine($"cold: first pass over {own.Count} pages in {cold.Elapsed.TotalMilliseconds:F0} ms: {own.Count / cold.Elapsed.TotalSeconds:F0} pages/s");
        Steady(output, "project pages", own);

        string real = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "article-extraction-dev"));
        if (!Directory.Exists(real))
        {
            output.WriteLine($"real pages: skipped, {real} not found");
            return;
        }
        var pages = Directory.EnumerateDirectories(real).Order(StringComparer.Ordinal).SelectMany(Pages).ToList();
        Steady(output, "real pages (article-extraction development set)", pages);
    }

    private static List<(string Name, string Html)> Pages(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];

    private static void ReadAll(List<(string Name, string Html)> pages)
    {
        foreach (var (name, html) in pages) HtmlReader.Read(name, html);
    }

    private static void Steady(TextWriter output, string what, List<(string Name, string Html)> pages)
    {
        long characters = pages.Sum(p => (long)p.Html.Length);
        var (runs, elapsed) = Benchmarks.Measure(() => ReadAll(pages), TimeSpan.FromSeconds(3));
        double perSecond = runs * pages.Count / elapsed.TotalSeconds;
        output.WriteLine($"steady state, {what}: {runs} runs over {pages.Count} pages (average {characters / pages.Count / 1024.0:F0} KB): "
            + $"{perSecond:F0} pages/s, {runs * characters / elapsed.TotalSeconds / 1e6:F1} M chars/s, single thread");
    }
}
