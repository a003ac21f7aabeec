using System.Collections.Immutable;
using Dyad.Documents;
using Dyad.Syntax;

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

    /// <summary>The dictionary the recognizer codes names with.</summary>
    public ActorDictionary Dictionary => _dictionary;

    /// <summary>
    /// The mentions in <paramref name="text"/>, sorted by start offset. <paramref name="sentences"/>
    /// are the sentence spans (mentions never cross them); <paramref name="dateAt"/> gives the date a
    /// sentence starting at an offset talks about, or null when unknown.
    /// </summary>
    public ImmutableArray<ActorMention> Recognize(string text, ImmutableArray<TextSpan> sentences, Func<int, DateOnly?> dateAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = sentences.Where(s => s.Start >= 0 && s.End <= text.Length && s.Length > 0)
            .Select(s => SyntaxAnnotator.Default.Parse(text, s)).ToImmutableArray();
        return Recognize(text, parsed, dateAt, cancellationToken);
    }

    /// <summary>The mentions in <paramref name="text"/>, read from the words of its parsed sentences.</summary>
    public ImmutableArray<ActorMention> Recognize(string text, ImmutableArray<ParsedSentence> sentences, Func<int, DateOnly?> dateAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(dateAt);
        var run = new DocumentRun(_dictionary, text);
        foreach (var (span, words) in JoinInitials(text, sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Sentence(span, words, dateAt(span.Start));
        }
        run.Finish();
        return [.. run.Mentions.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)];
    }

    /// <summary>
    /// Names span sentence breaks that a splitter may put after an initial or a dotted
    /// abbreviation ("George W. | Bush", "U.S. | President Biden"): such spans are read as one
    /// when only spaces separate them. Invalid spans are dropped.
    /// </summary>
    private static List<(TextSpan Span, List<SyntaxToken> Words)> JoinInitials(string text, ImmutableArray<ParsedSentence> sentences)
    {
        var joined = new List<(TextSpan Span, List<SyntaxToken> Words)>(sentences.Length);
        foreach (var parsed in sentences)
        {
            var sentence = parsed.Span;
            if (sentence.Start < 0 || sentence.End > text.Length || sentence.Length <= 0) continue;
            if (joined.Count > 0 && EndsWithInitial(text, joined[^1].Span) && OnlySpaces(text, joined[^1].Span.End, sentence.Start))
            {
                joined[^1].Words.AddRange(parsed.Tokens);
                joined[^1] = (new TextSpan(joined[^1].Span.Start, sentence.End), joined[^1].Words);
            }
            else joined.Add((sentence, [.. parsed.Tokens]));
        }
        return joined;
    }

    private static bool EndsWithInitial(string text, TextSpan span) =>
        span.Length >= 2 && text[span.End - 1] == '.' && char.IsUpper(text[span.End - 2])
        && (span.Length == 2 || !char.IsLetter(text[span.End - 3]));

    private static bool OnlySpaces(string text, int start, int end)
    {
        if (end < start) return false;
        for (int i = start; i < end; i++)
        {
            if (text[i] is not (' ' or '\t')) return false;
        }
        return true;
    }
}
