using System.Collections.Immutable;
using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Ingest;

/// <summary>
/// The last step every reader shares: split the body into sentences and give each sentence the
/// markers it carries. A marker glued after a sentence's final punctuation belongs to that sentence.
/// </summary>
public static class DocumentAssembler
{
    public static Document Assemble(
        string name,
        DocumentFormat format,
        DocumentMetadata metadata,
        string text,
        OffsetMap sourceOffsets,
        ImmutableArray<Citation> citations,
        ImmutableArray<CitationMarker> markers)
    {
        var spans = SentenceSplitter.Split(text);
        var sentences = ImmutableArray.CreateBuilder<Sentence>(spans.Length);
        int m = 0;
        foreach (var span in spans)
        {
            var carried = ImmutableArray.CreateBuilder<string>();
            while (m < markers.Length && markers[m].Span.Start < span.End)
            {
                if (markers[m].Span.Start >= span.Start && !carried.Contains(markers[m].Marker)) carried.Add(markers[m].Marker);
                m++;
            }
            sentences.Add(new Sentence(span, carried.ToImmutable()));
        }
        if (metadata.Language is null && LanguageGuess.IsEnglish(text)) metadata = metadata with { Language = "en" };
        return new Document(name, format, metadata, text, sentences.MoveToImmutable(), citations, markers)
        {
            SourceOffsets = sourceOffsets,
        };
    }
}

/// <summary>A cheap check for English prose: the share of its most common function words.</summary>
public static class LanguageGuess
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "by", "as", "it", "were", "its", "has", "have", "from",
    };

    public static bool IsEnglish(string text)
    {
        int words = 0, common = 0;
        foreach (var range in text.AsSpan(0, Math.Min(text.Length, 5000)).SplitAny(" \n\t"))
        {
            var word = text.AsSpan(0, Math.Min(text.Length, 5000))[range].Trim(".,;:\"'()");
            if (word.IsEmpty) continue;
            words++;
            if (Common.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) common++;
        }
        return words >= 8 && common * 100 / words >= 12;
    }
}
