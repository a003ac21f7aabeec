using Dyad.Coding;
using Dyad.Documents;
using Dyad.Syntax;
using Lemmatizer = Dyad.Coding.Lemmatizer;
using Xunit;

namespace Dyad.Tests.Coding;

public sealed class CoderTokenTests
{
    private static readonly Lemmatizer Lemmatizer = new(TriggerLexicon.Default.Lemmas);

    private static string Dump(string text) =>
        string.Join(" ", CoderTokens.From(text, SyntaxAnnotator.Default.Parse(text, new TextSpan(0, text.Length)), Lemmatizer)
            .Select(t => $"{t.Text}/{t.Lemma}{(t.AfterHyphen ? "^" : "")}@{t.Span.Start}"));

    [Theory]
    // possessives split off, hyphenated words split with the second part marked
    [InlineData("Kim Jong-Un's visit", "Kim/kim@0 Jong/jong@4 Un/un^@9 's/'s@11 visit/visit@14")]
    // "U.S." keeps its periods; "didn't" splits into "did" and "not"
    [InlineData("The U.S. didn't sign.", "The/the@0 U.S./u.s.@4 did/do@9 n't/not@12 sign/sign@16 ./.@20")]
    // numbers keep their separators; test-fired is two words
    [InlineData("It test-fired 1,500 shells.", "It/it@0 test/test@3 fired/fire^@8 1,500/1,500@14 shells/shell@20 ./.@26")]
    public void SplitsAndLemmatises(string text, string expected) => Assert.Equal(expected, Dump(text));

    [Theory]
    [InlineData("met", "meet")]
    [InlineData("visited", "visit")]
    [InlineData("shelled", "shell")]
    [InlineData("imposed", "impose")]
    [InlineData("supplying", "supply")]
    [InlineData("sanctions", "sanction")]
    [InlineData("vetoed", "veto")]
    [InlineData("talks", "talk")]
    [InlineData("withdrew", "withdraw")]
    [InlineData("bought", "buy")]
    [InlineData("recognized", "recognize")]
    [InlineData("criticised", "criticise")]
    [InlineData("crises", "crisis")]
    public void LemmaOfInflectedForm(string form, string lemma) => Assert.Equal(lemma, Lemmatizer.Lemma(form));
}
