using System.Collections.Frozen;
using System.Collections.Immutable;
using Dyad.Documents;

namespace Dyad.Text;

/// <summary>
/// Splits body text into sentences, right on real prose: abbreviations (U.S., Dr., Gen., No., e.g.),
/// initials, decimals and money, quotations, footnote markers glued to the final punctuation
/// ("in 2016.³ Then" and "in 2016.[4] Then" end after the marker), headings, bullet lists and blank
/// lines. Spans are trimmed of surrounding whitespace.
/// </summary>
public static class SentenceSplitter
{
    // Words that end with a period but rarely end a sentence; compared without the period, case-sensitive.
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Adm", "Brig", "Cmdr",
        "Rep", "Reps", "Sen", "Sens", "Gov", "Pres", "Amb", "Hon", "Rev", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Supt", "Insp",
        "No", "Nos", "Vol", "Vols", "pp", "p", "para", "paras", "ch", "Ch", "Art", "art", "Sec", "sec", "Fig", "fig",
        "vs", "v", "etc", "al", "cf", "ca", "approx", "est", "incl", "excl", "viz",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Inc", "Ltd", "Corp", "Co", "Bros", "Dept", "Univ", "Assn", "Govt", "Intl",
        "e.g", "i.e", "a.m", "p.m", "Ph.D", "op", "cit", "ibid", "Ibid", "Op",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Capitalised words that start a new sentence after a dotted acronym ("...the U.S. The talks").
    private static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "Our", "Their", "His", "Her",
        "In", "On", "At", "By", "For", "From", "With", "After", "Before", "During", "Since", "When", "While", "Although",
        "But", "And", "Yet", "So", "However", "Moreover", "Meanwhile", "Then", "Thus", "Still", "Also", "Besides",
        "A", "An", "There", "Here", "As", "If", "Both", "Some", "Many", "Most", "No", "Not", "Such", "What", "Why", "How",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static ImmutableArray<TextSpan> Split(string text) => Split(text, 0, text.Length);

    /// <summary>Splits text[start..end] into sentences; spans are offsets into <paramref name="text"/>.</summary>
    public static ImmutableArray<TextSpan> Split(string text, int start, int end)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        int sentenceStart = start;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            int boundary = -1;
            if (c == '\n')
            {
                if (IsLineBoundary(text, sentenceStart, i, end)) boundary = i;
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                int after = SkipClosers(text, i + 1, end);
                if (after >= end)
                {
                    boundary = after;
                }
                else if (char.IsWhiteSpace(text[after]) && IsSentenceEnd(text, sentenceStart, i, after, end))
                {
                    boundary = after;
                }
                if (boundary >= 0)
                {
                    Add(spans, text, sentenceStart, boundary);
                    sentenceStart = boundary;
                    i = boundary;
                    continue;
                }
            }
            if (boundary >= 0)
            {
                Add(spans, text, sentenceStart, boundary);
                sentenceStart = boundary + 1;
            }
            i++;
        }
        Add(spans, text, sentenceStart, end);
        return spans.ToImmutable();
    }

    /// <summary>
    /// Closing quotes and brackets, and footnote markers glued to the punctuation, belong to the sentence.
    /// </summary>
    private static int SkipClosers(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (c is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '*' or '_' || IsSuperscriptDigit(c))
            {
                i++;
            }
            else if (c == '[' && TryBracketMarker(text, i, end, out int close))
            {
                i = close + 1;
            }
            else if (c == '^' && i + 1 < end && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                while (i < end && char.IsAsciiDigit(text[i])) i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static bool TryBracketMarker(string text, int open, int end, out int close)
    {
        close = open + 1;
        if (close < end && text[close] == '^') close++;
        int digits = close;
        while (close < end && char.IsAsciiDigit(text[close]) && close - digits < 4) close++;
        return close > digits && close < end && text[close] == ']';
    }

    public static bool IsSuperscriptDigit(char c) => c is '¹' or '²' or '³' || (c >= '⁰' && c <= '⁹' && c != 'ⁱ' && c != '⁺' && c != '⁻');

    private static bool IsSentenceEnd(string text, int sentenceStart, int punct, int after, int end)
    {
        int next = after;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            if (text[next] == '\n' && next + 1 < end && text[next + 1] == '\n') return true;
            next++;
        }
        if (next >= end) return true;
        char first = text[next];
        if (text[punct] != '.') return !char.IsLower(first);
        // A lower-case continuation never starts a sentence ("U.S. intelligence", "e.g. arms").
        if (char.IsLower(first)) return false;
        if (!(char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '‘' or '\'' or '(' or '[')) return false;

        string word = WordBefore(text, sentenceStart, punct);
        if (word.Length == 0) return true;
        // "1. Reopen embassies": a number opening a line is a list label.
        if (word.All(char.IsAsciiDigit) && IsLineStart(text, punct - word.Length)) return false;
        // Decimal points and version numbers have no space after them, so a digit before the period ends a sentence.
        if (Abbreviations.Contains(word))
        {
            // "No. 5", "Gen. Smith", "Dr. Kim": the abbreviation binds to what follows.
            return false;
        }
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            // An initial ("J. Smith"), unless a common sentence starter follows.
            return SentenceStarters.Contains(NextWord(text, next, end));
        }
        if (IsDottedAcronym(word))
        {
            // "U.S." ends a sentence only when a typical sentence opener follows.
            return SentenceStarters.Contains(NextWord(text, next, end));
        }
        return true;
    }

    private static bool IsLineBoundary(string text, int sentenceStart, int newline, int end)
    {
        // A blank line always ends a sentence.
        int next = newline + 1;
        if (next < end && text[next] == '\n') return true;
        if (LineIsBlank(text, sentenceStart, newline)) return false;
        while (next < end && text[next] is ' ' or '\t') next++;
        if (next >= end) return true;
        // A bullet or numbered item starts a new sentence.
        if (IsBulletStart(text, next, end)) return true;
        int lineStart = newline;
        while (lineStart > sentenceStart && text[lineStart - 1] != '\n') lineStart--;
        if (IsBulletStart(text, SkipSpaces(text, lineStart, newline), newline)) return true;
        // A line ending with a colon, or a short line without final punctuation followed by a capitalised
        // line, is a heading or a list lead; a long line is prose wrapped at the margin.
        int last = newline - 1;
        while (last >= lineStart && text[last] is ' ' or '\t') last--;
        if (last < lineStart) return false;
        if (text[last] == ':') return true;
        bool shortLine = newline - lineStart < 60 && lineStart == sentenceStart;
        return shortLine && !".,;".Contains(text[last]) && char.IsUpper(text[next]) && !IsJoiningWord(text, lineStart, last);
    }

    // A line that ends with an article or preposition is wrapped prose, not a heading.
    private static bool IsJoiningWord(string text, int lineStart, int last)
    {
        int wordStart = last;
        while (wordStart > lineStart && char.IsLetter(text[wordStart - 1])) wordStart--;
        var word = text.AsSpan(wordStart, last - wordStart + 1);
        return word is "the" or "a" or "an" or "of" or "and" or "or" or "to" or "in" or "on" or "by" or "for" or "with" or "from" or "at";
    }

    private static bool IsBulletStart(string text, int i, int end)
    {
        if (i >= end) return false;
        char c = text[i];
        if (c is '•' or '▪' or '‣' or '◦' or '–' or '—') return i + 1 < end && text[i + 1] == ' ';
        if (c is '-' or '*' or '+') return i + 1 < end && text[i + 1] == ' ';
        int j = i;
        while (j < end && char.IsAsciiDigit(text[j]) && j - i < 3) j++;
        return j > i && j + 1 < end && text[j] is '.' or ')' && text[j + 1] == ' ';
    }

    private static bool IsLineStart(string text, int i)
    {
        while (i > 0 && text[i - 1] is ' ' or '\t') i--;
        return i == 0 || text[i - 1] == '\n';
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t') i++;
        return i;
    }

    private static bool LineIsBlank(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    private static string WordBefore(string text, int sentenceStart, int punct)
    {
        int start = punct;
        while (start > sentenceStart && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '.')) start--;
        return text[start..punct];
    }

    private static string NextWord(string text, int i, int end)
    {
        int start = i;
        while (i < end && char.IsLetter(text[i])) i++;
        return text[start..i];
    }

    private static bool IsDottedAcronym(string word)
    {
        // "U.S", "U.N", "E.U": letters separated by periods (the final period is the one being judged).
        if (word.Length < 3) return false;
        for (int i = 0; i < word.Length; i++)
        {
            bool letterSlot = i % 2 == 0;
            if (letterSlot ? !char.IsLetter(word[i]) : word[i] != '.') return false;
        }
        return true;
    }

    private static void Add(ImmutableArray<TextSpan>.Builder spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end));
    }
}
