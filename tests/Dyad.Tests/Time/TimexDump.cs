using System.Collections.Immutable;
using System.Globalization;
using Dyad.Time;

namespace Dyad.Tests.Time;

/// <summary>A compact, readable dump of time expressions: one line each, `DATE 3-16 "late July 2023" 2023-07 END 2023-07-21..2023-07-31`.</summary>
internal static class TimexDump
{
    public static string Of(ImmutableArray<TimeExpression> expressions) =>
        string.Join("\n", expressions.Select(Line));

    public static string Line(TimeExpression e)
    {
        var parts = new List<string>
        {
            e.Type.ToString().ToUpperInvariant(),
            e.Span.ToString(),
            "\"" + e.Text + "\"",
            e.Value,
        };
        if (e.Mod is not null) parts.Add(e.Mod);
        if (e.Interval is { } i) parts.Add(i.ToString());
        return string.Join(" ", parts);
    }

    public static DateOnly? Date(string? iso) =>
        iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
