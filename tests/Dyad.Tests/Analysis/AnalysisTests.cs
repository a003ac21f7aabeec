using Dyad.Analysis;
using Dyad.Store;

namespace Dyad.Tests.Analysis;

public sealed class AnalysisTests
{
    private static readonly IReadOnlyList<EventRow> Corpus = AnalysisCorpus.Build().Events;

    private static DyadPair Pair(string a, string b, bool directed = false) => DyadPair.Create(a, b, directed).Pair!;

    private static EventRow Row(string id) => Corpus.Single(e => e.Id == $"{AnalysisCorpus.DocName}#{id}");

    // Each case: the two codes, and the error (or null).
    [Theory]
    [InlineData("rus", "prk", null)]
    [InlineData("RUSGOV", "PRK", null)]
    [InlineData("RUS", "RUS", "a dyad needs two different actors, got RUS twice")]
    [InlineData("R", "PRK", "'R' is not an actor or country code (three or more letters or digits, e.g. RUS or RUSGOV)")]
    [InlineData("RUS", "P-K", "'P-K' is not an actor or country code (three or more letters or digits, e.g. RUS or RUSGOV)")]
    public void Dyad_pairs_are_checked(string a, string b, string? error)
    {
        var (pair, problem) = DyadPair.Create(a, b);
        Assert.Equal(error, problem);
        Assert.Equal(error is null, pair is not null);
    }

    [Fact]
    public void Three_letter_codes_match_countries_and_longer_ones_actors_in_either_or_one_direction()
    {
        var e = Row("e02"); // SAUGOV -> IRNGOV
        Assert.True(Pair("IRN", "SAU").Matches(e));
        Assert.True(Pair("SAU", "IRN", directed: true).Matches(e));
        Assert.False(Pair("IRN", "SAU", directed: true).Matches(e));
        Assert.True(Pair("SAUGOV", "IRN").Matches(e));
        Assert.False(Pair("SAUMIL", "IRN").Matches(e));
    }

    [Fact]
    public void Russia_answers_for_the_Soviet_Union()
    {
        var soviet = Row("e02") with { SourceActor = "SUNGOV", SourceCountry = "SUN", TargetActor = "PRKGOV", TargetCountry = "PRK" };
        Assert.True(Pair("RUS", "PRK").Matches(soviet));
        Assert.True(Pair("RUSGOV", "PRK").Matches(soviet));
        Assert.False(Pair("RUSMIL", "PRK").Matches(soviet));
        Assert.Equal(["RUS", "SUN"], DyadPair.CodesOf("RUS"));
        Assert.Equal(["PRK"], DyadPair.CodesOf("PRK"));
    }

    // Each case: an event of the corpus and its date as a reader sees it.
    [Theory]
    [InlineData("e02", "2016-01-03")]
    [InlineData("e04", "2016")]
    [InlineData("e12", "2019-09")]
    [InlineData("e20", "2023-03-06..2023-03-10")]
    [InlineData("e25", "2023-Q4")]
    [InlineData("e27", "undated")]
    public void Dates_show_at_their_precision(string id, string label) => Assert.Equal(label, EventFacts.DateLabel(Row(id)));

    [Fact]
    public void A_decade_shows_as_a_decade()
    {
        var e = Row("e04") with { DateStart = new DateOnly(2000, 1, 1), DateEnd = new DateOnly(2009, 12, 31), DateValue = "200", DatePrecision = "decade" };
        Assert.Equal("2000s", EventFacts.DateLabel(e));
    }

    [Fact]
    public void Periods_step_across_year_ends()
    {
        var q = Period.Of(new DateOnly(2023, 11, 11), PeriodUnit.Quarter);
        Assert.Equal("2023-Q4", q.Label);
        Assert.Equal(new DateOnly(2023, 10, 1), q.Start);
        Assert.Equal(new DateOnly(2023, 12, 31), q.End);
        Assert.Equal("2024-Q1", q.Next().Label);
        Assert.Equal("2024-01", Period.Of(new DateOnly(2023, 12, 5), PeriodUnit.Month).Next().Label);
        Assert.Equal(new DateOnly(2024, 2, 29), Period.Of(new DateOnly(2024, 2, 1), PeriodUnit.Month).End);
    }

    [Fact]
    public void Series_counts_only_facts_and_leaves_out_coarse_and_undated_events()
    {
        var series = DyadSeries.Build(Corpus, Pair("IRN", "SAU"), PeriodUnit.Month, new DateOnly(2019, 9, 1), new DateOnly(2019, 10, 31));
        // September 2019: the accusation is a fact; the alleged strike, its denial and the hypothetical war are not.
        Assert.Equal(2, series.Points.Length);
        Assert.Equal(new SeriesPoint(new Period(PeriodUnit.Month, 2019, 9), 1, 0, 0, 1, 0, -2, -2), series.Points[0]);
        Assert.Equal(new SeriesPoint(new Period(PeriodUnit.Month, 2019, 10), 0, 0, 0, 0, 0, 0, null), series.Points[1]);
        Assert.Equal(-1, series.Points[0].NetCooperation);
        var all = DyadSeries.Build(Corpus, Pair("IRN", "SAU"), PeriodUnit.Month);
        Assert.Equal((1, 1), (all.Undated, all.TooCoarse));
        Assert.Equal("2016-01", all.Points[0].Period.Label);
        Assert.Equal("2023-11", all.Points[^1].Period.Label);
        Assert.Equal(95, all.Points.Length);
    }

    [Fact]
    public void Third_parties_act_on_both_members_and_one_sided_actors_are_not_third_parties()
    {
        var parties = ThirdParties.Find(Corpus, Pair("IRN", "SAU"));
        Assert.Equal(
        [
            new ThirdParty("CHN", 1, 2.8, 1, 2.8),
            new ThirdParty("IRQ", 1, 2.8, 1, 2.8),
            new ThirdParty("USA", 1, -5, 1, 8.5),
        ], parties.ToArray());
    }

    [Fact]
    public void The_ledger_pairs_the_allegation_with_its_denial_and_names_who_says_what()
    {
        var ledger = ClaimsLedger.Build(Corpus, Pair("IRN", "SAU"));
        var claim = Assert.Single(ledger.Claims);
        Assert.Equal(Row("e08"), claim.Allegation);
        Assert.Equal(new Attribution("Saudi officials", "SAUGOV"), claim.AllegedBy);
        var denial = Assert.Single(claim.Denials);
        Assert.Equal(Row("e11"), denial.Event);
        Assert.Equal(new Attribution("Tehran", null), denial.DeniedBy);
        Assert.Empty(ledger.UnansweredDenials);
    }

    [Fact]
    public void A_denial_answers_the_claim_of_an_outsider_before_one_a_side_makes()
    {
        // The same claim twice: once voiced by Saudi officials (a side of the dyad), once by U.S. intelligence.
        var bySide = Row("e08");
        var byOutsider = Row("e08") with { Id = "outsider", EvidenceStart = 9000, EvidenceEnd = 9060, EvidenceSentence = "U.S. intelligence said Iran struck Abqaiq." };
        var voice = Row("e09") with { Id = "voice", SourceText = "U.S. intelligence", SourceActor = "USASPY", SourceCountry = "USA", EvidenceStart = 9000, EvidenceEnd = 9060 };
        var ledger = ClaimsLedger.Build([bySide, byOutsider, voice, Row("e09"), Row("e11")], Pair("IRN", "SAU"));
        Assert.Equal(("SAUGOV", 0), (ledger.Claims[0].AllegedBy?.Actor, ledger.Claims[0].Denials.Length));
        Assert.Equal(("USASPY", "e11"), (ledger.Claims[1].AllegedBy?.Actor, Assert.Single(ledger.Claims[1].Denials).Event.Id[^3..]));
    }

    [Fact]
    public void A_denial_dated_before_the_allegation_or_of_another_family_does_not_answer_it()
    {
        var early = Row("e11") with { DateStart = new DateOnly(2019, 9, 1), DateEnd = new DateOnly(2019, 9, 1) };
        var other = Row("e11") with { Id = "other", Cameo = "057", Root = "05", QuadClass = 1, Goldstein = 8 };
        var ledger = ClaimsLedger.Build([Row("e08"), early, other], Pair("IRN", "SAU"));
        Assert.Empty(Assert.Single(ledger.Claims).Denials);
        Assert.Equal([early, other], ledger.UnansweredDenials.Select(d => d.Event));
    }

    [Fact]
    public void Intentions_are_fulfilled_by_a_later_fact_of_the_same_kind_and_direction()
    {
        var ledger = ClaimsLedger.Build(Corpus, Pair("IRN", "SAU"));
        Assert.Equal(2, ledger.Intentions.Length);
        var visit = ledger.Intentions.Single(i => i.Announcement.Id.EndsWith("#e24", StringComparison.Ordinal));
        // Undated, so it dates from its source (2023-06-17); Raisi's visit on 2023-11-11 fulfils it.
        Assert.Equal(Row("e26"), visit.FulfilledBy);
        var trade = ledger.Intentions.Single(i => i.Announcement.Id.EndsWith("#e25", StringComparison.Ordinal));
        Assert.Null(trade.FulfilledBy);
        Assert.Equal(new Attribution("The two ministers", null), trade.AnnouncedBy);
        // A visit in the other direction does not fulfil it, nor does one before the announcement.
        var reversed = ClaimsLedger.Build([Row("e24"), Row("e23")], Pair("IRN", "SAU"));
        Assert.Null(Assert.Single(reversed.Intentions).FulfilledBy);
        var before = ClaimsLedger.Build([Row("e24"), Row("e26") with { DateStart = new DateOnly(2023, 1, 5), DateEnd = new DateOnly(2023, 1, 5) }], Pair("IRN", "SAU"));
        Assert.Null(Assert.Single(before.Intentions).FulfilledBy);
    }

    // Each case: a sentence and who speaks in it (null: nobody named).
    [Theory]
    [InlineData("Until now the Kremlin has denied every rumour about the deal.", "the Kremlin")]
    [InlineData("Although Russian officials have flatly rejected such rumours, talks went on.", "Russian officials")]
    [InlineData("According to the White House, the group bought weapons.", "the White House")]
    [InlineData("As per a Pentagon statement in March 2021, the group bought weapons.", "a Pentagon statement in March 2021")]
    [InlineData("The British intelligence reports claim that stockpiles are depleted.", "The British intelligence reports")]
    [InlineData("On 16 September 2019 Tehran denied any role in the attack.", "Tehran")]
    [InlineData("the talks were said to be over.", null)]
    [InlineData("Trade grew by a third in 2022.", null)]
    public void Who_speaks_is_read_from_the_sentence(string sentence, string? who) =>
        Assert.Equal(who, Attributions.FromSentence(sentence));

    [Fact]
    public void Salience_puts_material_and_well_sourced_events_first()
    {
        // e02: material conflict (2) + |−4|/5 + 2 sources; e05: verbal (0) + |−2|/5 + 1 source;
        // e04: material (2) + |−5|/5 + 1 source; e22, the agreement: verbal (0) + 8/5 + 2 sources.
        Assert.Equal(4.8, Salience.Score(Row("e02")), 9);
        Assert.Equal(1.4, Salience.Score(Row("e05")), 9);
        Assert.Equal(4.0, Salience.Score(Row("e04")), 9);
        Assert.Equal(3.6, Salience.Score(Row("e22")), 9);
        var key = Salience.KeyEvents(Corpus, Pair("IRN", "SAU"), 3);
        Assert.Equal(["e04", "e01", "e02"], key.Select(e => e.Id[^3..]).ToArray());
    }

    // Each case: text from a document and how it must appear in Markdown and in HTML.
    [Theory]
    [InlineData("<script>alert(1)</script>", @"\<script\>alert(1)\</script\>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("*bold* & [link](x) | `code`", @"\*bold\* \& \[link\](x) \| \`code\`", "*bold* &amp; [link](x) | `code`")]
    [InlineData("\"quoted\" 'single'", "\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;")]
    public void Document_text_is_escaped(string text, string markdown, string html)
    {
        Assert.Equal(markdown, BriefMarkdown.Escape(text));
        Assert.Equal(html, BriefHtml.Escape(text));
    }

    // Each case: a URL and whether a brief links it.
    [Theory]
    [InlineData("https://news.example/a", true)]
    [InlineData("http://news.example/a", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<b>x</b>", false)]
    [InlineData("news.example/a", false)]
    public void Only_web_urls_become_links(string url, bool link) => Assert.Equal(link, BriefHtml.IsWebUrl(url));
}
