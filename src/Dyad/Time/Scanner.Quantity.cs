using System.Globalization;

namespace Dyad.Time;

internal sealed partial class Scanner
{
    /// <summary>
    /// Counted units: "five hours", "a month", "two-year", "more than two decades" (with the prefix), "the past three years",
    /// "the first nine months", "several years", "for years", "two years ago", "a year earlier", "weeks before", "recent years",
    /// "the coming weeks".
    /// </summary>
    private Found? Quantity(int i)
    {
        int start = i, j = i;
        bool the = W(j) == Word.The;
        if (the) j++;
        var qual = W(j);
        bool hasQual = qual is Word.Past or Word.Last or Word.Next or Word.Coming or Word.Previous or Word.Following or Word.Recent or Word.Latest
            || (L(j) is { Ordinal: 1 } && the);
        if (L(j) is { Ordinal: 1 }) qual = Word.First;
        if (hasQual) j++;
        if (the && !hasQual && !(W(j) is not (Word.A or Word.An) && Cardinal(j, false, false, out _, out _))) return null;
        int count = -1;
        bool counted = Cardinal(j, allowArticle: !the && !hasQual, allowVague: true, out int value, out int k);
        if (counted)
        {
            count = value;
            j = k;
        }
        if (counted && IsNumber(j - 1) && t[j - 1].Length == 4 && YearNumber(j - 1)) return null;
        // "5 1/2 hours", "two and a half years"
        bool half = counted && (HalfAt(j) || (W(j) == Word.And && W(j + 1) is Word.A && Is(j + 2, "half")));
        if (half) j += 3;
        bool adjectival = false;
        if (counted && IsHyphen(j) && Tight(j) && Tight(j + 1))
        {
            j++;
            adjectival = true;
            // "the 5-day visit": the article belongs to the noun, not to the duration
            if (the && !hasQual) start++;
        }
        // "two more weeks", "an additional year": what is added is still a span of that length
        if (counted && !adjectival && !half && (W(j) == Word.More || Is(j, "additional") || Is(j, "further") || Is(j, "extra"))
            && L(j + 1) is { Unit: not Unit.None and not Unit.Weekend }) j++;
        // "eight trading days", "three business days": the kind of day still counts days
        if (counted && !adjectival && (Is(j, "trading") || Is(j, "business") || Is(j, "working")) && L(j + 1) is { Unit: Unit.Day or Unit.Week }) j++;
        if (L(j) is not { Unit: not Unit.None } unitLex) return null;
        // "CBS's 60 Minutes": a capitalised unit inside a sentence is part of a name
        if (t[j].Upper && j > 0 && SentenceOf(j - 1) == SentenceOf(j) && !t[j - 1].Upper && !(start > 0 && SentenceOf(start - 1) != SentenceOf(start) && j == start + 1)) return null;
        var unit = unitLex.Unit;
        int end = j + 1;
        // "a minute and a half", "an hour and a half"
        if (counted && !half && !unitLex.Plural && W(end) == Word.And && W(end + 1) is Word.A && Is(end + 2, "half") && HalfDuration(count, unit) is not null)
        {
            half = true;
            end += 3;
        }
        // "a year-earlier loss": the comparison, read by the relative rule
        if (IsHyphen(end) && Tight(end) && W(end + 1) is Word.Earlier or Word.Ago) return null;
        // "a year-long probe": the article belongs to the noun; "a two-day-long visit": the length runs on
        bool isLong = IsHyphen(end) && Tight(end) && Is(end + 1, "long") && Tight(end + 1);
        if (isLong && !adjectival) return null;
        if (isLong) end += 2;
        // "a second betrayal": the ordinal, not the unit
        if (unit == Unit.Second && !unitLex.Plural && t[end < n ? end : j].Kind == TokenKind.Word && end < n && W(end) is not (Word.Later or Word.Earlier or Word.Ago or Word.Before or Word.After)) return null;
        // "$1.76 a year", "700 seats a week": a rate, not a span of time
        if (counted && W(start) is Word.A or Word.An && start > 0 && W(end) is not (Word.Ago or Word.Earlier or Word.Later or Word.Before or Word.After) && (IsNumber(start - 1) || P(start - 1, '%') || Is(start - 1, "million") || Is(start - 1, "billion") || Is(start - 1, "percent")))
            return null;
        // "a 6-year-old boy", "44 years old": an age, not a time
        if (IsHyphen(end) && Is(end + 1, "old") || Is(end, "old")) return null;
        // "three-quarters of", "a quarter of the vote": a fraction
        if (unit == Unit.Quarter && W(end) == Word.Of && count >= 0) return null;
        if (!counted)
        {
            if (!unitLex.Plural) return null;
            if (unit is Unit.Weekend) return null;
            // never the tail of a count read elsewhere ("30000 years ago")
            if (IsNumber(j - 1)) return null;
            // "recent years", "the coming weeks", "the past few years" (few handled by Cardinal), "for years", "weeks before"
            // "recent weeks", "recent months" span a stretch of time; "recent years" and "recent days" stand for the past
            if (qual is Word.Recent && unit is Unit.Week or Unit.Month) return new Found(start, end, TimexType.Duration, DurationValue(-1, unit));
            if (qual is Word.Recent) return Fixed(start, end, "PAST_REF");
            if (qual is Word.Coming or Word.Next or Word.Following && the) return Fixed(start, end, "FUTURE_REF");
            if (hasQual) return new Found(start, end, TimexType.Duration, DurationValue(-1, unit));
            var before = W(start - 1);
            bool context = before is Word.For or Word.Over or Word.Within
                || W(end) is Word.Ago or Word.Earlier or Word.Later or Word.Before or Word.After;
            if (before == Word.In && W(end) is Word.Ago) context = true;
            // "after months of talks", "the heady days of growth": a stretch of time filled with something
            if (W(end) == Word.Of && unit is not (Unit.Quarter or Unit.Second) && !t[j].Upper
                && before is not (Word.The or Word.This or Word.That or Word.These or Word.Those or Word.Early or Word.Late or Word.Or or Word.And)) context = true;
            if (!context) return null;
        }
        else if (!unitLex.Plural && count > 1 && !adjectival)
        {
            // "five year low": a bare singular after a number larger than one reads as an adjective
            if (t[j - 1].Kind == TokenKind.Number) return null;
        }
        if (counted && count == 0) return null;
        var after = W(end);
        if (!adjectival && !half)
        {
            // "a week or so ago": about that long ago
            if (count > 0 && after == Word.Or && Is(end + 1, "so") && W(end + 2) == Word.Ago)
                return Ago(start, end + 3, count, unit) is { } about ? about with { Mod = "APPROX" } : null;
            if (after == Word.Ago)
            {
                if (count < 0) return Fixed(start, end + 1, "PAST_REF");
                return Ago(start, end + 1, count, unit);
            }
            if (after is Word.Earlier or Word.Later || (after is Word.Before or Word.After && ClauseEnds(end + 1)))
            {
                int sign = after is Word.Earlier or Word.Before ? -1 : 1;
                if (unit == Unit.Year && sign < 0 && count == 1) return YearBefore(start, end + 1, 1);
                // "three days later", "a few days earlier": the span is the expression, "later" only its signal
                return new Found(start, end, TimexType.Duration, DurationValue(count, unit));
            }
            if (after == Word.Hence || (after == Word.From && W(end + 1) == Word.Now))
            {
                int stop = after == Word.Hence ? end + 1 : end + 2;
                if (dct is not { } d || count < 0) return Fixed(start, stop, "FUTURE_REF");
                return Dated(start, stop, CalendarValue.Containing(d, Coarse(unit)).Shift(count * Factor(unit), Coarse(unit)));
            }
        }
        if (qual == Word.Recent) return Fixed(start, end, "PAST_REF");
        if (qual is Word.Coming && count < 0) return Fixed(start, end, "FUTURE_REF");
        return new Found(start, end, TimexType.Duration, (half ? HalfDuration(count, unit) : null) ?? DurationValue(count, unit));
    }

    /// <summary>"a day-long meeting", "a decades-long battle": a unit made an adjective of length.</summary>
    private Found? LongAdjective(int i)
    {
        if (L(i) is not { Unit: not (Unit.None or Unit.Weekend) } lex || !IsHyphen(i + 1) || !Tight(i + 1) || !Is(i + 2, "long") || !Tight(i + 2)) return null;
        // "a two-day-long visit" is the count's, read by the quantity rule
        if (IsHyphen(i - 1) && Tight(i)) return null;
        return new Found(i, i + 3, TimexType.Duration, DurationValue(lex.Plural ? -1 : 1, lex.Unit));
    }

    /// <summary>"1/2" written tight after a whole number: tokens 1, /, 2.</summary>
    private bool HalfAt(int j) =>
        IsNumber(j) && t[j].Value == 1 && t[j].Length == 1 && P(j + 1, '/') && Tight(j + 1) && IsNumber(j + 2) && Tight(j + 2) && t[j + 2].Value == 2 && t[j + 2].Length == 1;

    /// <summary>A count and a half of a unit, in the next smaller unit: PT5H30M, P2Y6M, PT1M30S; null where the half is not whole.</summary>
    private static string? HalfDuration(int count, Unit unit)
    {
        if (count < 0) return null;
        string c = count.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            Unit.Hour => "PT" + c + "H30M",
            Unit.Minute => "PT" + c + "M30S",
            Unit.Day => "P" + c + "DT12H",
            Unit.Year => "P" + c + "Y6M",
            Unit.Decade => "P" + (count * 10 + 5).ToString(CultureInfo.InvariantCulture) + "Y",
            Unit.Century => "P" + (count * 100 + 50).ToString(CultureInfo.InvariantCulture) + "Y",
            _ => null,
        };
    }

    private static Unit Coarse(Unit unit) => unit switch
    {
        Unit.Decade or Unit.Century => Unit.Year,
        Unit.Hour or Unit.Minute or Unit.Second => Unit.Day,
        Unit.Fortnight => Unit.Week,
        _ => unit,
    };

    private static int Factor(Unit unit) => unit switch
    {
        Unit.Decade => 10,
        Unit.Century => 100,
        Unit.Fortnight => 2,
        Unit.Hour or Unit.Minute or Unit.Second => 0,
        _ => 1,
    };

    private Found? Ago(int start, int end, int count, Unit unit)
    {
        if (dct is not { } d) return Fixed(start, end, "PAST_REF");
        if (unit == Unit.Year && count == 1) return YearBefore(start, end, 1);
        var coarse = Coarse(unit);
        return Dated(start, end, CalendarValue.Containing(d, coarse).Shift(-count * Factor(unit), coarse)) is { } found ? found with { Comparison = true } : null;
    }

    /// <summary>daily, weekly, annually, every day, each year, every Monday, per year, twice a week.</summary>
    private Found? SetRule(int i)
    {
        var w = W(i);
        string? simple = w switch
        {
            Word.Daily => "P1D",
            Word.Nightly => "P1D",
            Word.Weekly => "P1W",
            Word.Monthly => "P1M",
            Word.Annually or Word.Yearly => "P1Y",
            Word.Hourly => "PT1H",
            _ => null,
        };
        if (simple is not null) return Fixed(i, i + 1, simple, TimexType.Set);
        if (w is Word.Every or Word.Each or Word.Per)
        {
            int j = i + 1;
            int count = 1;
            if (w == Word.Every && Cardinal(j, false, false, out int c, out int k) && c > 1) { count = c; j = k; }
            if (L(j) is { Weekday: > 0 } wd && t[j].Upper && w != Word.Per)
                return WithPartOfDaySet(i, j + 1, "XXXX-WXX-" + wd.Weekday.ToString(CultureInfo.InvariantCulture));
            if (L(j) is { Unit: not Unit.None } u && (u.Plural == count > 1))
            {
                if (u.Unit == Unit.Weekend) return Fixed(i, j + 1, "XXXX-WXX-WE", TimexType.Set);
                return Fixed(i, j + 1, DurationValue(count, u.Unit), TimexType.Set);
            }
            if (L(j) is { Month: > 0 } m && t[j].Upper && !m.Abbreviation && w != Word.Per)
                return Fixed(i, j + 1, "XXXX-" + m.Month.ToString("D2", CultureInfo.InvariantCulture), TimexType.Set);
            return null;
        }
        if (w is Word.A or Word.An && L(i + 1) is { Unit: Unit.Day or Unit.Week or Unit.Month or Unit.Year or Unit.Hour, Plural: false } unit
            && (W(i - 1) == Word.Once || Is(i - 1, "twice") || Is(i - 1, "times"))
            && !(L(i + 2) is { Unit: not Unit.None }) && W(i + 2) is not (Word.Ago or Word.Earlier or Word.Later or Word.Of))
        {
            return Fixed(i, i + 2, DurationValue(1, unit.Unit), TimexType.Set);
        }
        return null;
    }

    private Found WithPartOfDaySet(int start, int end, string value) =>
        L(end) is { PartOfDay: { } pod } ? Fixed(start, end + 1, value + "T" + pod, TimexType.Set) : Fixed(start, end, value, TimexType.Set);

    /// <summary>"5 p.m.", "10:30 a.m.", "9:15", "noon", "midnight".</summary>
    private Found? Clock(int i)
    {
        string datePart = dct is { } d ? CalendarValue.OfDate(d).Value : "XXXX-XX-XX";
        var cal = dct is { } dd ? CalendarValue.OfDate(dd) : (CalendarValue?)null;
        if (W(i) is Word.Noon or Word.Midnight)
        {
            if (W(i - 1) is not (Word.At or Word.By or Word.Until or Word.Before or Word.After or Word.From or Word.To or Word.Since) && !(L(i + 1) is { Weekday: > 0 } or { Word: Word.Today or Word.Yesterday or Word.Tomorrow })) return null;
            int stop = i + 1;
            if (L(stop) is { Weekday: > 0 } && WeekdayAt(stop, out int wd, out int afterWd) && ResolveWeekday(wd, Relation.None, i, afterWd) is { } noonDay)
            {
                datePart = CalendarValue.OfDate(noonDay).Value;
                cal = CalendarValue.OfDate(noonDay);
                stop = afterWd;
            }
            return new Found(i, stop, TimexType.Time, datePart + (W(i) == Word.Noon ? "T12:00" : "T24:00"), null, cal);
        }
        if (!IsNumber(i) || t[i].Length > 2 || t[i].Value > 23) return null;
        int hour = t[i].Value, minute = 0, j = i + 1;
        bool colon = false;
        if (P(j, ':') && Tight(j) && IsNumber(j + 1) && Tight(j + 1) && t[j + 1].Length == 2 && t[j + 1].Value < 60)
        {
            minute = t[j + 1].Value;
            j += 2;
            colon = true;
        }
        int meridiem = 0;
        if (W(j) is Word.Am or Word.Pm) { meridiem = W(j) == Word.Am ? 1 : 2; j++; }
        else if (t.Length > j + 2 && t[j].Kind == TokenKind.Word && t[j].Length == 1 && text[t[j].Start] is 'a' or 'p' or 'A' or 'P'
                 && P(j + 1, '.') && Tight(j + 1) && Is(j + 2, "m") && Tight(j + 2))
        {
            meridiem = text[t[j].Start] is 'a' or 'A' ? 1 : 2;
            j += 3;
            if (P(j, '.') && Tight(j)) j++;
        }
        else if (Is(j, "o") && IsApostrophe(j + 1) && Is(j + 2, "clock")) { j += 3; meridiem = 3; }
        else if (!colon && W(j) == Word.In && W(j + 1) == Word.The && L(j + 2) is { PartOfDay: "MO" or "AF" or "EV" } part
                 && W(i - 1) is Word.At or Word.By or Word.Until or Word.Till or Word.Before or Word.After or Word.Around or Word.About or Word.From or Word.To)
        {
            // "at 4 in the morning", "around 8 in the evening"
            meridiem = part.PartOfDay == "MO" ? 1 : 2;
            j += 3;
        }
        if (meridiem == 0 && !colon) return null;
        if (!colon && meridiem == 0) return null;
        if (meridiem is 1 or 2 && hour is < 1 or > 12) return null;
        if (meridiem == 2 && hour < 12) hour += 12;
        if (meridiem == 1 && hour == 12) hour = 0;
        if (Is(j, "EST") || Is(j, "EDT") || Is(j, "GMT") || Is(j, "UTC") || Is(j, "PST") || Is(j, "PDT") || Is(j, "CST") || Is(j, "CDT")) j++;
        // "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6": the clock time on that date
        int dateAt = P(j, ',') ? j + 1 : j;
        if (L(dateAt) is { Month: > 0 } && MonthRule(dateAt) is [{ Calendar: { Unit: Unit.Day } onDate } dateFound])
        {
            datePart = onDate.Value;
            cal = onDate;
            j = dateFound.End;
        }
        // "9 a.m. Tuesday", "noon Thursday": the clock time on that day
        if (L(j) is { Weekday: > 0 } && WeekdayAt(j, out int weekday, out int afterDay) && ResolveWeekday(weekday, Relation.None, i, afterDay) is { } onDay)
        {
            datePart = CalendarValue.OfDate(onDay).Value;
            cal = CalendarValue.OfDate(onDay);
            j = afterDay;
        }
        else if (ParenthesisEnd(j) is int closed && L(closed) is { Weekday: > 0 } && WeekdayAt(closed, out int laterWeekday, out int afterLater)
                 && ResolveWeekday(laterWeekday, Relation.None, closed, afterLater) is { } laterDay)
        {
            // "10:35 a.m. (0735 GMT) Friday": the day after the aside is the clock time's, though it stays an expression of its own
            datePart = CalendarValue.OfDate(laterDay).Value;
            cal = CalendarValue.OfDate(laterDay);
        }
        else if (reference is { Unit: Unit.Day } onReference && SentenceOf(i) - referenceSentence is 0 or 1)
        {
            // a clock time alone is on the day the narrative is telling
            datePart = onReference.Value;
            cal = onReference;
        }
        return new Found(i, j, TimexType.Time, datePart + "T" + hour.ToString("D2", CultureInfo.InvariantCulture) + ":" + minute.ToString("D2", CultureInfo.InvariantCulture), null, cal);
    }

    /// <summary>The token after a short parenthesis opening at <paramref name="i"/> ("(0735 GMT)"), or null.</summary>
    private int? ParenthesisEnd(int i)
    {
        if (!P(i, '(')) return null;
        for (int k = i + 1; k < n && k <= i + 5; k++)
        {
            if (P(k, ')')) return k + 1;
        }
        return null;
    }

    /// <summary>Christmas, Christmas Eve, New Year's Day, Thanksgiving, Halloween, Easter.</summary>
    private Found? Holiday(int i)
    {
        int month, day, end;
        if (Is(i, "Christmas") && t[i].Upper)
        {
            month = 12; day = 25; end = i + 1;
            if (W(end) == Word.Eve && t[end].Upper) { day = 24; end++; }
            else if (L(end) is { Unit: Unit.Day, Plural: false } && t[end].Upper) end++;
        }
        else if (W(i) == Word.New && t[i].Upper && L(i + 1) is { Unit: Unit.Year, Plural: false } && t[i + 1].Upper && SkipPossessive(i + 2) > i + 2
                 && (L(SkipPossessive(i + 2)) is { Unit: Unit.Day } || W(SkipPossessive(i + 2)) == Word.Eve))
        {
            int k = SkipPossessive(i + 2);
            bool eve = W(k) == Word.Eve;
            month = eve ? 12 : 1; day = eve ? 31 : 1; end = k + 1;
        }
        else if (Is(i, "Halloween") && t[i].Upper) { month = 10; day = 31; end = i + 1; }
        else if (Is(i, "Thanksgiving") && t[i].Upper)
        {
            end = L(i + 1) is { Unit: Unit.Day, Plural: false } ? i + 2 : i + 1;
            int y = YearNumber(end) ? t[end].Value : YearFor(11, 25, i, end, Relation.None) ?? 0;
            if (y is < 1 or > 9999) return Fixed(i, end, "XXXX-11-XX");
            var first = new DateOnly(y, 11, 1);
            int offset = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
            var date = first.AddDays(offset + 21);
            if (YearNumber(end)) end++;
            return Dated(i, end, CalendarValue.OfDate(date), explicitYear: true);
        }
        else return null;
        int stop = end;
        int? year = null;
        bool explicitYear = false;
        if (YearNumber(stop)) { year = t[stop].Value; stop++; explicitYear = true; }
        year ??= YearFor(month, day, i, stop, Relation.None);
        return DayFound(i, stop, year, month, day, explicitYear);
    }
}
