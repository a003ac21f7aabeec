using System.Collections.Immutable;
using Dyad.Documents;
using Dyad.Time;

namespace Dyad.Coding;

/// <summary>How the text presents an event.</summary>
public enum Modality
{
    /// <summary>The text states it happened.</summary>
    Asserted,
    /// <summary>Reported or claimed by someone, not confirmed by the text.</summary>
    Alleged,
    /// <summary>Someone denies it.</summary>
    Denied,
    /// <summary>A plan, offer, promise, invitation or announced future event.</summary>
    Intended,
    /// <summary>Speculation, prediction or condition.</summary>
    Hypothetical,
    /// <summary>The text says it did not happen.</summary>
    Negated,
}

/// <summary>An event participant: the words, the CAMEO-style actor code and the country (ISO alpha-3 or IGO code).</summary>
public sealed record EventActor(string Text, string? Actor, string? Country);

/// <summary>When the event took place: inclusive dates at the precision the text supports (null when neither the text nor a document date gives one).</summary>
public sealed record EventDate(DateOnly Start, DateOnly End, string Value, string? Text, DatePrecision Precision);

/// <summary>The place named with the event.</summary>
public sealed record EventLocation(string Text, string? Country);

/// <summary>One sentence that reports the event, its trigger and the citation markers it carries.</summary>
public sealed record EventEvidence(TextSpan Sentence, TextSpan Trigger, ImmutableArray<string> Citations);

/// <summary>
/// A coded event: who did what to whom, when and where, how the text presents it, and the evidence.
/// <see cref="Sentence"/> and <see cref="Trigger"/> are those of the first evidence; <see cref="Evidence"/>
/// holds every sentence that reports the same event in the document.
/// </summary>
public sealed record CodedEvent(
    string Id,
    TextSpan Sentence,
    TextSpan Trigger,
    EventActor Source,
    EventActor? Target,
    CameoCode Code,
    Modality Modality,
    EventDate? Date,
    EventLocation? Location,
    ImmutableArray<string> Citations,
    double Confidence,
    ImmutableArray<EventEvidence> Evidence);
