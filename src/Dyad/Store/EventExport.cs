using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace Dyad.Store;

/// <summary>Formats events can be exported in.</summary>
public enum ExportFormat
{
    Csv,
    Jsonl,
    Parquet,
    Gdelt,
}

/// <summary>
/// Writes events for pandas, R, Excel and GDELT tools: CSV and Parquet as one flat row per event, JSON Lines
/// as the event record of spec/records.md (plus doc id, origin and coder version), GDELT 2.0 as 61 tab-separated columns.
/// </summary>
public static class EventExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <paramref name="events"/> (with their store ids, GLOBALEVENTID of Dyad's events) to a file or stream and returns how many
    /// were written; GDELT leaves out events without a date.
    /// </summary>
    public static async Task<int> WriteAsync(ExportFormat format, IReadOnlyList<EventRow> events, IReadOnlyList<long> ids, Stream output, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (format == ExportFormat.Parquet)
        {
            await Parquet.Serialization.ParquetSerializer.SerializeAsync(events.Select(FlatEvent.From), output, cancellationToken: cancellationToken).ConfigureAwait(false);
            return events.Count;
        }
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        return WriteText(format, events, ids, writer, now, cancellationToken);
    }

    /// <summary>Writes the text formats (CSV, JSON Lines, GDELT) to a writer; returns how many events were written.</summary>
    public static int WriteText(ExportFormat format, IReadOnlyList<EventRow> events, IReadOnlyList<long> ids, TextWriter writer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        switch (format)
        {
            case ExportFormat.Csv:
                using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
                {
                    foreach (var name in FlatEvent.Header) csv.WriteField(name);
                    csv.EndRecord();
                    foreach (var e in events)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        foreach (var value in FlatEvent.From(e).Values()) csv.WriteField(value);
                        csv.EndRecord();
                    }
                }
                return events.Count;
            case ExportFormat.Jsonl:
                foreach (var e in events) writer.WriteLine(ToJson(e));
                return events.Count;
            case ExportFormat.Gdelt:
                int written = 0;
                for (int i = 0; i < events.Count; i++)
                {
                    if (GdeltFormat.Format(ids[i], events[i], now) is not { } line) continue;
                    writer.WriteLine(line);
                    written++;
                }
                return written;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "a binary format needs a stream");
        }
    }

    /// <summary>The event record of spec/records.md (plus doc_id, origin, coder_version, evidences) as one JSON line.</summary>
    public static string ToJson(EventRow e) => JsonSerializer.Serialize(EventRecord.From(e), Json);
}

internal sealed record EventRecord(
    string Id, string? Doc, long? DocId, string Origin, string CoderVersion, DateRecord? Date, ActorRecord? Source, ActorRecord? Target,
    CodeRecord Event, string? Modality, PlaceRecord? Location, EvidenceRecord? Evidence, IReadOnlyList<CitationOut> Citations,
    double? Confidence, IReadOnlyList<EvidenceRecord> Evidences)
{
    public static EventRecord From(EventRow e) => new(
        e.Id, e.Doc, e.DocumentId, SqlEventStore.OriginName(e.Origin), e.CoderVersion,
        e.DateStart is null && e.DateValue is null ? null : new DateRecord(Iso(e.DateStart), Iso(e.DateEnd), e.DateValue, e.DateText, e.DatePrecision),
        e.SourceActor is null && e.SourceText is null ? null : new ActorRecord(e.SourceText, e.SourceActor, e.SourceCountry),
        e.TargetActor is null && e.TargetText is null ? null : new ActorRecord(e.TargetText, e.TargetActor, e.TargetCountry),
        new CodeRecord(e.Cameo, e.Root, e.Label, e.Goldstein, e.QuadClass, e.Plover, e.PloverMode),
        e.Modality,
        e.LocationText is null && e.LocationCountry is null ? null : new PlaceRecord(e.LocationText, e.LocationCountry),
        e.EvidenceSentence is null ? null : new EvidenceRecord(e.Doc, e.EvidenceSentence, e.EvidenceStart ?? 0, e.EvidenceEnd ?? 0),
        [.. e.Citations.Select(c => new CitationOut(c.Marker, c.Outlet, c.Title, Iso(c.Date), c.Url))],
        e.Confidence,
        [.. e.Evidences.Select(x => new EvidenceRecord(x.Doc, x.Sentence, x.Start, x.End))]);

    internal static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed record DateRecord(string? Start, string? End, string? Value, string? Text, string? Precision);
internal sealed record ActorRecord(string? Text, string? Actor, string? Country);
internal sealed record CodeRecord(string Cameo, string Root, string? Label, double? Goldstein, int? QuadClass, string? Plover, string? PloverMode);
internal sealed record PlaceRecord(string? Text, string? Country);
internal sealed record EvidenceRecord(string? Doc, string Sentence, int Start, int End);
internal sealed record CitationOut(string? Marker, string? Outlet, string? Title, string? Date, string? Url);

/// <summary>One event as one flat row (CSV and Parquet): nested values joined, dates as ISO text.</summary>
public sealed class FlatEvent
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("doc")] public string? Doc { get; set; }
    [JsonPropertyName("origin")] public string Origin { get; set; } = "";
    [JsonPropertyName("coder_version")] public string CoderVersion { get; set; } = "";
    [JsonPropertyName("date_start")] public string? DateStart { get; set; }
    [JsonPropertyName("date_end")] public string? DateEnd { get; set; }
    [JsonPropertyName("date_value")] public string? DateValue { get; set; }
    [JsonPropertyName("date_text")] public string? DateText { get; set; }
    [JsonPropertyName("date_precision")] public string? DatePrecision { get; set; }
    [JsonPropertyName("source_text")] public string? SourceText { get; set; }
    [JsonPropertyName("source_actor")] public string? SourceActor { get; set; }
    [JsonPropertyName("source_country")] public string? SourceCountry { get; set; }
    [JsonPropertyName("target_text")] public string? TargetText { get; set; }
    [JsonPropertyName("target_actor")] public string? TargetActor { get; set; }
    [JsonPropertyName("target_country")] public string? TargetCountry { get; set; }
    [JsonPropertyName("cameo")] public string Cameo { get; set; } = "";
    [JsonPropertyName("root")] public string Root { get; set; } = "";
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("goldstein")] public double? Goldstein { get; set; }
    [JsonPropertyName("quad_class")] public int? QuadClass { get; set; }
    [JsonPropertyName("plover")] public string? Plover { get; set; }
    [JsonPropertyName("plover_mode")] public string? PloverMode { get; set; }
    [JsonPropertyName("modality")] public string? Modality { get; set; }
    [JsonPropertyName("location_text")] public string? LocationText { get; set; }
    [JsonPropertyName("location_country")] public string? LocationCountry { get; set; }
    [JsonPropertyName("evidence_sentence")] public string? EvidenceSentence { get; set; }
    [JsonPropertyName("evidence_start")] public int? EvidenceStart { get; set; }
    [JsonPropertyName("evidence_end")] public int? EvidenceEnd { get; set; }
    [JsonPropertyName("citations")] public string? Citations { get; set; }
    [JsonPropertyName("source_url")] public string? SourceUrl { get; set; }
    [JsonPropertyName("confidence")] public double? Confidence { get; set; }
    [JsonPropertyName("evidences")] public int Evidences { get; set; }

    /// <summary>The CSV header: the column names, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = typeof(FlatEvent).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
        .Select(p => ((JsonPropertyNameAttribute)Attribute.GetCustomAttribute(p, typeof(JsonPropertyNameAttribute))!).Name).ToArray();

    private static readonly System.Reflection.PropertyInfo[] Properties = typeof(FlatEvent).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);

    /// <summary>
    /// The row's values as CSV text (invariant culture; null as an empty field). A text value that a spreadsheet would
    /// run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a single quote in front, as OWASP
    /// recommends against CSV injection; numbers are written as they are.
    /// </summary>
    public IEnumerable<string?> Values() => Properties.Select(p => p.GetValue(this) switch
    {
        null => null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string text when text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + text,
        var v => v.ToString(),
    });

    public static FlatEvent From(EventRow e) => new()
    {
        Id = e.Id, Doc = e.Doc, Origin = SqlEventStore.OriginName(e.Origin), CoderVersion = e.CoderVersion,
        DateStart = EventRecord.Iso(e.DateStart), DateEnd = EventRecord.Iso(e.DateEnd), DateValue = e.DateValue, DateText = e.DateText, DatePrecision = e.DatePrecision,
        SourceText = e.SourceText, SourceActor = e.SourceActor, SourceCountry = e.SourceCountry,
        TargetText = e.TargetText, TargetActor = e.TargetActor, TargetCountry = e.TargetCountry,
        Cameo = e.Cameo, Root = e.Root, Label = e.Label, Goldstein = e.Goldstein, QuadClass = e.QuadClass, Plover = e.Plover, PloverMode = e.PloverMode,
        Modality = e.Modality, LocationText = e.LocationText, LocationCountry = e.LocationCountry,
        EvidenceSentence = e.EvidenceSentence, EvidenceStart = e.EvidenceStart, EvidenceEnd = e.EvidenceEnd,
        Citations = e.Citations.IsEmpty ? null : string.Join(' ', e.Citations.Select(c => c.Marker ?? "-")),
        SourceUrl = e.BestUrl, Confidence = e.Confidence, Evidences = e.Evidences.Length,
    };
}
