using System.Collections.Immutable;

namespace Dyad.Documents;

/// <summary>The kind of file a document was read from.</summary>
public enum DocumentFormat
{
    Text,
    Markdown,
    Html,
    Pdf,
    FeedItem,
}

/// <summary>What a document says about itself: front matter, byline, page metadata.</summary>
public sealed record DocumentMetadata(
    string? Title,
    ImmutableArray<string> Authors,
    string? Publisher,
    DateOnly? Published,
    string? Language,
    string? Url = null)
{
    public static DocumentMetadata Empty { get; } = new(null, [], null, null, null);
}

/// <summary>
/// A sentence of the body text and the citation markers it carries (footnote numbers as written,
/// e.g. "12"), in the order they appear.
/// </summary>
public sealed record Sentence(TextSpan Span, ImmutableArray<string> Citations);

/// <summary>A footnote, endnote or link that sources statements in the body.</summary>
public sealed record Citation(
    string Marker,
    string? Outlet,
    string? Title,
    DateOnly? Date,
    string? Url,
    string Text);

/// <summary>A citation marker found in the body: the marker and where it stands.</summary>
public sealed record CitationMarker(string Marker, TextSpan Span);

/// <summary>
/// A document as read: its metadata, its plain body text (footnote blocks moved out into
/// <see cref="Citations"/>), its sentences and the markers that link them to citations.
/// Immutable; every later stage annotates <see cref="Text"/> by offsets.
/// </summary>
public sealed record Document(
    string Name,
    DocumentFormat Format,
    DocumentMetadata Metadata,
    string Text,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<Citation> Citations,
    ImmutableArray<CitationMarker> Markers)
{
    /// <summary>Maps offsets in <see cref="Text"/> back to offsets in the decoded file; null when unknown.</summary>
    public Dyad.Text.OffsetMap? SourceOffsets { get; init; }

    /// <summary>The sentence that contains <paramref name="offset"/>, or null between sentences.</summary>
    public Sentence? SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = Sentences[mid].Span;
            if (offset < span.Start) hi = mid - 1;
            else if (offset >= span.End) lo = mid + 1;
            else return Sentences[mid];
        }
        return null;
    }

    public Citation? FindCitation(string marker) =>
        Citations.FirstOrDefault(c => c.Marker == marker);
}
