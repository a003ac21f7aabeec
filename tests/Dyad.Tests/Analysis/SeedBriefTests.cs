using Dyad.Analysis;
using Dyad.Ingest;
using Dyad.Store;

namespace Dyad.Tests.Analysis;

/// <summary>The brief on RUS-PRK generated from the seed brief alone (read from ../shared at test time).</summary>
public sealed class SeedBriefTests
{
    private static readonly Lazy<Brief> Seed = new(() =>
    {
        var document = DocumentLoader.Default.ReadFile(TestPaths.SeedBrief).Document!;
        var rows = DyadPipeline.Default.Code(document, default);
        return Brief.Build(rows, DyadPair.Create("RUS", "PRK").Pair!);
    });

    // Each case: the CAMEO code, the date value and the footnote of the sentence reporting it ("" when the
    // sentence carries none) of a key event the chronology must hold at its own date.
    public static TheoryData<string, string, string> KeyEvents => new()
    {
        { "057", "1961", "" },           // Kim Il-sung and Khrushchev sign the defence treaty
        { "042", "2000-07", "6" },       // Putin's visit to North Korea
        { "071", "2012", "7" },          // Moscow writes off North Korea's debt
        { "042", "2023-07", "1" },       // Shoigu's delegation visits Pyongyang
        { "042", "2023-09-12", "" },     // Kim's visit to Russia begins
        { "040", "2023-09-13", "" },     // the summit at Vostochny
        { "042", "2023-09-15", "" },     // Kim at the aircraft plant in Komsomolsk-on-Amur
        { "042", "2023-09-16", "" },     // Kim in Primorye with Shoigu
    };

    [Theory]
    [MemberData(nameof(KeyEvents))]
    public void Chronology_holds_the_key_events_at_their_own_dates(string cameo, string date, string footnote)
    {
        var matches = Seed.Value.Chronology.Where(e => e.Cameo == cameo && e.DateValue == date).ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, e => Assert.Equal("asserted", e.Modality));
        if (footnote.Length > 0)
        {
            Assert.Contains(matches, e => e.Citations.Any(c => c.Marker == footnote && c.Url is not null));
        }
    }

    [Fact]
    public void The_United_States_and_South_Korea_act_on_both_members()
    {
        // "Both countries warned Russia and North Korea": the two countries of the sentence before.
        var parties = Seed.Value.ThirdParties.ToDictionary(t => t.Actor);
        Assert.True(parties["USA"].TowardA >= 1 && parties["USA"].TowardB >= 1);
        Assert.Equal((1, 1), (parties["KOR"].TowardA, parties["KOR"].TowardB));
        Assert.True(parties["KOR"].MeanGoldsteinA < 0 && parties["KOR"].MeanGoldsteinB < 0);
    }

    [Fact]
    public void Allegations_and_intentions_are_kept_apart_from_the_chronology()
    {
        var brief = Seed.Value;
        Assert.DoesNotContain(brief.Chronology, e => e.Modality is not "asserted");
        // The alleged arms transfer from North Korea to Russia, alleged by U.S. intelligence.
        var arms = Assert.Single(brief.Ledger.Claims, c => c.Allegation.Cameo == "072");
        Assert.Equal(("PRK", "RUS"), (arms.Allegation.SourceCountry, arms.Allegation.TargetCountry));
        Assert.Equal("USASPY", arms.AllegedBy?.Actor);
        // The Kremlin's denial (footnote 15) answers it.
        var denial = Assert.Single(arms.Denials);
        Assert.Equal(("denied", "RUSGOV"), (denial.Event.Modality, denial.DeniedBy?.Actor));
        Assert.Contains(denial.Event.Citations, c => c.Marker == "15");
        // Kim's invitation to Putin to visit Pyongyang, and Lavrov's announced visit, are intentions.
        Assert.Contains(brief.Ledger.Intentions, i => i.Announcement is { Cameo: "036", SourceCountry: "PRK", TargetCountry: "RUS" });
        Assert.Contains(brief.Ledger.Intentions, i => i.Announcement is { Cameo: "042", SourceActor: "RUSGOV", TargetCountry: "PRK" });
        // The intergovernmental commission announced for November in Pyongyang (footnote 27).
        var commission = Assert.Single(brief.Ledger.Intentions, i => i.Announcement is { Cameo: "040", DateValue: "2023-11" });
        Assert.Equal(("RUS", "PRK"), (commission.Announcement.SourceCountry, commission.Announcement.TargetCountry));
        Assert.Contains(commission.Announcement.Citations, c => c.Marker == "27");
    }
}
