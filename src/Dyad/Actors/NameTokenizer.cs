using Dyad.Syntax;

namespace Dyad.Actors;

/// <summary>A word or punctuation mark of a text, with its offsets and the key it is matched by.</summary>
internal readonly record struct NameToken(int Start, int End, string Key, TokenShape Shape)
{
    public bool IsWord => (Shape & TokenShape.Word) != 0;

    public bool StartsUpper => (Shape & TokenShape.StartsUpper) != 0;

    public bool AllUpper => (Shape & TokenShape.AllUpper) != 0;
}

[Flags]
internal enum TokenShape
{
    None = 0,
    Word = 1,
    StartsUpper = 2,
    AllUpper = 4,
    Digit = 8,

    /// <summary>The token directly follows the previous one with no space ("Jong-Un" after a dropped hyphen).</summary>
    Joined = 16,
}

/// <summary>
/// The keys names are matched by: each word is cut into runs of letters and digits and single
/// punctuation marks ("U.S." -> u . s .). A hyphen between two runs with no space is dropped, so
/// "Kim Jong-Un" and "Kim Jong Un" give the same keys; curly apostrophes are read as straight ones.
/// Keys are lower case, Latin letters folded to their base letter. Dictionary names are keyed by
/// <see cref="Tokenize"/>; a document's sentences by <see cref="Keys"/>, within the syntax stage's words.
/// </summary>
internal static class NameTokenizer
{
    /// <summary>The keys of a sentence's words, never crossing a word boundary of the syntax layer.</summary>
    public static List<NameToken> Keys(string text, IReadOnlyList<SyntaxToken> words, List<NameToken> into)
    {
        if (words.Count == 0) return into;
        int sentenceEnd = words[^1].Span.End;
        bool joinNext = false;
        int previousEnd = -1;
        foreach (var word in words)
        {
            // a space between two words ends any hyphen join, as inside a word
            if (word.Span.Start != previousEnd) joinNext = false;
            Tokenize(text, word.Span.Start, word.Span.End, sentenceEnd, into, ref joinNext);
            previousEnd = word.Span.End;
        }
        return into;
    }

    public static List<NameToken> Tokenize(string text, int start = 0, int end = -1, List<NameToken>? into = null)
    {
        if (end < 0) end = text.Length;
        bool joinNext = false;
        return Tokenize(text, start, end, end, into ?? [], ref joinNext);
    }

    // text[start..end] is one word of a sentence ending at lookEnd: a hyphen word ("Jong" "-" "Un") looks
    // past its own end for the run it joins, and joinNext carries over to the next word.
    private static List<NameToken> Tokenize(string text, int start, int end, int lookEnd, List<NameToken> tokens, ref bool joinNext)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                bool upperFirst = char.IsUpper(c), allUpper = true, anyLetter = false, anyDigit = false;
                while (i < end && char.IsLetterOrDigit(text[i]))
                {
                    char d = text[i];
                    if (char.IsLetter(d))
                    {
                        anyLetter = true;
                        if (!char.IsUpper(d)) allUpper = false;
                    }
                    else anyDigit = true;
                    i++;
                }
                var shape = TokenShape.Word;
                if (upperFirst) shape |= TokenShape.StartsUpper;
                if (anyLetter && allUpper && i - s > 1) shape |= TokenShape.AllUpper;
                if (anyDigit) shape |= TokenShape.Digit;
                if (joinNext) shape |= TokenShape.Joined;
                joinNext = false;
                tokens.Add(new NameToken(s, i, Lower(text, s, i), shape));
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                joinNext = false;
                i++;
                continue;
            }
            if (IsHyphen(c) && tokens.Count > 0 && tokens[^1].End == i && tokens[^1].IsWord
                && i + 1 < lookEnd && char.IsLetterOrDigit(text[i + 1]))
            {
                joinNext = true;
                i++;
                continue;
            }
            joinNext = false;
            string key = c is '\u2019' or '\u2018' or '`' ? "'" : c.ToString();
            tokens.Add(new NameToken(i, i + 1, key, TokenShape.None));
            i++;
        }
        return tokens;
    }

    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013';

    // Latin letters U+00C0..U+017F folded to their base letter ('_' keeps the character): "Erdoğan" and
    // "Erdogan", "António" and "Antonio" give the same key.
    private const string Fold = "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    private static string Lower(string text, int start, int end)
    {
        int length = end - start;
        bool plain = true;
        for (int k = start; k < end; k++)
        {
            char c = text[k];
            if (char.IsUpper(c) || c >= '\u00C0')
            {
                plain = false;
                break;
            }
        }
        if (plain) return text.Substring(start, length);
        return string.Create(length, (text, start), static (span, state) =>
        {
            for (int k = 0; k < span.Length; k++)
            {
                char c = char.ToLowerInvariant(state.text[state.start + k]);
                if (c is >= '\u00C0' and < '\u0180' && Fold[c - 0xC0] != '_') c = Fold[c - 0xC0];
                span[k] = c;
            }
        });
    }
}
