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
        var (runs, elapsed) = Benchmarks.Measure(() =>
        {
            foreach (var (name, html) in pages) HtmlReader.Read(name, html);
        }, TimeSpan.FromSeconds(3));
        double perSecond = runs * pages.Count / elapsed.TotalSeconds;
        output.WriteLine($"{runs} runs over {pages.Count} pages ({characters:N0} chars): {perSecond:F0} pages/s, single thread");
    }
}
