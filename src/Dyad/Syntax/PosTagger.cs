using System.Text;

namespace Dyad.Syntax;

/// <summary>
/// Tags words with UD's universal and the treebank's language-specific part of speech at once (one
/// class per UPOS+XPOS pair seen in training), greedily left to right, from the word, its affixes and
/// shape, its neighbours and the two tags already chosen before it.
/// </summary>
internal sealed class PosTagger
{
    private readonly PerceptronModel _model;

    public PosTagger(PerceptronModel model, string[] tags, Dictionary<string, ulong> ambiguity)
    {
        _model = model;
        Ambiguity = ambiguity;
        Tags = tags;
        Upos = [.. tags.Select(t => t[..t.IndexOf(' ')])];
        Xpos = [.. tags.Select(t => t[(t.IndexOf(' ') + 1)..])];
    }

    /// <summary>Each class as "UPOS XPOS".</summary>
    public string[] Tags { get; }

    public string[] Upos { get; }

    public string[] Xpos { get; }

    internal PerceptronModel Model => _model;

    /// <summary>Frequent words' ambiguity classes: a hash of the set of tags each was seen with.</summary>
    internal Dictionary<string, ulong> Ambiguity { get; }

    /// <summary>Ambiguity classes of the words seen at least <paramref name="minCount"/> times.</summary>
    internal static Dictionary<string, ulong> AmbiguityClasses(IEnumerable<(string Form, int Tag)> words, int minCount)
    {
        var seen = new Dictionary<string, (int Count, SortedSet<int> Tags)>(StringComparer.Ordinal);
        foreach (var (form, tag) in words)
        {
            string lower = form.ToLowerInvariant();
            if (!seen.TryGetValue(lower, out var entry)) seen[lower] = entry = (0, []);
            entry.Tags.Add(tag);
            seen[lower] = (entry.Count + 1, entry.Tags);
        }
        return seen.Where(p => p.Value.Count >= minCount)
            .ToDictionary(p => p.Key, p => Features.Hash(string.Join(",", p.Value.Tags)), StringComparer.Ordinal);
    }

    public int[] Tag(IReadOnlyList<string> forms)
    {
        var words = TaggerWords.Of(forms, Ambiguity);
        var tags = new int[forms.Count];
        Span<ulong> features = stackalloc ulong[TaggerWords.FeatureCount];
        Span<float> scores = stackalloc float[_model.Classes];
        for (int i = 0; i < forms.Count; i++)
        {
            words.Extract(i, tags, features);
            _model.Score(features, scores);
            tags[i] = ArgMax(scores);
        }
        return tags;
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }
}

/// <summary>The per-word atoms the tagger's features combine, computed once per sentence.</summary>
internal sealed class TaggerWords
{
    public const int FeatureCount = 34;

    private readonly ulong[] _lower;
    private readonly ulong[] _shape;
    private readonly ulong[] _suffix1;
    private readonly ulong[] _suffix2;
    private readonly ulong[] _suffix3;
    private readonly ulong[] _suffix4;
    private readonly ulong[] _prefix1;
    private readonly ulong[] _prefix3;
    private readonly ulong[] _flags;
    private readonly ulong[] _ambiguity;

    private TaggerWords(int n)
    {
        _ambiguity = new ulong[n];
        _lower = new ulong[n]; _shape = new ulong[n]; _suffix1 = new ulong[n]; _suffix2 = new ulong[n];
        _suffix3 = new ulong[n]; _suffix4 = new ulong[n]; _prefix1 = new ulong[n]; _prefix3 = new ulong[n]; _flags = new ulong[n];
    }

    public static TaggerWords Of(IReadOnlyList<string> forms, Dictionary<string, ulong> ambiguity)
    {
        var w = new TaggerWords(forms.Count);
        for (int i = 0; i < forms.Count; i++)
        {
            string form = forms[i];
            string lower = form.ToLowerInvariant();
            w._lower[i] = Features.Hash(lower);
            w._ambiguity[i] = ambiguity.TryGetValue(lower, out ulong ac) ? ac : Features.None;
            w._shape[i] = Features.Hash(WordShape.Of(form));
            w._suffix1[i] = Features.Hash(Suffix(lower, 1));
            w._suffix2[i] = Features.Hash(Suffix(lower, 2));
            w._suffix3[i] = Features.Hash(Suffix(lower, 3));
            w._suffix4[i] = Features.Hash(Suffix(lower, 4));
            w._prefix1[i] = Features.Hash(lower.AsSpan(0, Math.Min(1, lower.Length)));
            w._prefix3[i] = Features.Hash(lower.AsSpan(0, Math.Min(3, lower.Length)));
            ulong flags = 0;
            if (form.Length > 0 && char.IsUpper(form[0])) flags |= 1;
            if (form.Contains('-')) flags |= 2;
            if (form.Any(char.IsDigit)) flags |= 4;
            if (form.Length > 1 && form.All(c => !char.IsLetter(c) || char.IsUpper(c))) flags |= 8;
            if (i == 0) flags |= 16;
            w._flags[i] = flags;
        }
        return w;
    }

    private static ReadOnlySpan<char> Suffix(string s, int n) => s.AsSpan(Math.Max(0, s.Length - n));

    private ulong Lower(int i) => i >= 0 && i < _lower.Length ? _lower[i] : Features.None;

    private ulong Ambiguity(int i) => i >= 0 && i < _lower.Length ? _ambiguity[i] : Features.None;

    private ulong Suffix3(int i) => i >= 0 && i < _lower.Length ? _suffix3[i] : Features.None;

    private ulong Shape(int i) => i >= 0 && i < _lower.Length ? _shape[i] : Features.None;

    /// <summary>The features of word <paramref name="i"/> given the tags chosen so far (tags[..i]).</summary>
    public void Extract(int i, ReadOnlySpan<int> tags, Span<ulong> f)
    {
        ulong t1 = i >= 1 ? (ulong)tags[i - 1] : Features.None;
        ulong t2 = i >= 2 ? (ulong)tags[i - 2] : Features.None;
        ulong w = _lower[i];
        int k = 0;
        f[k++] = Features.Key(1, 0);
        f[k++] = Features.Key(2, w);
        f[k++] = Features.Key(3, _suffix1[i]);
        f[k++] = Features.Key(4, _suffix2[i]);
        f[k++] = Features.Key(5, _suffix3[i]);
        f[k++] = Features.Key(6, _suffix4[i]);
        f[k++] = Features.Key(7, _prefix1[i]);
        f[k++] = Features.Key(8, _prefix3[i]);
        f[k++] = Features.Key(9, _shape[i]);
        f[k++] = Features.Key(10, _flags[i]);
        f[k++] = Features.Key(11, t1);
        f[k++] = Features.Key(12, t2);
        f[k++] = Features.Key(13, t1, t2);
        f[k++] = Features.Key(14, t1, w);
        f[k++] = Features.Key(15, Lower(i - 1));
        f[k++] = Features.Key(16, Lower(i - 2));
        f[k++] = Features.Key(17, Lower(i + 1));
        f[k++] = Features.Key(18, Lower(i + 2));
        f[k++] = Features.Key(19, Suffix3(i - 1));
        f[k++] = Features.Key(20, Suffix3(i + 1));
        f[k++] = Features.Key(21, Lower(i - 1), w);
        f[k++] = Features.Key(22, w, Lower(i + 1));
        f[k++] = Features.Key(23, Shape(i + 1));
        f[k++] = Features.Key(24, Shape(i - 1), _shape[i]);
        f[k++] = Features.Key(25, t1, _suffix3[i]);
        f[k++] = Features.Key(26, Lower(i + 1), Lower(i + 2));
        f[k++] = Features.Key(27, _flags[i], _suffix2[i]);
        f[k++] = Features.Key(28, _ambiguity[i]);
        f[k++] = Features.Key(29, Ambiguity(i + 1));
        f[k++] = Features.Key(30, t1, _ambiguity[i]);
        f[k++] = Features.Key(31, _ambiguity[i], Ambiguity(i + 1));
        f[k++] = Features.Key(32, Ambiguity(i + 2));
        f[k++] = Features.Key(33, t1, Lower(i + 1));
        f[k++] = Features.Key(34, Lower(i - 1), Lower(i + 1));
    }
}

/// <summary>A word's shape: letters as X/x, digits as d, runs longer than two shortened ("Xxxxx" -> "Xxx").</summary>
internal static class WordShape
{
    public static string Of(string form)
    {
        var sb = new StringBuilder(Math.Min(form.Length, 8));
        char last = '\0';
        int run = 0;
        foreach (char c in form)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s == last) { if (++run > 2) continue; }
            else { last = s; run = 1; }
            sb.Append(s);
        }
        return sb.ToString();
    }
}
