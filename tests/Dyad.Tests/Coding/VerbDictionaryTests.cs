using Dyad.Coding;
using Xunit;

namespace Dyad.Tests.Coding;

public sealed class VerbDictionaryTests
{
    private static (System.Collections.Immutable.ImmutableArray<VerbPattern> Patterns, System.Collections.Immutable.ImmutableArray<VerbDictionaryError> Errors) Read()
    {
        using var reader = new StreamReader(TestPaths.Data("coding", "verbs-petrarch.txt"));
        return VerbDictionary.Read(reader, CameoOntology.Default);
    }

    [Fact]
    public void ReadsVerbsWithTheirCodesAndPatternsForEveryVerbOfTheBlock()
    {
        var (patterns, _) = Read();
        string table = VerbDictionary.ToTriggerTable(patterns, "verbs-petrarch.txt");
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(
        [
            "020\tV plead\tto=obj,with,against,on,to",
            "023\tV plead aid|assistance|supplies\tto=obj,with,against,on,to",
            "023\tV beseech aid|assistance|supplies\tto=obj,with,against,on,to",
            "0231\tV plead for debt relief\tto=obj,with,against,on,to",
            "0231\tV beseech for debt relief\tto=obj,with,against,on,to",
            "020\tV plead with\tto=with",
            "020\tV beseech with\tto=with",
            "-\tV plead nothing\tto=obj,with,against,on,to",
            "-\tV beseech nothing\tto=obj,with,against,on,to",
            "111\tV scold\tto=obj,with,against,on,to",
            "111\tV tell off\tto=obj,with,against,on,to",
            "1121\tV scold aid|assistance|supplies\tto=obj",
            "1121\tV tell off aid|assistance|supplies\tto=obj",
        ], lines);
    }

    [Fact]
    public void ReportsEachLineItCannotUse()
    {
        var (_, errors) = Read();
        Assert.Equal(
        [
            "line 15: words before the verb (a subject pattern): skipped",
            "line 16: a source after the verb: skipped",
            "line 17: unknown CAMEO code 9999",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ConvertedPatternsCodeThroughTheLexicon()
    {
        var (patterns, _) = Read();
        var extra = TriggerLexicon.Parse(new StringReader(VerbDictionary.ToTriggerTable(patterns, "test")), CameoOntology.Default, "test");
        var pipeline = DyadPipeline.WithLexicon(TriggerLexicon.Default.With(extra));
        var document = EventDocuments.FromText("t", "Chad pleaded with Niger for emergency supplies on Monday.", new DateOnly(2024, 3, 6));
        var e = Assert.Single(pipeline.CodeEvents(document));
        Assert.Equal(("TCD", "NER", "023"), (e.Source.Country, e.Target?.Country, e.Code.Code));
    }
}
