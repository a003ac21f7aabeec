using System.Collections.Immutable;
using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Store;
using Dyad.Syntax;
using Dyad.Time;

namespace Dyad;

/// <summary>
/// The coding pipeline every front end shares: a document (already read) passes through the stages in
/// order — syntax, time expressions, actor mentions, events — each filling in its layer of one
/// <see cref="AnnotatedDocument"/>, and comes out as coded events or stored event rows with their
/// evidence and parsed citations. Built once — models, dictionaries, patterns and the ontology load
/// once — then immutable and safe to use from several threads.
/// </summary>
public sealed class DyadPipeline : IDocumentCoder
{
    // The lemmatiser also knows the words the trigger lexicon names, so their inflected forms find them.
    private static readonly Lazy<DyadPipeline> Lazy = new(() => Create(
        new SyntaxAnnotator(SyntaxModel.Default, TriggerLexicon.Default.Lemmas), new TimeTagger(), ActorDictionary.Default, EventCoder.CreateDefault()));

    private readonly ImmutableArray<IDocumentStage> _stages;

    /// <summary>A pipeline of the given stages, run in order.</summary>
    public DyadPipeline(IEnumerable<IDocumentStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = [.. stages];
        Version = CurrentVersion;
    }

    /// <summary>The standard stages: syntax, time, actors (with places), events.</summary>
    public static DyadPipeline Create(SyntaxAnnotator syntax, TimeTagger time, ActorDictionary actors, EventCoder coder)
    {
        var before = new IDocumentStage[] { new SyntaxStage(syntax), new TimeStage(time), new ActorStage(new ActorRecognizer(actors), PlaceGazetteer.Default) };
        return new DyadPipeline([.. before, new EventStage(coder, before)]);
    }

    /// <summary>The embedded model, dictionaries and ontology with another trigger lexicon (one extended by a user's verb dictionary).</summary>
    public static DyadPipeline WithLexicon(TriggerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return Create(new SyntaxAnnotator(SyntaxModel.Default, lexicon.Lemmas), new TimeTagger(), ActorDictionary.Default,
            new EventCoder(CameoOntology.Default, lexicon, ActorDictionary.Default));
    }

    /// <summary>The pipeline with the embedded model, dictionaries, lexicon and ontology.</summary>
    public static DyadPipeline Default => Lazy.Value;

    /// <summary>
    /// Identifies the coder: the library's deterministic build identity changes whenever its code or its
    /// embedded data change, so `dyad recode` knows which stored events are stale.
    /// </summary>
    public static string CurrentVersion { get; } = "dyad-" + typeof(DyadPipeline).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public string Version { get; }

    /// <summary>Runs every stage on the document.</summary>
    public AnnotatedDocument Annotate(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var annotated = new AnnotatedDocument(document);
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            annotated = stage.Process(annotated, cancellationToken);
        }
        return annotated;
    }

    public ImmutableArray<CodedEvent> CodeEvents(Document document, CancellationToken cancellationToken = default) =>
        Annotate(document, cancellationToken).Events;

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
