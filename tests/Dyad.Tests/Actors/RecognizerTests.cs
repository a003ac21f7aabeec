using Dyad.Documents;
using Dyad.Actors;

namespace Dyad.Tests.Actors;

public class RecognizerTests
{
    private static string[] Dump(string text, int year, int month = 7, int day = 1) => ActorTestKit.Dump(text, new DateOnly(year, month, day));

    [Fact]
    public void Pronouns_follow_the_person_of_their_clause()
    {
        Assert.Equal(
        [
            "Putin RUSGOV/RUS person dictionary",
            "Russia RUS/RUS state dictionary",
            "Kim Jong-un PRKGOV/PRK person dictionary",
            "his PRKGOV/PRK person coreference",
            // A pronoun opening a sentence takes the first person of the last sentence that named one.
            "He RUSGOV/RUS person coreference",
        ], Dump("Putin said Russia would help, while Kim Jong-un pledged his support. He left on Friday.", 2023));
    }

    [Fact]
    public void Him_does_not_point_to_the_subject_of_its_own_sentence()
    {
        Assert.Equal(
        [
            "Vladimir Putin RUSGOV/RUS person dictionary",
            "Pyongyang PRK/PRK place dictionary",
            "Kim Jong-un PRKGOV/PRK person dictionary",
            "him RUSGOV/RUS person coreference",
        ], Dump("Vladimir Putin arrived in Pyongyang. Kim Jong-un greeted him.", 2024));
    }

    [Fact]
    public void A_bare_surname_takes_the_person_named_earlier()
    {
        // Two Kims in the dictionary held office in 2012; the document names the one it means.
        Assert.Equal(
        [
            "Kim Jong-un PRKGOV/PRK person dictionary",
            "Kim PRKGOV/PRK person coreference",
            // the only state the document names is the troops' country
            "troops PRKMIL/PRK military agent",
        ], Dump("Kim Jong-un inspected a factory. Later Kim visited troops.", 2012));
    }

    [Fact]
    public void A_bare_surname_followed_by_another_name_is_someone_else()
    {
        Assert.Equal(["Kim Jong-un PRKGOV/PRK person dictionary", "reporter MED/- group agent"], Dump("Kim Jong-un spoke. The reporter Kim Tong-Hyung wrote the story.", 2022));
    }

    [Fact]
    public void Both_countries_are_the_last_two_countries_named_and_an_object_looks_before_its_sentence()
    {
        Assert.Equal(
        [
            "U.S. USA/USA state dictionary",
            "South Korea KOR/KOR state dictionary",
            "Both countries USA/USA state coreference",
            "Both countries KOR/KOR state coreference",
            "Russia RUS/RUS state dictionary",
        ], Dump("The U.S. and South Korea voiced concern. Both countries warned Russia.", 2023));
        Assert.Equal(
        [
            "Seoul KORGOV/KOR government metonym",
            "Tokyo JPNGOV/JPN government metonym",
            "Beijing CHNGOV/CHN government metonym",
            "two governments KOR/KOR state coreference",
            "two governments JPN/JPN state coreference",
        ], Dump("Seoul and Tokyo cut flights. Beijing criticised the two governments.", 2020));
        // "both sides" is left alone: it often names the parties of a conflict, not the last two countries
        Assert.Equal(["Iran IRN/IRN state dictionary", "Iraq IRQ/IRQ state dictionary"], Dump("Iran and Iraq fought. Both sides lost.", 1985));
    }

    [Fact]
    public void A_bare_title_is_the_office_holder_of_the_nearest_country_that_has_one()
    {
        // Ukraine is nearer, but Germany is the one with a chancellor
        Assert.Equal(
        [
            "Germany DEU/DEU state dictionary",
            "Ukraine UKR/UKR state dictionary",
            "chancellor DEUGOV/DEU person coreference",
        ], Dump("Germany will send tanks to Ukraine, the chancellor announced.", 2023, 1, 25));
        Assert.Equal("Olaf Scholz", ActorTestKit.Recognize("Germany will send tanks to Ukraine, the chancellor announced.", new DateOnly(2023, 1, 25))[2].Name);
        // no country with such an office near: no mention
        Assert.Equal(["Oman OMN/OMN state dictionary"], Dump("The talks in Oman ended, the chancellor said.", 2023));
    }

    [Fact]
    public void Descriptions_resolve_to_the_person_or_the_office_holder()
    {
        Assert.Equal(
        [
            "North Korean leader PRKGOV/PRK person coreference",
            "Pyongyang PRK/PRK place dictionary",
            "Russian side RUSGOV/RUS government demonym",
        ], Dump("The North Korean leader flew back to Pyongyang, and the Russian side agreed.", 2023));
        Assert.Equal("Kim Jong-un", ActorTestKit.Recognize("The North Korean leader returned.", new DateOnly(2023, 9, 19))[0].Name);
    }

    [Fact]
    public void The_two_leaders_are_the_last_two_people_named()
    {
        Assert.Equal(
        [
            "Biden USAGOV/USA person dictionary",
            "Xi CHNGOV/CHN person dictionary",
            "two leaders USAGOV/USA person coreference",
            "two leaders CHNGOV/CHN person coreference",
        ], Dump("Biden met Xi in California. The two leaders agreed to talk again.", 2023, 11, 15));
    }

    [Fact]
    public void Parentheses_define_abbreviations_and_appositions_stay_separate()
    {
        Assert.Equal(
        [
            "Korean Central News Agency PRKMED/PRK group dictionary",
            "KCNA PRKMED/PRK group dictionary",
            "Kim Il-sung PRKGOV/PRK person dictionary",
            "Kim Jong-un PRKELI/PRK person dictionary",
        ], Dump("The Korean Central News Agency (KCNA) praised Kim Il-sung (Kim Jong-un's grandfather).", 1980));
    }

    [Fact]
    public void A_defined_abbreviation_is_recognised_later()
    {
        Assert.Equal(
        [
            "Sudanese Armed Forces SDNMIL/SDN military dictionary",
            "SAF SDNMIL/SDN military dictionary",
            "SAF SDNMIL/SDN military dictionary",
        ], Dump("The Sudanese Armed Forces (SAF) attacked. Later the SAF withdrew.", 2023));
        Assert.Empty(Dump("Later the SAF withdrew.", 2023));
    }

    [Fact]
    public void New_names_with_a_title_and_a_country_are_inferred()
    {
        Assert.Equal(
        [
            "Chadian Interior Minister Abakar Exemplar TCDGOV/TCD person inferred",
            "Exemplar TCDGOV/TCD person coreference",
            "Idriss Modelle IRNMIL/IRN person inferred",
            "Quds Force IRNMIL/IRN military dictionary",
        ], Dump("Chadian Interior Minister Abakar Exemplar arrived. Exemplar praised Idriss Modelle, the commander of the Quds Force.", 2019));
        var minister = ActorTestKit.Recognize("Chadian Interior Minister Abakar Exemplar arrived.", new DateOnly(2019, 1, 1))[0];
        Assert.Equal(("Abakar Exemplar", "Interior Minister"), (minister.Name, minister.Role));
    }

    [Fact]
    public void Capitals_are_governments_unless_a_word_of_place_precedes()
    {
        Assert.Equal(
        [
            "Moscow RUSGOV/RUS government metonym",
            "Kremlin RUSGOV/RUS government metonym",
            "Washington USA/USA place dictionary",
        ], Dump("Moscow protested and the Kremlin recalled its envoy from Washington.", 2015));
    }

    [Fact]
    public void Country_words_with_agent_nouns_and_without()
    {
        Assert.Equal(
        [
            "Chinese military CHNMIL/CHN military dictionary",
            "Russian officials RUSGOV/RUS government demonym",
            "Japanese JPN/JPN state demonym",
        ], Dump("The Chinese military and Russian officials watched Japanese ships.", 2021));
    }

    [Fact]
    public void Lower_case_words_do_not_match_capitalised_names()
    {
        Assert.Empty(Dump("Let us turn to a new chapter; the chad and the turkey were counted.", 2020));
    }

    [Fact]
    public void Accents_do_not_matter_and_surnames_come_from_aliases_too()
    {
        Assert.Equal(
        [
            "Shigeru Yoshida JPNGOV/JPN person dictionary",
            "Kijūrō Shidehara JPNELI/JPN person dictionary",
            "Shidehara JPNELI/JPN person coreference",
            "Brasilia BRAGOV/BRA government metonym",
            "Brasília BRAGOV/BRA government metonym",
        ], Dump("Shigeru Yoshida succeeded Kijūrō Shidehara. Shidehara stayed on, and Brasilia and Brasília agreed.", 1946, 8, 1));
        Assert.Equal(["Ohira JPNGOV/JPN person dictionary"], Dump("Ohira spoke.", 1979));
    }

    [Fact]
    public void Names_that_hold_an_actor_name_but_are_no_actor_yield_nothing()
    {
        Assert.Equal(
            ["China CHN/CHN state dictionary", "Japan JPN/JPN state dictionary"],
            Dump("The South China Sea ruling angered China, and the Paris climate agreement pleased Japan.", 2016));
    }

    [Fact]
    public void One_recogniser_serves_many_threads()
    {
        const string text = "Putin met Kim Jong-un in Vladivostok. The two leaders talked, and he praised Moscow.";
        string expected = string.Join('|', Dump(text, 2023));
        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = string.Join('|', Dump(text, 2023)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            ActorTestKit.Recognizer.Recognize("Russia spoke.", [new TextSpan(0, 13)], _ => null, source.Token));
    }
}
