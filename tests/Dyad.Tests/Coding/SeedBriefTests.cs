using Dyad.Coding;
using Dyad.Ingest;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>
/// The brief Dyad was conceived from (read from ../shared/seed at run time with the project's readers,
/// document date 2023-10-10):
/// the chronology an analyst would write from it.
/// </summary>
public sealed class SeedBriefTests
{
    private static readonly Lazy<(string Text, List<CodedEvent> Events)> Seed = new(() =>
    {
        var document = DocumentLoader.Default.ReadFile(TestPaths.SeedBrief).Document!;
        document = document with { Metadata = document.Metadata with { Published = new DateOnly(2023, 10, 10) } };
        return (document.Text, CodingDump.Coder.CodeEvents(document).ToList());
    });

    private static IEnumerable<CodedEvent> Find(string source, string? target, string codePrefix) =>
        Seed.Value.Events.Where(e => e.Source.Country == source && e.Target?.Country == target && e.Code.Code.StartsWith(codePrefix, StringComparison.Ordinal));

    [Theory]
    // source, target, code, date value: the 2023 visits and summit at their days, the history at its dates
    [InlineData("RUS", "PRK", "040", "2023-09")]          // the Summit of September 2023
    [InlineData("PRK", "RUS", "042", "2023-09-12")]       // Kim's visit, September 12-17, 2023
    [InlineData("PRK", "RUS", "040", "2023-09-13")]       // Kim met Putin at Vostochny
    [InlineData("RUS", "PRK", "042", "2023-07")]          // the Russian defence delegation in late July 2023
    [InlineData("PRK", "RUS", "042", "2019-04")]          // Kim's first visit, April 2019
    [InlineData("SUN", "PRK", "051", "194")]              // the North backed by the Soviet Union, mid-1940s
    [InlineData("PRK", "SUN", "057", "1961")]             // the 1961 treaty with Khrushchev
    [InlineData("RUS", "PRK", "042", "2000-07")]          // Putin's visit, July 2000
    [InlineData("RUS", "PRK", "040", "2000-07")]          // ... to meet Kim Jong-Il
    [InlineData("RUS", "PRK", "071", "2012")]             // the 2012 debt write-off
    [InlineData("RUS", "UNO", "051", "2016")]             // backing UNSC sanctions in 2016 and 2017
    [InlineData("RUS", "UNO", "120", "2022-05")]          // opposing new sanctions in May 2022
    [InlineData("PRK", "RUS", "051", "2022-02")]          // North Korea backing Moscow after February 2022
    [InlineData("PRK", "UKR", "054", "2022")]             // recognising Donetsk and Luhansk, mid-2022
    public void DatesTheChronology(string source, string target, string code, string date)
    {
        var dates = Find(source, target, code).Select(e => e.Date?.Value).ToList();
        Assert.Contains(dates, d => d is not null && d.StartsWith(date, StringComparison.Ordinal));
    }

    [Fact]
    public void SanctionsAndVetoesAreCoded()
    {
        Assert.Contains(Seed.Value.Events, e => e.Code.Code == "163" && e.Source.Country == "USA");
        Assert.Contains(Seed.Value.Events, e => e.Code.Code == "129" && e.Source.Country == "RUS");
        Assert.Contains(Seed.Value.Events, e => e.Code.Code == "129" && e.Source.Country == "CHN");
    }

    [Fact]
    public void ArmsTransfersAreAllegedNotAsserted()
    {
        var wagner = Assert.Single(Find("RUS", "PRK", "062"), e => e.Modality != Modality.Hypothetical);
        Assert.Equal((Modality.Alleged, "2022-12"), (wagner.Modality, wagner.Date?.Value));
        var shells = Assert.Single(Find("PRK", "RUS", "072"), e => e.Modality != Modality.Hypothetical);
        Assert.Equal(Modality.Alleged, shells.Modality);
    }

    [Fact]
    public void TheKremlinsDenialIsDenied()
    {
        var signing = Find("RUS", "PRK", "057").ToList();
        Assert.Contains(signing, e => e.Modality == Modality.Denied);
        Assert.DoesNotContain(signing, e => e.Modality == Modality.Asserted);
    }

    [Fact]
    public void InvitationsOffersAndAnnouncedVisitsAreIntended()
    {
        Assert.Contains(Find("PRK", "RUS", "036"), e => e.Modality == Modality.Intended);   // Kim's invitation to Putin
        Assert.Contains(Find("RUS", "PRK", "033"), e => e.Modality == Modality.Intended);   // the offer of food aid
        Assert.Contains(Find("RUS", "PRK", "042"), e => e.Modality == Modality.Intended && e.Source.Text.Contains("Lavrov", StringComparison.Ordinal));
    }

    [Fact]
    public void PredictionsAndSpeculationAreNeverAsserted()
    {
        string text = Seed.Value.Text;
        string[] cues = ["predicted", "speculated", "might", "highly probable", "can be expected", "could train", "could help"];
        // events told after a cue of prediction or speculation in their sentence
        var speculative = Seed.Value.Events.Where(e => cues.Any(c =>
        {
            int at = text.IndexOf(c, e.Sentence.Start, e.Sentence.Length, StringComparison.Ordinal);
            return at >= 0 && at < e.Trigger.Start;
        })).ToList();
        Assert.NotEmpty(speculative);
        Assert.All(speculative, e => Assert.NotEqual(Modality.Asserted, e.Modality));
    }
}
