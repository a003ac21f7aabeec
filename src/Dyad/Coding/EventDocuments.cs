using System.Collections.Immutable;
using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>Builds a plain-text <see cref="Document"/> to code: sentences from <see cref="SentenceSplitter"/>, no citations.</summary>
public static class EventDocuments
{
    public static Document FromText(string name, string text, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = SentenceSplitter.Split(text).Select(s => new Sentence(s, [])).ToImmutableArray();
        var metadata = DocumentMetadata.Empty with { Published = documentDate };
        return new Document(name, DocumentFormat.Text, metadata, text, sentences, [], []);
    }
}
