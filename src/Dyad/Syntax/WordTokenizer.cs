using Dyad.Documents;

namespace Dyad.Syntax;

/// <summary>
/// Splits a sentence into words as the UD English treebanks do, keeping each word's offsets into the
/// text: punctuation apart, clitics and possessives split ("don't" -> "do" "n't", "Russia's" -> "Russia"
/// "'s", "countries'" -> "countries" "'"), hyphens between words their own token except after a
/// prefix ("Putin-Kim" -> "Putin" "-" "Kim", "non-stop" whole), currency and percent signs apart,
/// numbers ("1,000.5", "11/28/2000"), abbreviations ("Mr.", "U.S."), URLs and e-mail addresses whole.
/// Every non-space character of the range lies in exactly one word.
/// </summary>
public static class WordTokenizer
{
    public static List<TextSpan> Tokenize(string text, TextSpan range)
    {
        var words = new List<TextSpan>();
        int i = range.Start;
        while (i < range.End)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            int start = i;
            while (i < range.End && !char.IsWhiteSpace(text[i])) i++;
            Chunk(text, start, i, words);
        }
        return words;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '&';

    // A whitespace-delimited chunk: URLs whole; leading and trailing punctuation peeled; the core split inside.
    private static void Chunk(string text, int start, int end, List<TextSpan> words)
    {
        var trailing = new Stack<TextSpan>();
        // Leading punctuation, one mark at a time (runs of the same mark, like "--" or "...", together).
        while (start < end && !IsWordChar(text[start]) && !StartsClitic(text, start, end))
        {
            int run = Run(text, start, end);
            words.Add(new TextSpan(start, run));
            start = run;
        }
        // Trailing punctuation, peeled from the end.
        while (end > start && !IsWordChar(text[end - 1]))
        {
            char c = text[end - 1];
            if (c == '.' && KeepsPeriod(text, start, end)) break;
            if (c is '%' && end - 1 > start && char.IsDigit(text[end - 2])) { trailing.Push(new TextSpan(end - 1, end)); end--; continue; }
            // A possessive apostrophe after s: "countries'".
            if (IsApostrophe(c) && end - 1 > start && text[end - 2] is 's' or 'S' && end - 1 - start > 1)
            {
                trailing.Push(new TextSpan(end - 1, end));
                end--;
                continue;
            }
            int runStart = end - 1;
            while (runStart > start && (text[runStart - 1] == c || (IsBang(c) && IsBang(text[runStart - 1])))) runStart--;
            trailing.Push(new TextSpan(runStart, end));
            end = runStart;
        }
        if (end > start)
        {
            if (IsUrl(text, start, end)) words.Add(new TextSpan(start, end));
            else Core(text, start, end, words);
        }
        while (trailing.Count > 0) words.Add(trailing.Pop());
    }

    private static int Run(string text, int i, int end)
    {
        char c = text[i];
        int j = i + 1;
        if (IsBang(c)) while (j < end && IsBang(text[j])) j++;
        else if (c is '-' or '.' or '*' or '=' or '_') while (j < end && text[j] == c) j++;
        return j;
    }

    private static bool IsBang(char c) => c is '!' or '?';

    private static bool StartsClitic(string text, int i, int end) =>
        IsApostrophe(text[i]) && CliticLength(text, i, end) == end - i;

    private static bool IsUrl(string text, int start, int end)
    {
        var s = text.AsSpan(start, end - start);
        if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return true;
        int at = s.IndexOf('@');
        return at > 0 && s[(at + 1)..].Contains('.') && s[(at + 1)..].IndexOfAny("'’".AsSpan()) < 0;
    }

    // "Mr.", "U.S.", "J." and "e.g." keep their period.
    private static bool KeepsPeriod(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - 1 - start);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsLetter(word[0])) return true;
        if (word.Contains('.') && IsDotted(word)) return true;
        return WordLists.Abbreviations.Contains(word.ToString());
    }

    // Letters separated by single periods: "U.S", "e.g", "Ph.D".
    private static bool IsDotted(ReadOnlySpan<char> word)
    {
        int letters = 0;
        for (int i = 0; i < word.Length; i++)
        {
            if (char.IsLetter(word[i])) { letters++; if (letters > 2) return false; }
            else if (word[i] == '.' && letters > 0) letters = 0;
            else return false;
        }
        return true;
    }

    // The length of a clitic starting at i ("'s", "'re", "'ll", "'ve", "'d", "'m"), 0 when none.
    private static int CliticLength(string text, int i, int end)
    {
        if (!IsApostrophe(text[i]) || i + 1 >= end) return 0;
        char a = char.ToLowerInvariant(text[i + 1]);
        bool ends2 = i + 2 >= end || !char.IsLetter(text[i + 2]);
        if (a is 's' or 'd' or 'm' && ends2) return 2;
        if (i + 2 < end)
        {
            char b = char.ToLowerInvariant(text[i + 2]);
            bool ends3 = i + 3 >= end || !char.IsLetter(text[i + 3]);
            if (ends3 && ((a == 'r' && b == 'e') || (a == 'l' && b == 'l') || (a == 'v' && b == 'e'))) return 3;
        }
        return 0;
    }

    // The inside of a chunk: split at clitics, hyphens, slashes, dashes, brackets, currency signs.
    private static void Core(string text, int start, int end, List<TextSpan> words)
    {
        int wordStart = start;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            // n't: "don't" -> "do" "n't", "can't" -> "ca" "n't"
            if ((c is 'n' or 'N') && i + 2 < end && IsApostrophe(text[i + 1]) && text[i + 2] is 't' or 'T'
                && (i + 3 == end || !char.IsLetter(text[i + 3])) && i > wordStart)
            {
                words.Add(new TextSpan(wordStart, i));
                words.Add(new TextSpan(i, i + 3));
                i += 3;
                wordStart = i;
                continue;
            }
            if (IsApostrophe(c) && i > wordStart && CliticLength(text, i, end) is var clitic and > 0)
            {
                words.Add(new TextSpan(wordStart, i));
                words.Add(new TextSpan(i, i + clitic));
                i += clitic;
                wordStart = i;
                continue;
            }
            if (IsSplitPoint(text, wordStart, i, end))
            {
                if (i > wordStart) words.Add(new TextSpan(wordStart, i));
                int run = Run(text, i, end);
                words.Add(new TextSpan(i, run));
                i = run;
                wordStart = i;
                continue;
            }
            i++;
        }
        if (end > wordStart) AddWord(text, wordStart, end, words);
    }

    private static void AddWord(string text, int start, int end, List<TextSpan> words)
    {
        if (WordLists.Contractions.TryGetValue(text[start..end], out int first))
        {
            words.Add(new TextSpan(start, start + first));
            words.Add(new TextSpan(start + first, end));
            return;
        }
        words.Add(new TextSpan(start, end));
    }

    // Whether the character at i is punctuation that stands apart inside a chunk.
    private static bool IsSplitPoint(string text, int wordStart, int i, int end)
    {
        char c = text[i];
        char prev = i > wordStart ? text[i - 1] : ' ';
        char next = i + 1 < end ? text[i + 1] : ' ';
        switch (c)
        {
            case '—' or '–' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '“' or '”' or ';' or '!' or '?' or '…' or '«' or '»':
                return true;
            case '$' or '€' or '£' or '¥':
                return char.IsDigit(next) || i > wordStart;
            case '-':
                if (next == '-' || prev == '-') return true;
                if (char.IsDigit(prev) && char.IsDigit(next)) return !IsPhoneNumber(text, wordStart, i, end);
                if (!char.IsLetterOrDigit(prev) || !char.IsLetterOrDigit(next)) return i > wordStart && i + 1 < end;
                return !WordLists.HyphenPrefixes.Contains(text[wordStart..i].ToLowerInvariant()) && !IsNumberWordCompound(text, wordStart, i);
            case '/':
                // "and/or" splits; dates "11/28/2000" and short forms "w/o", "s/he" stay whole.
                if (char.IsDigit(prev) && char.IsDigit(next)) return false;
                return LettersBefore(text, wordStart, i) >= 2 && LettersAfter(text, i + 1, end) >= 2;
            case ',':
                return !(char.IsDigit(prev) && char.IsDigit(next));
            case ':':
                return !(char.IsDigit(prev) && char.IsDigit(next));
            case '.':
                // "end.Then" without a space; decimals, dotted acronyms and file names stay.
                return char.IsLower(prev) && char.IsUpper(next) && i - wordStart > 2;
            default:
                return false;
        }
    }

    // Number words joined by a hyphen: "twenty-one".
    private static bool IsNumberWordCompound(string text, int start, int hyphen) =>
        text.AsSpan(start, hyphen - start).EndsWith("ty", StringComparison.OrdinalIgnoreCase) && hyphen - start is >= 4 and <= 7;

    private static bool IsPhoneNumber(string text, int start, int hyphen, int end)
    {
        int before = 0, after = 0;
        for (int k = hyphen - 1; k >= start && char.IsDigit(text[k]); k--) before++;
        for (int k = hyphen + 1; k < end && char.IsDigit(text[k]); k++) after++;
        return before == 3 && after == 4;
    }

    private static int LettersBefore(string text, int start, int i)
    {
        int n = 0;
        for (int k = i - 1; k >= start && char.IsLetter(text[k]); k--) n++;
        return n;
    }

    private static int LettersAfter(string text, int i, int end)
    {
        int n = 0;
        for (int k = i; k < end && char.IsLetter(text[k]); k++) n++;
        return n;
    }
}
