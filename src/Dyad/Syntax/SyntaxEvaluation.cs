using Dyad.Documents;

namespace Dyad.Syntax;

/// <summary>
/// Scores of the syntax stage against a treebank, as the CoNLL 2018 shared task counts them: word
/// precision, recall and F1 (1 on gold tokenisation) and, over aligned words, UPOS, XPOS, lemma, UAS and
/// LAS (relations compared without subtypes) as F1; LAS with subtypes is printed beside it.
/// </summary>
public sealed record SyntaxScores(
    string Name,
    int GoldWords,
    int SystemWords,
    int Aligned,
    int Upos,
    int Xpos,
    int Lemma,
    int Uas,
    int Las,
    int FullLas,
    int GoldSentences,
    int SystemSentences,
    int SentencesMatched)
{
    public double WordsF1 => F1(Aligned);
    public double UposF1 => F1(Upos);
    public double XposF1 => F1(Xpos);
    public double LemmaF1 => F1(Lemma);
    public double UasF1 => F1(Uas);
    public double LasF1 => F1(Las);
    public double FullLasF1 => F1(FullLas);
    public double SentencesF1 => GoldSentences + SystemSentences == 0 ? 0 : 2.0 * SentencesMatched / (GoldSentences + SystemSentences);

    private double F1(int correct) => GoldWords + SystemWords == 0 ? 0 : 2.0 * correct / (GoldWords + SystemWords);
}

public static class SyntaxEvaluation
{
    /// <summary>Scores the model on the treebank's own words (gold tokenisation and sentence splits).</summary>
    public static SyntaxScores ScoreGoldTokens(SyntaxModel model, string name, IReadOnlyList<ConlluSentence> gold)
    {
        int words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, full = 0;
        foreach (var sentence in gold)
        {
            if (sentence.Words.Length == 0) continue;
            var forms = sentence.Words.Select(w => w.Form).ToArray();
            var a = model.Analyse(forms);
            for (int i = 0; i < forms.Length; i++)
            {
                var g = sentence.Words[i];
                words++;
                if (model.Tagger.Upos[a.Tags[i]] == g.Upos) upos++;
                if (model.Tagger.Xpos[a.Tags[i]] == g.Xpos) xpos++;
                if (a.Lemmas[i] == g.Lemma) lemma++;
                if (a.Heads[i] != g.Head) continue;
                uas++;
                string relation = model.Parser.Labels[a.Labels[i]];
                if (BaseOf(relation) == BaseOf(g.Relation)) las++;
                if (relation == g.Relation) full++;
            }
        }
        int sentences = gold.Count(s => s.Words.Length > 0);
        return new SyntaxScores(name, words, words, words, upos, xpos, lemma, uas, las, full, sentences, sentences, sentences);
    }

    /// <summary>
    /// Scores the model from raw text: the treebank's sentences joined into one text (paragraphs apart),
    /// split into sentences and words by Dyad, and aligned to the gold words by character offsets.
    /// </summary>
    public static SyntaxScores ScoreRawText(SyntaxAnnotator annotator, string name, IReadOnlyList<ConlluSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(annotator);
        var (text, goldWords, goldSentences) = JoinText(gold);
        var spans = Dyad.Text.SentenceSplitter.Split(text);
        var system = new List<(TextSpan Span, SyntaxToken Token, TextSpan HeadSpan)>();
        foreach (var span in spans)
        {
            var parsed = annotator.Parse(text, span);
            foreach (var t in parsed.Tokens) system.Add((t.Span, t, t.Head < 0 ? default : parsed.Tokens[t.Head].Span));
        }
        var goldBySpan = new Dictionary<TextSpan, (ConlluWord Word, TextSpan HeadSpan)>();
        foreach (var (word, span, head) in goldWords) goldBySpan.TryAdd(span, (word, head));
        int aligned = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, full = 0;
        foreach (var (span, token, headSpan) in system)
        {
            if (!goldBySpan.TryGetValue(span, out var g)) continue;
            aligned++;
            if (token.Upos == g.Word.Upos) upos++;
            if (token.Xpos == g.Word.Xpos) xpos++;
            if (token.Lemma == g.Word.Lemma) lemma++;
            if (headSpan != g.HeadSpan) continue;
            uas++;
            if (BaseOf(token.Relation) == BaseOf(g.Word.Relation)) las++;
            if (token.Relation == g.Word.Relation) full++;
        }
        var goldSentenceSet = goldSentences.ToHashSet();
        int matched = spans.Count(goldSentenceSet.Contains);
        return new SyntaxScores(name, goldWords.Count, system.Count, aligned, upos, xpos, lemma, uas, las, full, goldSentences.Count, spans.Length, matched);
    }

    /// <summary>The treebank as one text with each gold word's span and its head's span (default for the root).</summary>
    internal static (string Text, List<(ConlluWord Word, TextSpan Span, TextSpan Head)> Words, List<TextSpan> Sentences) JoinText(IReadOnlyList<ConlluSentence> gold)
    {
        var sb = new System.Text.StringBuilder();
        var words = new List<(ConlluWord, TextSpan, TextSpan)>();
        var sentences = new List<TextSpan>();
        foreach (var sentence in gold)
        {
            var offsets = Conllu.WordOffsets(sentence);
            if (offsets is null || sentence.Text is null) continue;
            if (sb.Length > 0) sb.Append(sentence.Comments.Any(c => c.StartsWith("# newdoc", StringComparison.Ordinal) || c.StartsWith("# newpar", StringComparison.Ordinal)) ? "\n\n" : " ");
            int at = sb.Length;
            string t = sentence.Text;
            int trimmedEnd = t.TrimEnd().Length;
            sb.Append(t);
            sentences.Add(new TextSpan(at, at + trimmedEnd));
            for (int i = 0; i < sentence.Words.Length; i++)
            {
                var w = sentence.Words[i];
                var span = new TextSpan(at + offsets[i].Start, at + offsets[i].End);
                var head = w.Head < 0 ? default : new TextSpan(at + offsets[w.Head].Start, at + offsets[w.Head].End);
                words.Add((w, span, head));
            }
        }
        return (sb.ToString(), words, sentences);
    }

    /// <summary>
    /// The treebank's sentences by genre where their ids name one (GUM's "GUM_news_...", EWT's
    /// "weblog-...", "newsgroup-...", "email-...", "answers-...", "reviews-..."), else one group.
    /// </summary>
    public static IEnumerable<(string Genre, List<ConlluSentence> Sentences)> ByGenre(IEnumerable<ConlluSentence> gold) =>
        gold.GroupBy(Genre).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.ToList()));

    private static string Genre(ConlluSentence s)
    {
        string id = s.Id ?? "";
        if (id.StartsWith("GUM_", StringComparison.Ordinal)) return id.Split('_')[1];
        int dash = id.IndexOf('-');
        return dash > 0 ? id[..dash] : "all";
    }

    internal static string BaseOf(string relation) => relation.IndexOf(':') is var c and > 0 ? relation[..c] : relation;

    public static string RawSummary(SyntaxScores s) =>
        $"{s.Name} (raw text): sentences {100 * s.SentencesF1:F2} words {100 * s.WordsF1:F2} UPOS {100 * s.UposF1:F2} XPOS {100 * s.XposF1:F2} lemma {100 * s.LemmaF1:F2} UAS {100 * s.UasF1:F2} LAS {100 * s.LasF1:F2}";

    public static string Summary(SyntaxScores s) =>
        $"{s.Name}: UPOS {100 * s.UposF1:F2} XPOS {100 * s.XposF1:F2} lemma {100 * s.LemmaF1:F2} UAS {100 * s.UasF1:F2} LAS {100 * s.LasF1:F2} (with subtypes {100 * s.FullLasF1:F2})";
}
