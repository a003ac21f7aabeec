namespace Dyad.Syntax;

/// <summary>
/// A greedy, labelled arc-eager dependency parser scored by an averaged perceptron over the rich
/// feature set of transition parsers (words and tags of the stack top, the buffer front and their
/// children and heads; distance, valency and the label sets already attached). Deterministic: the
/// same words and tags always give the same tree.
/// </summary>
internal sealed class DependencyParser
{
    private readonly PerceptronModel _model;

    public DependencyParser(PerceptronModel model, string[] labels)
    {
        _model = model;
        Labels = labels;
        RootLabel = Array.IndexOf(labels, "root");
        if (RootLabel < 0) throw new InvalidDataException("the parser's labels lack 'root'");
        PunctLabel = Array.IndexOf(labels, "punct");
        ParataxisLabel = Array.IndexOf(labels, "parataxis");
    }

    public string[] Labels { get; }

    public int RootLabel { get; }

    private int PunctLabel { get; }

    private int ParataxisLabel { get; }

    internal PerceptronModel Model => _model;

    /// <summary>Heads (-1 for the root) and label numbers of the words, given their forms, tag numbers and lemmas.</summary>
    public (int[] Heads, int[] Labels) Parse(IReadOnlyList<string> forms, int[] tags, IReadOnlyList<string> lemmas, string[] upos)
    {
        int n = forms.Count;
        var atoms = ParserWords.Of(forms, tags, lemmas);
        var state = new ArcEagerState(n);
        Span<ulong> features = stackalloc ulong[ParserWords.FeatureCount];
        Span<float> scores = stackalloc float[_model.Classes];
        while (!state.IsTerminal)
        {
            // Where one action is possible (an empty stack shifts; at the root the top is reduced or
            // attached to it) there is nothing to score.
            if (state.StackCount == 0) { state.Apply(ArcEagerState.Shift); continue; }
            if (state.Buffer == n)
            {
                state.Apply(state.Heads[state.Stack(0)] >= 0 ? ArcEagerState.Reduce : ArcEagerState.Left(RootLabel));
                continue;
            }
            atoms.Extract(state, features);
            _model.Score(features, scores);
            int best = -1;
            for (int a = 0; a < scores.Length; a++)
                if ((best < 0 || scores[a] > scores[best]) && state.IsValid(a, RootLabel)) best = a;
            state.Apply(best);
        }
        var heads = new int[n];
        var labels = new int[n];
        int root = -1;
        for (int i = 0; i < n; i++)
        {
            heads[i] = state.Heads[i] == n ? -1 : state.Heads[i];
            labels[i] = state.Labels[i];
            if (heads[i] < 0 && root < 0) root = i;
        }
        // One root: a second word left attached to the root hangs from the first.
        for (int i = 0; i < n; i++)
        {
            if (heads[i] >= 0 || i == root) continue;
            heads[i] = root;
            labels[i] = upos[tags[i]] == "PUNCT" && PunctLabel >= 0 ? PunctLabel : ParataxisLabel >= 0 ? ParataxisLabel : labels[i];
        }
        return (heads, labels);
    }
}

/// <summary>The per-word atoms of the parser's features (word and tag, and both together), computed once per sentence.</summary>
internal sealed class ParserWords
{
    public const int FeatureCount = 90;

    private static readonly ulong RootWord = Features.Hash("<root>");
    private const ulong RootTag = 0xFFFF;

    private readonly ulong[] _w;
    private readonly ulong[] _t;
    private readonly ulong[] _wt;
    private readonly ulong[] _suffix;
    private readonly ulong[] _shape;
    private readonly ulong[] _lemma;

    private ParserWords(int n)
    {
        _lemma = new ulong[n + 1];
        _suffix = new ulong[n + 1];
        _shape = new ulong[n + 1];
        _w = new ulong[n + 1];
        _t = new ulong[n + 1];
        _wt = new ulong[n + 1];
    }

    public static ParserWords Of(IReadOnlyList<string> forms, int[] tags, IReadOnlyList<string> lemmas)
    {
        int n = forms.Count;
        var p = new ParserWords(n);
        for (int i = 0; i < n; i++)
        {
            string lower = forms[i].ToLowerInvariant();
            p._w[i] = Features.Hash(lower);
            p._t[i] = (ulong)tags[i];
            p._wt[i] = Features.Key(0, p._w[i], p._t[i]);
            p._suffix[i] = Features.Hash(lower.AsSpan(Math.Max(0, lower.Length - 3)));
            p._shape[i] = Features.Hash(WordShape.Of(forms[i]));
            p._lemma[i] = Features.Hash(lemmas[i].ToLowerInvariant());
        }
        p._lemma[n] = RootWord;
        p._suffix[n] = RootWord;
        p._shape[n] = RootWord;
        p._w[n] = RootWord;
        p._t[n] = RootTag;
        p._wt[n] = Features.Key(0, RootWord, RootTag);
        return p;
    }

    // Endings and shapes stand in for words the training data never had.
    private ulong Suffix(int i) => i < 0 ? Features.None : _suffix[i];

    private ulong Shape(int i) => i < 0 ? Features.None : _shape[i];

    // Lemmas join the inflected forms of a word ("visited", "visits") that the forms keep apart.
    private ulong Lemma(int i) => i < 0 ? Features.None : _lemma[i];

    private ulong W(int i) => i < 0 ? Features.None : _w[i];

    private ulong T(int i) => i < 0 ? Features.None : _t[i];

    private ulong WT(int i) => i < 0 ? Features.None : _wt[i];

    private static ulong L(ArcEagerState s, int i) => i < 0 || s.Labels[i] < 0 ? Features.None : (ulong)s.Labels[i];

    private static int Of(int[] array, int i) => i < 0 ? -1 : array[i];

    public void Extract(ArcEagerState s, Span<ulong> f)
    {
        int s0 = s.Stack(0);
        int s1 = s.Stack(1);
        int n0 = s.Buffer;
        int n1 = n0 + 1 <= s.N ? n0 + 1 : -1;
        int n2 = n0 + 2 <= s.N ? n0 + 2 : -1;
        int s0h = Of(s.Heads, s0);
        int s0h2 = Of(s.Heads, s0h);
        int s0l = Of(s.LeftChild1, s0), s0l2 = Of(s.LeftChild2, s0);
        int s0r = Of(s.RightChild1, s0), s0r2 = Of(s.RightChild2, s0);
        int n0l = s.LeftChild1[n0], n0l2 = s.LeftChild2[n0];
        ulong d = s0 < 0 ? Features.None : (ulong)Math.Min(n0 - s0, 6);
        ulong s0vl = s0 < 0 ? Features.None : (ulong)s.LeftCount[s0];
        ulong s0vr = s0 < 0 ? Features.None : (ulong)s.RightCount[s0];
        ulong n0vl = (ulong)s.LeftCount[n0];
        ulong s0sl = s0 < 0 ? Features.None : s.LeftLabels[s0];
        ulong s0sr = s0 < 0 ? Features.None : s.RightLabels[s0];
        ulong n0sl = s.LeftLabels[n0];

        ulong s0w = W(s0), s0t = T(s0), s0wt = WT(s0);
        ulong n0w = W(n0), n0t = T(n0), n0wt = WT(n0);
        int k = 0;
        // single words
        f[k++] = Features.Key(1, s0wt);
        f[k++] = Features.Key(2, s0w);
        f[k++] = Features.Key(3, s0t);
        f[k++] = Features.Key(4, n0wt);
        f[k++] = Features.Key(5, n0w);
        f[k++] = Features.Key(6, n0t);
        f[k++] = Features.Key(7, WT(n1));
        f[k++] = Features.Key(8, W(n1));
        f[k++] = Features.Key(9, T(n1));
        f[k++] = Features.Key(10, WT(n2));
        f[k++] = Features.Key(11, W(n2));
        f[k++] = Features.Key(12, T(n2));
        // pairs of the stack top and the buffer front
        f[k++] = Features.Key(13, s0wt, n0wt);
        f[k++] = Features.Key(14, s0wt, n0w);
        f[k++] = Features.Key(15, s0w, n0wt);
        f[k++] = Features.Key(16, s0wt, n0t);
        f[k++] = Features.Key(17, s0t, n0wt);
        f[k++] = Features.Key(18, s0w, n0w);
        f[k++] = Features.Key(19, s0t, n0t);
        f[k++] = Features.Key(20, n0t, T(n1));
        // tag trigrams
        f[k++] = Features.Key(21, n0t, T(n1), T(n2));
        f[k++] = Features.Key(22, s0t, n0t, T(n1));
        f[k++] = Features.Key(23, T(s0h), s0t, n0t);
        f[k++] = Features.Key(24, s0t, T(s0l), n0t);
        f[k++] = Features.Key(25, s0t, T(s0r), n0t);
        f[k++] = Features.Key(26, s0t, n0t, T(n0l));
        // distance
        f[k++] = Features.Key(27, s0w, d);
        f[k++] = Features.Key(28, s0t, d);
        f[k++] = Features.Key(29, n0w, d);
        f[k++] = Features.Key(30, n0t, d);
        f[k++] = Features.Key(31, s0w, n0w, d);
        f[k++] = Features.Key(32, s0t, n0t, d);
        // valency
        f[k++] = Features.Key(33, s0w, s0vr);
        f[k++] = Features.Key(34, s0t, s0vr);
        f[k++] = Features.Key(35, s0w, s0vl);
        f[k++] = Features.Key(36, s0t, s0vl);
        f[k++] = Features.Key(37, n0w, n0vl);
        f[k++] = Features.Key(38, n0t, n0vl);
        // heads and children
        f[k++] = Features.Key(39, W(s0h));
        f[k++] = Features.Key(40, T(s0h));
        f[k++] = Features.Key(41, L(s, s0));
        f[k++] = Features.Key(42, W(s0l));
        f[k++] = Features.Key(43, T(s0l));
        f[k++] = Features.Key(44, L(s, s0l));
        f[k++] = Features.Key(45, W(s0r));
        f[k++] = Features.Key(46, T(s0r));
        f[k++] = Features.Key(47, L(s, s0r));
        f[k++] = Features.Key(48, W(n0l));
        f[k++] = Features.Key(49, T(n0l));
        f[k++] = Features.Key(50, L(s, n0l));
        // second order
        f[k++] = Features.Key(51, W(s0h2));
        f[k++] = Features.Key(52, T(s0h2));
        f[k++] = Features.Key(53, L(s, s0h));
        f[k++] = Features.Key(54, W(s0l2));
        f[k++] = Features.Key(55, T(s0l2));
        f[k++] = Features.Key(56, L(s, s0l2));
        f[k++] = Features.Key(57, W(s0r2));
        f[k++] = Features.Key(58, T(s0r2));
        f[k++] = Features.Key(59, L(s, s0r2));
        f[k++] = Features.Key(60, W(n0l2));
        f[k++] = Features.Key(61, T(n0l2));
        f[k++] = Features.Key(62, L(s, n0l2));
        f[k++] = Features.Key(63, s0t, T(s0l), T(s0l2));
        f[k++] = Features.Key(64, s0t, T(s0r), T(s0r2));
        f[k++] = Features.Key(65, s0t, T(s0h), T(s0h2));
        f[k++] = Features.Key(66, n0t, T(n0l), T(n0l2));
        // label sets
        f[k++] = Features.Key(67, s0w, s0sr);
        f[k++] = Features.Key(68, s0t, s0sr);
        f[k++] = Features.Key(69, s0w, s0sl);
        f[k++] = Features.Key(70, s0t, s0sl);
        f[k++] = Features.Key(71, n0w, n0sl);
        f[k++] = Features.Key(72, n0t, n0sl);
        // the word under the stack top
        f[k++] = Features.Key(73, WT(s1));
        f[k++] = Features.Key(74, T(s1), s0t, n0t);
        f[k++] = Features.Key(75, T(s1), s0t);
        f[k++] = Features.Key(76, s0 < 0 ? Features.None : (ulong)(s.Heads[s0] >= 0 ? 1 : 0), s0t, n0t);
        f[k++] = Features.Key(77, Suffix(n0), n0t);
        f[k++] = Features.Key(78, Suffix(s0), s0t);
        f[k++] = Features.Key(79, Shape(n0), n0t, s0t);
        f[k++] = Features.Key(80, Suffix(s0), Suffix(n0));
        f[k++] = Features.Key(81, Lemma(s0), s0t);
        f[k++] = Features.Key(82, Lemma(n0), n0t);
        f[k++] = Features.Key(83, Lemma(s0), Lemma(n0));
        f[k++] = Features.Key(84, Lemma(n0), s0t);
        f[k++] = Features.Key(85, Lemma(s0), n0t);
        f[k++] = Features.Key(86, Lemma(n0), T(n1));
        f[k++] = Features.Key(87, Lemma(s0), T(s0h));
        f[k++] = Features.Key(88, Lemma(s0h), s0t, n0t);
        f[k++] = Features.Key(89, Lemma(s1), s0t);
        f[k++] = Features.Key(90, Lemma(n0), d);
    }
}
