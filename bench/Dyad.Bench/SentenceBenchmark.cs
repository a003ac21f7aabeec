using Dyad.Text;

namespace Dyad.Bench;

/// <summary>Sentence splitting throughput on the bundled sample corpus.</summary>
internal sealed class SentenceBenchmark : IBenchmark
{
    public string Name => "sentences";

    public void Run(TextWriter output)
    {
        string text = SampleText.Load();
        int sentences = 0;
        var (runs, elapsed) = Benchmarks.Measure(() => sentences = SentenceSplitter.Split(text).Length, TimeSpan.FromSeconds(3));
        double megabytes = System.Text.Encoding.UTF8.GetByteCount(text) * (double)runs / 1_000_000;
        output.WriteLine($"{runs} runs over {text.Length:N0} chars ({sentences} sentences): {megabytes / elapsed.TotalSeconds:F1} MB/s of UTF-8 text, one thread");
    }
}
