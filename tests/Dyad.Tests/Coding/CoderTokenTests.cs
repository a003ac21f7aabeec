using Dyad.Coding;
using Dyad.Documents;
using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Coding;

public sealed class CoderTokenTests
{
    private static string Dump(string text) =>
        string.Join(" ", CoderTokens.From(text, SyntaxAnnotator.Default.Parse(text, new TextSpan(0, text.Length)))
            .Select(t => $"{t.Text}/{t.Lemma}{(t.AfterHyphen ? "^" : "")}@{t.Span.Start}"));

    [Theory]
    // possessives split off, hyphenated words split with the second part marked
    [InlineData("Kim Jong-Un's visit", "Kim/kim@0 Jong/jong@4 Un/un^@9 's/'s@11 visit/visit@14")]
    // "U.S." keeps its periods; "didn't" splits into "did" and "not"
    [InlineData("The U.S. didn't sign.", "The/the@0 U.S./u.s.@4 did/do@9 n't/not@12 sign/sign@16 ./.@20")]
    // numbers keep their separators; test-fired is two words
    [InlineData("It test-fired 1,500 shells.", "It/it@0 test/test@3 fired/fire^@8 1,500/1,500@14 shells/shell@20 ./.@26")]
    public void SplitsAndLemmatises(string text, string expected) => Assert.Equal(expected, Dump(text));

    // the trigger lexicon is looked up by these lemmas: each form, in a sentence, must give its trigger's lemma
    [Theory]
    [InlineData("The two leaders met in Hanoi.", "met", "meet")]
    [InlineData("Iran shot down a drone.", "shot", "shoot")]
    [InlineData("Brandt knelt at the memorial.", "knelt", "kneel")]
    [InlineData("Xi visited Moscow.", "visited", "visit")]
    [InlineData("The army shelled the town.", "shelled", "shell")]
    [InlineData("Brussels imposed new sanctions.", "sanctions", "sanction")]
    [InlineData("Moscow is supplying arms.", "supplying", "supply")]
    [InlineData("Russia vetoed the draft.", "vetoed", "veto")]
    [InlineData("The talks ended.", "talks", "talk")]
    [InlineData("Troops withdrew from the border.", "withdrew", "withdraw")]
    [InlineData("India bought jets.", "bought", "buy")]
    [InlineData("Kenya recognized Kosovo.", "recognized", "recognize")]
    [InlineData("Paris criticised Rome.", "criticised", "criticise")]
    [InlineData("Two crises followed.", "crises", "crisis")]
    public void LemmaOfInflectedForm(string text, string form, string lemma)
    {
        var tokens = CoderTokens.From(text, SyntaxAnnotator.Default.Parse(text, new TextSpan(0, text.Length)));
        Assert.Equal(lemma, tokens.Single(t => t.Text == form).Lemma);
    }
}

public sealed class CoderWordTests
{
    // the word classes are data (data/coding/words.tsv): each set the rules name is there, with its words
    [Theory]
    [InlineData("Determiners", "the")]
    [InlineData("Prepositions", "against")]
    [InlineData("Negators", "never")]
    [InlineData("Conditionals", "unless")]
    [InlineData("ObjectControl", "prompt")]
    [InlineData("DecisionNouns", "decision")]
    [InlineData("StopPrepositions", "despite")]
    [InlineData("GovernmentActs", "reform")]
    [InlineData("CourtActs", "ruling")]
    [InlineData("GovernmentSeats", "palace")]
    [InlineData("PopularActs", "protests")]
    [InlineData("StateForceSectors", "COP")]
    [InlineData("SocietySectors", "CVL")]
    [InlineData("ArmedOpposition", "REB")]
    [InlineData("ReactionRoots", "11")]
    [InlineData("MaterialConflictRoots", "19")]
    [InlineData("PurposeRoots", "10")]
    [InlineData("ExcludingPrepositions", "without")]
    [InlineData("DescriptiveCompounds", "backed")]
    [InlineData("BeforeVerbs", "reportedly")]
    [InlineData("Subordinators", "whereas")]
    [InlineData("PlaceAdjectives", "northern")]
    public void WordClassHoldsItsWords(string set, string word)
    {
        var property = typeof(Words).GetProperty(set) ?? throw new InvalidOperationException(set);
        var words = (System.Collections.Frozen.FrozenSet<string>)property.GetValue(null)!;
        Assert.Contains(word, (IReadOnlySet<string>)words);
    }

    // every set the file names is read by a property of Words, and every property has its set
    [Fact]
    public void EverySetOfTheFileIsUsed()
    {
        var names = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "data", "coding", "words.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..l.IndexOf('\t')]).Order().ToArray();
        var properties = typeof(Words).GetProperties().Select(p => p.Name).Order().ToArray();
        Assert.Equal(names, properties);
    }

    [Fact]
    public void AirWordsIgnoreCase() => Assert.Contains("Drones", (IReadOnlySet<string>)Words.AirWords);
}
