using System.Globalization;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>
/// A dyad's events in date order (start, end, id; undated last), whatever their modality; the same event
/// reported by several documents is one row with all its sources.
/// </summary>
public static class Timeline
{
    public static IReadOnlyList<EventRow> Of(IEnumerable<EventRow> events, DyadPair pair) =>
        [.. EventFacts.Chronological(EventMerge.AcrossReports(EventFacts.Chronological(events.Where(pair.Matches))))];

    /// <summary>"Outlet (date); Outlet (date)": the sources behind an event, or "-" when it has none.</summary>
    public static string SourceList(EventRow e)
    {
        var sources = EventFacts.Sources(e);
        if (sources.Count == 0) return "-";
        return string.Join("; ", sources.Select(c =>
            (c.Outlet ?? c.Title ?? c.Url ?? "?") + (c.Date is { } d ? $" ({EventFacts.Iso(d)})" : "")));
    }

    public static readonly string[] CsvHeader =
    [
        "date", "date_start", "date_end", "precision", "source_actor", "source_country", "source_text",
        "target_actor", "target_country", "target_text", "cameo", "label", "goldstein", "quad_class", "modality",
        "sources", "urls", "doc", "id",
    ];

    /// <summary>The timeline as CSV (RFC 4180), one row per event, sources and URLs joined with "; ".</summary>
    public static void WriteCsv(TextWriter output, IEnumerable<EventRow> events)
    {
        Csv.WriteRow(output, CsvHeader);
        foreach (var e in events)
        {
            var sources = EventFacts.Sources(e);
            Csv.WriteRow(output,
            [
                EventFacts.DateLabel(e), Date(e.DateStart), Date(e.DateEnd), e.DatePrecision,
                e.SourceActor, e.SourceCountry, e.SourceText, e.TargetActor, e.TargetCountry, e.TargetText,
                e.Cameo, e.Label, e.Goldstein?.ToString("0.##", CultureInfo.InvariantCulture), e.QuadClass?.ToString(CultureInfo.InvariantCulture), e.Modality,
                string.Join("; ", sources.Select(c => c.Outlet ?? c.Title ?? "")), string.Join("; ", sources.Select(c => c.Url ?? "").Where(u => u.Length > 0)),
                e.Doc, e.Id,
            ]);
        }
    }

    private static string? Date(DateOnly? d) => d is { } x ? EventFacts.Iso(x) : null;
}

/// <summary>Minimal RFC 4180 writing: fields quoted when they hold a comma, quote or line break; null is an empty field.</summary>
public static class Csv
{
    public static void WriteRow(TextWriter output, IReadOnlyList<string?> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) output.Write(',');
            output.Write(Field(fields[i]));
        }
        output.Write('\n');
    }

    public static string Field(string? value)
    {
        if (value is null) return "";
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
