namespace Dyad.Documents;

/// <summary>
/// A range of a document's body text: 0-based UTF-16 code-unit offsets, <see cref="End"/> exclusive.
/// Every annotation in Dyad points into <see cref="Document.Text"/> with one of these.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public string Slice(string text) => text[Start..End];

    public override string ToString() => $"{Start}-{End}";
}
