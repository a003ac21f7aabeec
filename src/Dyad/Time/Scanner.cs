using System.Collections.Immutable;
using System.Globalization;
using Dyad.Documents;

namespace Dyad.Time;

/// <summary>One recognised expression, in token positions, before it becomes a <see cref="TimeExpression"/>.</summary>
internal sealed record Found(int Start, int End, TimexType Type, string? Value, string? Mod = null, CalendarValue? Calendar = null, bool ExplicitYear = false)
{
    /// <summary>A point of comparison ("a year earlier", "year-ago"), not a time the narrative moves to.</summary>
    public bool Comparison { get; init; }

    /// <summary>A starting point ("since 1980") that the narrative does not move to.</summary>
    public bool Bound { get; init; }

    /// <summary>Tokens that form an impossible date ("February 30, 2023"): consumed, never annotated.</summary>
    public bool Blocked => Value is null;
}

/// <summary>
/// Per-document state of the tagger: the tokens, the document date, the running reference time of the narrative.
/// Reads the tokens left to right; at each position tries the grammar and keeps the longest expression.
/// </summary>
internal sealed partial class Scanner
{
    private readonly string text;
    private readonly Token[] t;
    private readonly int n;
    private readonly DateOnly? dct;
    private readonly int[] sentenceOf;

    // The running reference time: the last date the narrative spoke of, where, and whether its year was written.
    private CalendarValue? reference;
    private int referenceSentence = -10;
    private bool referenceExplicit;
    private bool referenceFrames;

    // The quarter a financial report is about: the first quarter the text named, and where.
    private CalendarValue? reportQuarter;
    private int reportQuarterSentence = -100;

    public Scanner(string text, DateOnly? documentDate, CancellationToken cancellationToken)
    {
        this.text = text;
        t = Tokenizer.Tokenize(text, cancellationToken);
        n = t.Length;
        dct = documentDate;
        sentenceOf = new int[n];
        int sentence = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && (t[i].Paragraph || (IsSentenceEnd(i - 1) && t[i].Space && (t[i].Upper || t[i].Kind == TokenKind.Number)))) sentence++;
            sentenceOf[i] = sentence;
        }
    }

    public ImmutableArray<TimeExpression> Run(CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<TimeExpression>();
        for (int i = 0; i < n;)
        {
            if ((i & 0x3FF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (IsUrlStart(i))
            {
                // nothing in a web address is a time expression ("/2023/09/13/", "...-in-four-years")
                i++;
                while (i < n && !t[i].Space) i++;
                continue;
            }
            if (t[i].Kind == TokenKind.Punct || (t[i].Lex is null && t[i].Kind == TokenKind.Word && !IsTriggerWord(i)))
            {
                i++;
                continue;
            }
            var found = Match(i);
            if (found is null)
            {
                i++;
                continue;
            }
            foreach (var f in found)
            {
                if (f.Blocked) continue;
                results.Add(Emit(f));
                Remember(f);
            }
            i = found[^1].End;
        }
        return results.ToImmutable();
    }

    private TimeExpression Emit(Found f)
    {
        int start = t[f.Start].Start, end = t[f.End - 1].End;
        DateInterval? interval = null;
        DatePrecision? precision = null;
        if (f.Calendar is { } cal && f.Type is TimexType.Date or TimexType.Time)
        {
            interval = cal.Narrow(f.Mod);
            precision = cal.Precision;
        }
        return new TimeExpression(new TextSpan(start, end), text[start..end], f.Type, f.Value!, f.Mod, interval, precision);
    }

    private void Remember(Found f)
    {
        if (f.Calendar is not { } cal || f.Type is not (TimexType.Date or TimexType.Time) || f.Comparison || f.Bound) return;
        // "On January 2, 2016, ... That night ...": a date told from the written one keeps its year's standing
        bool keepsYear = !f.ExplicitYear && referenceExplicit && reference is { } previous && previous.Year == cal.Year
            && cal.Unit is Unit.Day or Unit.Month;
        reference = cal;
        referenceSentence = sentenceOf[f.Start];
        if (keepsYear) return;
        // a report leads with the quarter it is about; later quarters are named for comparison
        if (cal.Unit == Unit.Quarter && reportQuarter is null && !Fiscal(f.Start, f.End))
        {
            reportQuarter = cal;
            reportQuarterSentence = referenceSentence;
        }
        referenceExplicit = f.ExplicitYear;
        int first = f.Start;
        while (first > 0 && sentenceOf[first - 1] == sentenceOf[f.Start]) first--;
        // a framing adverbial opens its sentence and is set off by a comma: "In 1950, ...", "Then, in 2012, ..."
        referenceFrames = f.Start - first <= 3 && W(f.Start - 1) is Word.In or Word.On or Word.During or Word.By or Word.After or Word.Before or Word.Until
            && P(f.End, ',');
    }

    /// <summary>A fiscal period ("the fiscal first quarter") is not the calendar's.</summary>
    private bool Fiscal(int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (W(k) == Word.Fiscal) return true;
        }
        return false;
    }

    private bool IsUrlStart(int i) =>
        t[i].Kind == TokenKind.Word && (Is(i, "http") || Is(i, "https")) && P(i + 1, ':') && Tight(i + 1) && P(i + 2, '/') && Tight(i + 2)
        || (Is(i, "www") && P(i + 1, '.') && Tight(i + 1));

    /// <summary>Words outside the lexicon that can still start an expression.</summary>
    private bool IsTriggerWord(int i)
    {
        var w = Span(i);
        return w.Length switch
        {
            1 => w[0] is 'Q' or 'q' or 'H',
            9 => w.Equals("christmas", StringComparison.OrdinalIgnoreCase) || w.Equals("halloween", StringComparison.OrdinalIgnoreCase),
            12 => w.Equals("thanksgiving", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    // ---- token helpers ----

    private ReadOnlySpan<char> Span(int i) => text.AsSpan(t[i].Start, t[i].Length);

    private bool Is(int i, string word) => i < n && i >= 0 && Span(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private Word W(int i) => i >= 0 && i < n && t[i].Lex is { } lex ? lex.Word : Word.None;

    private Lex? L(int i) => i >= 0 && i < n ? t[i].Lex : null;

    private bool P(int i, char c) => i >= 0 && i < n && t[i].Kind == TokenKind.Punct && text[t[i].Start] == c;

    /// <summary>Token <paramref name="i"/> touches the token before it (no space between).</summary>
    private bool Tight(int i) => i >= 0 && i < n && !t[i].Space;

    private bool IsNumber(int i) => i >= 0 && i < n && t[i].Kind == TokenKind.Number;

    private bool IsSentenceEnd(int i) => t[i].Kind == TokenKind.Punct && text[t[i].Start] is '.' or '!' or '?'
        && !(i > 0 && t[i - 1].Kind == TokenKind.Word && (t[i - 1].Length == 1 || (t[i - 1].Length <= 4 && t[i - 1].Lex is { Abbreviation: true } or { Month: > 0 } or { Weekday: > 0 })));

    private bool IsHyphen(int i) => i >= 0 && i < n && t[i].Kind == TokenKind.Punct && text[t[i].Start] is '-' or '\u2010' or '\u2011' or '\u2013';

    /// <summary>Token i is an apostrophe (straight or curly).</summary>
    private bool IsApostrophe(int i) => i >= 0 && i < n && t[i].Kind == TokenKind.Punct && text[t[i].Start] is '\'' or '\u2019';

    /// <summary>"'s" possessive at i: returns the index after it, or i.</summary>
    private int SkipPossessive(int i) => IsApostrophe(i) && Tight(i) && i + 1 < n && W(i + 1) == Word.S && Tight(i + 1) ? i + 2 : i;

    private int SkipThe(int i) => W(i) == Word.The ? i + 1 : i;

    private int SentenceOf(int i) => sentenceOf[Math.Clamp(i, 0, n - 1)];
}
