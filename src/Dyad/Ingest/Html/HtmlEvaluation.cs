using System.Collections.Immutable;
using System.Text;

namespace Dyad.Ingest.Html;

/// <summary>
/// Scores main-text extraction: every NAME.html in a folder is read and its body compared with the
/// reference main text in NAME.txt by 4-word shingles (<see cref="ShingleScore"/>); the means over
/// pages are the scores.
/// </summary>
public static class HtmlEvaluation
{
    public sealed record PageScore(string Name, ShingleScore.Score Score);

    public sealed record Result(ImmutableArray<PageScore> Pages, double Precision, double Recall, double F1);

    public static Result Run(string folder)
    {
        var pages = ImmutableArray.CreateBuilder<PageScore>();
        foreach (string html in Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal))
        {
            string reference = Path.ChangeExtension(html, ".txt");
            if (!File.Exists(reference)) continue;
            var read = DocumentLoader.Default.ReadFile(html);
            string extracted = read.Document?.Text ?? "";
            pages.Add(new PageScore(Path.GetFileNameWithoutExtension(html), ShingleScore.Compare(extracted, File.ReadAllText(reference, Encoding.UTF8))));
        }
        if (pages.Count == 0) return new Result([], 0, 0, 0);
        return new Result(pages.ToImmutable(), pages.Average(p => p.Score.Precision), pages.Average(p => p.Score.Recall), pages.Average(p => p.Score.F1));
    }
}
