using Dyad.Coding;
using Dyad.Documents;
using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>The structure the coder reads from the parse: subjects through control, coordination and relative clauses; arguments with their prepositions; negation.</summary>
public sealed class SentenceTreeTests
{
    private static (SentenceTree Tree, List<Token> Tokens) Parse(string text)
    {
        var parse = SyntaxAnnotator.Default.Parse(text, new TextSpan(0, text.Length));
        var tokens = CoderTokens.From(text, parse);
        return (new SentenceTree(parse, tokens), tokens);
    }

    private static int Word(SentenceTree tree, List<Token> tokens, string form) => tree.WordOf(tokens.FindIndex(t => t.Text == form));

    [Theory]
    [InlineData("Chile sent troops to Peru.", "sent", "Chile")]
    // a controller's subject does what its infinitive says
    [InlineData("Chile agreed to send troops to Peru.", "send", "Chile")]
    // object control: the one urged acts
    [InlineData("Brazil urged Chile to withdraw its troops.", "withdraw", "Chile")]
    // conjuncts share the subject
    [InlineData("Chile met Peru and signed a treaty.", "signed", "Chile")]
    // a relative clause's subject is the noun it modifies
    [InlineData("The army, which shelled the town, withdrew.", "shelled", "army")]
    // a purpose clause is done by the main clause's subject
    [InlineData("The senate voted on Monday to impeach the governor.", "impeach", "senate")]
    public void SubjectOfAPredicate(string text, string predicate, string subject)
    {
        var (tree, tokens) = Parse(text);
        int found = tree.ResolvedSubject(Word(tree, tokens, predicate), passive: false);
        Assert.Equal(subject, found < 0 ? null : tree[found].Form);
    }

    [Theory]
    [InlineData("Chile sent troops to Peru.", "sent", "obj:troops to:Peru")]
    [InlineData("The talks were hosted by Oman.", "hosted", "by:Oman")]
    [InlineData("Japan imposed sanctions on Iran.", "imposed", "obj:sanctions on:Iran")]
    // the subject of a complement clause: what a demand or a ruling is about
    [InlineData("Egypt demanded that Israel withdraw.", "demanded", "that:Israel")]
    public void ArgumentsWithTheirSlots(string text, string predicate, string expected)
    {
        var (tree, tokens) = Parse(text);
        var args = tree.Arguments(Word(tree, tokens, predicate)).Select(a => $"{a.Slot}:{tree[a.Word].Form}");
        Assert.Equal(expected, string.Join(" ", args));
    }

    [Theory]
    [InlineData("Chile did not sign the treaty.", "sign", true)]
    [InlineData("Chile signed no treaty.", "signed", true)]
    [InlineData("Chile signed the treaty.", "signed", false)]
    public void Negation(string text, string predicate, bool negated)
    {
        var (tree, tokens) = Parse(text);
        Assert.Equal(negated, tree.Negated(Word(tree, tokens, predicate)));
    }

    [Fact]
    public void APassiveVerbIsPassive()
    {
        var (tree, tokens) = Parse("Sanctions were imposed on Iran.");
        Assert.True(tree.IsPassive(tokens.FindIndex(t => t.Text == "imposed")));
        Assert.False(tree.IsPassive(tokens.FindIndex(t => t.Text == "Sanctions")));
    }
}
