namespace Dyad.Ingest;

/// <summary>
/// Compares an extracted text with a reference by their 4-word shingles (runs of four consecutive
/// words, lower-cased, punctuation ignored), counted as multisets: precision is the share of the
/// extracted shingles found in the reference, recall the share of the reference's found in the
/// extraction. This is how main-text extraction is scored.
/// </summary>
public static class ShingleScore
{
    public readonly record struct Score(double Precision, double Recall, double F1);

    public const int Size = 4;

    public static Score Compare(string extracted, string reference)
    {
        var got = Shingles(extracted);
        var want = Shingles(reference);
        int gotTotal = got.Values.Sum(), wantTotal = want.Values.Sum();
        if (gotTotal == 0 && wantTotal == 0) return new Score(1, 1, 1);
        if (gotTotal == 0 || wantTotal == 0) return new Score(gotTotal == 0 ? 1 : 0, wantTotal == 0 ? 1 : 0, 0);
        int common = 0;
        foreach (var (shingle, count) in got)
        {
            if (want.TryGetValue(shingle, out int other)) common += Math.Min(count, other);
        }
        double precision = (double)common / gotTotal, recall = (double)common / wantTotal;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1);
    }

    /// <summary>The words of <paramref name="text"/>: runs of letters and digits, lower-cased.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && (char.IsLetter(text[i]) || char.IsDigit(text[i]));
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var words = Words(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (words.Count > 0 && words.Count < Size)
        {
            shingles[string.Join(' ', words)] = 1;
            return shingles;
        }
        for (int i = 0; i + Size <= words.Count; i++)
        {
            string key = string.Join(' ', words, i, Size);
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }
}
