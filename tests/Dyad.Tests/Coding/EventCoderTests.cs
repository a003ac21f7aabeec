using Dyad.Coding;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>Grammatical cases the coder must read: one sentence in, its events as "SRC>TGT CODE DATE MODALITY".</summary>
public sealed class EventCoderTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // active voice, a date in the clause
        { "Chinese warships shelled a Taiwanese outpost on August 23, 1958.", "CHN>TWN 194 1958-08-23 asserted" },
        // an -ing adjective inside the pattern ("imposed sweeping sanctions"); a place as the target
        { "Britain and the European Union imposed sweeping sanctions on Russia in March 2014.", "GBR>RUS 163 2014-03 asserted; EUR>RUS 163 2014-03 asserted" },
        { "Russian troops shelled Kharkiv on March 1, 2022.", "RUS>UKR 194 2022-03-01 asserted" },
        // two visits of one sentence by different people of the same countries stay two events
        { "Xi's trip to France will follow a visit by Foreign Minister Wang Yi to Paris.", "CHN>FRA 042 2023-10-10 intended; CHN>FRA 042 2023-10-10 intended" },
        // "committed X to defend": the object does what the infinitive says
        { "In 1961, Zhou Enlai signed a treaty with Kim Il-Sung which committed Beijing to defend Pyongyang.", "CHN>PRK 057 1961 asserted; CHN>PRK 052 1961 asserted" },
        // "condemned the launch": a reaction to the previous sentence's event targets its source
        { "North Korea fired a ballistic missile over Japan on September 15, 2017. Japan condemned the launch.", "PRK>JPN 150 2017-09-15 asserted; JPN>PRK 111 2017-09-15 asserted" },
        // a country word before the agent noun of a passive
        { "The reactor was bombed by Israeli jets in 1981.", "ISR>- 195 1981 asserted" },
        // passive voice: the agent after "by" is the source
        { "The Iraqi reactor was bombed by Israeli jets on June 7, 1981.", "ISR>IRQ 195 1981-06-07 asserted" },
        // passive voice without an agent: no source, no event
        { "The embassy was attacked on Tuesday.", "" },
        // coordinated subjects: one event each
        { "Britain, France and Israel attacked Egypt in November 1956.", "GBR>EGY 190 1956-11 asserted; FRA>EGY 190 1956-11 asserted; ISR>EGY 190 1956-11 asserted" },
        // coordinated objects
        { "The European Union imposed sanctions on Iran and Syria in 2012.", "EUR>IRN 163 2012 asserted; EUR>SYR 163 2012 asserted" },
        // "along with" coordinates; a veto is cast in the Security Council
        { "Russia along with China vetoed the resolution in 2019.", "RUS>UNO 129 2019 asserted; CHN>UNO 129 2019 asserted" },
        // a reciprocal verb with two subjects is one event; Moscow before 1992 is the Soviet Union
        { "Kennedy and Khrushchev met in Vienna in June 1961.", "USA>SUN 040 1961-06 asserted" },
        // two verbs share one subject
        { "Nixon visited Moscow in May 1972 and signed an arms treaty with Brezhnev.", "USA>SUN 042 1972-05 asserted; USA>SUN 057 1972-05 asserted" },
        // negation; no date in the text: the document date
        { "Japan did not recognise the new government.", "JPN>- 054 2023-10-10 negated" },
        { "Iran has never attacked Israel directly.", "IRN>ISR 190 2023-10-10 negated" },
        // reported speech: the statement, and the reported event as alleged
        { "The Pentagon said Russian jets bombed a hospital in Aleppo.", "USA>- 010 2023-10-10 asserted; RUS>SYR 195 2023-10-10 alleged" },
        // a reporting clause after the event
        { "Chinese troops entered Vietnam, Hanoi claimed.", "CHN>VNM 190 2023-10-10 alleged; VNM>- 010 2023-10-10 asserted" },
        // denial
        { "Moscow denied that Russian troops had entered Ukraine.", "RUS>- 010 2023-10-10 asserted; RUS>UKR 190 2023-10-10 denied" },
        { "Tehran denied any role in the attack.", "IRN>- 016 2023-10-10 asserted" },
        // nominalisations: possessive, "of", "between", a hyphenated pair
        { "Obama's visit to Hiroshima in May 2016 was the first by a sitting president.", "USA>JPN 042 2016-05 asserted" },
        { "The visit of a Chinese delegation to Pyongyang in 2018 was brief.", "CHN>PRK 042 2018 asserted" },
        { "The summit between Trump and Kim in Singapore on June 12, 2018 ended without a deal.", "USA>PRK 040 2018-06-12 asserted" },
        { "The Trump-Kim summit produced a vague statement.", "USA>PRK 040 2023-10-10 asserted" },
        // offers and invitations are intended; their complement sets the code
        { "France offered to send humanitarian aid to Lebanon.", "FRA>LBN 033 2023-10-10 intended" },
        { "Xi Jinping invited Vladimir Putin to visit Beijing.", "CHN>RUS 036 2023-10-10 intended" },
        // appeals, demands and threats absorb their complement
        { "Ukraine urged Germany to send more tanks.", "UKR>DEU 023 2023-10-10 asserted" },
        { "Washington demanded that Moscow release the journalist.", "USA>RUS 1053 2023-10-10 asserted" },
        { "North Korea threatened to attack American bases in Guam.", "PRK>USA 138 2023-10-10 asserted" },
        // future and plans are intended; modals, conditions and expectations hypothetical
        { "Lavrov will visit Pyongyang next month.", "RUS>PRK 042 2023-11 intended" },
        { "India plans to buy fighter jets from France.", "IND>FRA 062 2023-10-10 intended" },
        { "Turkey could expel the American ambassador.", "TUR>USA 166 2023-10-10 hypothetical" },
        { "Analysts expect that China will attack Taiwan.", "CHN>TWN 190 2023-10-10 hypothetical" },
        // "reportedly" makes it alleged
        { "Egypt reportedly sold rockets to Russia in 2023.", "EGY>RUS 062 2023 alleged" },
        // several events in one sentence, each with its actors
        { "Iraq invaded Kuwait in August 1990 and the United Nations imposed sanctions on Iraq.", "IRQ>KWT 190 1990-08 asserted; UNO>IRQ 163 1990-08 asserted" },
        // "it would": the reporter's own plan
        { "The Kremlin said Putin would visit Turkey.", "RUS>- 010 2023-10-10 asserted; RUS>TUR 042 2023-10-10 intended" },
        // a relative clause keeps its own date
        { "Kim Jong-Un, who visited Vladivostok in 2019, met Putin again in 2023.", "PRK>RUS 042 2019 asserted; PRK>RUS 040 2023 asserted" },
        // an operation launched or an offensive ordered is an attack; a place in the target's phrase gives its country
        { "Turkey launched an air and ground operation against Kurdish militias in the Afrin region of Syria.", "TUR>SYR 190 2023-10-10 asserted" },
        { "Ethiopia's prime minister ordered a military offensive against the Tigray regional government.", "ETH>ETH 190 2023-10-10 asserted" },
        // fighting fires is no fight
        { "Brazil rejected an offer of aid to fight fires in the Amazon.", "BRA>- 120 2023-10-10 asserted" },
        // a speaker of a parliament, from the people dictionary
        { "Nancy Pelosi arrived in Taiwan on August 2, 2022.", "USA>TWN 042 2022-08-02 asserted" },
        // an act of a state's government or court stands for it: a strike against a reform is aimed at the government
        { "Chilean unions began a national strike against the education reform on Monday.", "CHL>CHL 143 2023-10-09 asserted" },
        // a state named as such acts through its government, on another part of itself
        { "Belarus jailed three opposition leaders on Friday.", "BLR>BLR 173 2023-10-06 asserted" },
        // ", X said": the speaker is the actor right before the trailing reporting verb
        { "Rebels shelled the airport on Sunday, Sudanese police said.", "SDN>- 194 2023-10-08 alleged; SDN>- 010 2023-10-08 asserted" },
        // a two-word pattern whose second word is the predicate of the complement clause, however far
        { "Poland's supreme court ruled on Monday that the president's decree had been unconstitutional.", "POL>POL 116 2023-10-09 asserted" },
        // a purpose clause is done by the main clause's subject
        { "South Korea's parliament voted on Thursday to impeach Prime Minister Han Duck-soo.", "KOR>KOR 173 2023-10-05 asserted" },
        // weapons delivered as a system; a pattern word after "without" is no part of the pattern
        { "Norway delivered a second air defence system to Ukraine in May 2023.", "NOR>UKR 072 2023-05 asserted" },
        { "The two leaders ended their meeting in Geneva without an agreement.", "" },
        // a mediator named in a passive participle works with the clause's parties
        { "Armenia and Azerbaijan agreed to a ceasefire on Monday in talks brokered by Russia.", "ARM>AZE 0871 2023-10-09 asserted; RUS>ARM 045 2023-10-09 asserted; RUS>AZE 045 2023-10-09 asserted" },
        // a war named by its noun is coded, unless it is only what a reaction is about
        { "Iraq's invasion of Kuwait in August 1990 shocked the region.", "IRQ>KWT 190 1990-08 asserted" },
        { "The Arab League condemned Iraq's invasion of Kuwait.", "ARL>IRQ 111 2023-10-10 asserted" },
        // an actor modifying a noun is no antecedent of a pronoun
        { "Syria rejected American claims that it had supplied missiles to Iran.", "SYR>IRN 072 2023-10-10 denied" },
        // an appeal to another part of one's own state is an event
        { "Colombian President Ivan Duque urged protesters on Monday to leave the roads.", "COL>COL 020 2023-10-09 asserted" },
        // the people's acts stand for the people, the seat of government for the government
        { "Lebanon's prime minister resigned on Tuesday, yielding to two weeks of protests.", "LBN>LBN 080 2023-10-10 asserted" },
        { "Sri Lankan protesters stormed the presidential palace on Saturday.", "LKA>LKA 145 2023-10-07 asserted" },
        // coordinated verbs share their object; force used by police on students is repression
        { "Iranian riot police beat and detained students in Tehran on Sunday.", "IRN>IRN 175 2023-10-08 asserted; IRN>IRN 173 2023-10-08 asserted" },
        // ordering diplomats to leave is an expulsion; a strike by doctors is a labour strike, not an attack
        { "Estonia ordered two Russian diplomats to leave the country.", "EST>RUS 166 2023-10-10 asserted" },
        { "Kenyan doctors began a three-day strike on Monday.", "KEN>- 143 2023-10-09 asserted" },
        { "Iraqi forces attacked the town with chemical weapons in 1988.", "IRQ>- 2041 1988 asserted" },
        // "its minister said": the speaker belongs to the subject of the clause reported
        { "Chile will send rescue teams to Peru, its defence minister said on Monday.", "CHL>PER 073 2023-10-09 intended; CHL>- 010 2023-10-09 asserted" },
        // a part of society named without its country belongs to the state it deals with
        { "Indian police arrested two journalists on Tuesday.", "IND>IND 173 2023-10-10 asserted" },
        { "Rebels attacked Malian army posts on Sunday.", "MLI>MLI 190 2023-10-08 asserted" },
        // the toll of an attack on someone is no second attack
        { "Syrian jets bombed Turkish positions on Sunday, killing twelve soldiers.", "SYR>TUR 195 2023-10-08 asserted" },
        // a strike's purpose clause states its demand: the one pressed is the strike's target, no second event
        { "Chilean miners went on strike on Monday to press the government for higher wages.", "CHL>CHL 143 2023-10-09 asserted" },
        // an ambassador recalled "to" the country is recalled from it; a name before a noun after an article is a noun phrase
        { "Canada recalled its ambassador to Saudi Arabia on Monday.", "CAN>SAU 161 2023-10-09 asserted" },
        { "Estonia's prisoners were held in a Moscow jail.", "" },
        // no event: a description, a disaster, a heading
        { "Russia is the largest country in the world.", "" },
        { "Thousands of people were killed in the earthquake.", "" },
        { "SANCTIONS ON NORTH KOREA:", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CodesSentence(string sentence, string expected) =>
        Assert.Equal(expected, CodingDump.Code(sentence, "2023-10-10"));

    [Fact]
    public void NarrativeReferenceTimeDatesTheNextSentence()
    {
        // the second sentence has no date of its own: it takes the last date of the section
        string text = "Kim Dae-jung visited Tokyo in October 1998. He met Prime Minister Obuchi.";
        Assert.Equal("KOR>JPN 042 1998-10 asserted; KOR>JPN 040 1998-10 asserted", CodingDump.Code(text, "1998-12-01"));
    }

    [Fact]
    public void RepeatedEventsMergeKeepingEveryEvidence()
    {
        string text = "Russia annexed Crimea in March 2014. Moscow annexed Crimea on March 18, 2014.";
        var document = EventDocuments.FromText("t", text, new DateOnly(2014, 4, 1));
        var events = CodingDump.Coder.CodeEvents(document);
        var e = Assert.Single(events);
        Assert.Equal("RUS>UKR 192 2014-03-18 asserted", CodingDump.Dump(events));
        Assert.Equal(["Russia annexed Crimea in March 2014.", "Moscow annexed Crimea on March 18, 2014."],
            e.Evidence.Select(v => v.Sentence.Slice(text)).ToArray());
    }

    [Fact]
    public void An_undated_event_of_a_state_that_has_ended_takes_the_narrative_before_it_or_no_date()
    {
        // The document's date (2023) is after the Soviet Union ended: the paragraph before gives 1962.
        string text = "The crisis ended in October 1962.\n\nThe Soviet Union provided aid to Cuba.";
        Assert.Equal("SUN>CUB 070 1962-10 asserted", CodingDump.Dump(CodingDump.Coder.CodeEvents(EventDocuments.FromText("t", text, new DateOnly(2023, 10, 10)))));
        // With no date before it, it is left undated rather than dated 2023.
        Assert.Equal("SUN>CUB 070 - asserted", CodingDump.Dump(CodingDump.Coder.CodeEvents(EventDocuments.FromText("t", "The Soviet Union provided aid to Cuba.", new DateOnly(2023, 10, 10)))));
        // A state that still exists keeps the document's date.
        Assert.Equal("RUS>CUB 070 2023-10-10 asserted", CodingDump.Dump(CodingDump.Coder.CodeEvents(EventDocuments.FromText("t", "Russia provided aid to Cuba.", new DateOnly(2023, 10, 10)))));
    }

    [Fact]
    public void An_undated_event_with_a_footnote_is_no_later_than_its_source()
    {
        string text = "Title: Gulf notes\nDate: 2024-02-12\n\nAfter the war the two sides talked in Oman, and Iran and Saudi Arabia restored relations.¹\n\n"
            + "¹ \"Riyadh and Tehran resume ties\", Levant Wire, March 27, 1991.\n";
        var document = Dyad.Ingest.DocumentLoader.Default.Read("notes.txt", System.Text.Encoding.UTF8.GetBytes(text)).Document!;
        var events = CodingDump.Coder.CodeEvents(document);
        Assert.Equal("IRN>SAU 050 1991-03-27 asserted; SAU>IRN 050 1991-03-27 asserted", CodingDump.Dump(events));
        Assert.All(events, e => Assert.Null(e.Date!.Text));
    }

    [Fact]
    public void Passive_hearsay_covers_its_own_clause_only()
    {
        Assert.Equal("PRK>RUS 042 2023-10-10 asserted",
            CodingDump.Code("The meeting is said to have lasted five hours and later Kim Jong-Un visited several factories in Russia.", "2023-10-10"));
    }

    [Fact]
    public void LaterUndatedMentionJoinsTheDatedEvent()
    {
        // the second sentence names the visit again without a date of its own
        string text = "Kim Jong-Un visited Russia in September 2023. State media called Kim's visit to Russia historic.";
        var events = CodingDump.Coder.CodeEvents(EventDocuments.FromText("t", text, new DateOnly(2023, 10, 10)));
        Assert.Equal("PRK>RUS 042 2023-09 asserted", CodingDump.Dump(events));
        Assert.Equal(2, events[0].Evidence.Length);
    }

    [Fact]
    public void EventRecordCarriesSpansOntologyAndDate()
    {
        string text = "Putin visited Pyongyang on June 19, 2024.";
        var e = Assert.Single(CodingDump.Coder.CodeEvents(EventDocuments.FromText("t", text, new DateOnly(2024, 7, 1))));
        Assert.Equal("t#e1", e.Id);
        Assert.Equal("visited", e.Trigger.Slice(text));
        Assert.Equal(text, e.Sentence.Slice(text));
        Assert.Equal(new EventActor("Putin", "RUSGOV", "RUS"), e.Source);
        Assert.Equal(new EventActor("Pyongyang", "PRK", "PRK"), e.Target);
        Assert.Equal(("042", "Make a visit", 1.9, 1, "CONSULT"), (e.Code.Code, e.Code.Name, e.Code.Goldstein, e.Code.QuadClass, e.Code.PloverEvent));
        Assert.Equal(new EventDate(new DateOnly(2024, 6, 19), new DateOnly(2024, 6, 19), "2024-06-19", "June 19, 2024", Dyad.Time.DatePrecision.Day), e.Date);
        Assert.Equal(Modality.Asserted, e.Modality);
    }

    [Fact]
    public void CodingIsCancellable()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var document = EventDocuments.FromText("t", "Russia attacked Ukraine.", new DateOnly(2022, 3, 1));
        Assert.Throws<OperationCanceledException>(() => CodingDump.Coder.CodeEvents(document, cts.Token));
    }
}
