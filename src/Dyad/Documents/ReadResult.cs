namespace Dyad.Documents;

/// <summary>
/// The outcome of reading one input: a document, or the reason it could not be read.
/// Expected failures (empty, binary, undecodable, too large, missing) are values, not exceptions.
/// </summary>
public sealed record ReadResult
{
    private ReadResult(Document? document, string source, string? error)
    {
        Document = document;
        Source = source;
        Error = error;
    }

    public Document? Document { get; }

    /// <summary>The path or URL that was read.</summary>
    public string Source { get; }

    /// <summary>Why reading failed, in one line that does not repeat <see cref="Source"/>.</summary>
    public string? Error { get; }

    public bool Succeeded => Document is not null;

    public static ReadResult Success(string source, Document document) => new(document, source, null);

    public static ReadResult Failure(string source, string error) => new(null, source, error);

    public override string ToString() => Succeeded ? $"{Source}: ok" : $"{Source}: {Error}";
}
