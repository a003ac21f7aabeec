using System.Collections.Immutable;
using System.Globalization;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>A piece of a line of a brief: plain text, strong text, or references to numbered notes.</summary>
internal abstract record Run;

internal sealed record TextRun(string Text) : Run;

internal sealed record StrongRun(string Text) : Run;

internal sealed record NoteRefs(ImmutableArray<int> Numbers) : Run;

internal abstract record Block;

internal sealed record Paragraph(ImmutableArray<Run> Runs) : Block;

internal sealed record ListBlock(bool Ordered, ImmutableArray<ImmutableArray<Run>> Items) : Block;

internal sealed record TableBlock(ImmutableArray<string> Header, ImmutableArray<ImmutableArray<string>> Rows, ImmutableArray<bool> Numeric) : Block;

internal sealed record ChartBlock(string Caption) : Block;

internal sealed record Section(string Id, string Heading, ImmutableArray<Block> Blocks);

/// <summary>A brief laid out as sections of blocks, the same for every output format; every statement about an event carries its notes.</summary>
internal sealed record BriefLayout(string Title, string Subtitle, ImmutableArray<Section> Sections, IReadOnlyList<Footnote> Notes)
{
    public static BriefLayout Lay(Brief brief)
    {
        var notes = new Footnotes();
        var pair = brief.Pair;
        string between = pair.Directed ? $"{pair.A} acting on {pair.B}" : $"{pair.A} and {pair.B}, in either direction";
        string title = pair.Directed ? $"{pair.A} → {pair.B}: a generated brief" : $"{pair.A}–{pair.B} relations: a generated brief";
        string period = brief.From is { } f && brief.To is { } t ? $"{EventFacts.Iso(f)} to {EventFacts.Iso(t)}" : "no dated events";
        string subtitle = $"Period: {period}. Events between {between}, as coded from the sources in the store.";
        var sections = ImmutableArray.CreateBuilder<Section>();
        sections.Add(Headline(brief));
        sections.Add(Trajectory(brief));
        sections.Add(Turning(brief, notes));
        sections.Add(Chronology(brief, notes));
        sections.Add(Claims(brief, notes));
        sections.Add(Intentions(brief, notes));
        sections.Add(Third(brief));
        return new BriefLayout(title, subtitle, sections.ToImmutable(), notes.Notes);
    }

    private static Section Headline(Brief brief)
    {
        var h = brief.Headline;
        string Share(int n) => h.Facts == 0 ? "-" : (100.0 * n / h.Facts).ToString("0", CultureInfo.InvariantCulture) + "%";
        ImmutableArray<string> Row(string name, string value) => [name, value];
        return new Section("headline", "Headline figures",
        [
            new TableBlock(["figure", "value"],
            [
                Row("Events (asserted facts)", Int(h.Facts)),
                Row("Verbal cooperation", $"{Int(h.VerbalCooperation)} ({Share(h.VerbalCooperation)})"),
                Row("Material cooperation", $"{Int(h.MaterialCooperation)} ({Share(h.MaterialCooperation)})"),
                Row("Verbal conflict", $"{Int(h.VerbalConflict)} ({Share(h.VerbalConflict)})"),
                Row("Material conflict", $"{Int(h.MaterialConflict)} ({Share(h.MaterialConflict)})"),
                Row("Net cooperation (cooperative minus conflictual events)", Signed(h.NetCooperation)),
                Row("Mean Goldstein score", h.MeanGoldstein is { } g ? Signed(g) : "-"),
                Row("Alleged / denied / announced", $"{Int(h.Alleged)} / {Int(h.Denied)} / {Int(h.Intended)}"),
                Row("Documents / distinct sources", $"{Int(h.Documents)} / {Int(h.Sources)}"),
            ], [false, true]),
        ]);
    }

    private static Section Trajectory(Brief brief)
    {
        string unit = UnitName(brief.Series.Unit);
        var blocks = ImmutableArray.CreateBuilder<Block>();
        blocks.Add(new ChartBlock($"Goldstein sum of the asserted events per {unit}; dashed lines mark turning points."));
        var left = new List<string>();
        if (brief.Series.TooCoarse > 0) left.Add($"{Int(brief.Series.TooCoarse)} dated more coarsely than a {unit}");
        if (brief.Series.Undated > 0) left.Add($"{Int(brief.Series.Undated)} undated");
        if (left.Count > 0) blocks.Add(new Paragraph([new TextRun($"Left out of the chart: {string.Join(" and ", left)}.")]));
        return new Section("trajectory", "Trajectory", blocks.ToImmutable());
    }

    private static Section Turning(Brief brief, Footnotes notes)
    {
        var c = brief.Changes;
        int n = brief.Series.Points.Length;
        string penalty = c.Penalty == ChangePoints.DefaultPenalty(n)
            ? string.Create(CultureInfo.InvariantCulture, $"penalty 3·ln n = {c.Penalty:0.###} for n = {n} periods")
            : string.Create(CultureInfo.InvariantCulture, $"penalty {c.Penalty:0.###}");
        var method = new Paragraph([new TextRun(string.Create(CultureInfo.InvariantCulture,
            $"Changes in the level of the Goldstein sum per {UnitName(brief.Series.Unit)}, found by PELT (Killick, Fearnhead and Eckley 2012) with a Gaussian mean-change cost, noise scale σ = {c.NoiseScale:0.###} estimated from first differences, {penalty}, and segments of at least {c.MinSegment} periods."))]);
        if (brief.TurningPoints.IsEmpty)
        {
            return new Section("turning-points", "Turning points", [method, new Paragraph([new TextRun("No turning point: the series holds no significant change in level.")])]);
        }
        var items = brief.TurningPoints.Select(tp =>
        {
            var runs = ImmutableArray.CreateBuilder<Run>();
            runs.Add(new StrongRun(tp.Period.Label));
            runs.Add(new TextRun(string.Create(CultureInfo.InvariantCulture,
                $" — towards {(tp.TowardsCooperation ? "cooperation" : "conflict")}: the Goldstein sum per {UnitName(brief.Series.Unit)} moved from {Signed(tp.MeanBefore)} to {Signed(tp.MeanAfter)} on average.")));
            if (tp.Around.IsEmpty) runs.Add(new TextRun(" No asserted event in the periods around it."));
            foreach (var e in tp.Around)
            {
                runs.Add(new TextRun($" {EventFacts.DateLabel(e)}: {Describe(e)}."));
                runs.Add(new NoteRefs(notes.Cite(e)));
            }
            return runs.ToImmutable();
        });
        return new Section("turning-points", "Turning points", [method, new ListBlock(false, [.. items])]);
    }

    private static Section Chronology(Brief brief, Footnotes notes)
    {
        if (brief.Chronology.Count == 0) return new Section("chronology", "Chronology of key events", [new Paragraph([new TextRun("No asserted event.")])]);
        var items = brief.Chronology.Select(e => Statement(e, notes, includeDate: true));
        return new Section("chronology", "Chronology of key events",
        [
            new Paragraph([new TextRun("The most salient asserted events (material events first, then by Goldstein magnitude and number of sources), in date order.")]),
            new ListBlock(false, [.. items]),
        ]);
    }

    private static Section Claims(Brief brief, Footnotes notes)
    {
        var ledger = brief.Ledger;
        var items = new List<ImmutableArray<Run>>();
        foreach (var claim in ledger.Claims)
        {
            var runs = ImmutableArray.CreateBuilder<Run>();
            runs.Add(new StrongRun("Alleged"));
            runs.Add(new TextRun($" ({EventFacts.DateLabel(claim.Allegation)}) by {claim.AllegedBy?.ToString() ?? "an unnamed source"}: {Describe(claim.Allegation)}. {Quote(claim.Allegation)}"));
            runs.Add(new NoteRefs(notes.Cite(claim.Allegation)));
            if (claim.Denials.IsEmpty) runs.Add(new TextRun(" No denial in the sources."));
            foreach (var d in claim.Denials)
            {
                runs.Add(new TextRun(" "));
                runs.Add(new StrongRun("Denied"));
                runs.Add(new TextRun($" ({EventFacts.DateLabel(d.Event)}) by {d.DeniedBy?.ToString() ?? "an unnamed source"}: {Quote(d.Event)}"));
                runs.Add(new NoteRefs(notes.Cite(d.Event)));
            }
            items.Add(runs.ToImmutable());
        }
        foreach (var d in ledger.UnansweredDenials)
        {
            items.Add(
            [
                new StrongRun("Denied"),
                new TextRun($" ({EventFacts.DateLabel(d.Event)}) by {d.DeniedBy?.ToString() ?? "an unnamed source"}, with no matching allegation in the sources: {Describe(d.Event)}. {Quote(d.Event)}"),
                new NoteRefs(notes.Cite(d.Event)),
            ]);
        }
        Block body = items.Count == 0 ? new Paragraph([new TextRun("No alleged or denied event.")]) : new ListBlock(false, [.. items]);
        return new Section("claims", "Contested claims", [body]);
    }

    private static Section Intentions(Brief brief, Footnotes notes)
    {
        var items = new List<ImmutableArray<Run>>();
        foreach (var i in brief.Ledger.Intentions)
        {
            var runs = ImmutableArray.CreateBuilder<Run>();
            runs.Add(new StrongRun("Announced"));
            string when = i.Announcement.DateStart is null ? "" : $" for {EventFacts.DateLabel(i.Announcement)}";
            runs.Add(new TextRun($"{when} by {i.AnnouncedBy?.ToString() ?? Actor(i.Announcement.SourceText, i.Announcement.SourceActor ?? i.Announcement.SourceCountry)}: {Describe(i.Announcement)}. {Quote(i.Announcement)}"));
            runs.Add(new NoteRefs(notes.Cite(i.Announcement)));
            if (i.FulfilledBy is { } done)
            {
                runs.Add(new TextRun(" "));
                runs.Add(new StrongRun("Fulfilled"));
                runs.Add(new TextRun($" {EventFacts.DateLabel(done)}: {Describe(done)}."));
                runs.Add(new NoteRefs(notes.Cite(done)));
            }
            else
            {
                runs.Add(new TextRun(" Not fulfilled by any later asserted event in the sources."));
            }
            items.Add(runs.ToImmutable());
        }
        Block body = items.Count == 0 ? new Paragraph([new TextRun("No announced intention.")]) : new ListBlock(false, [.. items]);
        return new Section("intentions", "Announced intentions", [body]);
    }

    private static Section Third(Brief brief)
    {
        if (brief.ThirdParties.IsEmpty) return new Section("third-parties", "Third parties", [new Paragraph([new TextRun("No actor acts on both members of the dyad.")])]);
        var pair = brief.Pair;
        return new Section("third-parties", "Third parties",
        [
            new Paragraph([new TextRun($"Actors that act on both {pair.A} and {pair.B} (asserted events), with the mean Goldstein score of their events toward each.")]),
            new TableBlock(["actor", $"events toward {pair.A}", $"tone toward {pair.A}", $"events toward {pair.B}", $"tone toward {pair.B}"],
                [.. brief.ThirdParties.Select(t => ImmutableArray.Create(t.Actor, Int(t.TowardA), t.MeanGoldsteinA is { } a ? Signed(a) : "-", Int(t.TowardB), t.MeanGoldsteinB is { } b ? Signed(b) : "-"))],
                [false, true, true, true, true]),
        ]);
    }

    private static ImmutableArray<Run> Statement(EventRow e, Footnotes notes, bool includeDate)
    {
        var runs = ImmutableArray.CreateBuilder<Run>();
        if (includeDate) runs.Add(new StrongRun(EventFacts.DateLabel(e)));
        runs.Add(new TextRun($"{(includeDate ? " — " : "")}{Describe(e)}. {Quote(e)}"));
        runs.Add(new NoteRefs(notes.Cite(e)));
        return runs.ToImmutable();
    }

    internal static string Describe(EventRow e) => EventFacts.Describe(e);

    private static string Actor(string? text, string? code) => EventFacts.Actor(text, code);

    private static string Quote(EventRow e) => e.EvidenceSentence is { } s ? $"“{s.Trim()}”" : "";

    private static string UnitName(PeriodUnit unit) => unit.ToString().ToLowerInvariant();

    internal static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string Signed(double value) => EventFacts.Signed(value);
}
