using Dyad.Actors;

namespace Dyad.Tests.Actors;

/// <summary>Names as people write them: surnames after full names, surnames alone, titles alone, variants and misspellings.</summary>
public class NameVariantTests
{
    private static string[] Dump(string text, int year, int month = 7, int day = 1) => ActorTestKit.Dump(text, new DateOnly(year, month, day));

    [Fact]
    public void A_surname_after_an_unknown_full_name_is_that_person()
    {
        // Scott Morrison, Australia's prime minister in 2019, is not the White House official named in full.
        Assert.Equal(
        [
            "Tim Morrison USAGOV/USA person inferred",
            "White House USAGOV/USA government metonym",
            "Morrison USAGOV/USA person coreference",
            "he USAGOV/USA person coreference",
        ], Dump("Tim Morrison, a White House official, testified on Tuesday. Morrison said he had raised concerns.", 2019, 11, 19));
    }

    [Fact]
    public void A_surname_after_an_unknown_name_with_no_country_is_nobody()
    {
        Assert.Equal(
            ["Japan JPN/JPN state dictionary"],
            Dump("Analyst Sarah Trudeau wrote that markets in Japan were calm. Trudeau expects yields to rise.", 2021, 5, 20));
    }

    [Fact]
    public void A_part_of_a_listed_name_is_that_person_and_the_surname_after_it_too()
    {
        // The dictionaries list "José Pedro Castillo Terrones"; "Castillo" alone is also a leader of El Salvador in 1960.
        Assert.Equal(
        [
            "Pedro Castillo PERGOV/PER person dictionary",
            "Peru's president PERGOV/PER person coreference",
            "Castillo PERGOV/PER person coreference",
        ], Dump("Pedro Castillo, Peru's president, faced a vote. Castillo said nothing.", 2022, 12, 5));
    }

    [Fact]
    public void A_surname_alone_needs_the_story_to_agree()
    {
        // Scott Morrison was in office, but nothing in the story is Australian or political.
        Assert.Equal([], Dump("Morrison told a radio show that the new stadium would open in March.", 2019, 6, 10));
        Assert.Equal(
            ["Morrison AUSGOV/AUS person dictionary", "Australia AUS/AUS state dictionary"],
            Dump("Morrison promised drought relief to farms in Australia.", 2019, 6, 12));
        // a title in apposition that the role fits
        Assert.Equal(
            ["Johnson GBRGOV/GBR person dictionary", "prime minister GBRGOV/GBR person coreference"],
            Dump("Johnson, the prime minister, named a new finance minister.", 2020, 2, 13));
        Assert.Equal([], Dump("Johnson scored twice in the second half.", 2020, 2, 14));
    }

    [Fact]
    public void A_head_of_government_in_office_with_a_surname_no_one_else_has_speaks_for_itself()
    {
        Assert.Equal(
            ["Biden USAGOV/USA person dictionary", "Xi CHNGOV/CHN person dictionary"],
            Dump("Biden and Xi met for four hours.", 2023, 11, 15));
    }

    [Fact]
    public void A_title_alone_is_the_office_holder_of_the_country_before_it_or_after_of()
    {
        Assert.Equal(
        [
            "Germany DEU/DEU state dictionary",
            "Poland POL/POL state dictionary",
            "chancellor DEUGOV/DEU person coreference",
            "foreign minister DEUGOV/DEU person coreference",
            "Warsaw POLGOV/POL government metonym",
        ], Dump("Germany will keep its border with Poland open, the chancellor said. The foreign minister said talks with Warsaw would go on.", 2021, 3, 15));
        Assert.Equal(
            ["foreign minister FRAGOV/FRA person coreference", "France FRA/FRA state dictionary"],
            Dump("The foreign minister of France sent condolences.", 2018, 7, 10));
    }

    [Fact]
    public void Transliteration_variants_and_misspellings_name_the_one_person_they_fit()
    {
        Assert.Equal(
        [
            "Moammar Kadhafi LBYGOV/LBY person dictionary",
            "Qadhafi LBYGOV/LBY person coreference",
        ], Dump("Moammar Kadhafi vowed to fight on. Qadhafi accused the rebels of treason.", 2011, 3, 10).Where(l => !l.StartsWith("rebels", StringComparison.Ordinal)).ToArray());
        Assert.Equal(
        [
            "Angela Merkle DEUGOV/DEU person dictionary",
            "Emmanuel Macorn FRAGOV/FRA person dictionary",
            "Merkle DEUGOV/DEU person coreference",
        ], Dump("Angela Merkle and Emmanuel Macorn spoke by video. Merkle said deliveries would speed up.", 2021, 2, 5));
        // a misspelt surname alone, the story naming the person's country
        Assert.Equal(
            ["Ukraine UKR/UKR state dictionary", "Zelenksy UKRGOV/UKR person dictionary"],
            Dump("Ukraine asked for more air defences. Zelenksy said every day of delay cost lives.", 2022, 3, 16));
    }

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
