using System.Globalization;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>What the analyses read off an event: whether it counts as a fact, its date as shown, its sources.</summary>
public static class EventFacts
{
    /// <summary>
    /// Asserted events, and imports that carry no modality, count as facts. Alleged, denied, intended,
    /// hypothetical and negated events never enter counts, sums or the chronology.
    /// </summary>
    public static bool IsFact(EventRow e) => e.Modality is null or "asserted";

    /// <summary>The event's date at its precision: 2023-09-13, 2023-09, 2023-Q3, 2023, 2000s; "undated" when there is none.</summary>
    public static string DateLabel(EventRow e)
    {
        if (e.DateStart is not { } start) return e.DateValue ?? "undated";
        DateOnly end = e.DateEnd ?? start;
        return e.DatePrecision switch
        {
            "day" when start == end => Iso(start),
            "day" => $"{Iso(start)}..{Iso(end)}",
            "month" when start.Year == end.Year && start.Month == end.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "quarter" => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
            "year" when start.Year == end.Year => start.Year.ToString(CultureInfo.InvariantCulture),
            "decade" => $"{start.Year / 10 * 10}s",
            "century" => $"{start.Year / 100 * 100 + 1}-{start.Year / 100 * 100 + 100}",
            _ when e.DateValue is { Length: > 0 } value => value,
            _ => start == end ? Iso(start) : $"{Iso(start)}..{Iso(end)}",
        };
    }

    /// <summary>Distinct sources behind an event: its citations, one per URL (or outlet and title when there is no URL).</summary>
    public static IReadOnlyList<EventCitation> Sources(EventRow e)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<EventCitation>();
        foreach (var c in e.Citations)
        {
            string key = c.Url ?? $"{c.Outlet}\u0001{c.Title}\u0001{c.Date}";
            if (c.Url is null && c.Outlet is null && c.Title is null) continue;
            if (seen.Add(key)) list.Add(c);
        }
        return list;
    }

    /// <summary>An actor as a table shows it to a reader: "Vladimir Putin (President of Russia)", "Saudi Arabia (military)", "Iran".</summary>
    public static string ActorName(string? text, string? actor, string? country, DateOnly? date) =>
        Prose.ActorNames.Default.TableLabel(text, actor, country, date);

    /// <summary>The event's actor codes for those who want them: "SAUGOV → IRNGOV", "IRNMIL → SAU", "USA".</summary>
    public static string Codes(EventRow e)
    {
        string source = e.SourceActor ?? e.SourceCountry ?? "-";
        return e.TargetActor is null && e.TargetCountry is null ? source : $"{source} → {e.TargetActor ?? e.TargetCountry}";
    }

    /// <summary>Orders events by start date, then end date, then id; undated events last.</summary>
    public static IOrderedEnumerable<EventRow> Chronological(IEnumerable<EventRow> events) =>
        events.OrderBy(e => e.DateStart ?? DateOnly.MaxValue).ThenBy(e => e.DateEnd ?? DateOnly.MaxValue).ThenBy(e => e.Id, StringComparer.Ordinal);

    /// <summary>An event in one line: "Kim Jong-Un (PRKGOV) → Vladimir Putin (RUSGOV): Make a visit (042, Goldstein +1.9)".</summary>
    public static string Describe(EventRow e)
    {
        string label = e.Label ?? e.Cameo;
        string weight = e.Goldstein is { } g ? $", Goldstein {Signed(g)}" : "";
        string target = e.TargetActor is null && e.TargetCountry is null && e.TargetText is null ? "" : $" → {Actor(e.TargetText, e.TargetActor ?? e.TargetCountry)}";
        return $"{Actor(e.SourceText, e.SourceActor ?? e.SourceCountry)}{target}: {label} ({e.Cameo}{weight})";
    }

    /// <summary>"Kim Jong-Un (PRKGOV)": the words and the code; the code alone when the words are a pronoun.</summary>
    internal static string Actor(string? text, string? code) =>
        text is null || code is not null && Attributions.IsPronoun(text) ? code ?? "-" : code is null ? text : $"{text} ({code})";

    /// <summary>A signed number with a true minus sign: +1.9, 0, −4.</summary>
    public static string Signed(double value) =>
        value > 0 ? "+" + Number(value) : value == 0 ? "0" : "−" + Number(-value);

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number as shown: invariant culture, at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
