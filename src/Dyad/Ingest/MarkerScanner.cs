using System.Collections.Immutable;
using Dyad.Documents;

namespace Dyad.Ingest;

/// <summary>
/// Finds citation markers in body text: superscript digits (always markers), and "[12]", "[^12]",
/// "^12" or a glued "(12)" when a citation with that marker exists — so that "(2019)" or "[sic]"
/// in prose never becomes a marker.
/// </summary>
public static class MarkerScanner
{
    public static ImmutableArray<CitationMarker> Scan(string text, IReadOnlySet<string> knownMarkers)
    {
        var markers = ImmutableArray.CreateBuilder<CitationMarker>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (Text.SentenceSplitter.IsSuperscriptDigit(c))
            {
                int start = i;
                while (i < text.Length && Text.SentenceSplitter.IsSuperscriptDigit(text[i])) i++;
                markers.Add(new CitationMarker(FromSuperscript(text.AsSpan(start, i - start)), new TextSpan(start, i)));
                continue;
            }
            if (c is '[' or '^' or '(' && TryDigits(text, i, knownMarkers, out var marker))
            {
                markers.Add(marker);
                i = marker.Span.End;
                continue;
            }
            i++;
        }
        return markers.ToImmutable();
    }

    private static bool TryDigits(string text, int i, IReadOnlySet<string> known, out CitationMarker marker)
    {
        marker = null!;
        char open = text[i];
        int j = i + 1;
        if (open == '[' && j < text.Length && text[j] == '^') j++;
        int digitsStart = j;
        while (j < text.Length && char.IsAsciiDigit(text[j]) && j - digitsStart < 4) j++;
        if (j == digitsStart) return false;
        string number = text[digitsStart..j];
        int end = j;
        if (open == '[' || open == '(')
        {
            char close = open == '[' ? ']' : ')';
            if (j >= text.Length || text[j] != close) return false;
            end = j + 1;
            // A parenthesised number is a marker only when glued to the preceding word or punctuation.
            if (open == '(' && (i == 0 || char.IsWhiteSpace(text[i - 1]))) return false;
        }
        else if (j < text.Length && char.IsLetterOrDigit(text[j]))
        {
            return false;
        }
        if (!known.Contains(number)) return false;
        marker = new CitationMarker(number, new TextSpan(i, end));
        return true;
    }

    public static string FromSuperscript(ReadOnlySpan<char> superscripts)
    {
        Span<char> digits = stackalloc char[superscripts.Length];
        for (int k = 0; k < superscripts.Length; k++)
        {
            digits[k] = superscripts[k] switch
            {
                '¹' => '1',
                '²' => '2',
                '³' => '3',
                var s => (char)('0' + (s - '⁰')),
            };
        }
        return new string(digits);
    }
}
