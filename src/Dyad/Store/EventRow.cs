using System.Collections.Immutable;

namespace Dyad.Store;

/// <summary>Where an event came from: coded by Dyad from a document, or imported from a GDELT event file.</summary>
public enum EventOrigin
{
    Dyad,
    Gdelt,
}

/// <summary>
/// One stored event, flat: the event record of spec/records.md field by field, plus the document it
/// was coded from, the coder version, its origin and every evidence that supports it.
/// Unknown values are null, never empty strings.
/// </summary>
public sealed record EventRow
{
    /// <summary>The event's id as the coder gave it (e.g. "brief-2023-10-10#e17"; "gdelt-1184203918" for imports).</summary>
    public required string Id { get; init; }

    /// <summary>The document's name (records.md "doc"); null for events imported from GDELT.</summary>
    public string? Doc { get; init; }

    /// <summary>The store's id of the document; set by the store when it reads events back, ignored on write.</summary>
    public long? DocumentId { get; init; }

    public DateOnly? DateStart { get; init; }

    /// <summary>The month the event starts in (YYYY-MM), as the store's date_month column keeps it for month queries.</summary>
    public string? DateMonth => DateStart?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    public DateOnly? DateEnd { get; init; }
    /// <summary>TIMEX3-style value: "2023-09-13", "2000-07", "200".</summary>
    public string? DateValue { get; init; }
    public string? DateText { get; init; }
    /// <summary>day|week|month|quarter|season|year|decade|century.</summary>
    public string? DatePrecision { get; init; }

    public string? SourceText { get; init; }
    /// <summary>CAMEO-style actor code, e.g. PRKGOV.</summary>
    public string? SourceActor { get; init; }
    /// <summary>ISO 3166-1 alpha-3 (or IGO) code, e.g. PRK.</summary>
    public string? SourceCountry { get; init; }

    public string? TargetText { get; init; }
    public string? TargetActor { get; init; }
    public string? TargetCountry { get; init; }

    /// <summary>CAMEO code as a string with leading zeros, 3 or 4 digits.</summary>
    public required string Cameo { get; init; }
    /// <summary>The code's first two digits.</summary>
    public required string Root { get; init; }
    public string? Label { get; init; }
    public double? Goldstein { get; init; }
    /// <summary>1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    public int? QuadClass { get; init; }
    /// <summary>PLOVER event type, e.g. CONSULT.</summary>
    public string? Plover { get; init; }
    /// <summary>PLOVER mode where the coder gives one.</summary>
    public string? PloverMode { get; init; }

    /// <summary>asserted|alleged|denied|intended|hypothetical|negated; null for GDELT imports, which carry none.</summary>
    public string? Modality { get; init; }

    public string? LocationText { get; init; }
    public string? LocationCountry { get; init; }

    /// <summary>The sentence that carries the event and its offsets into the document's text.</summary>
    public string? EvidenceSentence { get; init; }
    public int? EvidenceStart { get; init; }
    public int? EvidenceEnd { get; init; }

    /// <summary>The citations attached to the evidence sentence, parsed.</summary>
    public ImmutableArray<EventCitation> Citations { get; init; } = [];

    public double? Confidence { get; init; }

    /// <summary>The version of the coder that produced the event ("gdelt" for imports).</summary>
    public required string CoderVersion { get; init; }

    public EventOrigin Origin { get; init; } = EventOrigin.Dyad;

    /// <summary>Every sentence that supports the event (the primary one first), when the coder merged several reports.</summary>
    public ImmutableArray<EventEvidence> Evidences { get; init; } = [];

    // What a GDELT event carries beyond Dyad's own record, kept so that an imported event exports as it came in;
    // null for Dyad's events, whose GDELT export derives them (mentions from evidences, sources from citations).

    /// <summary>GDELT's IsRootEvent: the event was in an article's lead paragraph.</summary>
    public bool? IsRootEvent { get; init; }
    public int? NumMentions { get; init; }
    public int? NumSources { get; init; }
    public int? NumArticles { get; init; }
    /// <summary>GDELT's AvgTone of the articles that mention the event (-100 to 100).</summary>
    public double? AvgTone { get; init; }
    /// <summary>GDELT's DATEADDED: when GDELT first recorded the event (UTC, to the second).</summary>
    public DateTimeOffset? DateAdded { get; init; }
    /// <summary>GDELT's attribute codes of the source actor (Actor1) beyond its code and country.</summary>
    public ActorCodes? SourceCodes { get; init; }
    public ActorCodes? TargetCodes { get; init; }
    /// <summary>GDELT's geography of the source actor (Actor1Geo), of the target (Actor2Geo) and of the action (ActionGeo).</summary>
    public EventPlace? SourcePlace { get; init; }
    public EventPlace? TargetPlace { get; init; }
    public EventPlace? LocationPlace { get; init; }

    /// <summary>The best source URL: the first citation with a URL.</summary>
    public string? BestUrl => Citations.FirstOrDefault(c => c.Url is not null)?.Url;

    public bool Equals(EventRow? other) =>
        other is not null && EqualityContract == other.EqualityContract
        && (Id, Doc, DocumentId, DateStart, DateEnd, DateValue, DateText, DatePrecision) == (other.Id, other.Doc, other.DocumentId, other.DateStart, other.DateEnd, other.DateValue, other.DateText, other.DatePrecision)
        && (SourceText, SourceActor, SourceCountry, TargetText, TargetActor, TargetCountry) == (other.SourceText, other.SourceActor, other.SourceCountry, other.TargetText, other.TargetActor, other.TargetCountry)
        && (Cameo, Root, Label, Goldstein, QuadClass, Plover, PloverMode, Modality) == (other.Cameo, other.Root, other.Label, other.Goldstein, other.QuadClass, other.Plover, other.PloverMode, other.Modality)
        && (LocationText, LocationCountry, EvidenceSentence, EvidenceStart, EvidenceEnd, Confidence, CoderVersion, Origin) == (other.LocationText, other.LocationCountry, other.EvidenceSentence, other.EvidenceStart, other.EvidenceEnd, other.Confidence, other.CoderVersion, other.Origin)
        && (IsRootEvent, NumMentions, NumSources, NumArticles, AvgTone, DateAdded) == (other.IsRootEvent, other.NumMentions, other.NumSources, other.NumArticles, other.AvgTone, other.DateAdded)
        && (SourceCodes, TargetCodes, SourcePlace, TargetPlace, LocationPlace) == (other.SourceCodes, other.TargetCodes, other.SourcePlace, other.TargetPlace, other.LocationPlace)
        && Citations.SequenceEqual(other.Citations) && Evidences.SequenceEqual(other.Evidences);

    public override int GetHashCode() => HashCode.Combine(Id, Doc, Cameo, SourceActor, TargetActor, DateStart);
}

/// <summary>A citation as attached to an event: the footnote marker and what it was parsed into.</summary>
public sealed record EventCitation(string? Marker, string? Outlet, string? Title, DateOnly? Date, string? Url);

/// <summary>A sentence that supports an event: the document, the sentence text and its offsets.</summary>
public sealed record EventEvidence(string? Doc, string Sentence, int Start, int End);

/// <summary>A GDELT actor's attribute codes (CAMEO known group, ethnic, religion and type codes); unknown ones are null.</summary>
public sealed record ActorCodes(string? KnownGroup, string? Ethnic, string? Religion1, string? Religion2, string? Type1, string? Type2, string? Type3);

/// <summary>
/// A place as GDELT's geography gives it: its type (1 country, 2 US state, 3 US city, 4 world city, 5 world state),
/// full name, FIPS 10-4 country code, ADM1 and ADM2 codes, latitude and longitude, and feature id.
/// </summary>
public sealed record EventPlace(int? Type, string? Name, string? CountryCode, string? Adm1, string? Adm2, double? Latitude, double? Longitude, string? FeatureId);
