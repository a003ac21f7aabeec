using System.Globalization;

namespace Dyad.Time;

internal sealed partial class Scanner
{
    // ---------- absolute dates ----------

    /// <summary>"September 13, 2023", "Sept. 30", "September 12-17, 2023", "July 2000", "February of 2022", "April".</summary>
    private Found[]? MonthRule(int i)
    {
        if (!MonthAt(i, out int month, out int j)) return null;
        if (DayNumber(j, out int day, out int k) && !YearNumber(j))
        {
            int? day2 = null;
            int k2 = k;
            if (IsHyphen(k) && DayNumber(k + 1, out int d2, out int k3) && d2 > day)
            {
                day2 = d2;
                k2 = k3;
            }
            // "on April 24 and 25": a second day of the same month, unless the number counts something ("April 24 and 25 people")
            else if (W(k) is Word.And or Word.Or && DayNumber(k + 1, out int d3, out int k4) && d3 > day && !YearNumber(k + 1)
                     && (ClauseEnds(k4) || YearNumber(k4)))
            {
                day2 = d3;
                k2 = k4;
            }
            int m = P(k2, ',') ? k2 + 1 : k2;
            int? year = null;
            int end = k2;
            if (YearNumber(m))
            {
                year = t[m].Value;
                end = m + 1;
            }
            bool explicitYear = year is not null;
            // "last Oct. 23", "next March 12": the word before the date says which side of the document date it lies
            year ??= YearFor(month, day, i, end, W(i - 1) switch { Word.Last => Relation.Last, Word.Next => Relation.Next, _ => Relation.None });
            if (day2 is { } second)
            {
                return [DayFound(i, k, year, month, day, explicitYear), DayFound(k + 1, end, year, month, second, explicitYear)];
            }
            return [DayFound(i, end, year, month, day, explicitYear)];
        }
        int y = W(j) == Word.Of || (P(j, ',') && YearNumber(j + 1)) ? j + 1 : j;
        if (YearNumber(y))
        {
            return [MonthFound(i, y + 1, t[y].Value, month, true)];
        }
        if (SpelledYear(y, out int spelled, out int spelledEnd)) return [MonthFound(i, spelledEnd, spelled, month, true)];
        // "June last year", "February this year", "April next year"
        if (W(j) is Word.This or Word.Last or Word.Next && L(j + 1) is { Unit: Unit.Year, Plural: false } && dct is { } d0)
        {
            int relYear = W(j) switch { Word.Last => d0.Year - 1, Word.Next => d0.Year + 1, _ => d0.Year };
            return [MonthFound(i, j + 2, relYear, month, false)];
        }
        var lex = t[i].Lex!;
        if (lex.Abbreviation) return null;
        if (lex.NeedsCapital && !MonthContext(i)) return null;
        int stop = SkipPossessive(j);
        return [MonthFound(i, stop, YearFor(month, 0, i, j, Relation.None), month, false)];
    }

    private bool MonthContext(int i)
    {
        var w = W(i - 1);
        if (w is Word.In or Word.Of or Word.Since or Word.Until or Word.Till or Word.By or Word.During or Word.From or Word.Through
            or Word.Between or Word.Early or Word.Late or Word.Mid or Word.Last or Word.Next or Word.This or Word.Before or Word.After
            or Word.Around or Word.Until or Word.Beginning or Word.End) return true;
        return IsHyphen(i - 1) && W(i - 2) == Word.Mid;
    }

    /// <summary>"13 September 2023", "the 13th of September".</summary>
    private Found? DayMonth(int i)
    {
        int j = SkipThe(i);
        if (!DayNumber(j, out int day, out int k)) return null;
        if (j > i && !(k > j + 1)) return null;
        if (W(k) == Word.Of) k++;
        if (!MonthAt(k, out int month, out int m)) return null;
        int y = P(m, ',') && YearNumber(m + 1) ? m + 1 : m;
        if (YearNumber(y)) return DayFound(i, y + 1, t[y].Value, month, day, true);
        return DayFound(i, m, YearFor(month, day, i, m, Relation.None), month, day, false);
    }

    /// <summary>"2023-09-13" and "9/13/2023".</summary>
    private Found? NumericDate(int i)
    {
        if (YearNumber(i) && IsHyphen(i + 1) && Tight(i + 1) && IsNumber(i + 2) && Tight(i + 2) && t[i + 2].Length == 2
            && IsHyphen(i + 3) && Tight(i + 3) && IsNumber(i + 4) && Tight(i + 4) && t[i + 4].Length == 2)
        {
            return DayFound(i, i + 5, t[i].Value, t[i + 2].Value, t[i + 4].Value, true);
        }
        if (IsNumber(i) && t[i].Value is >= 1 and <= 12 && t[i].Length <= 2 && P(i + 1, '/') && Tight(i + 1) && IsNumber(i + 2) && Tight(i + 2)
            && t[i + 2].Value is >= 1 and <= 31 && P(i + 3, '/') && Tight(i + 3) && IsNumber(i + 4) && Tight(i + 4) && t[i + 4].Length is 2 or 4)
        {
            int year = t[i + 4].Value;
            if (t[i + 4].Length == 2) year += year < 50 ? 2000 : 1900;
            return DayFound(i, i + 5, year, t[i].Value, t[i + 2].Value, true);
        }
        return null;
    }

    /// <summary>A year standing alone where the context says it is one: "in 1961", "since 2006", "2016 and 2017", "the year 2000", "fiscal 1989".</summary>
    private Found? YearRule(int i)
    {
        if (SpelledYear(i, out int spelled, out int spelledEnd)) return Dated(i, spelledEnd, CalendarValue.OfYear(spelled), explicitYear: true);
        if (W(i) == Word.The && L(i + 1) is { Unit: Unit.Year, Plural: false } && SpelledYear(i + 2, out spelled, out spelledEnd))
            return Dated(i, spelledEnd, CalendarValue.OfYear(spelled), explicitYear: true);
        int start = i, j = i;
        // "fiscal 1989"
        if (W(i) == Word.Fiscal && YearNumber(i + 1)) return Dated(i, i + 2, CalendarValue.OfYear(t[i + 1].Value), explicitYear: true);
        // "the 1988 period", "the 1988 quarter": the period being compared, in that year
        if (W(i) == Word.The && YearNumber(i + 1) && (W(i + 2) == Word.Period || L(i + 2) is { Unit: Unit.Quarter, Plural: false }))
        {
            int y = t[i + 1].Value;
            var value = reference is { Unit: Unit.Quarter } q && SentenceOf(i) - referenceSentence <= 2 ? new CalendarValue(Unit.Quarter, y, q.Sub)
                : ReportQuarter(i) is { } rq ? new CalendarValue(Unit.Quarter, y, rq.Sub) : CalendarValue.OfYear(y);
            return Dated(i, i + 3, value, explicitYear: true) is { } period ? period with { Comparison = true } : null;
        }
        if (W(j) == Word.The && L(j + 1) is { Unit: Unit.Year, Plural: false } && YearNumber(j + 2)) j += 2;
        else if (!YearNumber(j) || !YearContext(j)) return null;
        if (Tight(j + 1) && W(j + 1) == Word.S) return null;
        if (IsApostrophe(j + 1) && Tight(j + 1) && W(j + 2) == Word.S && Tight(j + 2) && !(L(j + 3) is { Unit: not Unit.None } || L(j + 3) is { Ordinal: > 0 })) return null;
        var year = Dated(start, j + 1, CalendarValue.OfYear(t[j].Value), explicitYear: true);
        return year is not null && W(start - 1) == Word.Since ? year with { Bound = true } : year;
    }

    /// <summary>A plural noun right after the number ("by 2000 votes", "for 1500 workers") makes it a count.</summary>
    private bool CountedNounFollows(int i) =>
        i + 1 < n && t[i + 1].Kind == TokenKind.Word && t[i + 1].Lex is null && !t[i + 1].Upper
        && Span(i + 1).EndsWith("s", StringComparison.OrdinalIgnoreCase) && !Is(i + 1, "was") && !Is(i + 1, "as") && !Is(i + 1, "has") && !Is(i + 1, "is");

    /// <summary>"nineteen ninety-six", "two thousand" (after "the year"), "two thousand and one".</summary>
    private bool SpelledYear(int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (L(i) is { Number: 19 or 18 } century && L(i + 1) is { Tens: > 0 })
        {
            if (!Cardinal(i + 1, false, false, out int rest, out end) || rest >= 100) return false;
            year = century.Number * 100 + rest;
            return true;
        }
        if (L(i) is { Number: 2 } && L(i + 1) is { Number: 1000 } && W(i - 1) != Word.A && (L(i - 1) is { Unit: Unit.Year } || W(i - 1) is Word.In or Word.Since or Word.Until or Word.By))
        {
            year = 2000;
            end = i + 2;
            int k = W(end) == Word.And ? end + 1 : end;
            if (L(k) is { Number: >= 1 and <= 19 } small && L(k)!.Tens == 0 && k > end) { year += small.Number; end = k + 1; }
            return true;
        }
        return false;
    }

    private bool YearContext(int i)
    {
        var w = W(i - 1);
        switch (w)
        {
            case Word.In or Word.Since or Word.During or Word.Until or Word.Till or Word.Early or Word.Late or Word.Mid or Word.Fiscal or Word.Calendar:
                return true;
            case Word.Of:
                return L(i - 2) is { Month: > 0 } or { Season: > 0 } or { Unit: not Unit.None }
                    || W(i - 2) is Word.End or Word.Beginning or Word.Start or Word.Middle or Word.Close or Word.Turn or Word.Half
                    || (i > 1 && t[i - 2].Kind == TokenKind.Word && t[i - 2].Upper && t[i - 2].Lex is null);
            case Word.For:
                return !CountedNounFollows(i);
            case Word.To or Word.And or Word.Or or Word.Through:
                return YearNumber(i - 2) || (P(i - 2, ',') && YearNumber(i - 3))
                    || (w is Word.To or Word.Through && ClauseEnds(i + 1) && !CountedNounFollows(i));
            case Word.By or Word.From or Word.Before or Word.After or Word.Around or Word.About or Word.Between or Word.At or Word.To or Word.Through:
                return !CountedNounFollows(i) && (w is not (Word.To or Word.Through) || ClauseEnds(i + 1));
            case Word.The or Word.A or Word.An or Word.That or Word.This:
                // "the 1996 Olympic bombing", "a 1971 convention": a year as a modifier, not a count ("the 2000 troops")
                return t[i].Value >= 1800 && i + 1 < n && t[i + 1].Kind == TokenKind.Word
                    && (t[i + 1].Upper || !Span(i + 1).EndsWith("s", StringComparison.OrdinalIgnoreCase));
        }
        if (i > 0 && (Is(i - 1, "into") || Is(i - 1, "due") || Is(i - 1, "his") || Is(i - 1, "her") || Is(i - 1, "its") || Is(i - 1, "their"))
            && (ClauseEnds(i + 1) || (i + 1 < n && t[i + 1].Kind == TokenKind.Word && !Span(i + 1).EndsWith("s", StringComparison.OrdinalIgnoreCase))))
            return true;
        if (W(i - 1) == Word.Of && i > 1 && t[i - 2].Upper && t[i - 2].Kind == TokenKind.Word) return true;
        if (Is(i - 1, "both") || Is(i - 1, "early") || Is(i - 1, "late")) return true;
        if (W(i - 1) == Word.S && IsApostrophe(i - 2)) return t[i].Value >= 1800 && !(i + 1 < n && t[i + 1].Kind == TokenKind.Word && t[i + 1].Lex is null && Span(i + 1).EndsWith("s", StringComparison.OrdinalIgnoreCase));
        if (L(i - 1) is { Unit: Unit.Year, Plural: false }) return true;
        if (IsHyphen(i - 1)) return W(i - 2) == Word.Mid || (Tight(i - 1) && YearNumber(i - 2)) || (Tight(i - 1) && (Is(i - 2, "post") || Is(i - 2, "pre")));
        if (L(i - 1) is { Season: > 0 } or { Month: > 0 }) return true;
        if (P(i - 1, ',') && YearNumber(i - 2)) return true;
        if (P(i - 1, '(') && P(i + 1, ')')) return true;
        if (IsApostrophe(i + 1) && Tight(i + 1) && W(i + 2) == Word.S) return true;
        if (i == 0 || SentenceOf(i - 1) != SentenceOf(i)) return P(i + 1, ',');
        return false;
    }

    /// <summary>"the 2000s", "1940s", "the '90s", "the nineties", "1990's".</summary>
    private Found? Decade(int i)
    {
        int start = i, j = SkipThe(i);
        int year;
        int end;
        if (IsNumber(j) && t[j].Length == 4 && t[j].Value % 10 == 0 && t[j].Value is >= 1000 and <= 2100)
        {
            if (W(j + 1) == Word.S && Tight(j + 1)) end = j + 2;
            else if (IsApostrophe(j + 1) && Tight(j + 1) && W(j + 2) == Word.S && Tight(j + 2)) end = j + 3;
            else return null;
            year = t[j].Value;
        }
        else if (IsApostrophe(j) && IsNumber(j + 1) && Tight(j + 1) && t[j + 1].Length == 2 && t[j + 1].Value % 10 == 0 && W(j + 2) == Word.S && Tight(j + 2))
        {
            int two = t[j + 1].Value;
            year = (dct is { } d && two <= d.Year % 100 ? d.Year / 100 * 100 : 1900) + two;
            end = j + 3;
        }
        else if (L(j) is { Decade: > 0 } lex && (j > i || W(j - 1) is Word.The or Word.Early or Word.Late || IsHyphen(j - 1)))
        {
            year = 1900 + lex.Decade;
            end = j + 1;
        }
        else return null;
        return Dated(start, end, CalendarValue.OfDecade(year), explicitYear: true);
    }

    /// <summary>"the 20th century", "the nineteenth century".</summary>
    private Found? Century(int i)
    {
        int start = i, j = SkipThe(i);
        int ordinal;
        if (IsNumber(j) && W(j + 1) == Word.Th && Tight(j + 1) && t[j].Value is >= 1 and <= 21)
        {
            ordinal = t[j].Value;
            j += 2;
        }
        else if (L(j) is { Ordinal: > 0 } o)
        {
            ordinal = o.Ordinal;
            j += 1;
        }
        else return null;
        if (IsHyphen(j)) j++;
        if (L(j) is not { Unit: Unit.Century, Plural: false }) return null;
        return Dated(start, j + 1, CalendarValue.OfCentury((ordinal - 1) * 100), explicitYear: true);
    }

    /// <summary>"summer 2022", "the spring of 1990", "in the fall".</summary>
    private Found? Season(int i, bool afterPrefix)
    {
        if (L(i) is not { Season: > 0 } lex) return null;
        int season = lex.Season;
        int j = i + 1;
        int y = W(j) == Word.Of ? j + 1 : j;
        if (YearNumber(y)) return SeasonFound(i, y + 1, t[y].Value, season, true);
        // "the winter of nineteen ninety-four"
        if (y > j && SpelledYear(y, out int spelled, out int spelledEnd)) return SeasonFound(i, spelledEnd, spelled, season, true);
        if (t[i].Upper && !(i == 0 || SentenceOf(i - 1) != SentenceOf(i))) return null;
        if (W(j) == Word.Of && W(j + 1) is Word.This or Word.Last or Word.Next && L(j + 2) is { Unit: Unit.Year })
        {
            var inner = Relative(j + 1, false);
            if (inner?.Calendar is { } yearValue) return SeasonFound(i, inner.End, yearValue.Year, season, false);
        }
        int back = W(i - 1) == Word.The ? i - 2 : i - 1;
        if (!afterPrefix && W(back) is not (Word.In or Word.During or Word.By or Word.Since or Word.Until or Word.Till or Word.Through or Word.Before or Word.After or Word.Over or Word.Early or Word.Late or Word.Mid))
            return null;
        int rep = season switch { 1 => 4, 2 => 7, 3 => 10, _ => 1 };
        int? year = YearFor(rep, 0, i, j, Relation.None);
        if (year is null) return Fixed(i, j, "XXXX-" + SeasonCode(season));
        return SeasonFound(i, j, year.Value, season, false);
    }

    private static string SeasonCode(int season) => season switch { 1 => "SP", 2 => "SU", 3 => "FA", _ => "WI" };

    private Found? SeasonFound(int start, int end, int year, int season, bool explicitYear) =>
        Dated(start, end, new CalendarValue(Unit.Season, year, season), explicitYear: explicitYear);

    /// <summary>"the third quarter", "third-quarter", "the first quarter of 2013", "Q1 2013", "the first half", "the quarter", "this year's third quarter".</summary>
    private Found? Quarter(int i)
    {
        int start = i, j = i;
        int? year = null;
        bool explicitYear = false;
        bool the = false;
        if (W(j) == Word.The) { the = true; j++; }
        if (W(j) is Word.This or Word.Last or Word.Next && L(j + 1) is { Unit: Unit.Year, Plural: false } && SkipPossessive(j + 2) > j + 2)
        {
            int y0 = dct?.Year ?? 0;
            if (dct is null) return null;
            year = W(j) switch { Word.This => y0, Word.Last => y0 - 1, _ => y0 + 1 };
            j = SkipPossessive(j + 2);
        }
        else if (YearNumber(j) && (SkipPossessive(j + 1) > j + 1 || (the && L(j + 1) is { Ordinal: >= 1 and <= 4 })))
        {
            year = t[j].Value;
            explicitYear = true;
            j = SkipPossessive(j + 1);
        }
        if (W(j) == Word.Fiscal) j++;
        // Q3, Q3 2013
        if (j < n && t[j].Kind == TokenKind.Word && t[j].Length == 1 && text[t[j].Start] is 'Q' or 'H' && IsNumber(j + 1) && Tight(j + 1)
            && t[j + 1].Value is >= 1 and <= 4 && (text[t[j].Start] == 'Q' || t[j + 1].Value <= 2))
        {
            bool half = text[t[j].Start] == 'H';
            int q = t[j + 1].Value;
            int end = j + 2;
            if (YearNumber(end)) { year = t[end].Value; explicitYear = true; end++; }
            year ??= QuarterYear(half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1, start, end);
            if (year is null) return null;
            return Dated(start, end, new CalendarValue(half ? Unit.Half : Unit.Quarter, year.Value, q), explicitYear: explicitYear);
        }
        int ordinal;
        if (L(j) is { Ordinal: >= 1 and <= 4 } o) { ordinal = o.Ordinal; j++; }
        else if (IsNumber(j) && W(j + 1) == Word.Th && Tight(j + 1) && t[j].Value is >= 1 and <= 4) { ordinal = t[j].Value; j += 2; }
        else if (W(j) == Word.Last && L(j + 1) is { Word: Word.Half }) { ordinal = 2; j++; }
        else if (the && (L(j) is { Unit: Unit.Quarter, Plural: false } || (W(j) is Word.Latest or Word.Current && (L(j + 1) is { Unit: Unit.Quarter, Plural: false } || (W(j) == Word.Latest && W(j + 1) == Word.Period)))))
        {
            bool current = W(j) == Word.Current;
            int end = W(j) is Word.Latest or Word.Current ? j + 2 : j + 1;
            if (IsHyphen(end)) return null;
            // "the latest quarter" is one already reported on: the report's quarter, not one still ahead that was named since
            bool latest = W(j) == Word.Latest;
            if (latest && ReportQuarter(start) is { } reported) return Dated(start, end, reported);
            if (reference is { Unit: Unit.Quarter } r && SentenceOf(start) - referenceSentence <= 3 && !current
                && !(latest && dct is { } dl && r.Last >= dl)) return Dated(start, end, r);
            if (!current && ReportQuarter(start) is { } report) return Dated(start, end, report);
            if (dct is not { } d) return null;
            var q = CalendarValue.OfQuarter(d);
            return Dated(start, end, current ? q : q.Shift(-1, Unit.Quarter));
        }
        else return null;
        if (IsHyphen(j) && Tight(j)) j++;
        bool isHalf = W(j) == Word.Half;
        if (!isHalf && L(j) is not { Unit: Unit.Quarter, Plural: false }) return null;
        if (isHalf && ordinal > 2) return null;
        int stop = j + 1;
        if (W(stop) == Word.Of)
        {
            int y = stop + 1;
            if (W(y) == Word.Fiscal) y++;
            if (YearNumber(y)) { year = t[y].Value; explicitYear = true; stop = y + 1; }
            else if (W(y) is Word.This or Word.Last or Word.Next or Word.The && L(y + 1) is { Unit: Unit.Year, Plural: false } && dct is { } d0)
            {
                year = W(y) switch { Word.Last => d0.Year - 1, Word.Next => d0.Year + 1, _ => d0.Year };
                stop = y + 2;
            }
        }
        else if (YearNumber(stop)) { year = t[stop].Value; explicitYear = true; stop++; }
        // "the last half of the '80s", "the first quarter of the century": a part of something longer than a year
        if (year is null && W(stop) == Word.Of && (Decade(stop + 1) is not null || Century(stop + 1) is not null || L(SkipThe(stop + 1)) is { Unit: Unit.Decade or Unit.Century })) return null;
        int firstMonth = isHalf ? (ordinal - 1) * 6 + 1 : (ordinal - 1) * 3 + 1;
        year ??= QuarterYear(firstMonth, start, stop);
        if (year is null) return Fixed(start, stop, isHalf ? $"XXXX-H{ordinal}" : $"XXXX-Q{ordinal}");
        return Dated(start, stop, new CalendarValue(isHalf ? Unit.Half : Unit.Quarter, year.Value, ordinal), explicitYear: explicitYear);
    }

    /// <summary>
    /// "for the year", "the full year", "the fiscal year", "the current fiscal year": the year being reported on;
    /// "last fiscal year", "the latest fiscal year", "next fiscal year": the one before or after it.
    /// </summary>
    private Found? FiscalYear(int i)
    {
        int j = W(i) == Word.The ? i + 1 : i;
        // "last fiscal year", "the latest fiscal year", "next fiscal year", "this fiscal year": the current one or one beside it
        int? shift = W(j) switch
        {
            Word.Last or Word.Latest or Word.Past or Word.Previous or Word.Prior => -1,
            Word.Next or Word.Coming => 1,
            Word.This or Word.Current => 0,
            _ => null,
        };
        if (shift is { } sh && W(j + 1) == Word.Fiscal && L(j + 2) is { Unit: Unit.Year, Plural: false } && !IsHyphen(j + 3))
        {
            if (dct is not { } dr) return Fixed(i, j + 3, sh < 0 ? "PAST_REF" : sh > 0 ? "FUTURE_REF" : "PRESENT_REF");
            return Dated(i, j + 3, CalendarValue.OfYear(dr.Year + sh));
        }
        if (W(i) != Word.The || W(i - 1) is not (Word.For or Word.In or Word.During or Word.Of)) return null;
        if (W(j) is Word.Full or Word.Current or Word.Whole or Word.Entire) j++;
        if (W(j) == Word.Fiscal) j++;
        if (L(j) is not { Unit: Unit.Year, Plural: false } || IsHyphen(j + 1)) return null;
        if (W(j + 1) is Word.Ended or Word.Ending) return new Found(i, j + 1, TimexType.Duration, "P1Y");
        if (dct is not { } d) return null;
        return Dated(i, j + 1, CalendarValue.OfYear(NarrativeYear(i) ?? d.Year));
    }

    private int? QuarterYear(int firstMonth, int start, int end)
    {
        if (NarrativeYear(start) is { } narrative) return narrative;
        if (dct is not { } d) return reference?.Year;
        // a quarter not yet begun is last year's unless the clause looks ahead: results are reported after the fact
        if (firstMonth > d.Month && TenseAround(start, end) != Tense.Future) return d.Year - 1;
        return d.Year;
    }
}
