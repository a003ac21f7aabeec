using System.Collections.Immutable;
using System.Globalization;
using Dyad.Analysis.Prose;

namespace Dyad.Analysis;

/// <summary>A piece of a line of a brief: plain text, strong text, or references to numbered notes.</summary>
internal abstract record Run;

internal sealed record TextRun(string Text) : Run;

internal sealed record StrongRun(string Text) : Run;

internal sealed record NoteRefs(ImmutableArray<int> Numbers) : Run;

internal abstract record Block;

internal sealed record Paragraph(ImmutableArray<Run> Runs) : Block;

/// <summary>A paragraph of sentences written from events, each sentence carrying its events' notes.</summary>
internal sealed record ProseBlock(ImmutableArray<ProseSentence> Sentences) : Block
{
    /// <summary>The sentences' runs, one space between sentences.</summary>
    public ImmutableArray<Run> Runs
    {
        get
        {
            var runs = ImmutableArray.CreateBuilder<Run>();
            for (int i = 0; i < Sentences.Length; i++)
            {
                if (i > 0) runs.Add(new TextRun(" "));
                runs.AddRange(Sentences[i].Runs);
            }
            return runs.ToImmutable();
        }
    }
}

internal sealed record ListBlock(bool Ordered, ImmutableArray<ImmutableArray<Run>> Items) : Block;

internal sealed record TableBlock(ImmutableArray<string> Header, ImmutableArray<ImmutableArray<string>> Rows, ImmutableArray<bool> Numeric) : Block;

internal sealed record ChartBlock(string Caption) : Block;

internal sealed record Section(string Id, string Heading, ImmutableArray<Block> Blocks);

/// <summary>
/// A brief laid out as sections of blocks, the same for every output format: prose sections written from the
/// events (<see cref="BriefNarrative"/>), every sentence carrying its notes, then the figures and chart.
/// </summary>
internal sealed record BriefLayout(string Title, string Subtitle, ImmutableArray<Section> Sections, IReadOnlyList<Footnote> Notes)
{
    public static BriefLayout Lay(Brief brief, BriefWriting? writing = null)
    {
        writing ??= BriefWriting.Default;
        var notes = new Footnotes();
        var names = ActorNames.Default;
        var pair = brief.Pair;
        string title = pair.Directed ? $"{names.Side(pair.A)} towards {names.Side(pair.B)}" : $"{names.Dyad(pair)} relations";
        string period = brief.From is { } f && brief.To is { } t
            ? $"{f.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} to {t.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : "no dated events";
        string subtitle = $"A brief written from the events coded in {Int(brief.Headline.Documents)} {(brief.Headline.Documents == 1 ? "document" : "documents")} ({Int(brief.Headline.Sources)} distinct sources), {period}. Every sentence is footnoted to its sources; what is alleged, denied, announced or expected is said so and never counted as fact.";
        var narrative = new BriefNarrative(brief, new Realiser(names, VerbPhrases.Default, notes));
        double shares = writing.Sections.Sum(BriefSections.Share);
        int Words(string id) => shares == 0 ? 0 : (int)Math.Round(writing.Words * BriefSections.Share(id) / shares);
        var sections = ImmutableArray.CreateBuilder<Section>();
        foreach (string id in writing.Sections)
        {
            sections.Add(id switch
            {
                BriefSections.Latest => new Section(id, "Latest developments", narrative.Latest(Words(id))),
                BriefSections.Background => new Section(id, "Background", narrative.Background(Words(id))),
                BriefSections.Trajectory => new Section(id, "Current trajectory", narrative.Trajectory(Words(id))),
                BriefSections.ThirdParties => new Section(id, "Third parties", narrative.ThirdParties(Words(id))),
                BriefSections.Outlook => new Section(id, "Outlook from the sources", narrative.Outlook(Words(id))),
                BriefSections.Figures => Figures(brief),
                _ => throw new ArgumentException($"unknown section '{id}'", nameof(writing)),
            });
        }
        return new BriefLayout(title, subtitle, sections.ToImmutable(), notes.Notes);
    }

    /// <summary>The figures: the counts of facts, the chart, and the turning points that divide the background into eras.</summary>
    private static Section Figures(Brief brief)
    {
        var h = brief.Headline;
        string Share(int n) => h.Facts == 0 ? "-" : (100.0 * n / h.Facts).ToString("0", CultureInfo.InvariantCulture) + "%";
        ImmutableArray<string> Row(string name, string value) => [name, value];
        var blocks = ImmutableArray.CreateBuilder<Block>();
        blocks.Add(new TableBlock(["figure", "value"],
        [
            Row("Events (asserted facts)", Int(h.Facts)),
            Row("Cooperation, verbal / material", $"{Int(h.VerbalCooperation)} ({Share(h.VerbalCooperation)}) / {Int(h.MaterialCooperation)} ({Share(h.MaterialCooperation)})"),
            Row("Conflict, verbal / material", $"{Int(h.VerbalConflict)} ({Share(h.VerbalConflict)}) / {Int(h.MaterialConflict)} ({Share(h.MaterialConflict)})"),
            Row("Mean Goldstein score", h.MeanGoldstein is { } g ? Signed(g) : "-"),
            Row("Alleged / denied / announced (not counted)", $"{Int(h.Alleged)} / {Int(h.Denied)} / {Int(h.Intended)}"),
        ], [false, true]));
        string unit = brief.Series.Unit.ToString().ToLowerInvariant();
        blocks.Add(new ChartBlock($"Goldstein sum of the asserted events per {unit}; dashed lines mark turning points."));
        var left = new List<string>();
        if (brief.Series.TooCoarse > 0) left.Add($"{Int(brief.Series.TooCoarse)} dated more coarsely than a {unit}");
        if (brief.Series.Undated > 0) left.Add($"{Int(brief.Series.Undated)} undated");
        if (left.Count > 0) blocks.Add(new Paragraph([new TextRun($"Left out of the chart: {string.Join(" and ", left)}.")]));
        if (!brief.TurningPoints.IsEmpty)
        {
            var c = brief.Changes;
            blocks.Add(new Paragraph([new TextRun(string.Create(CultureInfo.InvariantCulture,
                $"Turning points (PELT on the Goldstein sum per {unit}, Gaussian mean-change cost, σ = {c.NoiseScale:0.###}, penalty {c.Penalty:0.###}, segments of at least {c.MinSegment} periods):"))]));
            blocks.Add(new ListBlock(false, [.. brief.TurningPoints.Select(tp => ImmutableArray.Create<Run>(
                new StrongRun(tp.Period.Label),
                new TextRun($" — towards {(tp.TowardsCooperation ? "cooperation" : "conflict")}, from {Signed(tp.MeanBefore)} to {Signed(tp.MeanAfter)} per {unit} on average.")))]));
        }
        return new Section(BriefSections.Figures, "Figures", blocks.ToImmutable());
    }

    internal static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string Signed(double value) => EventFacts.Signed(value);
}
