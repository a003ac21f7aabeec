using System.Collections.Immutable;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Store;

namespace Dyad;

/// <summary>
/// The coding pipeline every front end shares: a document (already read) goes through time
/// expressions, actor mentions and event coding, and comes out as stored event rows with their
/// evidence and parsed citations. Built once — dictionaries, patterns and the ontology load once —
/// then immutable and safe to use from several threads.
/// </summary>
public sealed class DyadPipeline : IDocumentCoder
{
    private static readonly Lazy<DyadPipeline> Lazy = new(() => new DyadPipeline(EventCoder.CreateDefault()));

    private readonly EventCoder _coder;

    public DyadPipeline(EventCoder coder)
    {
        _coder = coder ?? throw new ArgumentNullException(nameof(coder));
        Version = CurrentVersion;
    }

    /// <summary>The pipeline with the embedded dictionaries, lexicon and ontology.</summary>
    public static DyadPipeline Default => Lazy.Value;

    /// <summary>
    /// Identifies the coder: the library's deterministic build identity changes whenever its code or its
    /// embedded data change, so `dyad recode` knows which stored events are stale.
    /// </summary>
    public static string CurrentVersion { get; } = "dyad-" + typeof(DyadPipeline).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public string Version { get; }

    public ImmutableArray<CodedEvent> CodeEvents(Document document, CancellationToken cancellationToken = default) =>
        _coder.Code(document, cancellationToken);

    public IReadOnlyList<EventRow> Code(Document document, CancellationToken cancellationToken) =>
        [.. CodeEvents(document, cancellationToken).Select(e => ToRow(document, e, Version))];

    /// <summary>A coded event as a stored row: evidence sentences sliced from the text, citation markers resolved to the document's notes.</summary>
    public static EventRow ToRow(Document document, CodedEvent e, string coderVersion)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(e);
        return new EventRow
        {
            Id = e.Id,
            Doc = document.Name,
            DateStart = e.Date?.Start,
            DateEnd = e.Date?.End,
            DateValue = e.Date?.Value,
            DateText = e.Date?.Text,
            DatePrecision = e.Date?.Precision.ToString().ToLowerInvariant(),
            SourceText = e.Source.Text,
            SourceActor = e.Source.Actor,
            SourceCountry = e.Source.Country,
            TargetText = e.Target?.Text,
            TargetActor = e.Target?.Actor,
            TargetCountry = e.Target?.Country,
            Cameo = e.Code.Code,
            Root = e.Code.Root,
            Label = e.Code.Name,
            Goldstein = e.Code.Goldstein,
            QuadClass = e.Code.QuadClass,
            Plover = e.Code.PloverEvent,
            PloverMode = e.Code.PloverMode,
            Modality = e.Modality.ToString().ToLowerInvariant(),
            LocationText = e.Location?.Text,
            LocationCountry = e.Location?.Country,
            EvidenceSentence = e.Sentence.Slice(document.Text),
            EvidenceStart = e.Sentence.Start,
            EvidenceEnd = e.Sentence.End,
            Citations = [.. e.Citations.Select(marker => Cite(document, marker))],
            Confidence = e.Confidence,
            CoderVersion = coderVersion,
            Origin = EventOrigin.Dyad,
            Evidences = [.. e.Evidence.Select(v => new Dyad.Store.EventEvidence(document.Name, v.Sentence.Slice(document.Text), v.Sentence.Start, v.Sentence.End))],
        };
    }

    private static EventCitation Cite(Document document, string marker) =>
        document.FindCitation(marker) is { } c
            ? new EventCitation(c.Marker, c.Outlet, c.Title, c.Date, c.Url)
            : new EventCitation(marker, null, null, null, null);
}
