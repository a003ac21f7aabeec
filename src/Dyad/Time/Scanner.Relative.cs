using System.Globalization;

namespace Dyad.Time;

internal sealed partial class Scanner
{
    private static string UnitCode(Unit unit) => unit switch
    {
        Unit.Second => "S",
        Unit.Minute => "M",
        Unit.Hour => "H",
        Unit.Day => "D",
        Unit.Week or Unit.Fortnight => "W",
        Unit.Weekend => "WE",
        Unit.Month => "M",
        Unit.Quarter => "Q",
        Unit.Half => "M",
        Unit.Season => "M",
        Unit.Decade => "DE",
        Unit.Century => "CE",
        _ => "Y",
    };

    /// <summary>P3Y, PT2H, P20Y for two decades, PXY for "several years".</summary>
    private static string DurationValue(int count, Unit unit)
    {
        bool clock = unit is Unit.Second or Unit.Minute or Unit.Hour;
        string prefix = clock ? "PT" : "P";
        if (count < 0) return prefix + "X" + UnitCode(unit);
        (int amount, string code) = unit switch
        {
            Unit.Decade => (count * 10, "Y"),
            Unit.Century => (count * 100, "Y"),
            Unit.Fortnight => (count * 2, "W"),
            Unit.Half => (count * 6, "M"),
            Unit.Season => (count * 3, "M"),
            _ => (count, UnitCode(unit)),
        };
        return prefix + amount.ToString(CultureInfo.InvariantCulture) + code;
    }

    private DateOnly? ResolveWeekday(int weekday, Relation relation, int start, int end)
    {
        if (dct is not { } d) return null;
        int dw = ((int)d.DayOfWeek + 6) % 7 + 1;
        int back = (dw - weekday + 7) % 7, ahead = (weekday - dw + 7) % 7;
        switch (relation)
        {
            case Relation.Last: return d.AddDays(-(back == 0 ? 7 : back));
            case Relation.Next: return d.AddDays(ahead == 0 ? 7 : ahead);
            case Relation.This: return d.AddDays(weekday - dw);
        }
        if (weekday == dw) return d;
        return TenseAround(start, end) == Tense.Future ? d.AddDays(ahead) : d.AddDays(-back);
    }

    /// <summary>"Friday", "Monday, Oct. 26", "Friday morning", "Friday's".</summary>
    private Found? Weekday(int i)
    {
        if (!WeekdayAt(i, out int weekday, out int j)) return null;
        int k = P(j, ',') ? j + 1 : j;
        if (MonthAt(k, out int month, out int afterMonth) && DayNumber(afterMonth, out int day, out int afterDay))
        {
            var full = MonthRule(k);
            if (full is { Length: 1 } && full[0].Value is not null && full[0].Calendar is { Unit: Unit.Day } cal)
            {
                // the weekday fixes the year when the text does not: the nearest year in which the day falls on it
                if (!full[0].ExplicitYear && dct is { } d)
                {
                    foreach (int y in new[] { d.Year, d.Year - 1, d.Year + 1 })
                    {
                        if (CalendarValue.IsValidDay(y, month, day) && ((int)new DateOnly(y, month, day).DayOfWeek + 6) % 7 + 1 == weekday)
                            return DayFound(i, full[0].End, y, month, day, false);
                    }
                }
                return full[0] with { Start = i };
            }
        }
        // "Wednesday's ruling": a day whose outcome is spoken of has already passed
        var date = SkipPossessive(j) > j && dct is { } dp && L(SkipPossessive(j)) is not { PartOfDay: not null }
            ? dp.AddDays(-((((int)dp.DayOfWeek + 6) % 7 + 1 - weekday + 7) % 7))
            : ResolveWeekday(weekday, Relation.None, i, j);
        return WithPartOfDay(i, SkipPossessive(j), date, "XXXX-WXX-" + weekday.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A day, optionally followed by a part of the day ("morning", "night"), as a DATE or a TIME.</summary>
    private Found? WithPartOfDay(int start, int end, DateOnly? date, string unknown)
    {
        string dayValue = date is { } d ? CalendarValue.OfDate(d).Value : unknown;
        if (L(end) is { PartOfDay: not null } && end == SkipPossessive(end))
        {
            // "Friday night": the day is what the narrative needs; the part of the day stays in the text, except the evening,
            // which news names as a time of its own ("Wednesday evening")
            if (L(end)!.PartOfDay == "EV")
                return date is { } de && Dated(start, end + 1, CalendarValue.OfDate(de)) is { } evening ? evening with { Value = evening.Value + "TEV" } : Fixed(start, end + 1, unknown + "TEV");
            return date is { } dd ? Dated(start, end + 1, CalendarValue.OfDate(dd)) : Fixed(start, end + 1, unknown);
        }
        return date is { } day ? Dated(start, end, CalendarValue.OfDate(day)) : Fixed(start, end, unknown);
    }

    /// <summary>today, yesterday, tonight, now, currently, recently, soon, the past, the future, the near future, at the moment.</summary>
    private Found? Deictic(int i)
    {
        var w = W(i);
        switch (w)
        {
            case Word.Today or Word.Yesterday or Word.Tomorrow:
                {
                    // "USA Today", "VOA Today": a capitalised day word after a name inside a sentence is part of the name
                    if (t[i].Upper && i > 0 && SentenceOf(i - 1) == SentenceOf(i) && t[i - 1].Kind == TokenKind.Word && t[i - 1].Upper && t[i - 1].Lex is null) return null;
                    var date = dct?.AddDays(w == Word.Yesterday ? -1 : w == Word.Tomorrow ? 1 : 0);
                    return WithPartOfDay(i, SkipPossessive(i + 1), date, w == Word.Today ? "PRESENT_REF" : "XXXX-XX-XX");
                }
            case Word.Tonight:
                return new Found(i, SkipPossessive(i + 1), TimexType.Time, (dct is { } d ? CalendarValue.OfDate(d).Value : "XXXX-XX-XX") + "TNI", null, dct is { } dd ? CalendarValue.OfDate(dd) : null);
            case Word.Now or Word.Currently or Word.Nowadays:
                return Fixed(i, i + 1, "PRESENT_REF");
            case Word.Current when L(i + 1) is not { Unit: not Unit.None } && W(i + 1) is not (Word.Fiscal or Word.Calendar):
                return W(i - 1) == Word.Then ? Fixed(i - 1, i + 1, "PAST_REF") : Fixed(i, i + 1, "PRESENT_REF");
            case Word.Recently or Word.Lately:
                return Fixed(i, i + 1, "PAST_REF");
            case Word.These when L(i + 1) is { Unit: Unit.Day, Plural: true }:
                return Fixed(i, i + 2, "PRESENT_REF");
            case Word.Present when W(i - 1) == Word.At:
                return Fixed(i, i + 1, "PRESENT_REF");
            case Word.The:
                {
                    int j = i + 1;
                    var adj = W(j);
                    if (adj is Word.Near or Word.Distant or Word.Recent or Word.Immediate) j++;
                    var head = W(j);
                    if (head == Word.Future) return Fixed(i, j + 1, "FUTURE_REF");
                    if (head == Word.Past && adj is not (Word.Near) && L(j + 1) is not { Unit: not Unit.None } && !Cardinal(j + 1, false, true, out _, out _) && W(j + 1) != Word.Few)
                        return Fixed(i, j + 1, "PAST_REF");
                    if (head == Word.Moment && W(i - 1) == Word.At && j == i + 1) return Fixed(i, j + 1, "PRESENT_REF");
                    if (head == Word.Present && j == i + 1 && W(i - 1) is Word.At or Word.To or Word.Until) return Fixed(i, j + 1, "PRESENT_REF");
                    if (head == Word.Time && W(j + 1) == Word.To && W(j + 2) == Word.Come) return Fixed(i, j + 3, "FUTURE_REF");
                    // "the near term", "the short term", "the long term"
                    if (j == i + 1 && (Is(j, "near") || Is(j, "short") || Is(j, "long")) && Is(j + 1, "term")) return Fixed(i, j + 2, "FUTURE_REF");
                    if (adj == Word.Near && Is(j, "term")) return Fixed(i, j + 1, "FUTURE_REF");
                    // "the weeks ahead", "over the years", "in the years that followed"
                    if (L(j) is { Unit: not Unit.None and not Unit.Weekend, Plural: true } u && j == i + 1)
                    {
                        if (Is(j + 1, "ahead")) return new Found(i, j + 2, TimexType.Duration, DurationValue(-1, u.Unit));
                        if (W(i - 1) is Word.Over or Word.Through) return new Found(i, j + 1, TimexType.Duration, DurationValue(-1, u.Unit));
                    }
                    return null;
                }
            case Word.A when Is(i + 1, "later") && (L(i + 2) is { Unit: Unit.Day, Plural: false } || W(i + 2) == Word.Time):
                return Fixed(i, i + 3, "FUTURE_REF");
            case Word.As when W(i + 1) == Word.Soon && W(i + 2) == Word.As && Is(i + 3, "possible"):
                return Fixed(i, i + 4, "FUTURE_REF");
            case Word.Future when W(i - 1) == Word.In:
                return Fixed(i, i + 1, "FUTURE_REF");
            default:
                // "by year end", "by year's end", "around year end": the end of the year, as "the end of the year" is
                if (L(i) is { Unit: Unit.Year, Plural: false } && W(i - 1) is Word.By or Word.At or Word.Around or Word.Before or Word.Until or Word.Till or Word.Through && dct is { } dy)
                {
                    int k = SkipPossessive(i + 1);
                    if (W(k) == Word.End) return Dated(W(i - 1) == Word.Around ? i - 1 : i, k + 1, CalendarValue.OfYear(dy.Year), "END");
                }
                return null;
        }
    }

    /// <summary>
    /// "last week", "this November", "next Friday", "last fall", "the following day", "that year", "the same month",
    /// "the previous year", "this morning", "the weekend", "year-end", "the year-earlier quarter".
    /// </summary>
    private Found? Relative(int i, bool afterPrefix)
    {
        int start = i, j = i;
        bool the = W(j) == Word.The;
        if (the) j++;
        var w = W(j);
        // year-earlier, year-ago
        if (L(j) is { Unit: Unit.Year, Plural: false } && IsHyphen(j + 1) && Tight(j + 1) && W(j + 2) is Word.Earlier or Word.Ago or Word.End && Tight(j + 2))
        {
            if (W(j + 2) == Word.End)
            {
                // "since year-end": the last one already passed
                int endYear = W(start - 1) == Word.Since && dct is { } ds && !(ds.Month == 12 && ds.Day == 31) ? ds.Year - 1 : NarrativeYear(i) ?? dct?.Year ?? 0;
                return dct is not null ? Dated(start, j + 3, CalendarValue.OfDate(new DateOnly(endYear, 12, 31))) : Fixed(start, j + 3, "XXXX-12-31");
            }
            int end = j + 3;
            bool quarter = false;
            if (L(end) is { Ordinal: >= 1 and <= 4 } && L(end + 1) is { Unit: Unit.Quarter }) { end += 2; quarter = true; }
            else if (L(end) is { Unit: Unit.Quarter or Unit.Month or Unit.Year, Plural: false } || W(end) == Word.Period)
            {
                quarter = L(end)!.Unit == Unit.Quarter && W(end) != Word.Period;
                end++;
            }
            // "the year-earlier quarter": the quarter reported on (the last one closed), a year back
            if (quarter && reference is not { Unit: Unit.Quarter } && dct is { } dq)
                return Dated(start, end, CalendarValue.OfQuarter(dq).Shift(-1, Unit.Quarter).Shift(-1, Unit.Year)) is { } f ? f with { Comparison = true } : null;
            return YearBefore(start, end, 1);
        }
        Relation relation;
        bool fromReference = false;
        switch (w)
        {
            case Word.This or Word.Current:
                relation = Relation.This;
                break;
            case Word.Last or Word.Past or Word.Previous or Word.Prior:
                relation = Relation.Last;
                fromReference = the && w is Word.Previous or Word.Prior;
                break;
            case Word.Next or Word.Coming or Word.Following:
                relation = Relation.Next;
                fromReference = the && w is Word.Next or Word.Following;
                break;
            case Word.Same or Word.That:
                relation = Relation.This;
                fromReference = true;
                if (w == Word.Same && !the) return null;
                break;
            default:
                relation = Relation.None;
                break;
        }
        // "This Week" as a title ("ABC's This Week") is a name
        if (w == Word.This && !the && t[j].Upper && j + 1 < n && t[j + 1].Upper && i > 0 && SentenceOf(i - 1) == SentenceOf(i)) return null;
        if (relation != Relation.None)
        {
            j++;
            if (w == Word.This && W(j) == Word.Past) j++;
        }
        else if (!(the || afterPrefix))
        {
            return null;
        }
        if (j >= n) return null;
        var lex = t[j].Lex;
        if (lex is null) return null;
        if (relation != Relation.None && !fromReference)
        {
            if (lex.Month > 0 && t[j].Upper && !lex.Abbreviation)
            {
                if (the) return null;
                int? year = YearFor(lex.Month, 0, start, j + 1, relation);
                return MonthFound(start, j + 1, year, lex.Month, false);
            }
            if (lex.Weekday > 0 && t[j].Upper && !lex.Abbreviation)
            {
                if (the) return null;
                var date = ResolveWeekday(lex.Weekday, relation, start, j + 1);
                return WithPartOfDay(start, j + 1, date, "XXXX-WXX-" + lex.Weekday.ToString(CultureInfo.InvariantCulture));
            }
            if (lex.Season > 0 && dct is { } ds)
            {
                var current = CalendarValue.OfSeason(ds);
                var s = current;
                int guard = 0;
                while (s.Sub != lex.Season && guard++ < 4) s = s.Shift(relation == Relation.Next ? 1 : relation == Relation.Last ? -1 : 1, Unit.Season);
                if (relation == Relation.Last && s == current) s = s.Shift(-4, Unit.Season);
                if (relation == Relation.This && s.Sub != current.Sub && s.First > ds && TenseAround(start, j + 1) == Tense.Past) s = s.Shift(-4, Unit.Season);
                return Dated(start, j + 1, s);
            }
            if (lex.PartOfDay is { } pod && !the && dct is { } dp)
            {
                var day = w is Word.Last && pod == "NI" ? dp.AddDays(-1) : dp;
                if (w is Word.Last && pod != "NI") return null;
                return new Found(start, j + 1, TimexType.Time, CalendarValue.OfDate(day).Value + "T" + pod, null, CalendarValue.OfDate(day));
            }
        }
        // "the previous Friday", "the following Monday": the weekday before or after the day the narrative is on
        if (fromReference && w is not (Word.Same or Word.That) && lex.Weekday > 0 && t[j].Upper && !lex.Abbreviation)
        {
            DateOnly? from = reference is { Unit: Unit.Day } rd ? rd.First : dct;
            if (from is not { } f) return Fixed(start, j + 1, "XXXX-WXX-" + lex.Weekday.ToString(CultureInfo.InvariantCulture));
            int sign = relation == Relation.Last ? -1 : 1;
            var day = f.AddDays(sign);
            while (((int)day.DayOfWeek + 6) % 7 + 1 != lex.Weekday) day = day.AddDays(sign);
            return WithPartOfDay(start, j + 1, day, "XXXX-WXX-" + lex.Weekday.ToString(CultureInfo.InvariantCulture));
        }
        // "the next morning", "that night", "the following evening": a part of the day before, on or after the narrative's day
        if (fromReference && lex.PartOfDay is not null && !lex.Plural && !Is(j, "overnight"))
        {
            DateOnly? from = reference is { Unit: Unit.Day } rd ? rd.First : dct;
            if (from is not { } f0) return null;
            int shift = w switch { Word.Previous or Word.Prior => -1, Word.Next or Word.Following => 1, _ => 0 };
            return WithPartOfDay(start, j, f0.AddDays(shift), "XXXX-XX-XX");
        }
        if (lex.Unit == Unit.None || lex.Plural) return null;
        var unit = lex.Unit;
        if (unit is Unit.Second or Unit.Minute or Unit.Hour or Unit.Fortnight) return null;
        int stop = j + 1;
        if (relation == Relation.None)
        {
            // "the weekend", "the day before", "the year" after a modifier
            if (unit == Unit.Weekend)
            {
                if (dct is not { } dw) return Fixed(start, stop, "XXXX-WXX-WE");
                var tense = TenseAround(start, stop);
                var day = dw;
                if (tense == Tense.Future) { while (day.DayOfWeek != DayOfWeek.Saturday) day = day.AddDays(1); }
                else { day = day.AddDays(-1); while (day.DayOfWeek != DayOfWeek.Saturday) day = day.AddDays(-1); }
                return Dated(start, stop, CalendarValue.OfWeek(day) with { Unit = Unit.Weekend });
            }
            if (W(stop) is Word.Before or Word.After && the && unit is Unit.Day or Unit.Week or Unit.Month or Unit.Year && ClauseEnds(stop + 1))
            {
                var anchor = Anchor(unit);
                return anchor is { } a ? Dated(start, stop + 1, a.Shift(W(stop) == Word.Before ? -1 : 1, unit)) : null;
            }
            // "the week of March 6": the week that holds the day
            if (unit == Unit.Week && the && W(stop) == Word.Of && L(stop + 1) is { Month: > 0 } && MonthRule(stop + 1) is [{ Calendar: { Unit: Unit.Day } weekDay } dayFound])
                return Dated(start, dayFound.End, CalendarValue.OfWeek(weekDay.First));
            if (afterPrefix && the)
            {
                if (unit == Unit.Day) return null;
                var anchor = dct is { } dd ? CalendarValue.Containing(dd, unit) : (CalendarValue?)null;
                if (NarrativeYear(i) is { } ny && unit == Unit.Year) anchor = CalendarValue.OfYear(ny);
                return anchor is { } a ? Dated(start, stop, a) : null;
            }
            return null;
        }
        if (fromReference)
        {
            var anchor = Anchor(unit);
            if (anchor is not { } a) return null;
            int shift = w switch { Word.Previous or Word.Prior => -1, Word.Next or Word.Following => 1, _ => 0 };
            return Dated(start, stop, shift == 0 ? a : a.Shift(shift, unit));
        }
        // "over the past decade": the span up to now, not the previous calendar decade
        if (w == Word.Past && unit is Unit.Decade or Unit.Century) return new Found(start, stop, TimexType.Duration, DurationValue(1, unit));
        if (dct is not { } dc)
        {
            return unit == Unit.Year ? Fixed(start, stop, relation == Relation.This ? "PRESENT_REF" : relation == Relation.Last ? "PAST_REF" : "FUTURE_REF") : null;
        }
        if (unit == Unit.Day) return null;
        if (unit == Unit.Weekend)
        {
            var sat = dc;
            while (sat.DayOfWeek != DayOfWeek.Saturday) sat = sat.AddDays(relation == Relation.Last ? -1 : 1);
            if (relation == Relation.Next && sat.DayNumber - dc.DayNumber < 7 && dc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) sat = sat.AddDays(7);
            return Dated(start, stop, CalendarValue.OfWeek(sat) with { Unit = Unit.Weekend });
        }
        var here = CalendarValue.Containing(dc, unit);
        int step = relation switch { Relation.Last => -1, Relation.Next => 1, _ => 0 };
        var value = step == 0 ? here : here.Shift(step, unit);
        // "this year's third quarter" is the quarter rule's
        if (SkipPossessive(stop) > stop && L(SkipPossessive(stop)) is { Ordinal: > 0 } or { Unit: Unit.Quarter }) return null;
        return Dated(start, stop, value);
    }

    /// <summary>The quarter being reported on, when the text opened on one of the document's year.</summary>
    private CalendarValue? ReportQuarter(int i)
    {
        if (reportQuarter is not { } q || SentenceOf(i) < reportQuarterSentence) return null;
        if (dct is { } d && !(q.Year == d.Year || (q.Year == d.Year - 1 && d.Month <= 3))) return null;
        return q;
    }

    private bool ClauseEnds(int i) => i >= n || t[i].Kind == TokenKind.Punct && text[t[i].Start] is '.' or ',' or ';' or ':' or ')' or '!' or '?' || W(i) is Word.And or Word.Or;

    /// <summary>The reference time at <paramref name="unit"/> granularity: the narrative's last date, else the document date.</summary>
    private CalendarValue? Anchor(Unit unit)
    {
        if (reference is { } r)
        {
            if (r.Unit == Unit.Day || unit is Unit.Year or Unit.Decade or Unit.Century || (unit == Unit.Month && r.Unit is Unit.Month or Unit.Week)
                || (unit == Unit.Quarter && r.Unit is Unit.Month or Unit.Quarter))
                return unit == r.Unit ? r : CalendarValue.Containing(r.First, unit);
            if (r.Unit == unit) return r;
        }
        return dct is { } d ? CalendarValue.Containing(d, unit) : null;
    }

    /// <summary>A year before the reference: "a year earlier", "year-ago", at the reference's own granularity when it is a quarter or month.</summary>
    private Found? YearBefore(int start, int end, int years)
    {
        // compared with the period just reported on, when that is a current one; else with the document's year
        bool current = reference is { } r0 && (dct is not { } d0 || r0.Year == d0.Year || (r0.Unit == Unit.Quarter && r0.Year == d0.Year - 1 && d0.Month <= 3));
        Found? found;
        // a report on a quarter compares it with the same quarter a year back, whatever was named since
        if (ReportQuarter(start) is { } q)
            found = Dated(start, end, q.Shift(-years, Unit.Year));
        else if (current && reference is { } r && r.Unit is Unit.Quarter or Unit.Half && SentenceOf(start) - referenceSentence <= 2)
            found = Dated(start, end, r.Shift(-years, Unit.Year));
        else if (current && reference is { } r1 && r1.Unit is Unit.Month or Unit.Day or Unit.Year && SentenceOf(start) - referenceSentence <= 2)
            found = Dated(start, end, r1.Shift(-years, Unit.Year));
        else if (dct is not { } d) return Fixed(start, end, "PAST_REF");
        else found = Dated(start, end, CalendarValue.OfYear(d.Year - years));
        return found is null ? null : found with { Comparison = true };
    }
}
