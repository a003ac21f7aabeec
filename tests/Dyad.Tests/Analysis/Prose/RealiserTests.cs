using System.Collections.Immutable;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Analysis.Prose;
using Dyad.Coding;
using Dyad.Store;

namespace Dyad.Tests.Analysis.Prose;

/// <summary>The realiser writes an event's record as a sentence: names, verb phrase, place, date at its precision, modality, notes.</summary>
public sealed class RealiserTests
{
    private static readonly EventCitation Note = new("1", "Wire", "Report", new DateOnly(2023, 9, 14), "https://news.example/report");

    internal static EventRow Event(
        string cameo, string modality = "asserted", string date = "2023-09-13", string precision = "day",
        (string? Text, string? Actor, string? Country)? source = null, (string? Text, string? Actor, string? Country)? target = null,
        string? end = null, string? place = null, string? placeCountry = null, string id = "e1", EventCitation? note = null)
    {
        var code = CameoOntology.Default[cameo];
        var (st, sa, sc) = source ?? ("Russia", "RUSGOV", "RUS");
        var (tt, ta, tc) = target ?? ("North Korea", "PRKGOV", "PRK");
        var start = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        return new EventRow
        {
            Id = id,
            Doc = "doc.txt",
            DateStart = start,
            DateEnd = end is null ? start : DateOnly.Parse(end, CultureInfo.InvariantCulture),
            DateValue = date,
            DatePrecision = precision,
            SourceText = st, SourceActor = sa, SourceCountry = sc,
            TargetText = tt, TargetActor = ta, TargetCountry = tc,
            Cameo = cameo, Root = code.Root, Label = code.Name, Goldstein = code.Goldstein, QuadClass = code.QuadClass,
            Modality = modality,
            LocationText = place, LocationCountry = placeCountry,
            Citations = [note ?? Note],
            CoderVersion = "test",
        };
    }

    private static Realiser New() => new(ActorNames.Default, VerbPhrases.Default, new Footnotes());

    private static string Say(EventRow e, Attribution? who = null, DatePlacement placement = DatePlacement.End) => New().Sentence([e], who, placement).Text;

    // One case per CAMEO root: the code and the sentence for Russia acting on North Korea on 13 September 2023.
    [Theory]
    [InlineData("010", "Russia commented on North Korea on 13 September 2023.")]
    [InlineData("023", "Russia appealed to North Korea for aid on 13 September 2023.")]
    [InlineData("036", "Russia expressed the wish to meet North Korea on 13 September 2023.")]
    [InlineData("042", "Russia visited North Korea on 13 September 2023.")]
    [InlineData("057", "Russia signed an agreement with North Korea on 13 September 2023.")]
    [InlineData("061", "Russia cooperated economically with North Korea on 13 September 2023.")]
    [InlineData("071", "Russia provided economic aid to North Korea on 13 September 2023.")]
    [InlineData("085", "Russia eased sanctions on North Korea on 13 September 2023.")]
    [InlineData("090", "Russia investigated North Korea on 13 September 2023.")]
    [InlineData("106", "Russia demanded talks with North Korea on 13 September 2023.")]
    [InlineData("112", "Russia accused North Korea on 13 September 2023.")]
    [InlineData("129", "Russia vetoed a proposal by North Korea on 13 September 2023.")]
    [InlineData("138", "Russia threatened North Korea with military force on 13 September 2023.")]
    [InlineData("141", "Russia demonstrated against North Korea on 13 September 2023.")]
    [InlineData("154", "Russia mobilised armed forces against North Korea on 13 September 2023.")]
    [InlineData("163", "Russia imposed sanctions on North Korea on 13 September 2023.")]
    [InlineData("173", "Russia arrested or charged North Korea on 13 September 2023.")]
    [InlineData("186", "Russia assassinated North Korea on 13 September 2023.")]
    [InlineData("195", "Russia carried out air strikes on North Korea on 13 September 2023.")]
    [InlineData("204", "Russia used weapons of mass destruction against North Korea on 13 September 2023.")]
    public void One_sentence_per_root(string cameo, string expected) => Assert.Equal(expected, Say(Event(cameo)));

    private static readonly Attribution UsIntelligence = new("U.S. intelligence", "USASPY");
    private static readonly Attribution Kremlin = new("the Kremlin", "RUSGOV");

    // One case per modality (with and without someone who voices it, the date after the verb or in front): the sentence an analyst writes.
    public static TheoryData<string, string, Attribution?, bool, string> Modalities => new()
    {
        { "072", "asserted", null, false, "North Korea provided military aid to Russia on 13 September 2023." },
        { "072", "alleged", UsIntelligence, false, "U.S. intelligence alleged that North Korea provided military aid to Russia on 13 September 2023." },
        { "072", "alleged", null, false, "North Korea reportedly provided military aid to Russia on 13 September 2023." },
        { "057", "denied", Kremlin, false, "The Kremlin denied on 13 September 2023 that North Korea signed an agreement with Russia." },
        { "057", "denied", null, false, "North Korea denied on 13 September 2023 that it signed an agreement with Russia." },
        { "042", "intended", Kremlin, false, "The Kremlin announced that North Korea would visit Russia on 13 September 2023." },
        { "042", "intended", null, false, "North Korea announced plans to visit Russia on 13 September 2023." },
        { "033", "intended", null, false, "North Korea offered material aid to Russia on 13 September 2023." },
        { "062", "hypothetical", UsIntelligence, true, "U.S. intelligence said on 13 September 2023 that North Korea could cooperate militarily with Russia." },
        { "062", "hypothetical", null, true, "On 13 September 2023, North Korea was expected to cooperate militarily with Russia." },
        { "062", "hypothetical", null, false, "North Korea is expected to cooperate militarily with Russia on 13 September 2023." },
        { "057", "negated", null, false, "North Korea did not sign an agreement with Russia on 13 September 2023." },
    };

    [Theory]
    [MemberData(nameof(Modalities))]
    public void One_sentence_per_modality(string cameo, string modality, Attribution? who, bool dateInFront, string expected) =>
        Assert.Equal(expected, Say(Event(cameo, modality, source: ("North Korea", "PRKGOV", "PRK"), target: ("Russia", "RUSGOV", "RUS")), who, dateInFront ? DatePlacement.Front : DatePlacement.End));

    // Each case: the date, its end, its precision and the phrase.
    [Theory]
    [InlineData("2023-09-13", "2023-09-13", "day", "on 13 September 2023")]
    [InlineData("2023-09-12", "2023-09-17", "day", "from 12 to 17 September 2023")]
    [InlineData("2023-08-30", "2023-09-02", "day", "from 30 August to 2 September 2023")]
    [InlineData("2000-07-01", "2000-07-31", "month", "in July 2000")]
    [InlineData("2023-07-01", "2023-09-30", "quarter", "in the third quarter of 2023")]
    [InlineData("2012-01-01", "2012-12-31", "year", "in 2012")]
    [InlineData("2016-01-01", "2017-12-31", "year", "from 2016 to 2017")]
    [InlineData("2000-01-01", "2009-12-31", "decade", "in the 2000s")]
    [InlineData("1901-01-01", "2000-12-31", "century", "in the 20th century")]
    public void The_date_at_its_precision(string start, string end, string precision, string expected) =>
        Assert.Equal(expected, Realiser.DatePhrase(Event("042", date: start, end: end, precision: precision)));

    [Fact]
    public void A_denial_by_the_subjects_own_side_says_it()
    {
        var denial = Event("057", "denied", target: ("North Korea", "PRK", "PRK"));
        Assert.Equal("The Kremlin denied on 13 September 2023 that it signed an agreement with North Korea.", Say(denial, Kremlin));
    }

    [Fact]
    public void People_are_named_with_their_title_first_and_by_family_name_after()
    {
        var r = New();
        var summit = Event("040", source: ("Russian President Vladimir Putin", "RUSGOV", "RUS"), target: ("Kim Jong-Un", "PRKGOV", "PRK"));
        var again = Event("051", source: ("President Putin", "RUSGOV", "RUS"), target: ("Supreme Leader Kim", "PRKGOV", "PRK"), id: "e2");
        Assert.Equal("Russian President Vladimir Putin held talks with North Korean Supreme Leader Kim Jong-un on 13 September 2023.", r.Sentence([summit]).Text);
        Assert.Equal("Putin backed Kim on 13 September 2023.", r.Sentence([again]).Text);
    }

    // Each case: the words of the text, the actor and country codes, and how prose names them.
    [Theory]
    [InlineData("U.S.", "USAGOV", "USA", "the United States")]             // a country by its name, with its article
    [InlineData("DPRK", "PRKGOV", "PRK", "North Korea")]                   // one name for a country throughout
    [InlineData("Both countries", "USAGOV", "USA", "the United States")]   // an anaphor names the country
    [InlineData("he", "RUSGOV", "RUS", "Russia")]
    [InlineData("Saudi", "SAU", "SAU", "Saudi Arabia")]                    // an adjective alone is the country
    [InlineData(null, "SAUMIL", "SAU", "the Saudi military")]              // no words: the role of the code
    [InlineData(null, "IRNSPY", "IRN", "Iranian intelligence")]
    [InlineData("Kremlin", "RUSGOV", "RUS", "the Kremlin")]               // a metonym as people write it
    [InlineData("Moscow", "RUSGOV", "RUS", "Moscow")]
    [InlineData("protesters", "IRNCVL", "IRN", "Iranian protesters")]      // common nouns get the country's adjective
    [InlineData("the crown prince", "SAUGOV", "SAU", "the Saudi crown prince")]
    [InlineData("Russian Ministry of Defence", "RUSMIL", "RUS", "the Russian Ministry of Defence")]
    [InlineData("Wagner Group", "RUSMIL", "RUS", "Wagner Group")]          // other names as written
    public void Actors_are_named_as_people_write_them(string? text, string actor, string country, string expected) =>
        Assert.Equal(expected, New().Name(text, actor, country, new DateOnly(2023, 9, 13)));

    [Fact]
    public void A_pronoun_is_the_one_person_of_its_country_the_sentence_names()
    {
        var visit = Event("042", date: "2000-07-01", end: "2000-07-31", precision: "month", source: ("he", "RUSGOV", "RUS"), target: ("North Korea", "PRK", "PRK"))
            with { EvidenceSentence = "It was only in 2000, when Vladimir Putin was elected, that he paid an official visit to North Korea." };
        Assert.Equal("Russian President Vladimir Putin visited North Korea in July 2000.", Say(visit));
        // Without a person named in the sentence the pronoun is the country.
        Assert.Equal("Russia visited North Korea in July 2000.", Say(visit with { EvidenceSentence = "Later he paid an official visit to North Korea." }));
    }

    // Each case: the words, the codes, and the label tables show (codes keep their own column).
    [Theory]
    [InlineData("President Putin", "RUSGOV", "RUS", "Vladimir Putin (President of Russia)")]
    [InlineData("Saudi fighter jets", "SAUMIL", "SAU", "Saudi Arabia (military)")]
    [InlineData("Tehran", "IRNGOV", "IRN", "Iran")]
    [InlineData("U.S.", "USA", "USA", "The United States")]
    [InlineData("the Houthis", "YEMREB", "YEM", "Yemen (rebels)")]
    [InlineData("Atlantis", "XXX", "XXX", "Atlantis")]
    public void Tables_name_actors_for_people_too(string text, string actor, string country, string expected) =>
        Assert.Equal(expected, ActorNames.Default.TableLabel(text, actor, country, new DateOnly(2023, 9, 13)));

    [Fact]
    public void A_place_in_the_target_country_stands_for_it_and_other_places_follow_the_verb()
    {
        var arrival = Event("042", source: ("Kim Jong-Un", "PRKGOV", "PRK"), target: ("Russia", "RUS", "RUS"), place: "Vladivostok", placeCountry: "RUS");
        Assert.Equal("North Korean Supreme Leader Kim Jong-un visited Vladivostok on 13 September 2023.", Say(arrival));
        var talks = Event("046", source: ("Saudi Arabia", "SAUGOV", "SAU"), target: ("Iran", "IRNGOV", "IRN"), place: "Baghdad", placeCountry: "IRQ");
        Assert.Equal("Saudi Arabia negotiated with Iran in Baghdad on 13 September 2023.", Say(talks));
    }

    [Fact]
    public void Events_told_as_one_sentence_carry_all_their_notes()
    {
        var notes = new Footnotes();
        var r = new Realiser(ActorNames.Default, VerbPhrases.Default, notes);
        var a = Event("042", id: "a", note: new EventCitation("1", "Wire", "First", new DateOnly(2023, 9, 13), "https://news.example/1"));
        var b = Event("043", id: "b", note: new EventCitation("2", "Paper", "Second", new DateOnly(2023, 9, 14), "https://news.example/2"));
        var sentence = r.Sentence([a, b]);
        // The most salient event (hosting, Goldstein +2.8 against +1.9) speaks for both.
        Assert.Equal("Russia hosted North Korea on 13 September 2023.", sentence.Text);
        Assert.Equal([1, 2], Assert.IsType<NoteRefs>(sentence.Runs[^1]).Numbers.ToArray());
        Assert.Equal(["a", "b"], sentence.Events.Select(e => e.Id));
        Assert.Equal(2, notes.Notes.Count);
    }
}
