using Dyad.Ingest.Html;

namespace Dyad.Tests.Ingest;

/// <summary>
/// Floors on the article-extraction development set (real pages from L3S-GN1, Mozilla Readability's
/// test articles and Dragnet), read from ../shared/reference/ beside the checkout and never copied
/// into the repository. The floors are the scores reached; they only rise.
/// </summary>
public sealed class ArticleExtractionDevTests
{
    internal static string Folder => Path.Combine(TestPaths.Reference, "article-extraction-dev");

    // Each case: a set, its F1 floor, its precision and recall floors, and the most empty outputs
    // allowed where the reference holds 100 words or more.
    [DevDataTheory]
    [InlineData("l3s-gn1", 0.963, 0.963, 0.979, 0)]
    [InlineData("readability", 0.965, 0.988, 0.949, 0)]
    [InlineData("dragnet", 0.947, 0.983, 0.925, 0)]
    public void Development_set_keeps_its_floors(string set, double f1, double precision, double recall, int emptyLong)
    {
        var result = HtmlEvaluation.Run(Path.Combine(Folder, set));
        Assert.True(result.Pages.Length >= 75, $"{set}: {result.Pages.Length} pages");
        Assert.True(result.F1 >= f1, $"{set}: F1 {result.F1:0.000} < {f1:0.000}");
        Assert.True(result.Precision >= precision, $"{set}: precision {result.Precision:0.000} < {precision:0.000}");
        Assert.True(result.Recall >= recall, $"{set}: recall {result.Recall:0.000} < {recall:0.000}");
        Assert.True(result.EmptyLong <= emptyLong, $"{set}: {result.EmptyLong} empty outputs with a long reference: "
            + string.Join(", ", result.Pages.Where(p => p.Empty && p.ReferenceWords >= HtmlEvaluation.LongReferenceWords).Select(p => p.Name).Take(10)));
    }

    [DevDataFact]
    public void Eval_command_scores_the_development_layout_set_by_set()
    {
        var result = CliRunner.Run("eval", "html", "--data", Folder, "--pages", "--worst", "2");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(9, lines.Length);
        Assert.Matches(@"^dragnet/\S+\tP \d\.\d{3}\tR \d\.\d{3}\tF1 \d\.\d{3}\twords \d+/\d+$", lines[0]);
        Assert.Matches(@"^html extraction dragnet: 100 pages, precision \d\.\d{3}, recall \d\.\d{3}, F1 \d\.\d{3}, empty \d+ \(\d+ with a reference of 100\+ words\)$", lines[2]);
        Assert.StartsWith("html extraction l3s-gn1: 613 pages,", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("html extraction readability: 75 pages,", lines[8], StringComparison.Ordinal);
    }
}

/// <summary>A fact that is skipped, with a message, when the development set is not beside the checkout.</summary>
internal sealed class DevDataFactAttribute() : ReferenceDataFactAttribute(ArticleExtractionDevTests.Folder, "article-extraction development set");

/// <summary>A theory that is skipped, with a message, when the development set is not beside the checkout.</summary>
internal sealed class DevDataTheoryAttribute() : ReferenceDataTheoryAttribute(ArticleExtractionDevTests.Folder, "article-extraction development set");
