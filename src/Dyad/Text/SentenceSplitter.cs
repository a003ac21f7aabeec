using System.Collections.Immutable;
using Dyad.Documents;

namespace Dyad.Text;

/// <summary>
/// Splits body text into sentences. Placeholder rules until the full splitter lands:
/// a sentence ends at '.', '!' or '?' followed by whitespace and an upper-case letter, or at a blank line.
/// </summary>
public static class SentenceSplitter
{
    public static ImmutableArray<TextSpan> Split(string text)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        int start = SkipSpace(text, 0);
        for (int i = start; i < text.Length; i++)
        {
            bool end = text[i] is '.' or '!' or '?'
                && i + 2 < text.Length && char.IsWhiteSpace(text[i + 1]) && char.IsUpper(text[SkipSpace(text, i + 1)]);
            bool blank = text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n';
            if (end || blank)
            {
                int stop = blank ? TrimEnd(text, start, i) : i + 1;
                if (stop > start) spans.Add(new TextSpan(start, stop));
                start = SkipSpace(text, i + 1);
                i = start - 1;
            }
        }
        int last = TrimEnd(text, start, text.Length);
        if (last > start) spans.Add(new TextSpan(start, last));
        return spans.ToImmutable();
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
