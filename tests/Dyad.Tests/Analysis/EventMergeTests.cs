using Dyad.Analysis;
using Dyad.Store;

namespace Dyad.Tests.Analysis;

public sealed class EventMergeTests
{
    private static EventRow Report(string id, string doc, string date, string precision, string modality = "asserted", string cameo = "042", string outlet = "Levant Wire")
    {
        var start = DateOnly.Parse(date.Split("..")[0], System.Globalization.CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(date.Split("..")[^1], System.Globalization.CultureInfo.InvariantCulture);
        return new EventRow
        {
            Id = id, Doc = doc, DateStart = start, DateEnd = end, DatePrecision = precision, DateValue = date,
            SourceActor = "IRNGOV", SourceCountry = "IRN", TargetCountry = "SAU", Cameo = cameo, Root = cameo[..2],
            Modality = modality, CoderVersion = "test", EvidenceSentence = $"Sentence of {id}.", EvidenceStart = 0, EvidenceEnd = 10,
            Citations = [new EventCitation("1", outlet, $"Title {id}", start, $"https://{id}.example.org/")],
        };
    }

    [Fact]
    public void The_same_visit_reported_by_two_documents_is_one_event_with_both_sources()
    {
        var merged = EventMerge.AcrossReports([Report("a", "one.txt", "2023-11-11", "day"), Report("b", "two.txt", "2023-11-11", "day", outlet: "Crescent Daily")]);
        var e = Assert.Single(merged);
        Assert.Equal("a", e.Id);
        Assert.Equal("Levant Wire; Crescent Daily", string.Join("; ", e.Citations.Select(c => c.Outlet)));
        Assert.Equal("one.txt; two.txt", string.Join("; ", e.Evidences.Select(v => v.Doc)));
    }

    [Fact]
    public void Issue18_a_report_joins_the_first_event_it_overlaps_short_or_long()
    {
        var merged = EventMerge.AcrossReports(
        [
            Report("quarter", "a.txt", "2023-01-01..2023-03-31", "day"),   // a long day-precise interval
            Report("feb10", "b.txt", "2023-02-10", "day"),                   // inside it: joins it
            Report("june", "c.txt", "2023-06-01..2023-06-05", "day"),
            Report("june4", "d.txt", "2023-06-04", "day"),                   // inside the five days: joins them
            Report("spring", "e.txt", "2023-03-30..2023-06-02", "day"),      // overlaps both: joins the first
            Report("may", "f.txt", "2023-05-10", "day", cameo: "040"),       // another code: apart
        ]);
        Assert.Equal(["quarter b.txt,e.txt", "june d.txt", "may "], merged.Select(e => $"{e.Id} {string.Join(",", e.Evidences.Select(v => v.Doc).Skip(1))}"));
    }

    // Each case: the second report differs from a day-precise asserted visit on 2023-11-11 in one way, and stays apart.
    [Theory]
    [InlineData("2023", "year", "asserted", "042")]          // a year: may be another visit that year
    [InlineData("2023-11-12", "day", "asserted", "042")]     // another day
    [InlineData("2023-11-11", "day", "intended", "042")]     // an announcement is not the visit
    [InlineData("2023-11-11", "day", "asserted", "040")]     // another code
    public void Different_occasions_stay_apart(string date, string precision, string modality, string cameo)
    {
        var second = Report("b", "two.txt", date == "2023" ? "2023-01-01..2023-12-31" : date, precision, modality, cameo);
        Assert.Equal(2, EventMerge.AcrossReports([Report("a", "one.txt", "2023-11-11", "day"), second]).Count);
    }
}
