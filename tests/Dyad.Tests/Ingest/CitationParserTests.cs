using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

public sealed class CitationParserTests
{
    // Each case: a note as written, then outlet, title, date and URL expected ("" for null).
    public static TheoryData<string, string, string, string, string> Notes => new()
    {
        // Title in quotes, outlet, labelled date, URL in angle brackets.
        { "\"Talks resume in Baghdad\", Levant Wire, published on April 24, 2022. <https://levant.example.org/a/1>",
          "Levant Wire", "Talks resume in Baghdad", "2022-04-24", "https://levant.example.org/a/1" },
        // Authors first, emphasis around the title, day-month-year date.
        { "Ana Ruiz and Ben Cole, *\"Envoys return\"*, The Gulf Ledger, 5 September 2023, https://ledger.example.com/x.",
          "The Gulf Ledger", "Envoys return", "2023-09-05", "https://ledger.example.com/x" },
        // Curly quotes, an updated date and an access date: the update wins.
        { "“Embassy reopens”, Crescent Daily, updated on June 7, 2023, accessed June 9, 2023.",
          "Crescent Daily", "Embassy reopens", "2023-06-07", "" },
        // Only an access date: it is the date the note gives.
        { "\"A short history\", Museum of War, accessed Sept. 20, 2023. <https://museum.example.net/h>",
          "Museum of War", "A short history", "2023-09-20", "https://museum.example.net/h" },
        // An impossible date is no date.
        { "\"Odd note\", Some Wire, published on February 30, 2023.", "Some Wire", "Odd note", "", "" },
        // No quoted title: outlet unknown, URL and ISO date still found.
        { "Ministry statement, 2019-09-18, https://mfa.example.org/s/18", "", "", "2019-09-18", "https://mfa.example.org/s/18" },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void Parses_notes(string note, string outlet, string title, string date, string url)
    {
        var citation = CitationParser.Parse("1", note);
        Assert.Equal(NullIfEmpty(outlet), citation.Outlet);
        Assert.Equal(NullIfEmpty(title), citation.Title);
        Assert.Equal(NullIfEmpty(date), citation.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(NullIfEmpty(url), citation.Url);
        Assert.Equal(note, citation.Text);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
