using Dyad.Analysis;

namespace Dyad.Bench;

/// <summary>
/// PELT on long noisy series with a change in mean every 100 points: points per second. PELT's cost is linear when
/// the number of changes grows with the length (Killick et al. 2012), so the rate should hold as n grows.
/// </summary>
internal sealed class ChangePointBenchmark : IBenchmark
{
    public string Name => "changepoints";

    public void Run(TextWriter output)
    {
        foreach (int n in (int[])[1_000, 10_000, 100_000])
        {
            var series = Series(n);
            int found = 0;
            var (runs, elapsed) = Benchmarks.Measure(() => found = ChangePoints.Detect(series).ChangePoints.Length, TimeSpan.FromSeconds(2));
            output.WriteLine($"n = {n,7:N0}: {runs} runs, {n * (double)runs / elapsed.TotalSeconds / 1e6:F2} M points/s, {found} changes found");
        }
    }

    /// <summary>Segments of 100 points of unit Gaussian noise around alternating levels 0 and 3, from a fixed xorshift generator.</summary>
    private static double[] Series(int n)
    {
        var y = new double[n];
        ulong state = 88172645463325252UL;
        double Uniform()
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return ((state >> 11) + 0.5) / (1UL << 53);
        }
        for (int i = 0; i < n; i++)
        {
            double level = i / 100 % 2 == 0 ? 0 : 3;
            y[i] = level + Math.Sqrt(-2 * Math.Log(Uniform())) * Math.Cos(2 * Math.PI * Uniform());
        }
        return y;
    }
}
