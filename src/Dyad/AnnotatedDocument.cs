using System.Collections.Immutable;
using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Syntax;
using Dyad.Time;

namespace Dyad;

/// <summary>
/// A document with what the pipeline's stages have found in it so far, each layer by character offsets
/// into <see cref="Documents.Document.Text"/>: the syntax of every sentence (one token layer that later
/// stages read), time expressions, actor mentions and coded events. Each stage returns a copy with its
/// own layer filled in; layers a stage has not yet filled are empty.
/// </summary>
public sealed record AnnotatedDocument(Document Document)
{
    /// <summary>One parsed sentence per sentence of the document, in order.</summary>
    public ImmutableArray<ParsedSentence> Syntax { get; init; } = [];

    public ImmutableArray<TimeExpression> Times { get; init; } = [];

    /// <summary>Actor mentions, sorted by start offset.</summary>
    public ImmutableArray<ActorMention> Actors { get; init; } = [];

    public ImmutableArray<CodedEvent> Events { get; init; } = [];

    public string Text => Document.Text;
}

/// <summary>One stage of the pipeline: reads the layers earlier stages wrote and adds its own.</summary>
public interface IDocumentStage
{
    AnnotatedDocument Process(AnnotatedDocument document, CancellationToken cancellationToken);
}

/// <summary>Words, tags, lemmas and dependency trees of every sentence.</summary>
internal sealed class SyntaxStage(SyntaxAnnotator annotator) : IDocumentStage
{
    public AnnotatedDocument Process(AnnotatedDocument document, CancellationToken cancellationToken) =>
        document with { Syntax = annotator.Annotate(document.Document, cancellationToken) };
}

/// <summary>Time expressions, normalised against the document date.</summary>
internal sealed class TimeStage(TimeTagger tagger) : IDocumentStage
{
    public AnnotatedDocument Process(AnnotatedDocument document, CancellationToken cancellationToken) =>
        document with { Times = tagger.Tag(document.Text, document.Document.Metadata.Published, cancellationToken) };
}

/// <summary>
/// Actor mentions read from the syntax layer's words; a person is coded with the role held on the date
/// the sentence talks about (from the time layer), and places named in the text are added.
/// </summary>
internal sealed class ActorStage(ActorRecognizer recognizer, PlaceGazetteer places) : IDocumentStage
{
    public AnnotatedDocument Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        string text = document.Text;
        DateOnly? dct = document.Document.Metadata.Published;
        var spans = document.Syntax.Select(s => s.Span).ToImmutableArray();
        // People resolve to the role they held when the sentence's events happened, not at publication.
        var dates = SentenceDates.Of(text, spans, document.Times, dct);
        var mentions = recognizer.Recognize(text, document.Syntax, offset => SentenceDates.At(spans, dates, offset, dct), cancellationToken);
        return document with { Actors = places.AddPlaces(text, mentions) };
    }
}

/// <summary>
/// Coded events from the earlier layers. A citation's title is coded as a document of its own, annotated
/// by the stages that run before this one (given when the pipeline is built).
/// </summary>
internal sealed class EventStage(EventCoder coder, IReadOnlyList<IDocumentStage> before) : IDocumentStage
{
    public AnnotatedDocument Process(AnnotatedDocument document, CancellationToken cancellationToken) =>
        document with { Events = coder.Code(document, title => Run(title, cancellationToken), cancellationToken) };

    private AnnotatedDocument Run(Document title, CancellationToken cancellationToken)
    {
        var annotated = new AnnotatedDocument(title);
        foreach (var stage in before) annotated = stage.Process(annotated, cancellationToken);
        return annotated;
    }
}

/// <summary>The date each sentence talks about, for coding people by the office they held then.</summary>
internal static class SentenceDates
{
    /// <summary>
    /// The middle of each sentence's first dated expression, else of the last one earlier in the same
    /// paragraph, else the document date.
    /// </summary>
    public static DateOnly?[] Of(string text, ImmutableArray<TextSpan> spans, ImmutableArray<TimeExpression> times, DateOnly? dct)
    {
        var dates = new DateOnly?[spans.Length];
        DateOnly? paragraph = null;
        int ti = 0, previousEnd = 0;
        for (int i = 0; i < spans.Length; i++)
        {
            var span = spans[i];
            if (text.AsSpan(previousEnd, Math.Max(0, span.Start - previousEnd)).IndexOf("\n\n", StringComparison.Ordinal) >= 0) paragraph = null;
            previousEnd = span.End;
            while (ti < times.Length && times[ti].Span.Start < span.Start) ti++;
            DateOnly? first = null, last = null;
            for (int tj = ti; tj < times.Length && times[tj].Span.Start < span.End; tj++)
            {
                if (times[tj].Type != TimexType.Date || times[tj].Interval is not { } interval) continue;
                var middle = DateOnly.FromDayNumber(interval.Start.DayNumber + (interval.End.DayNumber - interval.Start.DayNumber) / 2);
                first ??= middle;
                last = middle;
            }
            dates[i] = first ?? paragraph ?? dct;
            if (last is not null) paragraph = last;
        }
        return dates;
    }

    public static DateOnly? At(ImmutableArray<TextSpan> spans, DateOnly?[] dates, int offset, DateOnly? dct)
    {
        int lo = 0, hi = spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (offset < spans[mid].Start) hi = mid - 1;
            else if (offset >= spans[mid].End) lo = mid + 1;
            else return dates[mid];
        }
        return dct;
    }
}
