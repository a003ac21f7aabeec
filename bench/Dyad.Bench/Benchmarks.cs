using System.Diagnostics;

namespace Dyad.Bench;

internal interface IBenchmark
{
    string Name { get; }

    void Run(TextWriter output);
}

internal static class Benchmarks
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new SentenceBenchmark(),
        new ExtractBenchmark(),
        new ExtractSizeBenchmark(),
        new TimeBenchmark(),
        new ActorsBenchmark(),
        new StoreBenchmark(),
        new AnalysisBenchmark(),
        new SearchBenchmark(),
        new ChangePointBenchmark(),
        new ScaleBenchmark(),
        new HtmlBenchmark(),
        new SyntaxBenchmark(),
    ];

    /// <summary>Runs <paramref name="work"/> once to warm up, then repeatedly for at least <paramref name="minimum"/>; returns runs and elapsed time.</summary>
    public static (int Runs, TimeSpan Elapsed) Measure(Action work, TimeSpan minimum)
    {
        work();
        var watch = Stopwatch.StartNew();
        int runs = 0;
        while (watch.Elapsed < minimum)
        {
            work();
            runs++;
        }
        return (runs, watch.Elapsed);
    }
}
