using Dyad.Actors;

namespace Dyad.Tests.Actors;

/// <summary>Names as people write them: surnames after full names, surnames alone, titles alone, variants and misspellings.</summary>
public class NameVariantTests
{
    private static string[] Dump(string text, int year, int month = 7, int day = 1) => ActorTestKit.Dump(text, new DateOnly(year, month, day));

    [Theory]
    [InlineData("gaddafi", "qadhafi")]
    [InlineData("gaddafi", "kadhafi")]
    [InlineData("ahmadinejad", "ahmadinezhad")]
    [InlineData("mubarak", "moubarak")]
    [InlineData("zelensky", "zelenskiy")]
    public void Variants_fold_to_one_key(string a, string b) => Assert.Equal(NameVariants.Fold(a), NameVariants.Fold(b));

    [Theory]
    [InlineData("merkel", "merkle", true)]
    [InlineData("macron", "macorn", true)]
    [InlineData("obama", "obamma", true)]
    [InlineData("netanyahu", "netanyhau", true)]
    [InlineData("putin", "putin", false)]
    [InlineData("merkel", "mercer", false)]
    [InlineData("bush", "brushes", false)]
    public void One_edit_is_a_letter_added_dropped_changed_or_swapped(string a, string b, bool expected) =>
        Assert.Equal(expected, NameVariants.OneEdit(a, b));

    [Fact]
    public void Short_words_are_not_misspellings()
    {
        // "Xie" is one letter from "Xi", but a word of three letters is taken only as written (or as a variant).
        Assert.False(NameVariants.Same("xie", "xi"));
        Assert.True(NameVariants.Same("obama", "obamma"));
    }

    [Fact]
    public void Transliteration_rules_are_checked()
    {
        var upper = Assert.Throws<InvalidDataException>(() => NameVariants.ParseRules("transliteration.tsv", "# from\tto\nKh\tk\n"));
        Assert.Equal("transliteration.tsv:2: a rule rewrites lower-case letters to lower-case letters: 'Kh' -> 'k'", upper.Message);
        var twice = Assert.Throws<InvalidDataException>(() => NameVariants.ParseRules("transliteration.tsv", "kh\tk\nkh\tc\n"));
        Assert.Equal("transliteration.tsv:2: duplicate rule for 'kh'", twice.Message);
        Assert.Equal("k", NameVariants.ParseRules("t.tsv", "kh\tk\n")["kh"]);
    }
}
