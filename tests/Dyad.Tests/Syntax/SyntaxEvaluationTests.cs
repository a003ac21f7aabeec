using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Syntax;

/// <summary>Floors under the syntax scores on the UD dev files (read from ../shared/reference); they only rise.</summary>
public sealed class SyntaxEvaluationTests
{
    private static List<ConlluSentence> Dev(string file) => [.. Conllu.ReadFile(Path.Combine(TestPaths.Reference, "ud-english", file))];

    [Theory]
    //          file                       UPOS   lemma  UAS    LAS
    [InlineData("en_ewt-ud-dev.conllu", 95.1, 96.8, 86.1, 83.1)]
    [InlineData("en_gum-cc-by-dev.conllu", 96.3, 98.2, 85.5, 82.8)]
    public void GoldTokenisationFloors(string file, double upos, double lemma, double uas, double las)
    {
        var s = SyntaxEvaluation.ScoreGoldTokens(SyntaxModel.Default, file, Dev(file));
        Assert.True(100 * s.UposF1 >= upos, SyntaxEvaluation.Summary(s));
        Assert.True(100 * s.LemmaF1 >= lemma, SyntaxEvaluation.Summary(s));
        Assert.True(100 * s.UasF1 >= uas, SyntaxEvaluation.Summary(s));
        Assert.True(100 * s.LasF1 >= las, SyntaxEvaluation.Summary(s));
    }

    [Theory]
    //          file                       sentences words  LAS
    [InlineData("en_ewt-ud-dev.conllu", 80.4, 98.4, 79.1)]
    [InlineData("en_gum-cc-by-dev.conllu", 92.8, 99.6, 81.9)]
    public void RawTextFloors(string file, double sentences, double words, double las)
    {
        var s = SyntaxEvaluation.ScoreRawText(SyntaxAnnotator.Default, file, Dev(file));
        Assert.True(100 * s.SentencesF1 >= sentences, SyntaxEvaluation.RawSummary(s));
        Assert.True(100 * s.WordsF1 >= words, SyntaxEvaluation.RawSummary(s));
        Assert.True(100 * s.LasF1 >= las, SyntaxEvaluation.RawSummary(s));
    }

    [Fact]
    public void GoldAgainstItselfScoresFull()
    {
        // The scorer's alignment: the treebank's own words, offsets from `# text`, score 100 on words and sentences.
        var gold = Dev("en_gum-cc-by-dev.conllu").Take(50).ToList();
        var (text, words, sentences) = SyntaxEvaluation.JoinText(gold);
        Assert.Equal(gold.Sum(g => g.Words.Length), words.Count);
        Assert.All(words, w => Assert.Equal(w.Word.Form, w.Span.Slice(text)));
        Assert.Equal(gold.Count, sentences.Count);
    }
}
