namespace Dyad.Store;

/// <summary>
/// Which events to read. Every filter is optional and they combine with AND. Actor and dyad codes of three
/// letters match the country (RUS), longer ones the actor code (RUSGOV).
/// </summary>
public sealed record EventQuery
{
    public static EventQuery All { get; } = new();

    /// <summary>The modalities an event can have, the values <see cref="Modality"/> accepts.</summary>
    public static IReadOnlyList<string> Modalities { get; } = ["asserted", "alleged", "denied", "intended", "hypothetical", "negated"];

    /// <summary>The most events one request of the web API returns; more are read page by page (offset).</summary>
    public const int MaxPage = 10_000;

    /// <summary>One side of a dyad; with <see cref="DyadB"/> events between the two.</summary>
    public string? DyadA { get; init; }
    public string? DyadB { get; init; }
    /// <summary>True: only <see cref="DyadA"/> as source and <see cref="DyadB"/> as target (RUS&gt;PRK); false: either direction.</summary>
    public bool Directed { get; init; }

    /// <summary>Further codes that count as <see cref="DyadA"/> and as <see cref="DyadB"/>: the states a side continues (SUN beside RUS).</summary>
    public IReadOnlyList<string> AlsoA { get; init; } = [];
    public IReadOnlyList<string> AlsoB { get; init; } = [];

    /// <summary>Only facts: asserted events, and imports, which carry no modality (as the analyses count them).</summary>
    public bool FactsOnly { get; init; }

    /// <summary>Events where this actor or country is the source or the target.</summary>
    public string? Actor { get; init; }

    /// <summary>Events whose date interval overlaps [From, To] (inclusive); events without a date are left out when either is set.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>CAMEO code prefix: "04" matches 040-046 and their 4-digit children, "042" matches 042 and 0421.</summary>
    public string? Code { get; init; }
    /// <summary>CAMEO root, two digits.</summary>
    public string? Root { get; init; }
    public int? QuadClass { get; init; }
    public string? Modality { get; init; }
    /// <summary>A document's name or its numeric store id.</summary>
    public string? Doc { get; init; }
    /// <summary>Full-text search over the sentences that carry the events.</summary>
    public string? Search { get; init; }
    public EventOrigin? Origin { get; init; }

    /// <summary>
    /// Domestic events (source and target of one country: police and protesters, a court and the government):
    /// included, excluded or alone. Null: <see cref="EffectiveDomestic"/> decides.
    /// </summary>
    public DomesticEvents? Domestic { get; init; }

    /// <summary>The domestic filter that applies: as given, else excluded for a dyad of two countries and included otherwise.</summary>
    public DomesticEvents EffectiveDomestic =>
        Domestic ?? (DyadA is { Length: 3 } a && DyadB is { Length: 3 } b && a != b ? DomesticEvents.Exclude : DomesticEvents.Include);

    /// <summary>Also events of document versions that a newer version replaced.</summary>
    public bool IncludeSuperseded { get; init; }

    /// <summary>Parses "RUS-PRK" (either direction) or "RUS&gt;PRK" (source to target); null with an error for anything else.</summary>
    public static (EventQuery? Query, string? Error) WithDyad(EventQuery query, string dyad)
    {
        char separator = dyad.Contains('>', StringComparison.Ordinal) ? '>' : '-';
        var parts = dyad.Split(separator);
        if (parts.Length != 2 || parts.Any(p => !IsCode(p)))
        {
            return (null, $"--dyad {dyad}: expected two actor or country codes as A-B (either direction) or A>B (A to B), e.g. RUS-PRK");
        }
        return (query with { DyadA = parts[0].ToUpperInvariant(), DyadB = parts[1].ToUpperInvariant(), Directed = separator == '>' }, null);
    }

    /// <summary>An actor or country code: three or more ASCII letters or digits.</summary>
    public static bool IsCode(string text) => text.Length >= 3 && text.All(char.IsAsciiLetterOrDigit);
}

/// <summary>Whether a query keeps events between two parts of one country.</summary>
public enum DomesticEvents
{
    Include,
    Exclude,
    Only,
}

/// <summary>
/// The facts of one period, counted in the store: the year, the period's 0-based index in it (month 0-11, quarter
/// 0-3, or 0 for a year), the events per QuadClass, and the sum of the Goldstein weights of those that have one.
/// </summary>
public sealed record PeriodCounts(int Year, int Index, int Events, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, double GoldsteinSum, int Weighted);

/// <summary>Events counted per period: those whose whole date interval lies in one period, and those left out (undated, or dated more coarsely than a period).</summary>
public sealed record PeriodTally(IReadOnlyList<PeriodCounts> Periods, int Undated, int TooCoarse);

/// <summary>Events of a dyad in one calendar month (by start date).</summary>
public sealed record MonthCount(string Month, int Events);

/// <summary>How much a store holds.</summary>
public sealed record StoreCounts(int Documents, int Sentences, int Citations, int Events, int GdeltEvents);

/// <summary>A stored document as listed for re-coding.</summary>
public sealed record StoredDocument(long Id, string Name, string? Path, string? CoderVersion);

/// <summary>What storing one document did.</summary>
public enum StoreOutcome
{
    /// <summary>New content, stored.</summary>
    Added,
    /// <summary>New content at a path that held an earlier version; stored as its next version.</summary>
    NewVersion,
    /// <summary>The same content is already stored; nothing changed.</summary>
    Unchanged,
}

/// <summary>A document to store: what was read, where from, and a hash of its content (the identity of a document).</summary>
public sealed record DocumentToStore(Documents.Document Document, string? Path, string ContentHash)
{
    public static string Hash(ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
