using System.Collections.Frozen;

namespace Dyad.Actors;

/// <summary>
/// Places that are no actor of their own (regions, provinces, cities: data/actors/places/) keyed as names
/// are, so that an agent noun tied to one takes its country ("police in Kharkiv" -> UKR). The coder adds
/// the same places to the mentions (Dyad.Coding.PlaceGazetteer). Loaded once; immutable.
/// </summary>
internal sealed class PlaceNames
{
    private const string Resource = "Dyad.data.actors/places/places.tsv";

    private static readonly Lazy<PlaceNames> Lazy = new(() =>
    {
        using var stream = typeof(PlaceNames).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing embedded resource {Resource}");
        using var reader = new StreamReader(stream);
        return Parse("places.tsv", reader.ReadToEnd());
    });

    private readonly FrozenDictionary<string, string> _country;
    private readonly int _longest;

    private PlaceNames(Dictionary<string, string> country)
    {
        _country = country.ToFrozenDictionary(StringComparer.Ordinal);
        _longest = country.Count == 0 ? 0 : country.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    public static PlaceNames Default => Lazy.Value;

    internal static PlaceNames Parse(string file, string text)
    {
        var country = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, cells) in ActorLexicon.Rows(file, text, 2))
        {
            foreach (var name in cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string key = string.Join(' ', NameTokenizer.Tokenize(name).Select(t => t.Key));
                if (!country.TryAdd(key, cells[0]) && country[key] != cells[0]) throw new InvalidDataException($"{file}:{line}: '{name}' is already a place of {country[key]}");
            }
        }
        return new PlaceNames(country);
    }

    /// <summary>The country of the longest place name starting at token <paramref name="start"/> (capitalised), with the token after it; null when none starts there.</summary>
    public (string Country, int End)? Match(List<NameToken> tokens, int start)
    {
        if (start >= tokens.Count || !tokens[start].IsWord || !tokens[start].StartsUpper) return null;
        for (int length = Math.Min(_longest, tokens.Count - start); length >= 1; length--)
        {
            string key = string.Join(' ', Enumerable.Range(start, length).Select(q => tokens[q].Key));
            if (_country.TryGetValue(key, out var country)) return (country, start + length);
        }
        return null;
    }
}
