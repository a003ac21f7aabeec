using Dyad.Analysis;

namespace Dyad.Tests.Analysis;

public sealed class ChangePointsTests
{
    /// <summary>Gaussian noise from a fixed xorshift generator and Box-Muller, the same on every machine.</summary>
    private static double[] Noise(int n, ulong seed, double sd)
    {
        var values = new double[n];
        ulong state = seed;
        double Uniform()
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return ((state >> 11) + 0.5) / (1UL << 53);
        }
        for (int i = 0; i < n; i++) values[i] = sd * Math.Sqrt(-2 * Math.Log(Uniform())) * Math.Cos(2 * Math.PI * Uniform());
        return values;
    }

    private static double[] Steps(ulong seed, double sd, params (int Length, double Mean)[] segments)
    {
        var noise = Noise(segments.Sum(s => s.Length), seed, sd);
        int i = 0;
        foreach (var (length, mean) in segments)
        {
            for (int k = 0; k < length; k++, i++) noise[i] += mean;
        }
        return noise;
    }

    // Each case: segments (length, mean) of a noisy series and the changes PELT must find at the default penalty.
    public static TheoryData<(int, double)[], int[]> Known => new()
    {
        // Two shifts of several noise widths each.
        { [(30, 0), (30, 5), (30, -3)], [30, 60] },
        // One upward shift late in the series.
        { [(50, 1), (10, 6)], [50] },
        // Four segments, short ones among them.
        { [(12, 0), (8, -4), (15, 3), (20, 0)], [12, 20, 35] },
        // No change at all.
        { [(80, 2)], [] },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void Pelt_finds_the_changes_of_synthetic_series(ValueTuple<int, double>[] segments, int[] expected)
    {
        var y = Steps(42, 1.0, segments);
        var result = ChangePoints.Detect(y);
        Assert.Equal(expected, result.ChangePoints.ToArray());
        Assert.Equal(3 * Math.Log(y.Length), result.Penalty, 12);
    }

    [Fact]
    public void Noise_scale_is_robust_to_the_changes()
    {
        var y = Steps(7, 2.0, [(100, 0), (100, 20)]);
        double sigma = ChangePoints.NoiseScale(y);
        Assert.InRange(sigma, 1.8, 2.2);
    }

    [Fact]
    public void A_clean_step_is_found_exactly_with_its_segment_means()
    {
        double[] y = [0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4];
        var result = ChangePoints.Detect(y);
        Assert.Equal([6], result.ChangePoints.ToArray());
        Assert.Equal([0.0, 4.0], result.SegmentMeans.ToArray());
    }

    [Fact]
    public void A_constant_or_too_short_series_has_no_change()
    {
        Assert.Empty(ChangePoints.Detect([3, 3, 3, 3, 3, 3]).ChangePoints);
        Assert.Empty(ChangePoints.Detect([1, 9, 1]).ChangePoints);
        Assert.Empty(ChangePoints.Detect([]).ChangePoints);
    }

    [Fact]
    public void A_larger_penalty_keeps_only_the_big_change()
    {
        var y = Steps(11, 1.0, [(40, 0), (40, 2.5), (40, 12)]);
        Assert.Equal([40, 80], ChangePoints.Detect(y).ChangePoints.ToArray());
        Assert.Equal([80], ChangePoints.Detect(y, new ChangePointOptions { Penalty = 200 }).ChangePoints.ToArray());
    }

    [Fact]
    public void Minimum_segment_length_is_respected()
    {
        double[] y = [0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal([8, 9], ChangePoints.Detect(y, new ChangePointOptions { MinSegment = 1, Penalty = 1 }).ChangePoints.ToArray());
        var wide = ChangePoints.Detect(y, new ChangePointOptions { MinSegment = 3, Penalty = 1 }).ChangePoints;
        Assert.All(wide.Prepend(0).Zip(wide.Append(y.Length)), s => Assert.True(s.Second - s.First >= 3));
    }

    [Theory]
    [InlineData(1UL, 1, 2.0)]
    [InlineData(2UL, 2, 5.0)]
    [InlineData(3UL, 3, 10.0)]
    [InlineData(4UL, 1, 0.5)]
    public void Pruning_never_changes_the_optimum(ulong seed, int minSegment, double penalty)
    {
        // Random steps: PELT must return exactly what exhaustive optimal partitioning returns.
        var noise = Noise(120, seed, 1.0);
        var levels = Noise(6, seed + 100, 4.0);
        var y = noise.Select((v, i) => v + levels[i / 20]).ToArray();
        Assert.Equal(ChangePoints.OptimalPartitioning(y, penalty, minSegment).ToArray(), ChangePoints.Pelt(y, penalty, minSegment).ToArray());
    }
}
