using System.Collections.Immutable;
using System.Text;

namespace Dyad.Ingest.Html;

/// <summary>
/// Scores main-text extraction: every NAME.html in a folder is read and its body compared with the
/// reference main text in NAME.txt by 4-word shingles (<see cref="ShingleScore"/>); the means over
/// pages are the scores. A folder whose pages sit in subfolders (SET/NAME.html + SET/NAME.txt) is
/// scored set by set.
/// </summary>
public static class HtmlEvaluation
{
    /// <summary>A reference at least this long must never meet an empty extraction.</summary>
    public const int LongReferenceWords = 100;

    public sealed record PageScore(string Name, ShingleScore.Score Score, int ExtractedWords, int ReferenceWords)
    {
        public bool Empty => ExtractedWords == 0;
    }

    public sealed record Result(string Set, ImmutableArray<PageScore> Pages, double Precision, double Recall, double F1)
    {
        /// <summary>Pages whose extraction came back empty.</summary>
        public int Empty => Pages.Count(p => p.Empty);

        /// <summary>Empty extractions where the reference holds <see cref="LongReferenceWords"/> words or more.</summary>
        public int EmptyLong => Pages.Count(p => p.Empty && p.ReferenceWords >= LongReferenceWords);

        /// <summary>The pages by rising F1 (ties by name).</summary>
        public IEnumerable<PageScore> Worst => Pages.OrderBy(p => p.Score.F1).ThenBy(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// The sets under <paramref name="folder"/>: the folder itself when it holds pages, else each
    /// subfolder that does, in name order.
    /// </summary>
    public static ImmutableArray<Result> RunAll(string folder, CancellationToken cancellationToken = default)
    {
        if (HasPages(folder)) return [Run(folder, cancellationToken)];
        return Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .Where(HasPages)
            .Select(set => Run(set, cancellationToken))
            .ToImmutableArray();
    }

    /// <summary>The pages of one folder (NAME.html with NAME.txt beside it).</summary>
    public static Result Run(string folder, CancellationToken cancellationToken = default)
    {
        var pages = ImmutableArray.CreateBuilder<PageScore>();
        foreach (string html in Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string referencePath = Path.ChangeExtension(html, ".txt");
            if (!File.Exists(referencePath)) continue;
            var read = DocumentLoader.Default.ReadFile(html, cancellationToken);
            string extracted = read.Document?.Text ?? "";
            string reference = File.ReadAllText(referencePath, Encoding.UTF8);
            pages.Add(new PageScore(Path.GetFileNameWithoutExtension(html), ShingleScore.Compare(extracted, reference),
                ShingleScore.Words(extracted).Count, ShingleScore.Words(reference).Count));
        }
        string set = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        if (pages.Count == 0) return new Result(set, [], 0, 0, 0);
        return new Result(set, pages.ToImmutable(), pages.Average(p => p.Score.Precision), pages.Average(p => p.Score.Recall), pages.Average(p => p.Score.F1));
    }

    /// <summary>Whether <paramref name="folder"/> itself holds scored pages (else its subfolders are the sets).</summary>
    public static bool HasPages(string folder) =>
        Directory.EnumerateFiles(folder, "*.html").Any(html => File.Exists(Path.ChangeExtension(html, ".txt")));
}
