using System.Collections.Immutable;

namespace Dyad.Ingest.Html;

/// <summary>
/// The words a page's publication date is found by (data/html/date-words.tsv): the meta tags that
/// hold it, trusted or weak, the class and id pieces that mark a dateline or the headline it stands
/// by, and the labels that say
/// whether a dateline's date is the publication or a later update.
/// </summary>
internal sealed record DateWords(
    ImmutableArray<string> PublishedMeta,
    ImmutableArray<string> WeakMeta,
    ImmutableArray<string> Hints,
    ImmutableArray<string> HeadlineNames,
    ImmutableArray<string> PostedLabels,
    ImmutableArray<string> UpdatedLabels)
{
    private const string Resource = "Dyad.data.html/date-words.tsv";

    public static DateWords Default { get; } = HtmlWordLists.Load(Resource, Parse);

    /// <summary>Whether a class or id name (lower case) holds a dateline hint.</summary>
    public bool IsHinted(string names) => ContainsAny(names, Hints);

    /// <summary>Whether a class or id name (lower case) names the story's headline.</summary>
    public bool IsHeadlineName(string names) => ContainsAny(names, HeadlineNames);

    private static bool ContainsAny(string names, ImmutableArray<string> pieces)
    {
        foreach (string piece in pieces)
        {
            if (names.Contains(piece, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Reads date-words.tsv: a lower-case word or phrase and its kind per row.</summary>
    internal static DateWords Parse(TextReader reader)
    {
        var kinds = new Dictionary<string, ImmutableArray<string>.Builder>(StringComparer.Ordinal)
        {
            ["published"] = ImmutableArray.CreateBuilder<string>(),
            ["weak"] = ImmutableArray.CreateBuilder<string>(),
            ["hint"] = ImmutableArray.CreateBuilder<string>(),
            ["headline"] = ImmutableArray.CreateBuilder<string>(),
            ["posted"] = ImmutableArray.CreateBuilder<string>(),
            ["updated"] = ImmutableArray.CreateBuilder<string>(),
        };
        int number = 0;
        foreach (string line in HtmlWordLists.Lines(reader))
        {
            number++;
            string[] cells = line.Split('\t');
            if (cells.Length != 2 || cells[0].Length == 0 || cells[0] != cells[0].ToLowerInvariant() || cells[0].Trim() != cells[0])
                throw new FormatException($"date-words.tsv: row {number} is not a lower-case word and a kind: '{line}'");
            if (!kinds.TryGetValue(cells[1], out var list))
                throw new FormatException($"date-words.tsv: row {number} has kind '{cells[1]}', not published, weak, hint, headline, posted or updated");
            if (list.Contains(cells[0])) throw new FormatException($"date-words.tsv: '{cells[0]}' is listed twice as {cells[1]}");
            list.Add(cells[0]);
        }
        var published = kinds["published"];
        if (published.FirstOrDefault(kinds["weak"].Contains) is { } both) throw new FormatException($"date-words.tsv: '{both}' is both published and weak");
        if (kinds["posted"].FirstOrDefault(kinds["updated"].Contains) is { } label) throw new FormatException($"date-words.tsv: '{label}' is both posted and updated");
        return new DateWords(published.ToImmutable(), kinds["weak"].ToImmutable(), kinds["hint"].ToImmutable(), kinds["headline"].ToImmutable(),
            // Longer labels first, so "last updated" is seen whole before "updated".
            kinds["posted"].OrderByDescending(l => l.Length).ToImmutableArray(), kinds["updated"].OrderByDescending(l => l.Length).ToImmutableArray());
    }
}
