using Dyad.Documents;

namespace Dyad.Store;

/// <summary>
/// The coding step of ingest: turns a document into event rows. Implementations must be thread-safe;
/// the ingester calls <see cref="Code"/> from several threads at once.
/// </summary>
public interface IDocumentCoder
{
    /// <summary>Identifies the coder's rules and dictionaries; stored with every event so `dyad recode` knows what is stale.</summary>
    string Version { get; }

    IReadOnlyList<EventRow> Code(Document document, CancellationToken cancellationToken);
}

/// <summary>A coder that finds no events: documents are stored with their sentences and citations only.</summary>
public sealed class NoEventsCoder : IDocumentCoder
{
    public static NoEventsCoder Instance { get; } = new();

    public string Version => "none";

    public IReadOnlyList<EventRow> Code(Document document, CancellationToken cancellationToken) => [];
}
