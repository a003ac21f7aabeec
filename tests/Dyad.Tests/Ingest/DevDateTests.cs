using System.Globalization;
using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

/// <summary>
/// Publication dates on real pages: 50 pages of the article-extraction development set whose dates
/// were found by hand (tests/Dyad.Tests/data/html/dev-dates.tsv, facts only; the pages stay in
/// ../shared/reference/). The floor is the count reached; it only rises.
/// </summary>
public sealed class DevDateTests
{
    /// <summary>Right dates (a date where the page states one, none where it states none) of the 50.</summary>
    private const int Floor = 48;

    internal sealed record Expected(string Page, DateOnly? Date, string Where);

    internal static IReadOnlyList<Expected> Load()
    {
        var rows = new List<Expected>();
        foreach (string line in File.ReadLines(TestPaths.Data("html", "dev-dates.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] cells = line.Split('\t');
            Assert.True(cells.Length == 3, $"dev-dates.tsv: not three cells: '{line}'");
            DateOnly? date = cells[1] == "none" ? null : DateOnly.ParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add(new Expected(cells[0], date, cells[2]));
        }
        return rows;
    }

    [Fact]
    public void The_sample_is_fifty_distinct_pages_each_with_a_date_or_none_and_where_it_is()
    {
        var rows = Load();
        Assert.Equal(50, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Page).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches(@"^(l3s-gn1|readability|dragnet)/[\w-]+$", r.Page));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Where), r.Page));
    }

    [DevDataFact]
    public void Publication_dates_on_the_hand_checked_sample_keep_their_floor()
    {
        var wrong = new List<string>();
        var rows = Load();
        foreach (var row in rows)
        {
            var read = DocumentLoader.Default.ReadFile(Path.Combine(ArticleExtractionDevTests.Folder, row.Page + ".html"));
            DateOnly? got = read.Document?.Metadata.Published;
            if (got != row.Date) wrong.Add($"{row.Page}: {Show(got)}, not {Show(row.Date)}");
        }
        int right = rows.Count - wrong.Count;
        Assert.True(right >= Floor, $"{right} of {rows.Count} dates right, floor {Floor}:\n" + string.Join('\n', wrong));
    }

    private static string Show(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
}
