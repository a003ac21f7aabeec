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

    /// <summary>The best source URL: the first citation with a URL.</summary>
    public string? BestUrl => Citations.FirstOrDefault(c => c.Url is not null)?.Url;

    public bool Equals(EventRow? other) =>
        other is not null && EqualityContract == other.EqualityContract
        && (Id, Doc, DocumentId, DateStart, DateEnd, DateValue, DateText, DatePrecision) == (other.Id, other.Doc, other.DocumentId, other.DateStart, other.DateEnd, other.DateValue, other.DateText, other.DatePrecision)
        && (SourceText, SourceActor, SourceCountry, TargetText, TargetActor, TargetCountry) == (other.SourceText, other.SourceActor, other.SourceCountry, other.TargetText, other.TargetActor, other.TargetCountry)
        && (Cameo, Root, Label, Goldstein, QuadClass, Plover, PloverMode, Modality) == (other.Cameo, other.Root, other.Label, other.Goldstein, other.QuadClass, other.Plover, other.PloverMode, other.Modality)
        && (LocationText, LocationCountry, EvidenceSentence, EvidenceStart, EvidenceEnd, Confidence, CoderVersion, Origin) == (other.LocationText, other.LocationCountry, other.EvidenceSentence, other.EvidenceStart, other.EvidenceEnd, other.Confidence, other.CoderVersion, other.Origin)
        && Citations.SequenceEqual(other.Citations) && Evidences.SequenceEqual(other.Evidences);

    public override int GetHashCode() => HashCode.Combine(Id, Doc, Cameo, SourceActor, TargetActor, DateStart);
}

/// <summary>A citation as attached to an event: the footnote marker and what it was parsed into.</summary>
public sealed record EventCitation(string? Marker, string? Outlet, string? Title, DateOnly? Date, string? Url);

/// <summary>A sentence that supports an event: the document, the sentence text and its offsets.</summary>
public sealed record EventEvidence(string? Doc, string Sentence, int Start, int End);
