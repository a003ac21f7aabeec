using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Dyad.Ingest.Html;

/// <summary>
/// The word lists the HTML reader judges blocks by, loaded once from the project's data files
/// (embedded from data/html/): class and id hints (class-hints.tsv), the openings of furniture lines
/// (boilerplate-starts.txt) and the texts of loading placeholders (placeholders.txt).
/// </summary>
internal sealed class HtmlWordLists
{
    private const string HintsResource = "Dyad.data.html/class-hints.tsv";
    private const string BoilerplateResource = "Dyad.data.html/boilerplate-starts.txt";
    private const string PlaceholderResource = "Dyad.data.html/placeholders.txt";

    public static HtmlWordLists Default { get; } = new(
        Load(HintsResource, ParseHints),
        Load(BoilerplateResource, ParseLines),
        Load(PlaceholderResource, ParseLines));

    private HtmlWordLists((FrozenSet<string> Strong, FrozenSet<string> Furniture, FrozenSet<string> Content) hints, IReadOnlyList<string> boilerplate, IReadOnlyList<string> placeholders)
    {
        (Strong, Furniture, Content) = hints;
        Placeholders = placeholders.ToFrozenSet(StringComparer.Ordinal);
        BoilerplateStarts = boilerplate;
        BoilerplateStart = new Regex(
            @"^(?:" + string.Join('|', boilerplate.Select(p => string.Join(@"\s+", p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>Tokens that mark a block as furniture whatever stands beside them.</summary>
    public IReadOnlySet<string> Strong { get; }

    /// <summary>Tokens that mark a block as furniture unless a content token stands beside them (the strong ones included).</summary>
    public IReadOnlySet<string> Furniture { get; }

    /// <summary>Tokens that mark a block as the article.</summary>
    public IReadOnlySet<string> Content { get; }

    /// <summary>Phrases that open a furniture line ("read more", "advertisement").</summary>
    public IReadOnlyList<string> BoilerplateStarts { get; }

    /// <summary>Matches a text that opens with one of <see cref="BoilerplateStarts"/>, as whole words.</summary>
    public Regex BoilerplateStart { get; }

    /// <summary>The texts of loading placeholders ("loading", "please wait"), lower case.</summary>
    public IReadOnlySet<string> Placeholders { get; }

    /// <summary>
    /// Whether the whole of <paramref name="text"/> is a loading placeholder: "Loading…", "Please wait...",
    /// in any case and spacing. Such a block stands where a script would put the article.
    /// </summary>
    public bool IsPlaceholder(string text)
    {
        if (text.Length > MaxPlaceholderChars) return false;
        string words = string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .TrimEnd('.', '…', '!', ' ');
        return Placeholders.Contains(words);
    }

    /// <summary>No placeholder is longer than this; longer texts are not looked up.</summary>
    private const int MaxPlaceholderChars = 80;

    /// <summary>Reads class-hints.tsv: a token and its kind (strong, furniture or content) per row.</summary>
    internal static (FrozenSet<string> Strong, FrozenSet<string> Furniture, FrozenSet<string> Content) ParseHints(TextReader reader)
    {
        var strong = new HashSet<string>(StringComparer.Ordinal);
        var furniture = new HashSet<string>(StringComparer.Ordinal);
        var content = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        foreach (string line in Lines(reader))
        {
            number++;
            string[] cells = line.Split('\t');
            string token = cells[0];
            if (cells.Length != 2 || token.Length == 0 || !token.All(char.IsAsciiLetterLower))
                throw new FormatException($"class-hints.tsv: row {number} is not a lower-case token and a kind: '{line}'");
            var set = cells[1] switch
            {
                "strong" => strong,
                "furniture" => furniture,
                "content" => content,
                _ => throw new FormatException($"class-hints.tsv: row {number} has kind '{cells[1]}', not strong, furniture or content"),
            };
            if (!set.Add(token)) throw new FormatException($"class-hints.tsv: '{token}' is listed twice as {cells[1]}");
        }
        furniture.UnionWith(strong);
        if (content.Overlaps(furniture)) throw new FormatException($"class-hints.tsv: '{content.First(furniture.Contains)}' is both content and furniture");
        return (strong.ToFrozenSet(StringComparer.Ordinal), furniture.ToFrozenSet(StringComparer.Ordinal), content.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>Reads a list of phrases, one a line, lower-cased with white space collapsed.</summary>
    internal static IReadOnlyList<string> ParseLines(TextReader reader) =>
        Lines(reader).Select(l => string.Join(' ', l.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct(StringComparer.Ordinal).ToList();

    internal static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            yield return trimmed;
        }
    }

    internal static T Load<T>(string resource, Func<TextReader, T> parse)
    {
        using var stream = typeof(HtmlWordLists).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing embedded resource {resource}");
        using var reader = new StreamReader(stream);
        return parse(reader);
    }
}
