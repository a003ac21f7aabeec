using System.Collections.Immutable;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>A numbered note of a brief: a source (outlet, title, date, URL), or the document an uncited event was read from.</summary>
public sealed record Footnote(int Number, string? Outlet, string? Title, DateOnly? Date, string? Url, string? Document)
{
    /// <summary>The note without its URL — "Outlet, “Title”, date." or the document it comes from — escaped for the output format.</summary>
    public string Describe(Func<string, string> escape)
    {
        ArgumentNullException.ThrowIfNull(escape);
        if (Document is { } doc) return $"{escape(doc)} (the document; no citation attached to the sentence).";
        var parts = new List<string>();
        if (Outlet is { } outlet) parts.Add(escape(outlet));
        if (Title is { } title) parts.Add($"“{escape(title)}”");
        if (Date is { } date) parts.Add(EventFacts.Iso(date));
        return string.Join(", ", parts) + ".";
    }
}

/// <summary>Numbers sources in the order a brief first cites them; the same source keeps its number.</summary>
internal sealed class Footnotes
{
    private readonly Dictionary<string, Footnote> _byKey = new(StringComparer.Ordinal);
    private readonly List<Footnote> _notes = [];

    public IReadOnlyList<Footnote> Notes => _notes;

    /// <summary>The numbers of the notes behind <paramref name="e"/>; an event without citations gets a note naming its document.</summary>
    public ImmutableArray<int> Cite(EventRow e)
    {
        var sources = EventFacts.Sources(e);
        if (sources.Count == 0) return [Add($"doc\u0001{e.Doc}", () => new Footnote(0, null, null, null, null, e.Doc ?? e.Id))];
        return [.. sources.Select(c => Add(c.Url ?? $"{c.Outlet}\u0001{c.Title}\u0001{c.Date}", () => new Footnote(0, c.Outlet, c.Title, c.Date, c.Url, null))).Order()];
    }

    private int Add(string key, Func<Footnote> create)
    {
        if (_byKey.TryGetValue(key, out var note)) return note.Number;
        note = create() with { Number = _notes.Count + 1 };
        _byKey[key] = note;
        _notes.Add(note);
        return note.Number;
    }
}
