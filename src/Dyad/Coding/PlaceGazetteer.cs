using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dyad.Actors;
using Dyad.Documents;

namespace Dyad.Coding;

/// <summary>
/// Places named with events that the actors stage leaves unmarked (data/actors/places/places.tsv): regions,
/// cities, islands. Added to the actor mentions as kind place so that "annexed Crimea" has a target
/// and "in Kharkiv" a location. Loaded once; immutable and thread-safe.
/// </summary>
internal sealed class PlaceGazetteer
{
    private const string Resource = "Dyad.data.actors/places/places.tsv";
    private static readonly Lazy<PlaceGazetteer> Lazy = new(Load);

    private readonly Regex _names;
    private readonly Dictionary<string, string> _country;

    private PlaceGazetteer(Dictionary<string, string> country)
    {
        _country = country;
        var alternatives = country.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape);
        _names = new Regex(@"(?<![\p{L}\p{N}-])(?:" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}]|-\p{L})",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public static PlaceGazetteer Default => Lazy.Value;

    internal static PlaceGazetteer Parse(TextReader reader)
    {
        var country = new Dictionary<string, string>(StringComparer.Ordinal);
        int number = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Length != 3) throw new InvalidDataException($"places.tsv:{number}: expected 'country<TAB>names'");
            foreach (var name in cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!country.TryAdd(name, cells[0])) throw new InvalidDataException($"places.tsv:{number}: duplicate place {name}");
        }
        return new PlaceGazetteer(country);
    }

    /// <summary>
    /// The actor mentions with the gazetteer's places added, sorted by start: a place inside or across an
    /// actor mention is dropped; a place that contains actor mentions ("West Berlin") replaces them.
    /// </summary>
    public ImmutableArray<ActorMention> AddPlaces(string text, ImmutableArray<ActorMention> mentions)
    {
        var places = new List<ActorMention>();
        foreach (System.Text.RegularExpressions.Match m in _names.Matches(text))
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            places.Add(new ActorMention(span, m.Value, _country[m.Value], _country[m.Value], ActorKind.Place, null, null, MentionVia.Dictionary));
        }
        if (places.Count == 0) return mentions;
        var result = new List<ActorMention>(mentions.Length + places.Count);
        var replaced = new HashSet<int>();
        // The mentions by start, so each place reads only those that can overlap it: starting at most the longest
        // mention's length before it, and before its end (reading every mention for every place was quadratic).
        int[] byStart = [.. Enumerable.Range(0, mentions.Length).OrderBy(i => mentions[i].Span.Start)];
        int longest = mentions.Length == 0 ? 0 : mentions.Max(m => m.Span.Length);
        foreach (var place in places)
        {
            bool keep = true;
            var inside = new List<int>();
            int from = LowerBound(byStart, mentions, place.Span.Start - longest);
            for (int k = from; k < byStart.Length && keep && mentions[byStart[k]].Span.Start < place.Span.End; k++)
            {
                int i = byStart[k];
                var s = mentions[i].Span;
                if (s.End <= place.Span.Start || s.Start >= place.Span.End) continue;
                if (s.Start >= place.Span.Start && s.End <= place.Span.End && s.Length < place.Span.Length) inside.Add(i);
                else keep = false;
            }
            if (!keep) continue;
            result.Add(place);
            replaced.UnionWith(inside);
        }
        for (int i = 0; i < mentions.Length; i++)
            if (!replaced.Contains(i)) result.Add(mentions[i]);
        return [.. result.OrderBy(m => m.Span.Start)];
    }

    /// <summary>The first position in <paramref name="byStart"/> whose mention starts at or after <paramref name="start"/>.</summary>
    private static int LowerBound(int[] byStart, ImmutableArray<ActorMention> mentions, int start)
    {
        int lo = 0, hi = byStart.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (mentions[byStart[mid]].Span.Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static PlaceGazetteer Load()
    {
        using var stream = typeof(PlaceGazetteer).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing embedded resource {Resource}");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
