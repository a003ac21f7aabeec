using System.Globalization;

namespace Dyad.Analysis;

/// <summary>Series as CSV.</summary>
public static class SeriesFormat
{
    public static readonly string[] CsvHeader =
    [
        "period", "start", "end", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
        "goldstein_sum", "goldstein_mean", "net_cooperation",
    ];

    public static void WriteCsv(TextWriter output, DyadSeries series)
    {
        Csv.WriteRow(output, CsvHeader);
        foreach (var p in series.Points)
        {
            Csv.WriteRow(output,
            [
                p.Period.Label, EventFacts.Iso(p.Period.Start), EventFacts.Iso(p.Period.End), Int(p.Events),
                Int(p.VerbalCooperation), Int(p.MaterialCooperation), Int(p.VerbalConflict), Int(p.MaterialConflict),
                p.GoldsteinSum.ToString("0.###", CultureInfo.InvariantCulture), p.GoldsteinMean?.ToString("0.###", CultureInfo.InvariantCulture), Int(p.NetCooperation),
            ]);
        }
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
