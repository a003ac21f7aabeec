using System.Collections.Immutable;
using Dyad.Documents;

namespace Dyad.Actors;

/// <summary>
/// Finds actor mentions in a document: dictionary names (with their titles and country words),
/// demonyms, capitals used for governments, names that are in no dictionary but carry a title and
/// a country, and, inside the document, pronouns, bare surnames, descriptions ("the North Korean
/// leader", "the two leaders") and abbreviations defined in parentheses. A person is coded by the
/// office held on the date <c>dateAt</c> gives for the sentence; outside every listed office the
/// code is the country plus ELI and the role is null. Build once per dictionary; thread-safe.
/// </summary>
public sealed class ActorRecognizer
{
    private readonly ActorDictionary _dictionary;

    public ActorRecognizer(ActorDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _dictionary = dictionary;
    }

    /// <summary>
    /// The mentions in <paramref name="text"/>, sorted by start offset. <paramref name="sentences"/>
    /// are the sentence spans (mentions never cross them); <paramref name="dateAt"/> gives the date a
    /// sentence starting at an offset talks about, or null when unknown.
    /// </summary>
    public ImmutableArray<ActorMention> Recognize(string text, ImmutableArray<TextSpan> sentences, Func<int, DateOnly?> dateAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(dateAt);
        var run = new DocumentRun(_dictionary, text);
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Start < 0 || sentence.End > text.Length || sentence.Length <= 0) continue;
            run.Sentence(sentence, dateAt(sentence.Start));
        }
        return [.. run.Mentions.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)];
    }
}
