using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Ingest.Html;

namespace Dyad.Tests.Ingest;

public sealed class HtmlReaderTests
{
    [Fact]
    public void A_footnoted_report_page_reads_to_its_record()
    {
        // Metadata from JSON-LD and Open Graph, the article without menu, cookie notice and share tools,
        // endnotes linked to their <sup> markers, and the in-text link as citation L1.
        var result = CliRunner.Run("read", TestPaths.Data("html", "footnoted.html"), "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(TestPaths.Data("html", "footnoted.expected.jsonl")), result.Output);
    }

    // Each case: a page and the metadata field dump it must give (title | authors | publisher | published | language).
    public static TheoryData<string, string> MetadataCases => new()
    {
        // Open Graph and article:* meta tags.
        {
            """<html lang="fr-FR"><head><meta property="og:title" content="Accord signé"><meta property="og:site_name" content="Le Quotidien"><meta property="article:published_time" content="2023-03-10T12:00:00+01:00"><meta name="author" content="Anne Martin, Paul Roy"></head><body><p>Le texte.</p></body></html>""",
            "Accord signé | Anne Martin; Paul Roy | Le Quotidien | 2023-03-10 | fr"
        },
        // A <time datetime> and a byline; the <title> loses its site suffix.
        {
            """<html><head><title>Ministers meet in Doha - Gulf Affairs Today</title></head><body><div class="byline">By Yousef Al-Hamad | <time datetime="2023-09-05T08:00">Sept. 5</time></div><p>Text.</p></body></html>""",
            "Ministers meet in Doha | Yousef Al-Hamad | - | 2023-09-05 | -"
        },
        // JSON-LD in a @graph, author as a plain string; a broken JSON-LD block before it is ignored.
        {
            """<html lang="en"><head><script type="application/ld+json">{ broken</script><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Talks end","author":"Lin Wei","datePublished":"2022-11-30","publisher":{"name":"East Asia Desk"}}]}</script></head><body><p>Text.</p></body></html>""",
            "Talks end | Lin Wei | East Asia Desk | 2022-11-30 | en"
        },
        // "Site :: Headline": the headline is the longer side; with no date in the head, the page's dateline line gives it.
        {
            """<html><head><title>South Asia Wire :: India, Pakistan agree to restore Lahore bus</title></head><body><font size="1">New Delhi, February 14, 2011 | Staff Reporter</font><br><font size="2">The ministers met on Monday.</font></body></html>""",
            "India, Pakistan agree to restore Lahore bus | - | - | 2011-02-14 | en"
        },
        // A logo in the first <h1> is not the title: the heading the <title> matches is, without the site's name.
        {
            """<html><head><title>Port strike enters a third day - Harbour Wire</title></head><body><h1><a href="/">Harbour Wire</a></h1><div><h1>Port strike enters a third day</h1><p>Unions rejected the offer.</p></div></body></html>""",
            "Port strike enters a third day | - | - | - | -"
        },
        // With no heading that the <title> matches, the <title> beats a section name in the first <h1>.
        {
            """<html><head><title>Allergies: Babies who eat peanuts early may avoid allergy</title></head><body><h1>Allergies Health Center</h1><p>Text.</p></body></html>""",
            "Allergies: Babies who eat peanuts early may avoid allergy | - | - | - | -"
        },
        // A headline in a <span> that the first paragraph runs on from is still the headline's line: the
        // numeric date just before it is the story's, not the masthead's date of today.
        {
            """<html><head><title>Goal Wire - Chelsea - Cole: a cup win gives momentum</title></head><body><div class="top">Tuesday 15 January 2008</div><div><span class="d">31/12/2007 11:13</span><br><span><strong>Cole: a cup win gives momentum</strong></span> The midfielder said an early trophy lifts a squad in a long season.</div></body></html>""",
            "Cole: a cup win gives momentum | - | - | 2007-12-31 | en"
        },
        // A year and a month in the page's URL (a blog's archive path) is no date; a full date in the path is.
        {
            """<html><head><title>Notes from the field</title><link rel="canonical" href="https://blog.example.org/2012/10/notes-from-the-field.html"></head><body><p>Text.</p></body></html>""",
            "Notes from the field | - | - | - | -"
        },
        {
            """<html><head><title>Notes from the field</title><meta property="og:url" content="https://news.example.org/2012/10/26/notes-from-the-field"></head><body><p>Text.</p></body></html>""",
            "Notes from the field | - | - | 2012-10-26 | -"
        },
        // An impossible date is no date.
        {
            """<html><head><meta property="article:published_time" content="2023-02-30"><title>Short</title></head><body><p>Text.</p></body></html>""",
            "Short | - | - | - | -"
        },
    };

    [Theory]
    [MemberData(nameof(MetadataCases))]
    public void Metadata_comes_from_the_page_head_and_byline(string html, string expected)
    {
        var m = HtmlReader.Read("page.html", html).Metadata;
        string dump = string.Join(" | ", m.Title ?? "-", m.Authors.IsEmpty ? "-" : string.Join("; ", m.Authors), m.Publisher ?? "-",
            m.Published?.ToString("yyyy-MM-dd") ?? "-", m.Language ?? "-");
        Assert.Equal(expected, dump);
    }

    [Fact]
    public void A_notes_heading_turns_the_list_after_it_into_citations()
    {
        const string html = """
            <html><body><div class="post">
            <p>The ministers met in Muscat on two occasions in 2021, according to officials who spoke on condition of anonymity.<sup>1</sup></p>
            <p>A third meeting followed in the spring, and both sides described it as constructive and businesslike.<sup>2</sup></p>
            <h2>Notes</h2>
            <p>1. "Quiet talks in Muscat", Crescent Daily, June 3, 2021.</p>
            <p>2. "Third round ends", Levant Wire, April 9, 2022.</p>
            </div></body></html>
            """;
        var document = HtmlReader.Read("notes.html", html);
        Assert.Equal(
            "The ministers met in Muscat on two occasions in 2021, according to officials who spoke on condition of anonymity.¹\n\n" +
            "A third meeting followed in the spring, and both sides described it as constructive and businesslike.²",
            document.Text);
        Assert.Equal(["1 Crescent Daily 2021-06-03", "2 Levant Wire 2022-04-09"],
            document.Citations.Select(c => $"{c.Marker} {c.Outlet} {c.Date:yyyy-MM-dd}"));
        Assert.Equal([["1"], ["2"]], document.Sentences.Select(s => s.Citations.ToArray()));
    }

    [Fact]
    public void A_page_whose_article_carries_a_furniture_class_is_read_on_the_second_pass()
    {
        // The only text sits in a "paywall" container: the first pass removes it, the second keeps it.
        string paragraph = "The council met for six hours and agreed to extend the monitoring mission by a year, diplomats said after the vote.";
        string html = $"<html><body><div class=\"paywall\"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div></body></html>";
        var document = HtmlReader.Read("p.html", html);
        Assert.Equal($"{paragraph}\n\n{paragraph}\n\n{paragraph}", document.Text);
    }

    [Fact]
    public void Extraction_evaluation_keeps_its_floor()
    {
        var result = HtmlEvaluation.Run(TestPaths.Data("html-eval"));
        Assert.True(result.Pages.Length >= 40, $"{result.Pages.Length} pages");
        Assert.True(result.F1 >= 0.995, $"F1 {result.F1:0.000}");
        Assert.True(result.Precision >= 0.995, $"precision {result.Precision:0.000}");
        Assert.True(result.Recall >= 0.99, $"recall {result.Recall:0.000}");
    }

    [Fact]
    public void Eval_command_prints_the_scores()
    {
        var result = CliRunner.Run("eval", "html", "--data", TestPaths.Data("html-eval"));
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^html extraction: \d+ pages, precision (0\.9\d\d|1\.000), recall (0\.9\d\d|1\.000), F1 (0\.9\d\d|1\.000), empty 0 \(0 with a reference of 100\+ words\)\n$", result.Output);
    }

    // Each case: a name and bytes the loader must route to the HTML reader.
    [Theory]
    [InlineData("page.htm", "<p>The minister arrived in Riyadh on Monday for two days of talks with his counterpart and officials.</p>")]
    [InlineData("page.txt", "<!DOCTYPE html><html><body><p>The minister arrived in Riyadh on Monday for two days of talks with his counterpart and officials.</p></body></html>")]
    public void The_loader_dispatches_html_by_name_or_content(string name, string content)
    {
        var result = DocumentLoader.Default.Read(name, System.Text.Encoding.UTF8.GetBytes(content));
        Assert.Equal(DocumentFormat.Html, result.Document!.Format);
        Assert.Equal("The minister arrived in Riyadh on Monday for two days of talks with his counterpart and officials.", result.Document.Text);
    }

    [Fact]
    public void A_latin1_page_that_says_so_is_decoded()
    {
        byte[] bytes = [.. "<html><head><meta charset=\"iso-8859-1\"></head><body><p>S"u8, 0xE3, .. "o Paulo hosted the meeting of the foreign ministers on Tuesday.</p></body></html>"u8];
        var result = DocumentLoader.Default.Read("page.html", bytes);
        Assert.Equal("São Paulo hosted the meeting of the foreign ministers on Tuesday.", result.Document!.Text);
    }

    // Each case: a page and the nesting estimate the reader takes before parsing.
    [Theory]
    [InlineData("<div><p>One</p><div><span>two</span></div></div>", 3)] // div > div > span
    [InlineData("<p>a<p>b<p>c<br><img src=x>", 0)] // auto-closed and void elements do not nest
    [InlineData("<b><i><a href=#>x</a></i></b><b>y</b>", 3)]
    [InlineData("</div></div><div>", 1)] // stray closing tags do not go below zero
    public void Nesting_is_estimated_before_parsing(string html, int depth) =>
        Assert.Equal(depth, HtmlReader.NestingEstimate(html));
}
