using System.Globalization;

namespace Dyad.Time;

internal enum Relation
{
    None,
    This,
    Last,
    Next,
}

internal sealed partial class Scanner
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The longest expression starting at token <paramref name="i"/>, possibly two (a day range), or null.</summary>
    private Found[]? Match(int i)
    {
        Found[]? best = Core(i, false);
        if (Prefix(i, out string? mod, out int next, out bool approx) && next < n)
        {
            var inner = Core(next, true);
            if (inner is { Length: 1 } && !inner[0].Blocked)
            {
                var f = inner[0];
                bool fits = approx
                    ? f.Type is TimexType.Duration or TimexType.Date
                    : f.Type is TimexType.Date or TimexType.Time && f.Calendar is not null || (mod is null && f.Type is TimexType.Date);
                if (fits)
                {
                    var combined = f with { Start = i, Mod = mod ?? f.Mod };
                    if (best is null || best[^1].End <= combined.End) best = [combined];
                }
            }
        }
        return best;
    }

    /// <summary>A modifier before an expression: early/late/mid, the beginning/middle/end of, about, more than, ...</summary>
    private bool Prefix(int i, out string? mod, out int next, out bool approx)
    {
        mod = null;
        approx = false;
        next = i;
        int j = i;
        if (W(j) == Word.The && W(j + 1) is Word.Early or Word.Late or Word.Mid or Word.Beginning or Word.Start or Word.End or Word.Middle or Word.Close) j++;
        switch (W(j))
        {
            case Word.Early:
                mod = "START";
                next = IsHyphen(j + 1) ? j + 2 : j + 1;
                return true;
            case Word.Late:
                mod = "END";
                next = IsHyphen(j + 1) ? j + 2 : j + 1;
                return true;
            case Word.Mid:
                mod = "MID";
                next = IsHyphen(j + 1) ? j + 2 : j + 1;
                return true;
            case Word.Beginning or Word.Start when W(j + 1) == Word.Of:
                mod = "START";
                next = j + 2;
                return true;
            case Word.Middle when W(j + 1) == Word.Of:
                mod = "MID";
                next = j + 2;
                return true;
            case Word.End or Word.Close when W(j + 1) == Word.Of:
                mod = "END";
                next = j + 2;
                return true;
            case Word.Earlier or Word.Later when W(j + 1) is Word.This or Word.That or Word.Today or Word.Yesterday or Word.Tomorrow || L(j + 1) is { Weekday: > 0 }:
                next = j + 1;
                return true;
            case Word.About or Word.Around or Word.Approximately or Word.Roughly when j == i:
                mod = "APPROX";
                approx = true;
                next = j + 1;
                return true;
            case Word.Some when j == i && IsNumber(j + 1):
                mod = "APPROX";
                approx = true;
                next = j + 1;
                return true;
            case Word.Nearly or Word.Almost when j == i:
                mod = "LESS_THAN";
                approx = true;
                next = j + 1;
                return true;
            case Word.Less when W(j + 1) == Word.Than:
                mod = "LESS_THAN";
                approx = true;
                next = j + 2;
                return true;
            case Word.More when W(j + 1) == Word.Than:
                mod = "MORE_THAN";
                approx = true;
                next = j + 2;
                return true;
            case Word.Over or Word.Under when j == i && (IsNumber(j + 1) || L(j + 1) is { Number: > 0 }):
                mod = W(j) == Word.Over ? "MORE_THAN" : "LESS_THAN";
                approx = true;
                next = j + 1;
                return true;
            case Word.At when W(j + 1) == Word.Least:
                mod = "EQUAL_OR_MORE";
                approx = true;
                next = j + 2;
                return true;
            case Word.Up when W(j + 1) == Word.To && (IsNumber(j + 2) || L(j + 2) is { Number: > 0 }):
                mod = "EQUAL_OR_LESS";
                approx = true;
                next = j + 2;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Every rule tried at <paramref name="i"/>; the one that reaches furthest wins.</summary>
    private Found[]? Core(int i, bool afterPrefix)
    {
        Found[]? best = null;
        void Take(Found? f)
        {
            if (f is not null && (best is null || f.End > best[^1].End)) best = [f];
        }
        var lex = t[i].Lex;
        if (t[i].Kind == TokenKind.Number)
        {
            Take(NumericDate(i));
            Take(YearRule(i));
            Take(Decade(i));
            Take(Century(i));
            Take(DayMonth(i));
            Take(Quarter(i));
            Take(Clock(i));
            var q = Quantity(i);
            Take(q);
            return best;
        }
        if (lex is { Month: > 0 })
        {
            var m = MonthRule(i);
            if (m is not null) best = m;
        }
        if (lex is { Weekday: > 0 }) Take(Weekday(i));
        if (lex is { Season: > 0 }) Take(Season(i, afterPrefix));
        if (lex is { Decade: > 0 } || lex?.Word == Word.The || t[i].Kind == TokenKind.Punct) Take(Decade(i));
        if (lex is not null)
        {
            if (lex.Ordinal > 0 || lex.Word is Word.The or Word.Fiscal or Word.Last or Word.This or Word.Next) Take(Quarter(i));
            if (lex.Word is Word.Last or Word.Latest or Word.Past or Word.Previous or Word.Prior or Word.Next or Word.Coming or Word.This or Word.Current) Take(FiscalYear(i));
            if (lex.Ordinal > 0 || lex.Word == Word.The) Take(Century(i));
            if (lex.Word != Word.None || lex.Unit == Unit.Year) Take(Deictic(i));
            if (lex.Word != Word.None || lex.Unit != Unit.None) Take(Relative(i, afterPrefix));
            if (lex.Number is 18 or 19 || lex.Word == Word.Fiscal) Take(YearRule(i));
            if (lex.Word == Word.The)
            {
                Take(YearRule(i));
                Take(FiscalYear(i));
                Take(DayMonth(i));
            }
            Take(Quantity(i));
            Take(LongAdjective(i));
            Take(SetRule(i));
            if (lex.Word is Word.Noon or Word.Midnight) Take(Clock(i));
        }
        else if (t[i].Kind == TokenKind.Word)
        {
            Take(Holiday(i));
            Take(Quarter(i));
        }
        if (lex is { Word: Word.New }) Take(Holiday(i));
        return best;
    }

    // ---------- numbers ----------

    private bool Cardinal(int i, bool allowArticle, bool allowVague, out int value, out int end)
    {
        value = 0;
        end = i;
        if (i >= n) return false;
        if (IsNumber(i))
        {
            if (t[i].Value < 0 || t[i].Length > 6) return false;
            value = t[i].Value;
            end = i + 1;
            return true;
        }
        var lex = t[i].Lex;
        if (lex is null) return false;
        if (lex.Number >= 0 && lex.Number < 100)
        {
            value = lex.Number;
            end = i + 1;
            if (lex.Tens > 0)
            {
                int k = IsHyphen(end) && Tight(end) ? end + 1 : end;
                if (L(k) is { Number: >= 1 and <= 9, Tens: 0 } ones)
                {
                    value += ones.Number;
                    end = k + 1;
                }
            }
            if (L(end) is { Number: 100 or 1000 } big && !IsHyphen(end))
            {
                value *= big.Number;
                end++;
            }
            return true;
        }
        if (lex.Number is 100 or 12 && i > 0 && W(i - 1) is Word.A)
        {
            value = lex.Number;
            end = i + 1;
            return true;
        }
        if (allowArticle && lex.Word is Word.A or Word.An)
        {
            if (W(i + 1) == Word.Few) { value = -1; end = i + 2; return allowVague; }
            if (W(i + 1) == Word.Couple && W(i + 2) == Word.Of) { value = 2; end = i + 3; return true; }
            if (L(i + 1) is { Number: 12 or 100 }) { value = L(i + 1)!.Number; end = i + 2; return true; }
            value = 1;
            end = i + 1;
            return true;
        }
        // "the next couple of years"
        if (lex.Word == Word.Couple && W(i + 1) == Word.Of && W(i - 1) is Word.Next or Word.Last or Word.Past or Word.Coming or Word.First)
        {
            value = 2;
            end = i + 2;
            return true;
        }
        if (allowVague && lex.Word is Word.Several or Word.Few or Word.Many)
        {
            value = -1;
            end = i + 1;
            return true;
        }
        return false;
    }

    /// <summary>A four-digit number that can be a year: 1000..2100, no grouping, not a clock time or a percentage.</summary>
    private bool YearNumber(int i) =>
        IsNumber(i) && t[i].Length == 4 && t[i].Value is >= 1000 and <= 2100
        && !(P(i + 1, ':') && Tight(i + 1)) && !P(i + 1, '%')
        && !(i + 1 < n && Tight(i + 1) && t[i + 1].Kind == TokenKind.Word && W(i + 1) != Word.S)
        && !(i > 0 && Tight(i) && (P(i - 1, '$') || P(i - 1, '#') || t[i - 1].Kind == TokenKind.Word && W(i - 1) != Word.Mid));

    private bool DayNumber(int i, out int day, out int end)
    {
        day = 0;
        end = i;
        if (!IsNumber(i) || t[i].Length > 2 || t[i].Value is < 1 or > 31) return false;
        if ((P(i + 1, ':') && Tight(i + 1) && IsNumber(i + 2) && Tight(i + 2)) || (P(i + 1, '.') && IsNumber(i + 2) && Tight(i + 2))) return false;
        day = t[i].Value;
        end = i + 1;
        if (W(end) == Word.Th && Tight(end)) end++;
        return true;
    }

    private bool MonthAt(int i, out int month, out int end)
    {
        month = 0;
        end = i;
        if (L(i) is not { Month: > 0 } lex || !t[i].Upper) return false;
        if (lex.Abbreviation && t[i].Length > 1 && char.IsUpper(text[t[i].Start + 1]) && t[i].Length < 3) return false;
        month = lex.Month;
        end = i + 1;
        if (lex.Abbreviation && P(end, '.') && Tight(end)) end++;
        return true;
    }

    private bool WeekdayAt(int i, out int weekday, out int end)
    {
        weekday = 0;
        end = i;
        if (L(i) is not { Weekday: > 0 } lex || !t[i].Upper) return false;
        weekday = lex.Weekday;
        end = i + 1;
        if (lex.Abbreviation)
        {
            if (!(P(end, '.') && Tight(end))) return false;
            end++;
        }
        return true;
    }

    // ---------- tense and year resolution ----------

    /// <summary>
    /// The tense of the clause around tokens [start, end): the nearest auxiliary, modal or irregular past form in the same
    /// sentence (left preferred), else a regular past form right next to the expression, else None.
    /// </summary>
    private Tense TenseAround(int start, int end)
    {
        start = ModifierStart(start);
        if (W(start - 1) == Word.As && W(start - 2) is Word.Soon or Word.Early) return Tense.Future;
        // "since March": a starting point already passed, whatever the clause goes on to say
        if (W(start - 1) == Word.Since) return Tense.Past;
        // a deadline looks ahead unless an auxiliary says otherwise: "by Jan. 14", "extended until Tuesday"
        if (W(start - 1) is Word.Until or Word.Till || (W(start - 1) == Word.By && !IsPassive(start - 1)))
        {
            // "has given them until Tuesday": a present or perfect clause still looks ahead to its deadline
            var strong = ClauseTense(start, end, weakCues: false);
            return strong is Tense.None or Tense.Present ? Tense.Future : strong;
        }
        return ClauseTense(start, end, weakCues: true);
    }

    /// <summary>Where an expression starts once its modifiers are counted: "until [mid-November]", "by [the end of May]".</summary>
    private int ModifierStart(int start)
    {
        while (start > 0 && (W(start - 1) is Word.Mid or Word.Early or Word.Late or Word.The || IsHyphen(start - 1)
               || (W(start - 1) == Word.Of && W(start - 2) is Word.End or Word.Beginning or Word.Start or Word.Middle)
               || (W(start - 1) is Word.End or Word.Beginning or Word.Start or Word.Middle && W(start) == Word.Of)))
            start--;
        return start;
    }

    private Tense ClauseTense(int start, int end, bool weakCues)
    {
        int s = SentenceOf(start);
        Tense best = Tense.None;
        int distance = int.MaxValue;
        for (int k = start - 1; k >= 0 && k >= start - 12 && sentenceOf[k] == s; k--)
        {
            // an aside in parentheses shares the time of the clause it stands in: "will leave at 4 (4 a.m. Thursday)"
            if (ClauseBoundary(k) && !P(k, '(')) break;
            if (t[k].Kind != TokenKind.Word) continue;
            var cue = IsPassive(k) || AfterPresentAuxiliary(k) ? Tense.None : CueAt(k);
            if (cue == Tense.None && weakCues && start - k <= 4 && IsVerbPast(k) && !AfterPresentAuxiliary(k)) cue = Tense.Past;
            // "set to expire Nov. 6", "plans to visit in May": a near infinitive looks ahead; a far one
            // ("to mark the country's entry into NATO on Friday") belongs to another phrase
            if (cue == Tense.None && start - k <= 5 && W(k) == Word.To && k + 1 < start && t[k + 1].Kind == TokenKind.Word && t[k + 1].Lex is null && !t[k + 1].Upper)
            {
                // "had been due to expire Friday": the word that governs the infinitive may already place it in the past
                cue = k > 0 && t[k - 1].Kind == TokenKind.Word && CueAt(k - 1) == Tense.Past ? Tense.Past : Tense.Future;
            }
            if (cue != Tense.None) { best = cue; distance = start - k; break; }
        }
        for (int k = end; k < n && k < end + 12 && k - end + 1 < distance && sentenceOf[k] == s; k++)
        {
            if (t[k].Kind != TokenKind.Word) continue;
            // a reporting clause after the expression ("..., the company said") does not date it
            var cue = IsPassive(k) || AfterPresentAuxiliary(k) || Is(k, "said") || Is(k, "says") || Is(k, "told") ? Tense.None : CueAt(k);
            if (cue == Tense.None && weakCues && k - end <= 2 && IsVerbPast(k) && !AfterPresentAuxiliary(k)) cue = Tense.Past;
            if (cue != Tense.None) { best = cue; break; }
        }
        return best;
    }

    /// <summary>The tense word <paramref name="k"/> signals; "plan", "due", "expected" look ahead only before "to" or "for".</summary>
    private Tense CueAt(int k)
    {
        var cue = TenseCues.Of(Span(k));
        // "the plan", "its plans", "announced plans": a noun, not a verb that looks ahead
        if (cue == Tense.Future && (Is(k, "plan") || Is(k, "plans")) && (W(k - 1) is Word.The or Word.A or Word.An || Is(k - 1, "its") || Is(k - 1, "his") || Is(k - 1, "her")
            || Is(k - 1, "their") || Is(k - 1, "our") || Is(k - 1, "new") || (k > 0 && TenseCues.IsRegularPast(Span(k - 1))))) return Tense.None;
        // "has scheduled a news conference Thursday": a plan made now for later
        if (cue == Tense.Future && (Is(k, "scheduled") || Is(k, "planned")) && (Is(k - 1, "has") || Is(k - 1, "have"))) return Tense.Future;
        // "had been due to expire", "had planned to": a plan already in the past
        if (cue == Tense.Future && k > 0 && (Is(k - 1, "had") || (Is(k - 1, "been") && Is(k - 2, "had")))) return Tense.Past;
        if (cue == Tense.Future && (Is(k, "plan") || Is(k, "plans") || Is(k, "planned") || Is(k, "planning") || Is(k, "preparing") || Is(k, "due")
                || Is(k, "expected") || Is(k, "scheduled") || Is(k, "slated"))
            && !(W(k + 1) is Word.To or Word.For or Word.In or Word.On or Word.By or Word.At or Word.Until || L(k + 1) is { Month: > 0 } or { Weekday: > 0 }))
        {
            // "planned a rally", "is planning a visit": the thing arranged lies ahead
            return (Is(k, "planned") || Is(k, "planning") || Is(k, "scheduled")) && W(k + 1) is Word.A or Word.An ? Tense.Future : Tense.None;
        }
        // "were planning to", "was expected to": a plan reported in the past still looks ahead
        if (cue == Tense.Past && (Is(k, "was") || Is(k, "were")) && k + 1 < n && t[k + 1].Kind == TokenKind.Word && CueAt(k + 1) == Tense.Future) return Tense.Future;
        return cue;
    }

    /// <summary>A regular past form used as a verb: not after "be" ("must be returned"), not before its noun ("an unspecified date").</summary>
    private bool IsVerbPast(int k) =>
        TenseCues.IsRegularPast(Span(k)) && !IsPassive(k)
        && !(k + 1 < n && t[k + 1].Kind == TokenKind.Word && t[k + 1].Lex is null && !t[k + 1].Upper && !Span(k + 1).EndsWith("ly", StringComparison.Ordinal));

    /// <summary>Where a clause ends: a semicolon, a colon, a parenthesis, or a comma before a conjunction ("..., but in March").</summary>
    private bool ClauseBoundary(int k) =>
        t[k].Kind == TokenKind.Punct && (text[t[k].Start] is ';' or ':' or '(' or ')'
            || (text[t[k].Start] == ',' && k + 1 < n && (Is(k + 1, "but") || Is(k + 1, "while") || Is(k + 1, "although") || Is(k + 1, "though") || Is(k + 1, "whereas"))));

    /// <summary>
    /// A past participle after a present form of "be" ("is heard", "are held") is a present passive, not a past tense:
    /// the auxiliary before it gives the clause's tense.
    /// </summary>
    private bool AfterPresentAuxiliary(int k) =>
        k > 0 && (Is(k - 1, "is") || Is(k - 1, "are") || Is(k - 1, "am")) && TenseCues.Of(Span(k)) != Tense.Future;

    /// <summary>A participle after a form of "be" ("must be returned") says nothing about when.</summary>
    private bool IsPassive(int k) => k > 0 && (Is(k - 1, "be") || Is(k - 1, "been") || Is(k - 1, "being"));

    /// <summary>A recent reference with a written year, in this or the previous two sentences, that the narrative is speaking from.</summary>
    private int? NarrativeYear(int i)
    {
        if (reference is not { } r || !referenceExplicit || r.Unit is Unit.Decade or Unit.Century) return null;
        if (dct is { } d && r.Year >= d.Year) return null;
        int distance = SentenceOf(i) - referenceSentence;
        // a year that frames its sentence ("In 2012, ...", "Then, in 2012, ...") carries into the next ones told in the past
        if (distance == 0 || (distance <= 2 && referenceFrames && TenseAround(i, i + 1) != Tense.Future)) return r.Year;
        return null;
    }

    /// <summary>The year of a month (and day) written without one.</summary>
    private int? YearFor(int month, int day, int start, int end, Relation relation)
    {
        if (relation == Relation.None && NarrativeYear(start) is { } narrative)
        {
            // a day close to the document date outweighs a year told in an earlier sentence
            // a clause that looks ahead ("... in July 1997, will join on March 12") speaks from the document date, not from the story
            if ((day == 0 || SentenceOf(start) == referenceSentence || referenceFrames || dct is null || NearestYear(month, day, dct.Value, out _) > 60)
                && (dct is null || TenseAround(start, end) != Tense.Future)) return narrative;
        }
        if (dct is not { } d)
        {
            return reference is { } r && relation == Relation.None ? r.Year : null;
        }
        int y = d.Year;
        int cmp = month != d.Month ? month.CompareTo(d.Month) : day == 0 ? 0 : day.CompareTo(d.Day);
        switch (relation)
        {
            case Relation.This: return y;
            case Relation.Last: return cmp < 0 ? y : y - 1;
            case Relation.Next: return cmp > 0 ? y : y + 1;
        }
        // a day close to the document date is that one, whatever the tense: "extended to Nov. 20", "met on Oct. 30"
        if (day > 0 && NearestYear(month, day, d, out int nearest) <= 60) return nearest;
        int ahead = (month - d.Month + 12) % 12;
        // "gave it until mid-November", written in October: a deadline set lately runs to the coming month
        if (day == 0 && ahead is > 0 and <= 2 && W(ModifierStart(start) - 1) is Word.Until or Word.Till) return month > d.Month ? y : y + 1;
        var tense = TenseAround(start, end);
        if (tense == Tense.Past) return cmp <= 0 ? y : y - 1;
        if (tense == Tense.Future) return cmp >= 0 ? y : y + 1;
        // no tense: a month in the next quarter is ahead ("in January" written in November), any other behind
        if (ahead is > 0 and <= 3) return month > d.Month ? y : y + 1;
        return cmp <= 0 ? y : y - 1;
    }

    /// <summary>Days between the document date and the nearest year's <paramref name="month"/>/<paramref name="day"/>.</summary>
    private static int NearestYear(int month, int day, DateOnly d, out int year)
    {
        year = d.Year;
        int best = int.MaxValue;
        foreach (int candidate in new[] { d.Year - 1, d.Year, d.Year + 1 })
        {
            if (!CalendarValue.IsValidDay(candidate, month, day)) continue;
            int distance = Math.Abs(new DateOnly(candidate, month, day).DayNumber - d.DayNumber);
            if (distance < best) { best = distance; year = candidate; }
        }
        return best;
    }

    private static string MonthValue(int? year, int month) =>
        year is { } y ? string.Create(Invariant, $"{y:D4}-{month:D2}") : string.Create(Invariant, $"XXXX-{month:D2}");

    private Found MonthFound(int start, int end, int? year, int month, bool explicitYear) =>
        year is < 1 or > 9999 ? new Found(start, end, TimexType.Date, null)
        : year is { } y
            ? new Found(start, end, TimexType.Date, MonthValue(y, month), null, CalendarValue.OfMonth(y, month), explicitYear)
            : new Found(start, end, TimexType.Date, MonthValue(null, month));

    private Found DayFound(int start, int end, int? year, int month, int day, bool explicitYear)
    {
        if (year is { } y)
        {
            if (!CalendarValue.IsValidDay(y, month, day)) return new Found(start, end, TimexType.Date, null);
            return new Found(start, end, TimexType.Date, string.Create(Invariant, $"{y:D4}-{month:D2}-{day:D2}"), null, new CalendarValue(Unit.Day, y, month, day), explicitYear);
        }
        if (!CalendarValue.IsValidDay(2000, month, day)) return new Found(start, end, TimexType.Date, null);
        return new Found(start, end, TimexType.Date, string.Create(Invariant, $"XXXX-{month:D2}-{day:D2}"));
    }

    private static Found Fixed(int start, int end, string value, TimexType type = TimexType.Date) => new(start, end, type, value);

    private Found? Dated(int start, int end, CalendarValue value, string? mod = null, bool explicitYear = false)
    {
        if (!value.IsValid) return null;
        return new Found(start, end, TimexType.Date, value.Value, mod, value, explicitYear);
    }
}
