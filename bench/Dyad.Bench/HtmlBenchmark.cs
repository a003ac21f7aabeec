using Dyad.Ingest.Html;

namespace Dyad.Bench;

/// <summary>Web pages read per second: the HTML extraction evaluation pages, parsed, cleaned and extracted.</summary>
internal sealed class HtmlBenchmark : IBenchmark
{
    public string Name => "html";

    public void Run(TextWriter output)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "Dyad.Tests", "data", "html-eval");
        var pages = Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Html: File.ReadAllText(f))).ToList();
        long characters = pages.Sum(p => (long)p.Html.Length);
        // Cold: the first pass in a fresh process (JIT, regex and word-list set-up included).
        var cold = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (name, html) in pages) HtmlReader.Read(name, html);
        cold.Stop();
        output.WriteLine($"cold: first pass over {pages.Count} pages in {cold.Elapsed.TotalMilliseconds:F0} ms: {pages.Count / cold.Elapsed.TotalSeconds:F0} pages/s");
        var (runs, elapsed) = Benchmarks.Measure(() =>
        {
            foreach (var (name, html) in pages) HtmlReader.Read(name, html);
        }, TimeSpan.FromSeconds(3));
        double perSecond = runs * pages.Count / elapsed.TotalSeconds;
        output.WriteLine($"steady state: {runs} runs over {pages.Count} pages ({characters:N0} chars): {perSecond:F0} pages/s, single thread");
    }
}
