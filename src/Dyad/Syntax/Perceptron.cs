using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Syntax;

/// <summary>
/// A multi-class averaged perceptron while it trains: one sparse row of class weights per feature,
/// created when the feature is first updated. Averaging uses the running-sum trick (each update at
/// step c adds c·delta to a second accumulator; the average is w − u/c), so no per-weight timestamps.
/// </summary>
internal sealed class PerceptronTrainer(int classes)
{
    private struct Entry
    {
        public int Class;
        public float Weight;
        public double Sum;
    }

    private readonly Dictionary<ulong, int> _rows = [];
    private readonly List<Entry[]> _entries = [];
    private readonly List<int> _counts = [];
    private long _step = 1;

    public int Classes { get; } = classes;

    public int FeatureCount => _rows.Count;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (ulong f in features)
        {
            if (!_rows.TryGetValue(f, out int row)) continue;
            var entries = _entries[row];
            int count = _counts[row];
            for (int i = 0; i < count; i++) scores[entries[i].Class] += entries[i].Weight;
        }
    }

    /// <summary>Moves the weights towards <paramref name="truth"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (ulong f in features)
        {
            if (!_rows.TryGetValue(f, out int row))
            {
                row = _entries.Count;
                _rows.Add(f, row);
                _entries.Add(new Entry[2]);
                _counts.Add(0);
            }
            Add(row, truth, 1f);
            Add(row, guess, -1f);
        }
    }

    /// <summary>One training example seen: the clock the averages are weighted by.</summary>
    public void Tick() => _step++;

    private void Add(int row, int cls, float delta)
    {
        var entries = _entries[row];
        int count = _counts[row];
        for (int i = 0; i < count; i++)
        {
            if (entries[i].Class != cls) continue;
            entries[i].Weight += delta;
            entries[i].Sum += _step * (double)delta;
            return;
        }
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
            _entries[row] = entries;
        }
        entries[count] = new Entry { Class = cls, Weight = delta, Sum = _step * (double)delta };
        _counts[row] = count + 1;
    }

    /// <summary>
    /// The averaged weights as a compact model: weights below <paramref name="prune"/> in magnitude are
    /// dropped, the rest quantised to 16 bits.
    /// </summary>
    public PerceptronModel Average(float prune)
    {
        var keys = new List<ulong>();
        var starts = new List<int> { 0 };
        var classes = new List<ushort>();
        var weights = new List<float>();
        foreach (var (key, row) in _rows.OrderBy(p => p.Key))
        {
            var entries = _entries[row];
            int before = classes.Count;
            for (int i = 0; i < _counts[row]; i++)
            {
                float avg = (float)(entries[i].Weight - entries[i].Sum / _step);
                if (MathF.Abs(avg) < prune) continue;
                classes.Add((ushort)entries[i].Class);
                weights.Add(avg);
            }
            if (classes.Count == before) continue;
            keys.Add(key);
            starts.Add(classes.Count);
        }
        float max = weights.Count == 0 ? 1f : weights.Max(MathF.Abs);
        float scale = max / short.MaxValue;
        var quantised = weights.Select(w => (short)MathF.Round(w / scale)).ToArray();
        return new PerceptronModel(Classes, [.. keys], [.. starts], [.. classes], quantised, scale);
    }
}

/// <summary>
/// A trained perceptron, read-only and thread-safe: features in an open-addressing table whose slots hold
/// the key and the feature's run of (class, weight) entries, so a lookup touches two cache lines, not five.
/// Weights are stored as 16-bit integers and one scale.
/// </summary>
internal sealed class PerceptronModel
{
    private struct Slot
    {
        public ulong Key;
        public int Start;
        public int Count; // 0: empty
    }

    // Four bytes an entry: scores are sums of the 16-bit weights, unscaled (one positive scale for
    // every weight leaves the best class unchanged).
    private struct Entry
    {
        public short Weight;
        public ushort Class;
    }

    // Only the lookup table is kept: entries lie in the order of the sorted keys, so the table also
    // gives back the file's layout when the model is written.
    private readonly Entry[] _entries;
    private readonly Slot[] _slots;
    private readonly int _mask;

    public PerceptronModel(int classes, ulong[] keys, int[] starts, ushort[] classIds, short[] weights, float scale)
    {
        Classes = classes;
        FeatureCount = keys.Length;
        Scale = scale;
        _entries = new Entry[weights.Length];
        for (int i = 0; i < weights.Length; i++) _entries[i] = new Entry { Weight = weights[i], Class = classIds[i] };
        // Half full or more: linear probing stays short, and the table is as small as it can be for the cache.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length + keys.Length / 4));
        _mask = capacity - 1;
        _slots = new Slot[capacity];
        for (int row = 0; row < keys.Length; row++)
        {
            int slot = (int)(keys[row] & (ulong)_mask);
            while (_slots[slot].Count != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Key = keys[row], Start = starts[row], Count = starts[row + 1] - starts[row] };
        }
    }

    public int Classes { get; }

    public int FeatureCount { get; }

    public int WeightCount => _entries.Length;

    public float Scale { get; }

    /// <summary>
    /// Adds up the weights of <paramref name="features"/> per class, in units of <see cref="Scale"/>. The
    /// slots of all features are fetched into the cache first, so their memory latencies overlap instead
    /// of adding up: the table is far larger than the cache and each lookup would otherwise wait for memory.
    /// </summary>
    public unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        Span<int> found = stackalloc int[features.Length];
        fixed (Slot* slots = _slots)
        fixed (Entry* entries = _entries)
        {
            for (int k = 0; k < features.Length; k++)
            {
                int index = (int)(features[k] & (ulong)_mask);
                found[k] = index;
                if (Sse.IsSupported) Sse.Prefetch0(slots + index);
            }
            for (int k = 0; k < features.Length; k++)
            {
                ulong f = features[k];
                int index = found[k];
                found[k] = -1;
                while (true)
                {
                    Slot* slot = slots + index;
                    if (slot->Count == 0) break;
                    if (slot->Key == f)
                    {
                        found[k] = index;
                        if (Sse.IsSupported) Sse.Prefetch0(entries + slot->Start);
                        break;
                    }
                    index = (index + 1) & _mask;
                }
            }
            for (int k = 0; k < features.Length; k++)
            {
                if (found[k] < 0) continue;
                Slot* slot = slots + found[k];
                for (Entry* e = entries + slot->Start, end = e + slot->Count; e < end; e++) scores[e->Class] += e->Weight;
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(Scale);
        writer.Write(FeatureCount);
        writer.Write(_entries.Length);
        // Rows in key order (their runs lie in that order); delta-coded keys and run lengths compress far
        // better than raw ones.
        var rows = _slots.Where(s => s.Count != 0).OrderBy(s => s.Start).ToArray();
        ulong previous = 0;
        foreach (var row in rows) { writer.Write7BitEncodedInt64((long)(row.Key - previous)); previous = row.Key; }
        foreach (var row in rows) writer.Write7BitEncodedInt(row.Count);
        foreach (var e in _entries) writer.Write7BitEncodedInt(e.Class);
        foreach (var e in _entries) writer.Write(e.Weight);
    }

    public static PerceptronModel Read(BinaryReader reader)
    {
        int classes = reader.ReadInt32();
        float scale = reader.ReadSingle();
        int features = reader.ReadInt32();
        int weightCount = reader.ReadInt32();
        if (features < 0 || weightCount < 0) throw new InvalidDataException("corrupt perceptron header");
        var keys = new ulong[features];
        ulong previous = 0;
        for (int i = 0; i < features; i++) { previous += (ulong)reader.Read7BitEncodedInt64(); keys[i] = previous; }
        var starts = new int[features + 1];
        for (int i = 0; i < features; i++) starts[i + 1] = starts[i] + reader.Read7BitEncodedInt();
        if (starts[features] != weightCount) throw new InvalidDataException("corrupt perceptron rows");
        var classIds = new ushort[weightCount];
        for (int i = 0; i < weightCount; i++) classIds[i] = (ushort)reader.Read7BitEncodedInt();
        var weights = new short[weightCount];
        for (int i = 0; i < weightCount; i++) weights[i] = reader.ReadInt16();
        return new PerceptronModel(classes, keys, starts, classIds, weights, scale);
    }
}
