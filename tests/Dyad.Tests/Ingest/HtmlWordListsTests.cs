using Dyad.Ingest.Html;

namespace Dyad.Tests.Ingest;

/// <summary>The HTML reader's word lists (data/html/) load, keep their shape and mean what they say.</summary>
public sealed class HtmlWordListsTests
{
    [Fact]
    public void Class_hints_load_with_strong_words_counted_as_furniture()
    {
        var words = HtmlWordLists.Default;
        Assert.Contains("sidebar", words.Strong);
        Assert.Contains("sidebar", words.Furniture);
        Assert.Contains("byline", words.Furniture);
        Assert.DoesNotContain("byline", words.Strong);
        Assert.Contains("content", words.Content);
        Assert.Empty(words.Content.Intersect(words.Furniture));
    }

    // Each case: a malformed hints file and the start of the complaint.
    [Theory]
    [InlineData("nav\tstrong\nNav\tfurniture\n", "class-hints.tsv: row 2 is not a lower-case token")]
    [InlineData("nav\tstrong\nmain\tarticle\n", "class-hints.tsv: row 2 has kind 'article'")]
    [InlineData("nav\tstrong\nnav\tstrong\n", "class-hints.tsv: 'nav' is listed twice")]
    [InlineData("# a comment\nnav\tstrong\n\nnav\tcontent\n", "class-hints.tsv: 'nav' is both content and furniture")]
    public void Malformed_class_hints_are_refused(string file, string message)
    {
        var error = Assert.Throws<FormatException>(() => HtmlWordLists.ParseHints(new StringReader(file)));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    // Each case: a paragraph, and whether it opens with a furniture phrase as whole words.
    [Theory]
    [InlineData("Read more: talks resume", true)]
    [InlineData("READ   MORE", true)]
    [InlineData("Advertisement", true)]
    [InlineData("Readers more often ask", false)]
    [InlineData("Relatedly, the minister said", false)]
    [InlineData("The talks resume", false)]
    public void Boilerplate_openings_match_whole_words(string text, bool furniture) =>
        Assert.Equal(furniture, HtmlWordLists.Default.BoilerplateStart.IsMatch(text));

    [Fact]
    public void Phrase_lists_are_lower_cased_collapsed_and_deduplicated() =>
        Assert.Equal(["read more", "image"], HtmlWordLists.ParseLines(new StringReader("# openings\nRead  More\n\nimage\nread more\n")));

    // Each case: a text, and whether the whole of it is a loading placeholder.
    [Theory]
    [InlineData("Loading…", true)]
    [InlineData("  LOADING   comments ... ", true)]
    [InlineData("Please enable JavaScript to view this page.", true)]
    [InlineData("Loading the ferry took two hours, the crew said.", false)]
    [InlineData("Please wait for the minister to speak", false)]
    public void Placeholders_match_the_whole_text(string text, bool placeholder) =>
        Assert.Equal(placeholder, HtmlWordLists.Default.IsPlaceholder(text));

    [Fact]
    public void Date_words_load_with_the_publication_meta_tags_first()
    {
        var words = DateWords.Default;
        Assert.Equal("article:published_time", words.PublishedMeta[0]);
        Assert.Contains("datepublished", words.PublishedMeta);
        Assert.Contains("date", words.WeakMeta);
        Assert.DoesNotContain("date", words.PublishedMeta);
        Assert.True(words.IsHinted("article-date"));
        Assert.True(words.IsHinted("pubdate"));
        Assert.False(words.IsHinted("story-body"));
        Assert.True(words.IsHeadlineName("article_headline"));
        // A longer label is tried before the shorter one inside it.
        Assert.True(words.UpdatedLabels.IndexOf("last updated") < words.UpdatedLabels.IndexOf("updated"));
        Assert.Empty(words.PostedLabels.Intersect(words.UpdatedLabels));
    }

    // Each case: a malformed date-words file and the start of the complaint.
    [Theory]
    [InlineData("date\tweak\nDate\tweak\n", "date-words.tsv: row 2 is not a lower-case word and a kind")]
    [InlineData("date\tweak\ndate\tlabel\n", "date-words.tsv: row 2 has kind 'label'")]
    [InlineData("date\tweak\n# comment\ndate\tweak\n", "date-words.tsv: 'date' is listed twice as weak")]
    [InlineData("pubdate\tweak\npubdate\tpublished\n", "date-words.tsv: 'pubdate' is both published and weak")]
    [InlineData("updated\tposted\nupdated\tupdated\n", "date-words.tsv: 'updated' is both posted and updated")]
    public void Malformed_date_words_are_refused(string file, string message)
    {
        var error = Assert.Throws<FormatException>(() => DateWords.Parse(new StringReader(file)));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
