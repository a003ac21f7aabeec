using System.Collections.Immutable;

namespace Dyad.Text;

/// <summary>
/// Maps offsets in a derived text (normalised, or a document body assembled from pieces of a
/// file) back to offsets in the text it came from. Pieces copied verbatim map one to one;
/// inserted or rewritten pieces map to the start of what they replace.
/// </summary>
public sealed class OffsetMap
{
    /// <summary>A run of the derived text starting at <see cref="Target"/>, taken from <see cref="Source"/>.</summary>
    internal readonly record struct Segment(int Target, int Source, int Length, bool Verbatim);

    private readonly ImmutableArray<Segment> _segments;

    internal OffsetMap(ImmutableArray<Segment> segments) => _segments = segments;

    /// <summary>The map of a text onto itself.</summary>
    public static OffsetMap Identity(int length) => new([new Segment(0, 0, length, true)]);

    /// <summary>The source offset of <paramref name="offset"/> in the derived text.</summary>
    public int ToSource(int offset)
    {
        if (_segments.IsEmpty) return offset;
        int lo = 0, hi = _segments.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (_segments[mid].Target <= offset) lo = mid; else hi = mid - 1;
        }
        var segment = _segments[lo];
        int delta = offset - segment.Target;
        if (!segment.Verbatim) return segment.Source;
        return segment.Source + Math.Min(Math.Max(delta, 0), segment.Length);
    }

    /// <summary>This map followed by <paramref name="inner"/>: derived -> this map's source -> inner's source.</summary>
    public OffsetMap Then(OffsetMap inner)
    {
        var builder = ImmutableArray.CreateBuilder<Segment>(_segments.Length);
        foreach (var s in _segments)
        {
            if (!s.Verbatim || s.Length == 0)
            {
                builder.Add(s with { Source = inner.ToSource(s.Source) });
                continue;
            }
            // A verbatim run stays verbatim in the composition only where the inner map is verbatim too;
            // split it at the inner map's segment borders.
            int done = 0;
            while (done < s.Length)
            {
                int source = s.Source + done;
                var (innerSegment, innerOffset) = inner.SegmentAt(source);
                int run = innerSegment.Verbatim ? Math.Min(s.Length - done, innerSegment.Length - innerOffset) : 1;
                if (run <= 0) run = s.Length - done;
                builder.Add(new Segment(s.Target + done, inner.ToSource(source), run, innerSegment.Verbatim));
                done += run;
            }
        }
        return new OffsetMap(builder.ToImmutable());
    }

    private (Segment Segment, int Offset) SegmentAt(int offset)
    {
        if (_segments.IsEmpty) return (new Segment(0, 0, int.MaxValue, true), offset);
        int lo = 0, hi = _segments.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (_segments[mid].Target <= offset) lo = mid; else hi = mid - 1;
        }
        return (_segments[lo], offset - _segments[lo].Target);
    }
}

/// <summary>Builds a derived text piece by piece while recording where each piece came from.</summary>
public sealed class MappedTextBuilder
{
    private readonly System.Text.StringBuilder _text = new();
    private readonly ImmutableArray<OffsetMap.Segment>.Builder _segments = ImmutableArray.CreateBuilder<OffsetMap.Segment>();

    public int Length => _text.Length;

    public char this[int index] => _text[index];

    /// <summary>Appends <paramref name="source"/>[start..end] verbatim.</summary>
    public MappedTextBuilder Append(string source, int start, int end)
    {
        if (end <= start) return this;
        Add(start, end - start, verbatim: true);
        _text.Append(source, start, end - start);
        return this;
    }

    /// <summary>Appends text that replaces source text starting at <paramref name="sourceOffset"/>.</summary>
    public MappedTextBuilder AppendReplacement(string text, int sourceOffset)
    {
        if (text.Length == 0) return this;
        Add(sourceOffset, text.Length, verbatim: false);
        _text.Append(text);
        return this;
    }

    /// <summary>Removes trailing whitespace (used between blocks).</summary>
    public void TrimEnd()
    {
        int trimmed = _text.Length;
        while (trimmed > 0 && char.IsWhiteSpace(_text[trimmed - 1])) trimmed--;
        if (trimmed == _text.Length) return;
        _text.Length = trimmed;
        while (_segments.Count > 0 && _segments[^1].Target >= trimmed) _segments.RemoveAt(_segments.Count - 1);
        if (_segments.Count > 0)
        {
            var last = _segments[^1];
            if (last.Target + last.Length > trimmed) _segments[^1] = last with { Length = trimmed - last.Target };
        }
    }

    public (string Text, OffsetMap Map) Build() => (_text.ToString(), new OffsetMap(_segments.ToImmutable()));

    private void Add(int source, int length, bool verbatim)
    {
        int target = _text.Length;
        if (_segments.Count > 0)
        {
            var last = _segments[^1];
            if (verbatim && last.Verbatim && last.Target + last.Length == target && last.Source + last.Length == source)
            {
                _segments[^1] = last with { Length = last.Length + length };
                return;
            }
        }
        _segments.Add(new OffsetMap.Segment(target, source, length, verbatim));
    }
}
