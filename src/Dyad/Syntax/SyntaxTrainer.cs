using System.Diagnostics;

namespace Dyad.Syntax;

/// <summary>Settings of a training run; the defaults reproduce the shipped model.</summary>
public sealed record SyntaxTrainingOptions
{
    public int Seed { get; init; } = 1;
    public int TaggerIterations { get; init; } = 10;
    public int ParserIterations { get; init; } = 10;
    /// <summary>Folds for jackknifed tags: the parser trains on tags predicted by a tagger that never saw the sentence.</summary>
    public int Folds { get; init; } = 4;
    /// <summary>Averaged weights smaller than this are dropped from the model.</summary>
    public float Prune { get; init; } = 0.05f;
    /// <summary>Probability of following the model's own (possibly wrong) transition from the second iteration on.</summary>
    public double Exploration { get; init; } = 0.9;
}

/// <summary>A treebank sentence prepared for training: forms, gold tag numbers, lemmas, features, projective heads (N = root) and label numbers.</summary>
internal sealed record TrainingSentence(string[] Forms, int[] Tags, string[] Lemmas, string[] Feats, int[] Heads, int[] Labels);

/// <summary>
/// Trains the syntax model from CoNLL-U treebanks: the tagger first, then jackknifed tags for the
/// training sentences, the lemmatiser, and the parser with a dynamic oracle and exploration.
/// Deterministic for a fixed seed.
/// </summary>
public static class SyntaxTrainer
{
    // Words seen this often carry their set of tags as a feature; rarer ones would carry their own gold tag.
    private const int AmbiguityMinCount = 3;

    public static SyntaxModel Train(IReadOnlyList<ConlluSentence> treebank, SyntaxTrainingOptions options, TextWriter log,
        Func<SyntaxModel, string>? evaluate = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var tags = treebank.SelectMany(s => s.Words).Select(w => TagName(w)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labels = treebank.SelectMany(s => s.Words).Select(w => w.Relation).Distinct().Order(StringComparer.Ordinal).ToArray();
        var tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var sentences = treebank.Where(s => s.Words.Length > 0).Select(s => Prepare(s, tagIndex, labelIndex)).ToList();
        log.WriteLine($"{sentences.Count:N0} sentences, {sentences.Sum(s => s.Forms.Length):N0} words, {tags.Length} tags, {labels.Length} relations");

        // Tagger on everything; jackknifed tags for the parser's training data.
        var tagger = TrainTagger(sentences, tags, options.TaggerIterations, options.Seed, options.Prune, cancellationToken);
        log.WriteLine($"tagger: {tagger.Model.FeatureCount:N0} features ({clock.Elapsed.TotalSeconds:F0} s)");
        var predicted = new int[sentences.Count][];
        Parallel.For(0, options.Folds, new ParallelOptions { CancellationToken = cancellationToken }, fold =>
        {
            var train = sentences.Where((_, i) => i % options.Folds != fold).ToList();
            var foldTagger = TrainTagger(train, tags, options.TaggerIterations, options.Seed + 1 + fold, options.Prune, cancellationToken);
            for (int i = fold; i < sentences.Count; i += options.Folds) predicted[i] = foldTagger.Tag(sentences[i].Forms);
        });
        double agreement = sentences.Select((s, i) => s.Tags.Zip(predicted[i]).Count(p => p.First == p.Second)).Sum() / (double)sentences.Sum(s => s.Forms.Length);
        log.WriteLine($"jackknifed tags: {agreement:P2} right ({clock.Elapsed.TotalSeconds:F0} s)");

        var lemmatizer = Lemmatizer.Train(sentences.SelectMany(s => s.Forms.Select((f, i) => (f, s.Tags[i], s.Lemmas[i], s.Feats[i]))), tags);

        // The parser reads lemmas as the pipeline gives them: from the lemmatiser, over the jackknifed tags.
        var lemmas = sentences.Select((s, i) => s.Forms.Select((f, k) => lemmatizer.Lemma(f, predicted[i][k])).ToArray()).ToArray();
        var trainer = new PerceptronTrainer(ArcEagerState.Classes(labels.Length));
        int rootLabel = labelIndex["root"];
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        SyntaxModel? model = null;
        for (int iteration = 1; iteration <= options.ParserIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            long steps = 0, errors = 0;
            foreach (int index in order)
            {
                var s = sentences[index];
                (steps, errors) = Add((steps, errors), TrainParser(trainer, s, predicted[index], lemmas[index], rootLabel, iteration > 1 ? options.Exploration : 0, rng));
            }
            string line = $"parser iteration {iteration}: {1 - errors / (double)steps:P2} transitions right, {trainer.FeatureCount:N0} features ({clock.Elapsed.TotalSeconds:F0} s)";
            if (evaluate is not null && (iteration == options.ParserIterations || iteration % 2 == 0))
            {
                model = new SyntaxModel(tagger, lemmatizer, new DependencyParser(trainer.Average(options.Prune), labels), "");
                line += "; " + evaluate(model);
            }
            log.WriteLine(line);
        }
        string description = $"trained on {sentences.Count} sentences; tagger {options.TaggerIterations} iterations, parser {options.ParserIterations}, {options.Folds} folds, seed {options.Seed}, prune {options.Prune}";
        return new SyntaxModel(tagger, lemmatizer, new DependencyParser(trainer.Average(options.Prune), labels), description);
    }

    private static (long, long) Add((long, long) a, (long, long) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2);

    internal static string TagName(ConlluWord w) => w.Upos + " " + (w.Xpos.Length == 0 ? "_" : w.Xpos);

    private static TrainingSentence Prepare(ConlluSentence s, Dictionary<string, int> tags, Dictionary<string, int> labels)
    {
        int n = s.Words.Length;
        var heads = s.Words.Select(w => w.Head < 0 ? n : w.Head).ToArray();
        Projectivize(heads);
        return new TrainingSentence(
            [.. s.Words.Select(w => w.Form)],
            [.. s.Words.Select(w => tags[TagName(w)])],
            [.. s.Words.Select(w => w.Lemma)],
            [.. s.Words.Select(w => w.Feats)],
            heads,
            [.. s.Words.Select(w => labels[w.Relation])]);
    }

    /// <summary>
    /// Lifts crossing arcs until the tree is projective (each lifted word hangs from its head's head),
    /// since the arc-eager oracle is exact only for projective trees. Heads use N for the root.
    /// </summary>
    internal static void Projectivize(int[] heads)
    {
        int n = heads.Length;
        while (true)
        {
            int worst = -1, worstLength = int.MaxValue;
            for (int d = 0; d < n; d++)
            {
                int h = heads[d];
                if (h == n) continue;
                int lo = Math.Min(h, d), hi = Math.Max(h, d);
                for (int k = lo + 1; k < hi; k++)
                {
                    if (Dominates(heads, h, k)) continue;
                    if (hi - lo < worstLength) { worst = d; worstLength = hi - lo; }
                    break;
                }
            }
            if (worst < 0) return;
            heads[worst] = heads[heads[worst]];
        }
    }

    private static bool Dominates(int[] heads, int ancestor, int k)
    {
        int n = heads.Length;
        for (int steps = 0; k != n && steps <= n; steps++)
        {
            if (k == ancestor) return true;
            k = heads[k];
        }
        return ancestor == n;
    }

    internal static PosTagger TrainTagger(IReadOnlyList<TrainingSentence> sentences, string[] tags, int iterations, int seed, float prune, CancellationToken cancellationToken)
    {
        var trainer = new PerceptronTrainer(tags.Length);
        var ambiguity = PosTagger.AmbiguityClasses(sentences.SelectMany(s => s.Forms.Zip(s.Tags)), AmbiguityMinCount);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var features = new ulong[TaggerWords.FeatureCount];
        var scores = new float[tags.Length];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            foreach (int index in order)
            {
                var s = sentences[index];
                var words = TaggerWords.Of(s.Forms, ambiguity);
                var guesses = new int[s.Forms.Length];
                for (int i = 0; i < s.Forms.Length; i++)
                {
                    words.Extract(i, guesses, features);
                    trainer.Score(features, scores);
                    int guess = PosTagger.ArgMax(scores);
                    trainer.Update(features, s.Tags[i], guess);
                    trainer.Tick();
                    guesses[i] = guess;
                }
            }
        }
        return new PosTagger(trainer.Average(prune), tags, ambiguity);
    }

    private static (long Steps, long Errors) TrainParser(PerceptronTrainer trainer, TrainingSentence s, int[] tags, string[] lemmas, int rootLabel, double exploration, Random rng)
    {
        int n = s.Forms.Length;
        var words = ParserWords.Of(s.Forms, tags, lemmas);
        var state = new ArcEagerState(n);
        Span<ulong> features = stackalloc ulong[ParserWords.FeatureCount];
        Span<float> scores = stackalloc float[trainer.Classes];
        Span<int> costs = stackalloc int[trainer.Classes];
        long steps = 0, errors = 0;
        while (!state.IsTerminal)
        {
            words.Extract(state, features);
            trainer.Score(features, scores);
            state.Costs(s.Heads, s.Labels, rootLabel, costs);
            int guess = -1, gold = -1, least = int.MaxValue;
            for (int a = 0; a < costs.Length; a++)
            {
                if (costs[a] == int.MaxValue) continue;
                if (guess < 0 || scores[a] > scores[guess]) guess = a;
                if (costs[a] < least || (costs[a] == least && scores[a] > scores[gold])) { least = costs[a]; gold = a; }
            }
            steps++;
            int next = gold;
            if (costs[guess] > least)
            {
                errors++;
                trainer.Update(features, gold, guess);
                if (exploration > 0 && rng.NextDouble() < exploration) next = guess;
            }
            else next = guess;
            trainer.Tick();
            state.Apply(next);
        }
        return (steps, errors);
    }
}
