using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dyad.Store;

/// <summary>A GDELT line that could not be read: its 1-based line number and why.</summary>
public sealed record GdeltLineError(int Line, string Reason);

/// <summary>
/// GDELT 2.0's event file layout: 61 tab-separated columns, no header. Export writes one line per event
/// (GLOBALEVENTID is the store's event id, SOURCEURL the best citation URL, else the document name);
/// import reads lines back into events marked <see cref="EventOrigin.Gdelt"/>.
/// Geographic columns carry the place name only: GDELT's geo country codes are FIPS 10-4, which Dyad does not map.
/// </summary>
public static class GdeltFormat
{
    public const int ColumnCount = 61;

    // Column positions in the 61-column layout.
    private const int GlobalEventId = 0, SqlDate = 1, MonthYear = 2, Year = 3, FractionDate = 4;
    private const int Actor1 = 5, Actor2 = 15; // Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3
    private const int IsRootEvent = 25, EventCode = 26, EventBaseCode = 27, EventRootCode = 28, QuadClass = 29, Goldstein = 30;
    private const int NumMentions = 31, NumSources = 32, NumArticles = 33, AvgTone = 34;
    private const int ActionGeo = 51; // Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID
    private const int DateAdded = 59, SourceUrl = 60;

    /// <summary>One event as a GDELT line (no line break), or null when it has no date (GDELT requires one).</summary>
    public static string? Format(long globalEventId, EventRow e, DateTimeOffset dateAdded)
    {
        if (e.DateStart is not { } date) return null;
        var c = new string[ColumnCount];
        Array.Fill(c, "");
        c[GlobalEventId] = Invariant(globalEventId);
        c[SqlDate] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        c[MonthYear] = date.ToString("yyyyMM", CultureInfo.InvariantCulture);
        c[Year] = date.ToString("yyyy", CultureInfo.InvariantCulture);
        c[FractionDate] = (date.Year + (date.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture);
        WriteActor(c, Actor1, e.SourceActor, e.SourceText, e.SourceCountry);
        WriteActor(c, Actor2, e.TargetActor, e.TargetText, e.TargetCountry);
        c[IsRootEvent] = "0";
        c[EventCode] = e.Cameo;
        c[EventBaseCode] = e.Cameo.Length > 3 ? e.Cameo[..3] : e.Cameo;
        c[EventRootCode] = e.Root;
        c[QuadClass] = e.QuadClass is { } q ? Invariant(q) : "";
        c[Goldstein] = e.Goldstein is { } g ? g.ToString("0.0##", CultureInfo.InvariantCulture) : "";
        c[NumMentions] = Invariant(Math.Max(1, e.Evidences.Length));
        c[NumSources] = Invariant(Math.Max(1, e.Citations.Select(x => x.Outlet ?? x.Url).Distinct().Count()));
        c[NumArticles] = Invariant(Math.Max(1, e.Evidences.Select(x => x.Doc).Distinct().Count()));
        c[AvgTone] = "";
        c[Actor1 + 30] = "0"; // Actor1Geo_Type: no geography for actors
        c[Actor1 + 38] = "0"; // Actor2Geo_Type
        if (e.LocationText is not null)
        {
            c[ActionGeo] = "4";
            c[ActionGeo + 1] = Clean(e.LocationText);
        }
        else c[ActionGeo] = "0";
        c[DateAdded] = dateAdded.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        c[SourceUrl] = Clean(e.BestUrl ?? e.Doc ?? "");
        return string.Join('\t', c);
    }

    private static void WriteActor(string[] c, int at, string? code, string? name, string? country)
    {
        c[at] = code ?? "";
        c[at + 1] = name is null ? "" : Clean(name);
        c[at + 2] = country ?? "";
        // The role part of a CAMEO actor code (RUSGOV -> GOV) is its first type code.
        if (code is not null && country is not null && code.Length >= country.Length + 3 && code.StartsWith(country, StringComparison.Ordinal))
        {
            c[at + 7] = code.Substring(country.Length, 3);
        }
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
        int? quad = null;
        if (c[QuadClass].Length > 0)
        {
            if (!int.TryParse(c[QuadClass], NumberStyles.None, CultureInfo.InvariantCulture, out int q) || q is < 1 or > 4) return (null, $"QuadClass {Quote(c[QuadClass])} is not 1-4");
            quad = q;
        }
        double? goldstein = null;
        if (c[Goldstein].Length > 0)
        {
            if (!double.TryParse(c[Goldstein], NumberStyles.Float, CultureInfo.InvariantCulture, out double g) || g is < -10 or > 10) return (null, $"GoldsteinScale {Quote(c[Goldstein])} is not a number from -10 to 10");
            goldstein = g;
        }
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
            DateStart = date,
            DateEnd = date,
            DateValue = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision = "day",
            SourceActor = Null(c[Actor1]),
            SourceText = Null(c[Actor1 + 1]),
            SourceCountry = Null(c[Actor1 + 2]),
            TargetActor = Null(c[Actor2]),
            TargetText = Null(c[Actor2 + 1]),
            TargetCountry = Null(c[Actor2 + 2]),
            Cameo = code,
            Root = root,
            Goldstein = goldstein,
            QuadClass = quad,
            LocationText = Null(c[ActionGeo + 1]),
            Citations = citations,
        }, null);
    }

    /// <summary>Reads a GDELT event file: the events of every good line, and each bad line's number and reason.</summary>
    public static IEnumerable<(EventRow? Event, GdeltLineError? Error)> Read(TextReader reader)
    {
        int number = 0;
        var buffer = new StringBuilder();
        while (ReadLine(reader, buffer) is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            if (line.Length > MaxLine)
            {
                yield return (null, new GdeltLineError(number, string.Create(CultureInfo.InvariantCulture, $"line is longer than {MaxLine:N0} characters, not a GDELT event")));
                continue;
            }
            var (row, error) = Parse(line);
            yield return row is not null ? (row, null) : (null, new GdeltLineError(number, error!));
        }
    }

    /// <summary>A field as messages show it: in quotes, cut to 200 characters.</summary>
    private static string Quote(string field) => field.Length <= 200 ? $"'{field}'" : $"'{field[..200]}…' ({field.Length:N0} characters)";

    /// <summary>The longest line read: a GDELT 2.0 event line is one or two thousand characters.</summary>
    private const int MaxLine = 65_536;

    /// <summary>
    /// The next line (ended by \n, \r or \r\n), or null at the end; a line longer than <see cref="MaxLine"/> is read
    /// to its end but not kept, and comes back as <see cref="MaxLine"/> + 1 characters, so no line is held whole.
    /// </summary>
    private static string? ReadLine(TextReader reader, StringBuilder buffer)
    {
        buffer.Clear();
        int c = reader.Read();
        if (c < 0) return null;
        while (c >= 0 && c != '\n' && c != '\r')
        {
            if (buffer.Length <= MaxLine) buffer.Append((char)c);
            c = reader.Read();
        }
        if (c == '\r' && reader.Peek() == '\n') reader.Read();
        return buffer.ToString();
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
}
