using System.Globalization;
using System.Text;

namespace Dyad.Text;

/// <summary>
/// Normalises decoded text for reading while keeping a map back to the original offsets:
/// line ends become '\n', text is composed to NFC, zero-width characters and soft hyphens go,
/// and no-break and other exotic spaces become ordinary spaces.
/// </summary>
public static class TextNormalizer
{
    public static (string Text, OffsetMap Map) Normalize(string text)
    {
        if (IsAlreadyNormal(text)) return (text, OffsetMap.Identity(text.Length));
        var builder = new MappedTextBuilder();
        int runStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            string? replacement = null;
            int consumed = 1;
            if (c == '\r')
            {
                replacement = "\n";
                if (i + 1 < text.Length && text[i + 1] == '\n') consumed = 2;
            }
            else if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                replacement = string.Empty;
            }
            else if (c is '\u00A0' or '\u2007' or '\u202F' || (c >= '\u2000' && c <= '\u200A') || c == '\u3000')
            {
                replacement = " ";
            }
            else if (c is '\u2028' or '\u2029')
            {
                replacement = "\n";
            }
            else if (c > '\u007F')
            {
                // Compose a base character with the combining marks that follow it; the base may be ASCII.
                int begin = IsCombining(c) && i > runStart ? i - 1 : i;
                int end = i + 1;
                while (end < text.Length && IsCombining(text[end])) end++;
                if (char.IsHighSurrogate(c) && end < text.Length && end == i + 1) end++;
                string cluster = text[begin..end];
                if (!cluster.IsNormalized(NormalizationForm.FormC))
                {
                    replacement = cluster.Normalize(NormalizationForm.FormC);
                    consumed = end - begin;
                    i = begin;
                }
                else
                {
                    i = end;
                    continue;
                }
            }
            if (replacement is null)
            {
                i++;
                continue;
            }
            builder.Append(text, runStart, i);
            builder.AppendReplacement(replacement, i);
            i += consumed;
            runStart = i;
        }
        builder.Append(text, runStart, text.Length);
        return builder.Build();
    }

    private static bool IsCombining(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static bool IsAlreadyNormal(string text)
    {
        foreach (char c in text)
        {
            if (c == '\r' || c > '\u007F') return false;
        }
        return true;
    }
}
