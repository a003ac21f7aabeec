using Dyad.Actors;

namespace Dyad.Tests.Actors;

public class DictionaryTests
{
    private static ActorDictionary Build(string name, string text, ActorFileFormat format) =>
        new ActorDictionaryBuilder().AddEmbedded().AddText(name, text, format).Build();

    private static string[] Problems(ActorDictionary dictionary) => [.. dictionary.Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Embedded_data_loads_without_problems()
    {
        var dictionary = ActorDictionary.Default;
        Assert.Empty(Problems(dictionary));
        Assert.True(dictionary.PersonCount >= 290, $"{dictionary.PersonCount} people");
        Assert.True(dictionary.EntryNames >= 1500, $"{dictionary.EntryNames} names");
    }

    [Fact]
    public void Entity_file_syntax_errors_name_file_line_and_problem()
    {
        const string text = "# actor\tcountry\tkind\tnames\tfrom\tto\n"
            + "XYZGOV\tXYZ\tgovernment\tXyz Council\t\t\n"
            + "xyz\tXYZ\tgovernment\tLower Case Code\t\t\n"
            + "XYZMIL\tXYZ\tarmy\tXyz Guard\t\t\n"
            + "XYZPTY\tXYZ\tparty\tXyz Party\t2020-13-01\t\n"
            + "XYZBUS\tXYZ\tcompany\n"
            + "XYZREB\tXYZ\tarmed-group\tXyz Front\t2021\t2019\n";
        var dictionary = Build("user.tsv", text, ActorFileFormat.Entities);
        Assert.Equal(
        [
            "user.tsv:3: error: 'xyz' is not an actor code (capital letters and digits)",
            "user.tsv:4: error: unknown kind 'army' (state, government, military, igo, party, company, armed-group, person, place, group, metonym:KIND, or none)",
            "user.tsv:5: error: bad date '2020-13-01' (expected YYYY-MM-DD, YYYY-MM or YYYY)",
            "user.tsv:6: error: expected 6 tab-separated columns, found 3",
            "user.tsv:7: error: the term ends (2019) before it starts (2021)",
        ], Problems(dictionary));
        Assert.Equal(["Xyz Council XYZGOV/XYZ government dictionary"], ActorTestKit.Dump("The Xyz Council met.", new DateOnly(2024, 1, 1), new ActorRecognizer(dictionary)));
    }

    [Fact]
    public void People_file_errors_and_duplicates_are_reported()
    {
        const string text = "# name\taliases\tactor\trole\tfrom\tto\n"
            + "Anna Example\t\tXYZGOV\tPresident of Xyz\t2020-01-01\t\n"
            + "Anna Example\t\tXYZGOV\tPresident of Xyz\t2020-01-01\t\n"
            + "Bo Example\t\tXYZGOV\tPrime Minister of Xyz\t\t\n"
            + "Vladimir Putin\t\tRUSGOV\tPresident of Russia\t2012-05-07\t\n";
        var dictionary = Build("people.tsv", text, ActorFileFormat.People);
        Assert.Equal(
        [
            "people.tsv:3: warning: duplicate: Anna Example as XYZGOV from 2020-01-01 is already listed at people.tsv:2; ignored",
            "people.tsv:4: error: a person's role needs a 'from' date",
            "people.tsv:5: warning: duplicate: Vladimir Putin as RUSGOV from 2012-05-07 is already listed at data/actors/people/rus.tsv:8; ignored",
        ], Problems(dictionary));
    }

    [Fact]
    public void A_conflicting_user_entry_overrides_and_is_reported()
    {
        const string text = "# code\tnames\tdemonyms\tseats\tfrom\tto\n"
            + "RUS\tRussia\t\t\t\t\n"
            + "XRU\tRussia\t\t\t\t\n";
        var dictionary = Build("mine.tsv", text, ActorFileFormat.States);
        Assert.Equal(
        [
            "mine.tsv:2: warning: duplicate: 'Russia' is already RUS (data/actors/states.tsv:147); ignored",
            "mine.tsv:3: warning: conflict: 'Russia' was RUS (data/actors/states.tsv:147); now XRU",
        ], Problems(dictionary));
        Assert.Equal(["Russia XRU/XRU state dictionary"], ActorTestKit.Dump("Russia agreed.", new DateOnly(2024, 1, 1), new ActorRecognizer(dictionary)));
    }

    [Fact]
    public void A_tsv_user_file_without_header_is_an_error()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-actors-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "XYZ\tXyz\t\t\t\t\n");
        try
        {
            var dictionary = ActorDictionary.Load(path);
            var problem = Assert.Single(dictionary.Diagnostics);
            Assert.Equal((path, 1, DiagnosticSeverity.Error), (problem.File, problem.Line, problem.Severity));
            Assert.StartsWith("a .tsv dictionary must start with a header comment naming its columns", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tabari_text_reads_synonyms_codes_dates_and_reports_errors()
    {
        const string text = "# a comment\n"
            + "ZEDLAND_ [ZED]  # the state\n"
            + "+ZEDLANDIA_\n"
            + "ANNA_ZED_  # a leader\n"
            + "+PRESIDENT_ZED_\n"
            + "\t[ZEDELI 900101-991231]\n"
            + "\t[ZEDGOV >000101]\n"
            + "\t[ZEDELI]\n"
            + "ZED_LIBERATION_FRONT_ [ZEDREB\n"
            + "ZED_ARMY_ [ZEDMIL 99x]\n"
            + "+ORPHAN_\n"
            + "ZED_COUNCIL_ [IGOZCO]\n";
        var dictionary = new ActorDictionaryBuilder().AddText("zed.actors", text, ActorFileFormat.Tabari).Build();
        Assert.Equal(
        [
            "zed.actors:9: error: missing ']'",
            "zed.actors:9: warning: 'ZED_LIBERATION_FRONT_' has no code; ignored",
            "zed.actors:10: error: bad date range '99x' (expected >YYMMDD, <YYMMDD or YYMMDD-YYMMDD)",
            "zed.actors:10: warning: 'ZED_ARMY_' has no code; ignored",
        ], Problems(dictionary));
        var recognizer = new ActorRecognizer(dictionary);
        Assert.Equal(
            ["Zedlandia ZED/ZED state dictionary", "Anna Zed ZEDGOV/ZED person dictionary", "President Zed ZEDGOV/ZED person dictionary", "Zed Council ZCO/ZCO igo dictionary"],
            ActorTestKit.Dump("Zedlandia said Anna Zed and President Zed met the Zed Council.", new DateOnly(2005, 1, 1), recognizer));
        Assert.Equal(["Anna Zed ZEDELI/ZED person dictionary"], ActorTestKit.Dump("Anna Zed spoke.", new DateOnly(1995, 6, 1), recognizer));
    }

    [Fact]
    public void Tabari_xml_comments_are_not_names()
    {
        // PETRARCH's validation dictionaries put headers and notes in <!-- --> comments, some spanning lines
        const string text = "<!-- ZED TEST SET -->\n<!--\nNOTE ON ZEDLAND\n-->\nZEDLAND_ [ZED]\nBAD_ [zed]\n";
        var dictionary = new ActorDictionaryBuilder().AddText("zed.actors", text, ActorFileFormat.Tabari).Build();
        Assert.Equal(["zed.actors:6: error: 'zed' is not an actor code", "zed.actors:6: warning: 'BAD_' has no code; ignored"], Problems(dictionary));
        Assert.Equal(["Zedland ZED/ZED state dictionary"], ActorTestKit.Dump("Zedland spoke of a note.", new DateOnly(2005, 1, 1), new ActorRecognizer(dictionary)));
    }

    [Fact]
    public void Petrarch_agents_give_the_sector_of_the_actor_they_follow()
    {
        const string text = "<!-- AGENTS -->\n"
            + "!PERSON! = MAN, MEN\n"
            + "CONGRESS!PERSON! [~LEG]  # a substitution set\n"
            + "POLICE {} [ ~COP]\n"
            + "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
            + "LIBERATION_ORGANIZATION [~REB]\n"
            + "AMBASSADOR [~GOV]\n"
            + "HUMAN_RIGHTS_BODY [NGO~]\n"
            + "CLERIC ~REL\n";
        var dictionary = new ActorDictionaryBuilder()
            .AddText("zed.actors", "ZEDLAND_ [ZED]\n+ZEDLANDI_\n", ActorFileFormat.Tabari)
            .AddText("zed.agents", text, ActorFileFormat.PetrarchAgents).Build();
        Assert.Equal(["zed.agents:8: warning: '[NGO~]': a code placed before the actor's is not supported; ignored", "zed.agents:9: error: an agent needs a [~CODE]"], Problems(dictionary));
        var recognizer = new ActorRecognizer(dictionary);
        // a regular plural is derived, {} has none, {A} lists them; a title such as "ambassador" stays Dyad's title
        Assert.Equal(
            ["Zedlandi police ZEDCOP/ZED government dictionary", "Zedland congressmen ZEDLEG/ZED government dictionary", "Zedland golden geese ZEDGGS/ZED group dictionary",
             "Zedland liberation organizations ZEDREB/ZED armedgroup dictionary"],
            ActorTestKit.Dump("Zedlandi police met Zedland congressmen, Zedland golden geese and Zedland liberation organizations.", new DateOnly(2005, 1, 1), recognizer));
        Assert.DoesNotContain("ambassador", dictionary.Agents.Keys);
    }

    [Fact]
    public void Phoenix_international_dictionary_imports()
    {
        string path = Path.Combine(TestPaths.Reference, "phoenix-dictionaries", "Phoenix.International.actors.txt");
        var dictionary = ActorDictionary.Load(path);
        Assert.Contains(dictionary.Diagnostics, d => d.File == path && d.Line == 40 && d.Message == "bad date range '2004017-20061201' (expected >YYMMDD, <YYMMDD or YYMMDD-YYMMDD)");
        var recognizer = new ActorRecognizer(dictionary);
        Assert.Equal(
            ["Kofi Annan UNO/UNO person dictionary", "International Labor Organization UNOLABILO/UNO igo dictionary"],
            ActorTestKit.Dump("Kofi Annan addressed the International Labor Organization.", new DateOnly(2000, 6, 1), recognizer));
        Assert.Equal(["Kofi Annan UNOELI/UNO person dictionary"], ActorTestKit.Dump("Kofi Annan spoke.", new DateOnly(2012, 6, 1), recognizer));
    }
}
