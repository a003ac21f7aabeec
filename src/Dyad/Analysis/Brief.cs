using System.Collections.Immutable;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>Settings of a generated brief.</summary>
public sealed record BriefOptions
{
    public static BriefOptions Default { get; } = new();

    /// <summary>Only events whose dates overlap [From, To]; undated events are left out when either is set.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>The series' period; null chooses by the span: years past 15 years, quarters past 3, else months.</summary>
    public PeriodUnit? Unit { get; init; }

    /// <summary>How many key events the chronology holds.</summary>
    public int KeyEvents { get; init; } = 30;

    public ChangePointOptions ChangePoints { get; init; } = ChangePointOptions.Default;
}

/// <summary>The figures a brief opens with: facts per QuadClass, tone, and how much is claimed, denied and announced.</summary>
public sealed record HeadlineFigures(
    int Facts,
    int VerbalCooperation,
    int MaterialCooperation,
    int VerbalConflict,
    int MaterialConflict,
    double? MeanGoldstein,
    int Alleged,
    int Denied,
    int Intended,
    int Documents,
    int Sources)
{
    public int NetCooperation => VerbalCooperation + MaterialCooperation - VerbalConflict - MaterialConflict;
}

/// <summary>
/// Everything a generated brief shows about a dyad, computed once from events and rendered as Markdown
/// (<see cref="BriefMarkdown"/>), HTML (<see cref="BriefHtml"/>), DOCX (<see cref="BriefDocx"/>) or PDF
/// (<see cref="BriefPdf"/>). <see cref="Events"/> holds every event in the window that involves either member.
/// </summary>
public sealed record Brief(
    DyadPair Pair,
    DateOnly? From,
    DateOnly? To,
    HeadlineFigures Headline,
    DyadSeries Series,
    ChangePointResult Changes,
    ImmutableArray<TurningPoint> TurningPoints,
    IReadOnlyList<EventRow> Chronology,
    ClaimsLedger Ledger,
    ImmutableArray<ThirdParty> ThirdParties,
    IReadOnlyList<EventRow> Events)
{
    /// <summary>
    /// The brief of <paramref name="pair"/>. <paramref name="events"/> should hold every event involving either
    /// member (not only those between them): third parties and who-said-what come from the others.
    /// </summary>
    public static Brief Build(IReadOnlyList<EventRow> events, DyadPair pair, BriefOptions? options = null)
    {
        options ??= BriefOptions.Default;
        var window = events.Where(e => InWindow(e, options.From, options.To)).ToList();
        var dyad = window.Where(pair.Matches).ToList();
        var dated = dyad.Where(e => e.DateStart is not null).ToList();
        DateOnly? from = options.From ?? (dated.Count == 0 ? null : dated.Min(e => e.DateStart));
        DateOnly? to = options.To ?? (dated.Count == 0 ? null : dated.Max(e => e.DateEnd ?? e.DateStart));
        var unit = options.Unit ?? ChooseUnit(from, to);
        var series = DyadSeries.Build(dyad, pair, unit, options.From, options.To);
        var changes = ChangePoints.Detect([.. series.Points.Select(p => p.GoldsteinSum)], options.ChangePoints);
        var turning = Analysis.TurningPoints.Find(series, dyad, options.ChangePoints);
        var facts = dyad.Where(EventFacts.IsFact).ToList();
        var headline = new HeadlineFigures(
            facts.Count,
            facts.Count(e => e.QuadClass == 1),
            facts.Count(e => e.QuadClass == 2),
            facts.Count(e => e.QuadClass == 3),
            facts.Count(e => e.QuadClass == 4),
            facts.Any(e => e.Goldstein is not null) ? Math.Round(facts.Where(e => e.Goldstein is not null).Average(e => e.Goldstein!.Value), 6) : null,
            dyad.Count(e => e.Modality == "alleged"),
            dyad.Count(e => e.Modality == "denied"),
            dyad.Count(e => e.Modality == "intended"),
            dyad.Select(e => e.Doc).Where(d => d is not null).Distinct(StringComparer.Ordinal).Count(),
            dyad.SelectMany(EventFacts.Sources).Select(c => c.Url ?? $"{c.Outlet}\u0001{c.Title}").Distinct(StringComparer.Ordinal).Count());
        return new Brief(pair, from, to, headline, series, changes, turning,
            Salience.KeyEvents(dyad, pair, options.KeyEvents), ClaimsLedger.Build(window, pair), Analysis.ThirdParties.Find(window, pair), window);
    }

    private static bool InWindow(EventRow e, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null) return true;
        if (e.DateStart is not { } start) return false;
        return (from is not { } f || (e.DateEnd ?? start) >= f) && (to is not { } t || start <= t);
    }

    private static PeriodUnit ChooseUnit(DateOnly? from, DateOnly? to)
    {
        if (from is not { } f || to is not { } t) return PeriodUnit.Month;
        double years = (t.DayNumber - f.DayNumber) / 365.25;
        return years > 15 ? PeriodUnit.Year : years > 3 ? PeriodUnit.Quarter : PeriodUnit.Month;
    }
}
