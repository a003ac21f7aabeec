using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>
/// The two sides of a dyad. Codes of three letters match an event's country (RUS), longer ones its actor
/// code (RUSGOV), as in <see cref="EventQuery"/>. Undirected pairs match events either way; a directed
/// pair only <see cref="A"/> acting on <see cref="B"/>. A state that continues an earlier one's international
/// legal personality also matches the earlier one's code: RUS matches SUN (the Russian Federation continues the
/// Soviet Union), so a RUS-PRK dyad holds the Soviet-era events; RUSGOV matches SUNGOV likewise.
/// </summary>
public sealed record DyadPair
{
    private DyadPair(string a, string b, bool directed)
    {
        A = a;
        B = b;
        Directed = directed;
    }

    public string A { get; }
    public string B { get; }
    public bool Directed { get; }

    /// <summary>
    /// Events between two parts of one country: included, excluded or alone; null leaves it to
    /// <see cref="EventQuery.EffectiveDomestic"/> (excluded for a dyad of two countries, else included).
    /// </summary>
    public DomesticEvents? Domestic { get; init; }

    /// <summary>"RUS-PRK" for either direction, "RUS&gt;PRK" for RUS acting on PRK.</summary>
    public string Name => Directed ? $"{A}>{B}" : $"{A}-{B}";

    /// <summary>A pair from two codes; null with a one-line reason when a code is not an actor or country code or both are the same.</summary>
    public static (DyadPair? Pair, string? Error) Create(string a, string b, bool directed = false)
    {
        string ua = a.Trim().ToUpperInvariant(), ub = b.Trim().ToUpperInvariant();
        foreach (var code in (string[])[ua, ub])
        {
            if (!EventQuery.IsCode(code)) return (null, $"'{code}' is not an actor or country code (three or more letters or digits, e.g. RUS or RUSGOV)");
        }
        if (ua == ub) return (null, $"a dyad needs two different actors, got {ua} twice");
        return (new DyadPair(ua, ub, directed), null);
    }

    /// <summary>Continuator states and the earlier states whose codes they answer for.</summary>
    private static readonly Dictionary<string, string[]> Predecessors = new(StringComparer.Ordinal)
    {
        ["RUS"] = ["SUN"],
    };

    /// <summary>The codes a side matches: itself and the same role of the states it continues (RUS: RUS, SUN; RUSGOV: RUSGOV, SUNGOV).</summary>
    public static IReadOnlyList<string> CodesOf(string code) =>
        Predecessors.TryGetValue(code[..3], out var earlier) ? [code, .. earlier.Select(e => e + code[3..])] : [code];

    /// <summary>True when <paramref name="code"/> (or a state it continues) names the side given by an actor code and a country code.</summary>
    public static bool Is(string code, string? actor, string? country)
    {
        foreach (string c in CodesOf(code))
        {
            if (c.Length == 3 ? string.Equals(country, c, StringComparison.Ordinal) : string.Equals(actor, c, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    public bool IsA(string? actor, string? country) => Is(A, actor, country);
    public bool IsB(string? actor, string? country) => Is(B, actor, country);

    /// <summary>True for an event between the two sides (in the pair's direction when it is directed).</summary>
    public bool Matches(EventRow e)
    {
        bool forward = IsA(e.SourceActor, e.SourceCountry) && IsB(e.TargetActor, e.TargetCountry);
        if (forward || Directed) return forward;
        return IsB(e.SourceActor, e.SourceCountry) && IsA(e.TargetActor, e.TargetCountry);
    }

    /// <summary>True when the event's source or target is either side.</summary>
    public bool Involves(EventRow e) =>
        IsA(e.SourceActor, e.SourceCountry) || IsB(e.SourceActor, e.SourceCountry) || IsA(e.TargetActor, e.TargetCountry) || IsB(e.TargetActor, e.TargetCountry);

    /// <summary>The store's query for the pair's events (the states each side continues included), within [from, to] when given.</summary>
    public EventQuery Query(DateOnly? from = null, DateOnly? to = null) => new()
    {
        DyadA = A, AlsoA = [.. CodesOf(A).Skip(1)], DyadB = B, AlsoB = [.. CodesOf(B).Skip(1)], Directed = Directed, From = from, To = to,
        Domestic = Domestic,
    };

    public override string ToString() => Name;
}
