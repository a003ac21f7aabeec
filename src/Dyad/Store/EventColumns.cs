using System.Collections.Immutable;
using System.Globalization;

namespace Dyad.Store;

/// <summary>The SQL type a column's value is written as.</summary>
internal enum ColumnKind
{
    Text,
    Integer,
    BigInt,
    Double,
}

/// <summary>One column of a table: its name, type and how its value comes from what is written.</summary>
internal sealed record Column<T>(string Name, ColumnKind Kind, Func<T, object?> Value);

/// <summary>An event row as written: the row, the store's id of its document (none for imports), its coder version and whether it is stored superseded.</summary>
internal readonly record struct EventToWrite(EventRow Row, long? DocumentId, string CoderVersion, bool Superseded);

/// <summary>One evidence or citation of a stored event, with the event's store id and its position in the event's list.</summary>
internal readonly record struct EventPart<T>(long EventId, int Ordinal, T Value);

/// <summary>
/// The one map from an event to the columns of the events, event_evidences and event_sources tables. Both writers
/// (the store's prepared INSERTs on SQLite and PostgreSQL, and the workers' binary COPY) take their column lists and
/// values from here, so a column is written the same way by both or by neither. The table's own id is not in the map:
/// each writer numbers events its own way.
/// </summary>
internal static class EventColumns
{
    public static ImmutableArray<Column<EventToWrite>> Events { get; } =
    [
        Text("event_key", e => e.Row.Id), new("doc_id", ColumnKind.BigInt, e => e.DocumentId), Text("doc", e => e.Row.Doc),
        Text("origin", e => SqlEventStore.OriginName(e.Row.Origin)), Text("coder_version", e => e.CoderVersion),
        new("superseded", ColumnKind.Integer, e => e.Superseded ? 1 : 0),
        Text("date_start", e => Iso(e.Row.DateStart)), Text("date_end", e => Iso(e.Row.DateEnd)), Text("date_month", e => e.Row.DateMonth),
        Text("date_value", e => e.Row.DateValue), Text("date_text", e => e.Row.DateText), Text("date_precision", e => e.Row.DatePrecision),
        Text("source_text", e => e.Row.SourceText), Text("source_actor", e => e.Row.SourceActor), Text("source_country", e => e.Row.SourceCountry),
        Text("target_text", e => e.Row.TargetText), Text("target_actor", e => e.Row.TargetActor), Text("target_country", e => e.Row.TargetCountry),
        Text("cameo", e => e.Row.Cameo), Text("root", e => e.Row.Root), Text("label", e => e.Row.Label),
        new("goldstein", ColumnKind.Double, e => e.Row.Goldstein), new("quad_class", ColumnKind.Integer, e => e.Row.QuadClass),
        Text("plover", e => e.Row.Plover), Text("plover_mode", e => e.Row.PloverMode), Text("modality", e => e.Row.Modality),
        Text("location_text", e => e.Row.LocationText), Text("location_country", e => e.Row.LocationCountry),
        Text("evidence_sentence", e => e.Row.EvidenceSentence),
        new("evidence_start", ColumnKind.Integer, e => e.Row.EvidenceStart), new("evidence_end", ColumnKind.Integer, e => e.Row.EvidenceEnd),
        new("confidence", ColumnKind.Double, e => e.Row.Confidence),
        // What GDELT carries beyond Dyad's record (schema 4). Codes and places are JSON: they are read back whole, never queried.
        new("is_root_event", ColumnKind.Integer, e => e.Row.IsRootEvent is { } root ? (root ? 1 : 0) : null),
        new("num_mentions", ColumnKind.Integer, e => e.Row.NumMentions), new("num_sources", ColumnKind.Integer, e => e.Row.NumSources),
        new("num_articles", ColumnKind.Integer, e => e.Row.NumArticles), new("avg_tone", ColumnKind.Double, e => e.Row.AvgTone),
        Text("date_added", e => e.Row.DateAdded?.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
        Text("source_codes", e => ToJson(e.Row.SourceCodes)), Text("target_codes", e => ToJson(e.Row.TargetCodes)),
        Text("source_place", e => ToJson(e.Row.SourcePlace)), Text("target_place", e => ToJson(e.Row.TargetPlace)),
        Text("location_place", e => ToJson(e.Row.LocationPlace)),
    ];

    /// <summary>How date_added is stored: UTC, to the second, as GDELT's DATEADDED has it.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    public static string? ToJson<T>(T? value) where T : class => value is null ? null : System.Text.Json.JsonSerializer.Serialize(value, Json);

    public static T? FromJson<T>(string? json) where T : class => json is null ? null : System.Text.Json.JsonSerializer.Deserialize<T>(json, Json);

    public static DateTimeOffset? ParseTimestamp(string? text) => text is null ? null
        : DateTimeOffset.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static ImmutableArray<Column<EventPart<EventEvidence>>> Evidences { get; } = Parts<EventEvidence>(
        ("doc", ColumnKind.Text, v => v.Doc), ("sentence", ColumnKind.Text, v => v.Sentence),
        ("start_offset", ColumnKind.Integer, v => v.Start), ("end_offset", ColumnKind.Integer, v => v.End));

    public static ImmutableArray<Column<EventPart<EventCitation>>> Sources { get; } = Parts<EventCitation>(
        ("marker", ColumnKind.Text, c => c.Marker), ("outlet", ColumnKind.Text, c => c.Outlet), ("title", ColumnKind.Text, c => c.Title),
        ("date", ColumnKind.Text, c => Iso(c.Date)), ("url", ColumnKind.Text, c => c.Url));

    /// <summary>The rows of event_evidences for one event.</summary>
    public static IEnumerable<EventPart<EventEvidence>> EvidencesOf(long eventId, EventRow row) =>
        row.Evidences.Select((e, i) => new EventPart<EventEvidence>(eventId, i, e));

    /// <summary>The rows of event_sources for one event.</summary>
    public static IEnumerable<EventPart<EventCitation>> SourcesOf(long eventId, EventRow row) =>
        row.Citations.Select((c, i) => new EventPart<EventCitation>(eventId, i, c));

    /// <summary>"a, b, c": the column names for an INSERT or COPY.</summary>
    public static string Names<T>(IEnumerable<Column<T>> columns) => string.Join(", ", columns.Select(c => c.Name));

    /// <summary>The columns of a table of an event's parts: the event's id and the part's position, then the part's own.</summary>
    private static ImmutableArray<Column<EventPart<T>>> Parts<T>(params (string Name, ColumnKind Kind, Func<T, object?> Value)[] own) =>
    [
        new("event_id", ColumnKind.BigInt, e => e.EventId),
        new("ordinal", ColumnKind.Integer, e => e.Ordinal),
        .. own.Select(c => new Column<EventPart<T>>(c.Name, c.Kind, e => c.Value(e.Value))),
    ];

    private static Column<EventToWrite> Text(string name, Func<EventToWrite, string?> value) => new(name, ColumnKind.Text, value);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
