namespace Dyad.Time;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>
/// A token of the text: a run of letters, a run of digits (with "1,000" or "2.5" grouping kept in one token),
/// or one other character. <see cref="Value"/> is the number's value (-1 when too long or grouped).
/// </summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, Lex? Lex, int Value, bool Space, bool Upper, bool Paragraph)
{
    public int Length => End - Start;
}

internal static class Tokenizer
{
    public static Token[] Tokenize(string text, CancellationToken cancellationToken)
    {
        var tokens = new List<Token>(text.Length / 5 + 8);
        int i = 0, n = text.Length;
        bool space = true, paragraph = true;
        int newlines = 0;
        while (i < n)
        {
            if ((i & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' && ++newlines >= 2) paragraph = true;
                space = true;
                i++;
                continue;
            }
            int j = i + 1;
            if (char.IsLetter(c))
            {
                while (j < n && char.IsLetter(text[j])) j++;
                Lex? lex = j - i <= 13 && Lexicon.Lookup.TryGetValue(text.AsSpan(i, j - i), out var found) ? found : null;
                tokens.Add(new Token(i, j, TokenKind.Word, lex, -1, space, char.IsUpper(c), paragraph));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (j < n && char.IsAsciiDigit(text[j])) j++;
                bool grouped = false;
                while (j + 1 < n && text[j] is ',' or '.' && char.IsAsciiDigit(text[j + 1]))
                {
                    int k = j + 1;
                    while (k < n && char.IsAsciiDigit(text[k])) k++;
                    if (text[j] == ',' && k - j - 1 != 3) break;
                    grouped = true;
                    j = k;
                }
                int value = -1;
                if (!grouped && j - i <= 9)
                {
                    value = 0;
                    for (int k = i; k < j; k++) value = value * 10 + (text[k] - '0');
                }
                tokens.Add(new Token(i, j, TokenKind.Number, null, value, space, false, paragraph));
            }
            else
            {
                tokens.Add(new Token(i, j, TokenKind.Punct, null, -1, space, false, paragraph));
            }
            space = false;
            paragraph = false;
            newlines = 0;
            i = j;
        }
        return tokens.ToArray();
    }
}
