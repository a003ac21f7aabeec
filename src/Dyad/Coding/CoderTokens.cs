using System.Collections.Frozen;
using Dyad.Documents;
using Dyad.Syntax;

namespace Dyad.Coding;

internal enum TokenKind { Word, Number, Possessive, Punct }

/// <summary>A token of a sentence: its span in the document, lower-cased form and lemma.</summary>
internal readonly record struct Token(TextSpan Span, string Text, string Lower, string Lemma, TokenKind Kind, bool AfterHyphen)
{
    public bool IsWord => Kind is TokenKind.Word;

    public override string ToString() => Text;
}

/// <summary>
/// The event coder's view of a sentence's words from the syntax layer: each word with its lower-cased
/// form, the syntax layer's lemma and a kind (word, number, possessive 's, punctuation). Hyphenated words read as their
/// parts ("test-fired" -> test, fired with <see cref="Token.AfterHyphen"/> set), so that "Putin-Kim" and
/// "US-drafted" expose the names inside them, and a period written onto a word ("Mr.") stands apart.
/// </summary>
internal static class CoderTokens
{
    public static List<Token> From(string text, ParsedSentence sentence)
    {
        var words = sentence.Tokens;
        var tokens = new List<Token>(words.Length);
        bool hyphen = false;
        for (int i = 0; i < words.Length; i++)
        {
            var span = words[i].Span;
            // a hyphen joining two words with no space is no token; the word after it is marked
            if (IsJoiningHyphen(text, span) && i > 0 && i + 1 < words.Length && words[i - 1].Span.End == span.Start && words[i + 1].Span.Start == span.End)
            {
                hyphen = true;
                continue;
            }
            int start = span.Start;
            for (int k = span.Start; k < span.End; k++)
            {
                if (!IsJoiningHyphen(text, new TextSpan(k, k + 1)) || k == start || k + 1 >= span.End || !char.IsLetterOrDigit(text[k - 1]) || !char.IsLetterOrDigit(text[k + 1])) continue;
                Add(tokens, text, start, k, hyphen, null);
                hyphen = true;
                start = k + 1;
            }
            Add(tokens, text, start, span.End, hyphen, start == span.Start ? words[i].Lemma : null);
            hyphen = false;
        }
        return tokens;
    }

    private static bool IsJoiningHyphen(string text, TextSpan span) => span.Length == 1 && text[span.Start] == '-';

    // The syntax layer's lemma; where it kept the form as it is (a past form the tagger took for a noun: "Iran shot
    // down", "Brandt knelt"), an irregular past form still finds its verb, since a trigger is looked up by lemma.
    private static string SyntaxLemma(string lower, string? wordLemma)
    {
        string lemma = wordLemma is { Length: > 0 } && wordLemma != "_" ? wordLemma.ToLowerInvariant() : lower;
        return lemma == lower && Dyad.Syntax.IrregularVerbs.Base(lower) is { } verb ? verb : lemma;
    }

    private static void Add(List<Token> tokens, string text, int start, int end, bool afterHyphen, string? wordLemma)
    {
        string form = text[start..end];
        char first = form[0];
        if (form.Length == 2 && first is '\'' or '’' && form[1] is 's' or 'S')
        {
            tokens.Add(new Token(new TextSpan(start, end), form, "'s", "'s", TokenKind.Possessive, false));
            return;
        }
        if (char.IsDigit(first))
        {
            tokens.Add(new Token(new TextSpan(start, end), form, form, form, TokenKind.Number, afterHyphen));
            return;
        }
        if (!char.IsLetter(first) && !(first is '\'' or '’' && form.Length > 1))
        {
            // punctuation, one mark a token
            for (int k = start; k < end; k++) tokens.Add(new Token(new TextSpan(k, k + 1), text.Substring(k, 1), text.Substring(k, 1), text.Substring(k, 1), TokenKind.Punct, false));
            return;
        }
        // "Mr." reads as "Mr" and "."; dotted acronyms ("U.S.") keep their periods
        if (form.Length > 1 && form[^1] == '.' && form.IndexOf('.') == form.Length - 1)
        {
            Add(tokens, text, start, end - 1, afterHyphen, wordLemma);
            tokens.Add(new Token(new TextSpan(end - 1, end), ".", ".", ".", TokenKind.Punct, false));
            return;
        }
        string lower = form.ToLowerInvariant().Replace('’', '\'');
        string lemma = lower == "n't" ? "not" : SyntaxLemma(lower, wordLemma);
        tokens.Add(new Token(new TextSpan(start, end), form, lower, lemma, TokenKind.Word, afterHyphen));
    }
}
