using System.Collections.Frozen;

namespace Dyad.Syntax;

/// <summary>The tokeniser's word lists, read once from the data files embedded under data/syntax/.</summary>
internal static class WordLists
{
    private static readonly Lazy<FrozenSet<string>> LazyHyphenPrefixes = new(() => Lines("hyphen-prefixes.txt").Select(l => l.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> LazyAbbreviations = new(() => Lines("abbreviations.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenDictionary<string, int>> LazyContractions = new(() => Lines("contractions.txt")
        .Select(l => l.Split('\t'))
        .ToFrozenDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase));

    /// <summary>Prefixes that stay joined across a hyphen ("non-stop").</summary>
    public static FrozenSet<string> HyphenPrefixes => LazyHyphenPrefixes.Value;

    /// <summary>Words whose final period is part of them ("Mr.").</summary>
    public static FrozenSet<string> Abbreviations => LazyAbbreviations.Value;

    /// <summary>Words split in two without an apostrophe ("cannot" -> "can" "not"), with the length of the first part.</summary>
    public static FrozenDictionary<string, int> Contractions => LazyContractions.Value;

    internal static IEnumerable<string> Lines(string file)
    {
        string resource = "Dyad.data.syntax/" + file;
        using var stream = typeof(WordLists).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            lines.Add(line);
        }
        return lines;
    }
}

/// <summary>Irregular verbs' past forms and their base forms, from data/syntax/irregular-verbs.tsv.</summary>
internal static class IrregularVerbs
{
    private static readonly Lazy<FrozenDictionary<string, string>> Table = new(Load);

    /// <summary>The base form of a past or participle form ("stolen" -> "steal"), null when the word is not one.</summary>
    public static string? Base(string lower) => Table.Value.TryGetValue(lower, out var b) ? b : null;

    public static IEnumerable<(string Base, string Form)> Forms =>
        Table.Value.Select(p => (p.Value, p.Key));

    private static FrozenDictionary<string, string> Load()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in WordLists.Lines("irregular-verbs.tsv"))
        {
            var cols = line.Split('\t');
            if (cols.Length != 3) throw new InvalidDataException($"irregular-verbs.tsv: expected base, past and participle in '{line}'");
            foreach (var form in cols[1].Split('/').Concat(cols[2].Split('/')))
                if (form != cols[0]) table.TryAdd(form, cols[0]);
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
