using System.Collections.Immutable;

namespace Dyad.Analysis;

/// <summary>Settings of change-point detection.</summary>
public sealed record ChangePointOptions
{
    public static ChangePointOptions Default { get; } = new();

    /// <summary>
    /// The cost of one more change, on the scale of the cost (-2 log-likelihood of a Gaussian with the estimated
    /// noise scale). Null: 3·ln(n), the penalty of the modified BIC (Zhang and Siegmund 2007) that the
    /// changepoint R package uses by default; stricter than BIC's 2·ln(n), which finds spurious changes in
    /// long pure-noise series.
    /// </summary>
    public double? Penalty { get; init; }

    /// <summary>The fewest points a segment may hold.</summary>
    public int MinSegment { get; init; } = 2;
}

/// <summary>What change-point detection found: the index of the first point of every new segment, and the segments' means.</summary>
public sealed record ChangePointResult(ImmutableArray<int> ChangePoints, ImmutableArray<double> SegmentMeans, double NoiseScale, double Penalty, int MinSegment);

/// <summary>
/// Changes in the mean of a series by PELT (Killick, Fearnhead and Eckley, "Optimal detection of changepoints
/// with a linear computational cost", JASA 107(500), 2012): the exact minimiser of the summed segment costs plus
/// a penalty per change, found by optimal partitioning with the pruning that keeps it near linear.
/// Segment cost: the squared deviations from the segment mean divided by σ², the Gaussian -2 log-likelihood up
/// to a constant. σ is estimated once for the whole series from first differences, robustly:
/// σ = 1.4826·median(|y[i] - y[i-1]|)/√2, which a few changes in mean barely move; when that median is zero
/// (sparse series), the standard deviation of the differences divided by √2 stands in.
/// </summary>
public static class ChangePoints
{
    public static ChangePointResult Detect(IReadOnlyList<double> series, ChangePointOptions? options = null)
    {
        options ??= ChangePointOptions.Default;
        if (options.MinSegment < 1) throw new ArgumentOutOfRangeException(nameof(options), "MinSegment must be at least 1");
        int n = series.Count;
        double penalty = options.Penalty ?? DefaultPenalty(n);
        double sigma = NoiseScale(series);
        if (n < 2 * options.MinSegment || sigma <= 0)
        {
            return new ChangePointResult([], n == 0 ? [] : [series.Average()], sigma, penalty, options.MinSegment);
        }
        var scaled = series.Select(y => y / sigma).ToArray();
        var changes = Pelt(scaled, penalty, options.MinSegment);
        return new ChangePointResult(changes, SegmentMeans(series, changes), sigma, penalty, options.MinSegment);
    }

    /// <summary>The default penalty for a series of <paramref name="n"/> points: 3·ln(n).</summary>
    public static double DefaultPenalty(int n) => n > 1 ? 3 * Math.Log(n) : 0;

    /// <summary>The noise scale σ as described on the class.</summary>
    public static double NoiseScale(IReadOnlyList<double> series)
    {
        if (series.Count < 2) return 0;
        var diffs = new double[series.Count - 1];
        for (int i = 1; i < series.Count; i++) diffs[i - 1] = Math.Abs(series[i] - series[i - 1]);
        double mad = 1.4826 * Median(diffs) / Math.Sqrt(2);
        if (mad > 0) return mad;
        double mean = 0;
        for (int i = 1; i < series.Count; i++) mean += series[i] - series[i - 1];
        mean /= diffs.Length;
        double ss = 0;
        for (int i = 1; i < series.Count; i++) ss += Math.Pow(series[i] - series[i - 1] - mean, 2);
        return diffs.Length < 2 ? 0 : Math.Sqrt(ss / (diffs.Length - 1)) / Math.Sqrt(2);
    }

    /// <summary>
    /// PELT over an already scaled series: the starts of the new segments of the partition that minimises
    /// Σ cost(segment) + penalty·(segments - 1), every segment at least <paramref name="minSegment"/> long.
    /// </summary>
    public static ImmutableArray<int> Pelt(IReadOnlyList<double> y, double penalty, int minSegment)
    {
        var cost = new SegmentCost(y);
        int n = y.Count;
        var f = new double[n + 1];
        var last = new int[n + 1];
        Array.Fill(f, double.PositiveInfinity);
        f[0] = -penalty;
        var candidates = new List<int> { 0 };
        for (int t = minSegment; t <= n; t++)
        {
            double best = double.PositiveInfinity;
            int arg = 0;
            foreach (int tau in candidates)
            {
                if (t - tau < minSegment) continue;
                double v = f[tau] + cost.Of(tau, t) + penalty;
                if (v < best)
                {
                    best = v;
                    arg = tau;
                }
            }
            f[t] = best;
            last[t] = arg;
            // Pruning (K = 0 for this cost): a start that cannot beat F(t) now never will.
            candidates.RemoveAll(tau => t - tau >= minSegment && f[tau] + cost.Of(tau, t) > f[t]);
            if (t <= n - minSegment) candidates.Add(t);
        }
        return Backtrack(last, n);
    }

    /// <summary>Optimal partitioning without pruning (Jackson et al. 2005): the same minimiser in quadratic time; the check on <see cref="Pelt"/>.</summary>
    internal static ImmutableArray<int> OptimalPartitioning(IReadOnlyList<double> y, double penalty, int minSegment)
    {
        var cost = new SegmentCost(y);
        int n = y.Count;
        var f = new double[n + 1];
        var last = new int[n + 1];
        Array.Fill(f, double.PositiveInfinity);
        f[0] = -penalty;
        for (int t = minSegment; t <= n; t++)
        {
            for (int tau = 0; tau <= t - minSegment; tau++)
            {
                if (double.IsPositiveInfinity(f[tau])) continue;
                double v = f[tau] + cost.Of(tau, t) + penalty;
                if (v < f[t])
                {
                    f[t] = v;
                    last[t] = tau;
                }
            }
        }
        return Backtrack(last, n);
    }

    private static ImmutableArray<int> Backtrack(int[] last, int n)
    {
        var starts = new List<int>();
        for (int t = n; t > 0; t = last[t])
        {
            if (last[t] > 0) starts.Add(last[t]);
        }
        starts.Reverse();
        return [.. starts];
    }

    private static ImmutableArray<double> SegmentMeans(IReadOnlyList<double> y, ImmutableArray<int> changes)
    {
        var means = ImmutableArray.CreateBuilder<double>();
        int start = 0;
        foreach (int end in changes.Append(y.Count))
        {
            double sum = 0;
            for (int i = start; i < end; i++) sum += y[i];
            means.Add(sum / (end - start));
            start = end;
        }
        return means.ToImmutable();
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Σ(y - ȳ)² over y[s..t) from prefix sums, in constant time.</summary>
    private sealed class SegmentCost
    {
        private readonly double[] _sum;
        private readonly double[] _squares;

        public SegmentCost(IReadOnlyList<double> y)
        {
            _sum = new double[y.Count + 1];
            _squares = new double[y.Count + 1];
            for (int i = 0; i < y.Count; i++)
            {
                _sum[i + 1] = _sum[i] + y[i];
                _squares[i + 1] = _squares[i] + y[i] * y[i];
            }
        }

        public double Of(int start, int end)
        {
            double s = _sum[end] - _sum[start];
            double cost = _squares[end] - _squares[start] - s * s / (end - start);
            return cost < 0 ? 0 : cost;
        }
    }
}
