namespace Dyad.Ingest.Html;

/// <summary>
/// Measures of a run of page text that hold across scripts: Chinese and Japanese are written without
/// spaces between words and with their own full stops and commas, so counting spaces and ASCII
/// punctuation would take every paragraph of such a page for a short caption.
/// </summary>
internal static class PageText
{
    /// <summary>About how many words the text holds: the space-separated runs, plus one for every two CJK characters.</summary>
    public static int WordEstimate(string text)
    {
        int spaces = 0, cjk = 0;
        foreach (char c in text)
        {
            if (c == ' ') spaces++;
            else if (IsCjk(c)) cjk++;
        }
        return spaces + 1 + cjk / 2;
    }

    /// <summary>Commas and their CJK forms (，、) and the Arabic comma: each marks a clause, as in prose.</summary>
    public static int Commas(string text)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (c is ',' or '，' or '、' or '،') n++;
        }
        return n;
    }

    /// <summary>Whether the text ends as a sentence does: a full stop, question or exclamation mark, closing quote or bracket, in any script.</summary>
    public static bool EndsClosed(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ':' or ';' or ')' or '»'
            or '。' or '！' or '？' or '」' or '』' or '）' or '…' or '．' or '؟' or '।';

    /// <summary>Han ideographs, kana and the CJK punctuation block: scripts written without spaces.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
