using System.Text.RegularExpressions;
using Dyad.Analysis;
using Dyad.Analysis.Prose;
using Dyad.Ingest;
using Dyad.Store;

namespace Dyad.Tests.Analysis.Prose;

/// <summary>
/// The brief's prose on three corpora — the fixed test corpus, the bundled samples (IRN SAU, as in `dyad demo`)
/// and the seed brief (RUS PRK): every sentence tells stored events and carries their notes, the sections tell
/// the story the sources tell, and document text never turns into markup.
/// </summary>
public sealed partial class BriefProseTests
{
    private static readonly Lazy<Brief> Fixed = new(() => Brief.Build(AnalysisCorpus.Build().Events, DyadPair.Create("IRN", "SAU").Pair!));

    private static readonly Lazy<Brief> Samples = new(() =>
    {
        var rows = Directory.EnumerateFiles(TestPaths.Samples(), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .SelectMany(f => DyadPipeline.Default.Code(DocumentLoader.Default.ReadFile(f).Document!, default)).ToList();
        return Brief.Build(rows, DyadPair.Create("IRN", "SAU").Pair!);
    });

    private static readonly Lazy<Brief> Seed = new(() =>
    {
        var document = DocumentLoader.Default.ReadFile(TestPaths.SeedBrief).Document!;
        return Brief.Build(DyadPipeline.Default.Code(document, default), DyadPair.Create("RUS", "PRK").Pair!);
    });

    private static Brief Corpus(string name) => name switch { "fixed" => Fixed.Value, "samples" => Samples.Value, _ => Seed.Value };

    private static string Prose(BriefLayout layout, string section) =>
        string.Join("\n", layout.Sections.Single(s => s.Id == section).Blocks.OfType<ProseBlock>().SelectMany(b => b.Sentences).Select(s => s.Text));

    [Theory]
    [InlineData("fixed")]
    [InlineData("samples")]
    [InlineData("seed")]
    public void Every_sentence_tells_stored_events_and_carries_each_ones_notes(string corpus)
    {
        var brief = Corpus(corpus);
        var layout = BriefLayout.Lay(brief);
        var stored = brief.Events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var sentences = layout.Sections.SelectMany(s => s.Blocks).OfType<ProseBlock>().SelectMany(b => b.Sentences).ToList();
        Assert.True(sentences.Count >= 8, $"{sentences.Count} sentences");
        foreach (var sentence in sentences)
        {
            Assert.NotEmpty(sentence.Events);
            Assert.EndsWith(".", sentence.Text, StringComparison.Ordinal);
            var refs = Assert.IsType<NoteRefs>(sentence.Runs[^1]).Numbers;
            Assert.NotEmpty(refs);
            Assert.All(refs, n => Assert.InRange(n, 1, layout.Notes.Count));
            foreach (var e in sentence.Events)
            {
                Assert.Contains(e.Id, stored);
                // Each of the event's sources is among the sentence's notes.
                foreach (var source in EventFacts.Sources(e))
                {
                    Assert.Contains(layout.Notes, n => refs.Contains(n.Number) && n.Url == source.Url && n.Title == source.Title);
                }
            }
        }
        // Nothing but the figures and the notes' own lines is written without an event behind it.
        Assert.All(layout.Sections.Where(s => s.Id != BriefSections.Figures).SelectMany(s => s.Blocks).OfType<Paragraph>(), p => Assert.Fail($"an unsourced paragraph: {p}"));
    }

    [Fact]
    public void The_seed_brief_tells_the_visit_the_eras_the_claims_and_the_outlook()
    {
        var layout = BriefLayout.Lay(Seed.Value);
        string latest = Prose(layout, BriefSections.Latest);
        Assert.Contains("Russian President Vladimir Putin held talks with North Korean Supreme Leader Kim Jong-un in September 2023.", latest, StringComparison.Ordinal);
        Assert.Contains("On 12 September 2023, Kim visited Vladivostok.", latest, StringComparison.Ordinal);
        Assert.Contains("On 15 September 2023, Kim visited Komsomolsk-on-Amur.", latest, StringComparison.Ordinal);
        Assert.Contains("The Russian Ministry of Defence visited Pyongyang in July 2023.", latest, StringComparison.Ordinal);
        // Told day by day: dates in order.
        var days = DayPattern().Matches(latest).Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(days.Order(), days);

        string background = Prose(layout, BriefSections.Background);
        Assert.StartsWith("From the 1940s to 2019 relations were close: ", background, StringComparison.Ordinal);
        Assert.Contains("North Korean Premier Kim Il-sung signed an agreement with Nikita Khrushchev, First Secretary of the Communist Party of the Soviet Union, in 1961.", background, StringComparison.Ordinal);
        Assert.Contains("Moscow provided economic aid to North Korea in 2012.", background, StringComparison.Ordinal);

        string trajectory = Prose(layout, BriefSections.Trajectory);
        Assert.Contains("U.S. intelligence alleged that North Korea provided military aid to Russia on 30 August 2023.", trajectory, StringComparison.Ordinal);
        Assert.Contains("The Kremlin denied on 15 September 2023 that it signed an agreement with North Korea.", trajectory, StringComparison.Ordinal);

        string third = Prose(layout, BriefSections.ThirdParties);
        // Both did the same to both: one sentence.
        Assert.Equal("The United States and South Korea warned Russia and North Korea in September 2023.", third);

        string outlook = Prose(layout, BriefSections.Outlook);
        Assert.Contains("On 26 September 2023, Russian Foreign Minister Sergey Lavrov announced plans to visit Pyongyang.", outlook, StringComparison.Ordinal);
        Assert.Contains("would hold talks with North Korea in November 2023.", outlook, StringComparison.Ordinal);
        // What is expected is never told as fact elsewhere.
        foreach (var section in (string[])[BriefSections.Latest, BriefSections.Background])
        {
            Assert.All(layout.Sections.Single(s => s.Id == section).Blocks.OfType<ProseBlock>().SelectMany(b => b.Sentences).SelectMany(s => s.Events),
                e => Assert.True(EventFacts.IsFact(e), $"{e.Id} is {e.Modality}"));
        }
    }

    [Fact]
    public void The_sample_brief_tells_the_rapprochement()
    {
        var layout = BriefLayout.Lay(Samples.Value);
        string latest = Prose(layout, BriefSections.Latest);
        Assert.Contains("On 17 August 2023, Iranian Foreign Minister Hossein Amir-Abdollahian visited Riyadh.", latest, StringComparison.Ordinal);
        Assert.Contains("On 11 November 2023, Raisi visited Riyadh.", latest, StringComparison.Ordinal);
        string background = Prose(layout, BriefSections.Background);
        Assert.Contains("Saudi Arabia cut diplomatic relations with Iran on 26 April 1988.", background, StringComparison.Ordinal);
        Assert.Contains("In 2023 relations warmed: ", background, StringComparison.Ordinal);
        // The long first era reads in paragraphs that break where a decade turns.
        var paragraphs = layout.Sections.Single(s => s.Id == BriefSections.Background).Blocks.OfType<ProseBlock>().ToList();
        Assert.Equal(4, paragraphs.Count);
        Assert.Equal("Saudi Arabia signed an agreement with Iranian ministers on 18 April 2001.", paragraphs[1].Sentences[0].Text);
        Assert.StartsWith("Since 2022 relations have warmed: ", Prose(layout, BriefSections.Trajectory), StringComparison.Ordinal);
        Assert.Contains("On 12 February 2024, the Saudi crown prince was expected to visit Tehran.", Prose(layout, BriefSections.Outlook), StringComparison.Ordinal);
    }

    [Fact]
    public void An_announcement_due_before_the_latest_source_and_not_fulfilled_is_told_in_the_trajectory_not_the_outlook()
    {
        var events = AnalysisCorpus.Build().Events.Select(e => e.Cameo == "061" && e.Modality == "intended"
            ? e with { DateStart = new DateOnly(2023, 7, 1), DateEnd = new DateOnly(2023, 7, 31), DateValue = "2023-07", DatePrecision = "month" } : e).ToList();
        var layout = BriefLayout.Lay(Brief.Build(events, DyadPair.Create("IRN", "SAU").Pair!));
        const string overdue = "Saudi Arabia announced plans to cooperate economically with Iran in July 2023; no later event in the sources shows it done.";
        Assert.Contains(overdue, Prose(layout, BriefSections.Trajectory), StringComparison.Ordinal);
        Assert.DoesNotContain("cooperate economically", Prose(layout, BriefSections.Outlook), StringComparison.Ordinal);
        // As announced, for the last quarter of the year (after the latest source), it is expected: the outlook tells it.
        Assert.Contains("Saudi Arabia announced plans to cooperate economically with Iran in the fourth quarter of 2023.", Prose(BriefLayout.Lay(Fixed.Value), BriefSections.Outlook), StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_words_choose_fewer_events_and_each_section_keeps_its_most_salient()
    {
        int Words(BriefLayout l) => l.Sections.SelectMany(s => s.Blocks).OfType<ProseBlock>().SelectMany(b => b.Sentences).Sum(s => s.Words);
        var full = BriefLayout.Lay(Samples.Value);
        var short_ = BriefLayout.Lay(Samples.Value, new BriefWriting { Words = 250 });
        Assert.InRange(Words(full), 400, 1700);
        Assert.InRange(Words(short_), 100, 330);
        // The short background still opens each era, with that era's most salient event.
        Assert.Contains("In 2023 relations warmed: ", Prose(short_, BriefSections.Background), StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_are_written_in_the_order_asked()
    {
        var (sections, error) = BriefSections.Parse("outlook, latest ,figures");
        Assert.Null(error);
        var layout = BriefLayout.Lay(Fixed.Value, new BriefWriting { Sections = sections });
        Assert.Equal(["outlook", "latest", "figures"], layout.Sections.Select(s => s.Id));
        Assert.Equal("--sections: 'summary' is not a section (one of latest, background, trajectory, third-parties, outlook, figures)", BriefSections.Parse("latest,summary").Error);
    }

    [Fact]
    public void Markup_in_an_actors_words_is_escaped_in_html_and_markdown()
    {
        var events = AnalysisCorpus.Build().Events.Select(e => e.Id.EndsWith("e03", StringComparison.Ordinal)
            ? e with { SourceText = "Iran's <script>alert(1)</script> & <b>ministry</b>" } : e).ToList();
        var brief = Brief.Build(events, DyadPair.Create("IRN", "SAU").Pair!);
        string html = BriefHtml.Render(brief);
        Assert.Contains("Iran&#39;s &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;ministry&lt;/b&gt; denounced Saudi Arabia on 4 January 2016.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        string md = BriefMarkdown.Render(brief, null);
        Assert.Contains(@"Iran's \<script\>alert(1)\</script\> \& \<b\>ministry\</b\> denounced Saudi Arabia on 4 January 2016.", md, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"On (\d{1,2} \w+ \d{4}),")]
    private static partial Regex DayPattern();
}
