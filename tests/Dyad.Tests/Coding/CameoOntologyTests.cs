using Dyad.Coding;
using Xunit;

namespace Dyad.Tests.Coding;

public sealed class CameoOntologyTests
{
    private static readonly CameoOntology Ontology = CameoOntology.Default;

    [Fact]
    public void HasAll312CodesAndTwentyRoots()
    {
        Assert.Equal(312, Ontology.Codes.Length);
        Assert.Equal(312, Ontology.Codes.Select(c => c.Code).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20).Select(r => r.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)),
            Ontology.Codes.Where(c => c.Code.Length == 2).Select(c => c.Code));
        Assert.All(Ontology.Codes, c => Assert.Equal(c.Code[..2], c.Root));
    }

    [Theory]
    // code, name, ICEWS Goldstein weight, QuadClass, PLOVER event, PLOVER mode
    [InlineData("010", "Make statement", 0.0, 1, null, null)]
    [InlineData("016", "Deny responsibility", -5.0, 1, null, null)]
    [InlineData("036", "Express intent to meet or negotiate", 4.0, 1, "AGREE", null)]
    [InlineData("042", "Make a visit", 1.9, 1, "CONSULT", "visit")]
    [InlineData("057", "Sign formal agreement", 8.0, 1, "SUPPORT", null)]
    [InlineData("072", "Provide military aid", 8.3, 2, "AID", null)]
    [InlineData("0874", "Retreat or surrender militarily", 10.0, 2, "RETREAT", "disarm")]
    [InlineData("112", "Accuse", -2.0, 3, "ACCUSE", "disapprove")]
    [InlineData("129", "Veto", -5.0, 3, "REJECT", "yield")]
    [InlineData("163", "Impose embargo, boycott, or sanctions", -8.0, 4, "COERCE", "restrict")]
    [InlineData("190", "Use conventional military force", -10.0, 4, "ASSAULT", null)]
    [InlineData("2042", "Detonate nuclear weapons", -10.0, 4, "ASSAULT", "unconventional")]
    public void CarriesNameWeightQuadClassAndPlover(string code, string name, double goldstein, int quad, string? plover, string? mode)
    {
        var c = Ontology[code];
        Assert.Equal((name, goldstein, quad, plover, mode), (c.Name, c.Goldstein, c.QuadClass, c.PloverEvent, c.PloverMode));
    }

    [Fact]
    public void QuadClassFollowsTheRoot()
    {
        Assert.All(Ontology.Codes, c =>
        {
            int root = int.Parse(c.Root, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4, c.QuadClass);
        });
    }

    [Fact]
    public void UnknownCodeIsNull() => Assert.Null(Ontology.Find("999"));

    [Fact]
    public void TriggerLexiconCoversEveryRootWithKnownCodes()
    {
        var lexicon = TriggerLexicon.Default;
        var roots = lexicon.Entries.Where(e => e.Code is not null).Select(e => e.Code![..2]).Distinct().Order().ToArray();
        Assert.Equal(20, roots.Length);
        Assert.All(lexicon.Entries.Where(e => e.Code is not null), e => Assert.NotNull(Ontology.Find(e.Code!)));
    }

    [Fact]
    public void LexiconRejectsUnknownCodes()
    {
        var ex = Assert.Throws<InvalidDataException>(() => TriggerLexicon.Parse(new StringReader("999\tV frobnicate\tto=obj\n"), Ontology));
        Assert.Equal("triggers.tsv:1: unknown CAMEO code 999", ex.Message);
    }
}
