using System.Text;
using Dyad.Time;

namespace Dyad.Bench;

/// <summary>
/// Time-expression tagging throughput on news text: the TimeBank and AQUAINT stories read from ../shared/reference at run
/// time (tags removed), repeated to about 4 MB, tagged with their own creation dates. Reports UTF-8 MB per second on one core.
/// </summary>
internal sealed class TimeBenchmark : IBenchmark
{
    public string Name => "time";

    public void Run(TextWriter output)
    {
        var documents = LoadNews();
        var tagger = new TimeTagger();
        long bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        int expressions = 0;
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var (runs, elapsed) = Benchmarks.Measure(() =>
        {
            int count = 0;
            foreach (var (text, dct) in documents) count += tagger.Tag(text, dct).Length;
            expressions = count;
        }, TimeSpan.FromSeconds(5));
        // the warm-up run is inside the CPU time too: count it
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        double megabytes = bytes * (double)runs / 1_000_000;
        double cpuMegabytes = bytes * (double)(runs + 1) / 1_000_000;
        output.WriteLine($"{runs} runs over {bytes:N0} bytes of news ({documents.Count} documents, {expressions:N0} expressions): "
            + $"{megabytes / elapsed.TotalSeconds:F1} MB/s (UTF-8) wall clock, {cpuMegabytes / cpu.TotalSeconds:F1} MB/s per core of CPU time, single thread");
    }

    private static List<(string Text, DateOnly? Dct)> LoadNews(long targetBytes = 4_000_000)
    {
        string root = SampleText.FindRoot();
        string shared = Environment.GetEnvironmentVariable("DYAD_SHARED") is { Length: > 0 } s ? s : Path.Combine(root, "..", "shared");
        string folder = Path.Combine(shared, "reference", "tempeval3-tbaq");
        var (documents, _) = Dyad.Time.Evaluation.TimexScorer.LoadDirectory(folder);
        if (documents.IsEmpty) throw new InvalidOperationException($"no TimeML documents under {folder}");
        var list = new List<(string, DateOnly?)>();
        long total = 0;
        while (total < targetBytes)
        {
            foreach (var doc in documents)
            {
                list.Add((doc.Text, doc.CreationTime));
                total += Encoding.UTF8.GetByteCount(doc.Text);
            }
        }
        return list;
    }
}
