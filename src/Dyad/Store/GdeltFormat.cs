using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dyad.Store;

/// <summary>
/// A problem with one GDELT line: its 1-based number and what is wrong. <see cref="Skipped"/> is false for a line read
/// in spite of it (invalid UTF-8, read with U+FFFD in place of the bad bytes).
/// </summary>
public sealed record GdeltLineError(int Line, string Reason, bool Skipped = true);

/// <summary>
/// GDELT 2.0's event file layout: 61 tab-separated columns, no header. Export writes one line per event and import
/// reads lines back into events marked <see cref="EventOrigin.Gdelt"/>, keeping every column an event carries: an
/// imported event exports again as it came in, GLOBALEVENTID included. Dyad's own events are exported with the
/// store's id as GLOBALEVENTID, SOURCEURL their best citation URL (else the document name), and counts derived
/// from their evidences and citations. A date coarser than a day (a month, "the 1990s") is written as its first day,
/// with FractionDate at the middle of its span, which tells the precision back on import.
/// </summary>
public static class GdeltFormat
{
    public const int ColumnCount = 61;

    // Column positions in the 61-column layout.
    private const int GlobalEventId = 0, SqlDate = 1, MonthYear = 2, Year = 3, FractionDate = 4;
    private const int Actor1 = 5, Actor2 = 15; // Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3
    private const int IsRootEvent = 25, EventCode = 26, EventBaseCode = 27, EventRootCode = 28, QuadClass = 29, Goldstein = 30;
    private const int NumMentions = 31, NumSources = 32, NumArticles = 33, AvgTone = 34;
    private const int Actor1Geo = 35, Actor2Geo = 43, ActionGeo = 51; // Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID
    private const int DateAdded = 59, SourceUrl = 60;

    /// <summary>The precisions coarser than a day that FractionDate can carry, finest first, with their calendar units.</summary>
    private static readonly (string Name, Time.Unit Unit)[] Coarse =
    [
        ("week", Time.Unit.Week), ("month", Time.Unit.Month), ("quarter", Time.Unit.Quarter), ("season", Time.Unit.Season),
        ("year", Time.Unit.Year), ("decade", Time.Unit.Decade), ("century", Time.Unit.Century),
    ];

    /// <summary>
    /// One event as a GDELT line (no line break), or null when it has no date (GDELT requires one).
    /// <paramref name="globalEventId"/> (the store's id) is GLOBALEVENTID unless the event is GDELT's own, which keeps its id;
    /// <paramref name="dateAdded"/> is DATEADDED unless the event has its own.
    /// </summary>
    public static string? Format(long globalEventId, EventRow e, DateTimeOffset dateAdded)
    {
        if (e.DateStart is not { } date) return null;
        var c = new string[ColumnCount];
        Array.Fill(c, "");
        c[GlobalEventId] = Invariant(GdeltId(e) ?? globalEventId);
        c[SqlDate] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        c[MonthYear] = date.ToString("yyyyMM", CultureInfo.InvariantCulture);
        c[Year] = date.ToString("yyyy", CultureInfo.InvariantCulture);
        c[FractionDate] = Fraction(SpanOf(e) is { } span ? Middle(span) : date);
        WriteActor(c, Actor1, e.SourceActor, e.SourceText, e.SourceCountry, e.SourceCodes, e.Origin);
        WriteActor(c, Actor2, e.TargetActor, e.TargetText, e.TargetCountry, e.TargetCodes, e.Origin);
        c[IsRootEvent] = e.IsRootEvent == true ? "1" : "0";
        c[EventCode] = e.Cameo;
        c[EventBaseCode] = e.Cameo.Length > 3 ? e.Cameo[..3] : e.Cameo;
        c[EventRootCode] = e.Root;
        c[QuadClass] = e.QuadClass is { } q ? Invariant(q) : "";
        c[Goldstein] = e.Goldstein is { } g ? g.ToString("0.0##", CultureInfo.InvariantCulture) : "";
        c[NumMentions] = Invariant(e.NumMentions ?? Math.Max(1, e.Evidences.Length));
        c[NumSources] = Invariant(e.NumSources ?? Math.Max(1, e.Citations.Select(x => x.Outlet ?? x.Url).Distinct().Count()));
        c[NumArticles] = Invariant(e.NumArticles ?? Math.Max(1, e.Evidences.Select(x => x.Doc).Distinct().Count()));
        c[AvgTone] = e.AvgTone is { } tone ? Number(tone) : "";
        WritePlace(c, Actor1Geo, e.SourcePlace, null);
        WritePlace(c, Actor2Geo, e.TargetPlace, null);
        WritePlace(c, ActionGeo, e.LocationPlace, e.LocationText);
        c[DateAdded] = (e.DateAdded ?? dateAdded).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        // A GDELT SOURCEURL that is no URL (a source's name) came in as the citation's outlet.
        c[SourceUrl] = Clean(e.BestUrl ?? e.Doc ?? e.Citations.FirstOrDefault()?.Outlet ?? "");
        return string.Join('\t', c);
    }

    /// <summary>GDELT's own id of an imported GDELT event (its id is "gdelt-" and the GLOBALEVENTID), else null.</summary>
    private static long? GdeltId(EventRow e) =>
        e.Origin == EventOrigin.Gdelt && e.Id.StartsWith("gdelt-", StringComparison.Ordinal)
        && long.TryParse(e.Id.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;

    /// <summary>The calendar value an event's date is, when it is exactly one week, month ... century; null for days and other ranges.</summary>
    private static Time.CalendarValue? SpanOf(EventRow e)
    {
        if (e.DateStart is not { } start || Coarse.FirstOrDefault(p => p.Name == e.DatePrecision) is not { Name: not null } precision) return null;
        var value = Time.CalendarValue.Containing(start, precision.Unit);
        return value.First == start && value.Last == (e.DateEnd ?? start) ? value : null;
    }

    private static DateOnly Middle(Time.CalendarValue value) => DateOnly.FromDayNumber((value.First.DayNumber + value.Last.DayNumber) / 2);

    /// <summary>FractionDate of a day: the year and the part of it gone by, to four places.</summary>
    private static string Fraction(DateOnly day) => (day.Year + (day.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture);

    private static void WriteActor(string[] c, int at, string? code, string? name, string? country, ActorCodes? codes, EventOrigin origin)
    {
        c[at] = code ?? "";
        c[at + 1] = name is null ? "" : Clean(name);
        c[at + 2] = country ?? "";
        if (codes is not null)
        {
            (c[at + 3], c[at + 4], c[at + 5], c[at + 6], c[at + 7], c[at + 8], c[at + 9]) =
                (codes.KnownGroup ?? "", codes.Ethnic ?? "", codes.Religion1 ?? "", codes.Religion2 ?? "", codes.Type1 ?? "", codes.Type2 ?? "", codes.Type3 ?? "");
        }
        // The role part of a Dyad actor code (RUSGOV -> GOV) is its first type code; a GDELT event without codes had none.
        else if (origin == EventOrigin.Dyad && code is not null && country is not null && code.Length >= country.Length + 3 && code.StartsWith(country, StringComparison.Ordinal))
        {
            c[at + 7] = code.Substring(country.Length, 3);
        }
    }

    private static void WritePlace(string[] c, int at, EventPlace? place, string? name)
    {
        if (place is not null)
        {
            (c[at], c[at + 1], c[at + 2], c[at + 3], c[at + 4]) =
                (place.Type is { } t ? Invariant(t) : "", Clean(place.Name ?? ""), place.CountryCode ?? "", place.Adm1 ?? "", place.Adm2 ?? "");
            (c[at + 5], c[at + 6], c[at + 7]) = (place.Latitude is { } lat ? Number(lat) : "", place.Longitude is { } lon ? Number(lon) : "", place.FeatureId ?? "");
        }
        else if (name is not null)
        {
            c[at] = "4"; // a named place of unknown kind: GDELT's world city
            c[at + 1] = Clean(name);
        }
        else c[at] = "0";
    }

    /// <summary>Reads one GDELT 2.0 event line into an event, or says why it cannot.</summary>
    public static (EventRow? Event, string? Error) Parse(string line)
    {
        var c = line.TrimEnd('\r').Split('\t');
        if (c.Length != ColumnCount) return (null, $"expected {ColumnCount} tab-separated columns, found {c.Length}");
        if (!long.TryParse(c[GlobalEventId], NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return (null, $"GLOBALEVENTID {Quote(c[GlobalEventId])} is not a number");
        if (!DateOnly.TryParseExact(c[SqlDate], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return (null, $"SQLDATE {Quote(c[SqlDate])} is not a date (YYYYMMDD)");
        string code = c[EventCode];
        if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit)) return (null, $"EventCode {Quote(code)} is not a CAMEO code");
        string root = c[EventRootCode].Length == 2 && c[EventRootCode].All(char.IsAsciiDigit) ? c[EventRootCode] : code[..2];
        var fields = new Fields(c);
        int? quad = fields.Int(QuadClass, "QuadClass", 1, 4);
        double? goldstein = fields.Double(Goldstein, "GoldsteinScale", -10, 10);
        int? rootEvent = fields.Int(IsRootEvent, "IsRootEvent", 0, 1);
        int? mentions = fields.Int(NumMentions, "NumMentions"), sources = fields.Int(NumSources, "NumSources"), articles = fields.Int(NumArticles, "NumArticles");
        double? tone = fields.Double(AvgTone, "AvgTone", -100, 100);
        var sourcePlace = fields.Place(Actor1Geo, "Actor1Geo");
        var targetPlace = fields.Place(Actor2Geo, "Actor2Geo");
        var actionPlace = fields.Place(ActionGeo, "ActionGeo");
        DateTimeOffset? added = null;
        if (c[DateAdded].Length > 0)
        {
            if (!DateTime.TryParseExact(c[DateAdded], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
            {
                fields.Error ??= $"DATEADDED {Quote(c[DateAdded])} is not a time (YYYYMMDDHHMMSS)";
            }
            else added = new DateTimeOffset(when, TimeSpan.Zero);
        }
        if (fields.Error is { } error) return (null, error);
        // FractionDate at the middle of the week, month ... century that starts on SQLDATE is an export of a coarser date.
        var span = Coarse.Select(p => (p.Name, Value: Time.CalendarValue.Containing(date, p.Unit)))
            .FirstOrDefault(p => p.Value.First == date && c[FractionDate] == Fraction(Middle(p.Value)) && c[FractionDate] != Fraction(date));
        string url = c[SourceUrl];
        var citations = url.Length == 0 ? ImmutableArray<EventCitation>.Empty
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? [new EventCitation(null, null, null, null, url)]
                : [new EventCitation(null, url, null, null, null)];
        return (new EventRow
        {
            Id = "gdelt-" + Invariant(id),
            Origin = EventOrigin.Gdelt,
            CoderVersion = "gdelt",
            DateStart = span.Name is null ? date : span.Value.First,
            DateEnd = span.Name is null ? date : span.Value.Last,
            DateValue = span.Name is null ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : span.Value.Value,
            DatePrecision = span.Name ?? "day",
            SourceActor = Null(c[Actor1]),
            SourceText = Null(c[Actor1 + 1]),
            SourceCountry = Null(c[Actor1 + 2]),
            SourceCodes = Codes(c, Actor1),
            TargetActor = Null(c[Actor2]),
            TargetText = Null(c[Actor2 + 1]),
            TargetCountry = Null(c[Actor2 + 2]),
            TargetCodes = Codes(c, Actor2),
            Cameo = code,
            Root = root,
            Goldstein = goldstein,
            QuadClass = quad,
            IsRootEvent = rootEvent is { } r ? r == 1 : null,
            NumMentions = mentions,
            NumSources = sources,
            NumArticles = articles,
            AvgTone = tone,
            SourcePlace = sourcePlace,
            TargetPlace = targetPlace,
            LocationPlace = actionPlace,
            LocationText = Null(c[ActionGeo + 1]),
            DateAdded = added,
            Citations = citations,
        }, null);
    }

    /// <summary>An actor's attribute codes, or null when it has none.</summary>
    private static ActorCodes? Codes(string[] c, int at) =>
        Enumerable.Range(at + 3, 7).All(i => c[i].Length == 0) ? null
            : new ActorCodes(Null(c[at + 3]), Null(c[at + 4]), Null(c[at + 5]), Null(c[at + 6]), Null(c[at + 7]), Null(c[at + 8]), Null(c[at + 9]));

    /// <summary>The optional numeric and geographic columns of one line; the first malformed one is the line's error.</summary>
    private sealed class Fields(string[] c)
    {
        public string? Error { get; set; }

        public int? Int(int at, string name, int min = 0, int max = int.MaxValue)
        {
            if (c[at].Length == 0) return null;
            if (int.TryParse(c[at], NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max) return value;
            Error ??= max == int.MaxValue ? $"{name} {Quote(c[at])} is not a count" : $"{name} {Quote(c[at])} is not {min}-{max}";
            return null;
        }

        public double? Double(int at, string name, double min, double max)
        {
            if (c[at].Length == 0) return null;
            if (double.TryParse(c[at], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max) return value;
            Error ??= string.Create(CultureInfo.InvariantCulture, $"{name} {Quote(c[at])} is not a number from {min} to {max}");
            return null;
        }

        /// <summary>A geography of 8 columns; none when all are empty or only its type is given as 0 (GDELT's "no place").</summary>
        public EventPlace? Place(int at, string name)
        {
            if ((c[at].Length == 0 || c[at] == "0") && Enumerable.Range(at + 1, 7).All(i => c[i].Length == 0)) return null;
            return new EventPlace(Int(at, name + "_Type"), Null(c[at + 1]), Null(c[at + 2]), Null(c[at + 3]), Null(c[at + 4]),
                Double(at + 5, name + "_Lat", -90, 90), Double(at + 6, name + "_Long", -180, 180), Null(c[at + 7]));
        }
    }

    /// <summary>
    /// Reads a GDELT event file: the events of every good line, and each bad line's number and reason. Lines are read
    /// as bytes and decoded strictly, so that a line with invalid UTF-8 is reported (and read with U+FFFD in place of
    /// the bad bytes), not mended silently.
    /// </summary>
    public static IEnumerable<(EventRow? Event, GdeltLineError? Error)> Read(Stream stream)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var line = new MemoryStream();
        int number = 0;
        foreach (bool tooLong in Lines(stream, line))
        {
            number++;
            if (tooLong)
            {
                yield return (null, new GdeltLineError(number, string.Create(CultureInfo.InvariantCulture, $"line is longer than {MaxLine:N0} bytes, not a GDELT event")));
                continue;
            }
            var bytes = new ArraySegment<byte>(line.GetBuffer(), 0, (int)line.Length);
            if (number == 1 && bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
            if (bytes.Count == 0) continue;
            string? text = Decode(strict, bytes);
            if (text is null)
            {
                text = Encoding.UTF8.GetString(bytes);
                yield return (null, new GdeltLineError(number, "invalid UTF-8, read with U+FFFD in place of the bad bytes", Skipped: false));
            }
            var (row, error) = Parse(text);
            yield return row is not null ? (row, null) : (null, new GdeltLineError(number, error!));
        }
    }

    private static string? Decode(Encoding strict, ArraySegment<byte> bytes)
    {
        try
        {
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A field as messages show it: in quotes, cut to 200 characters.</summary>
    private static string Quote(string field) => field.Length <= 200 ? $"'{field}'" : $"'{field[..200]}…' ({field.Length:N0} characters)";

    /// <summary>The longest line read, in bytes: a GDELT 2.0 event line is one or two thousand.</summary>
    private const int MaxLine = 65_536;

    /// <summary>
    /// Splits the stream into lines (ended by \n, \r or \r\n): each line's bytes are in <paramref name="line"/> when its
    /// element comes; a line longer than <see cref="MaxLine"/> is read to its end but not kept (the element is true), so
    /// no line is held whole.
    /// </summary>
    private static IEnumerable<bool> Lines(Stream stream, MemoryStream line)
    {
        var chunk = new byte[65_536];
        bool tooLong = false, inLine = false, afterCr = false;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                byte b = chunk[i];
                if (afterCr)
                {
                    afterCr = false;
                    if (b == (byte)'\n') // the \n of a \r\n
                    {
                        start = i + 1;
                        continue;
                    }
                }
                if (b is not ((byte)'\n' or (byte)'\r'))
                {
                    inLine = true;
                    continue;
                }
                Append(line, chunk.AsSpan(start, i - start), ref tooLong);
                yield return tooLong;
                line.SetLength(0);
                (tooLong, inLine, afterCr, start) = (false, false, b == (byte)'\r', i + 1);
            }
            if (start < read) Append(line, chunk.AsSpan(start, read - start), ref tooLong);
        }
        if (inLine) yield return tooLong;
    }

    private static void Append(MemoryStream line, ReadOnlySpan<byte> bytes, ref bool tooLong)
    {
        if (tooLong) return;
        if (line.Length + bytes.Length > MaxLine)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }
        line.Write(bytes);
    }

    /// <summary>What GDELT's layout carries of an event: two events with equal projections are the same GDELT event.</summary>
    public static string Projection(EventRow e) => string.Join('|',
        e.DateStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.SourceActor, e.SourceText is null ? null : Clean(e.SourceText), e.SourceCountry,
        e.TargetActor, e.TargetText is null ? null : Clean(e.TargetText), e.TargetCountry, e.Cameo, e.Root,
        e.Goldstein?.ToString("0.0##", CultureInfo.InvariantCulture), e.QuadClass, e.LocationText is null ? null : Clean(e.LocationText),
        e.BestUrl ?? (e.Origin == EventOrigin.Gdelt ? e.Citations.FirstOrDefault()?.Outlet : e.Doc));

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char ch in text) builder.Append(ch is '\t' or '\n' or '\r' ? ' ' : ch);
        return builder.ToString();
    }

    private static string? Null(string text) => text.Length == 0 ? null : text;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in its shortest form that reads back the same ("-3.5", "38.9072").</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
