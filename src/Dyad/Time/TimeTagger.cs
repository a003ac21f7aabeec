using System.Collections.Immutable;

namespace Dyad.Time;

/// <summary>
/// Finds time expressions in English text and normalises them to TIMEX3 values and calendar intervals, against the
/// document date and the running reference time of the narrative. Built once; immutable and thread-safe (all patterns
/// and vocabulary are static and frozen; each call allocates only its own state).
/// </summary>
public sealed class TimeTagger
{
    /// <summary>Time expressions of <paramref name="text"/>, sorted by start, with offsets into the text exactly as given.</summary>
    public ImmutableArray<TimeExpression> Tag(string text, DateOnly? documentDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        // a document date at the very edge of the calendar cannot anchor "next year" or "last winter": treat it as unknown
        if (documentDate is { Year: < 100 or > 9899 }) documentDate = null;
        return new Scanner(text, documentDate, cancellationToken).Run(cancellationToken);
    }

    /// <summary>Tags <paramref name="text"/> and keeps the result together with the reference time in force at each offset.</summary>
    public TimeAnnotations Annotate(string text, DateOnly? documentDate, CancellationToken cancellationToken = default) =>
        new(Tag(text, documentDate, cancellationToken), documentDate);
}

/// <summary>
/// The time expressions of one text and the reference time they establish: at any offset, the last dated expression
/// before it (the narrative's "now"), or the document date when the text has given none.
/// </summary>
public sealed class TimeAnnotations
{
    private readonly ImmutableArray<TimeExpression> dated;

    public TimeAnnotations(ImmutableArray<TimeExpression> expressions, DateOnly? documentDate)
    {
        Expressions = expressions;
        DocumentDate = documentDate;
        dated = [.. expressions.Where(e => e.Interval is not null)];
    }

    public ImmutableArray<TimeExpression> Expressions { get; }

    public DateOnly? DocumentDate { get; }

    /// <summary>The dated expression in force at <paramref name="offset"/>: the last one that starts at or before it, or null.</summary>
    public TimeExpression? ReferenceAt(int offset)
    {
        int lo = 0, hi = dated.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (dated[mid].Span.Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found < 0 ? null : dated[found];
    }

    /// <summary>The interval in force at <paramref name="offset"/>: that of <see cref="ReferenceAt"/>, else the document date's day.</summary>
    public DateInterval? IntervalAt(int offset) =>
        ReferenceAt(offset)?.Interval ?? (DocumentDate is { } d ? new DateInterval(d, d) : null);

    /// <summary>The first day of <see cref="IntervalAt"/>; fits the actor stage's <c>Func&lt;int, DateOnly?&gt;</c>.</summary>
    public DateOnly? DateAt(int offset) => IntervalAt(offset)?.Start;
}
