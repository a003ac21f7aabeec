using Dyad.Time;

namespace Dyad.Tests.Time;

/// <summary>
/// The seed brief (read from ../shared/seed at run time, never copied here), dated 2023-10-10: each case names an
/// expression by its words and which occurrence it is, and states its TIMEX3 value and calendar interval.
/// </summary>
public class SeedBriefTests
{
    private static readonly Lazy<(string Text, Dictionary<int, TimeExpression> ByStart)> Tagged = new(() =>
    {
        string text = File.ReadAllText(TestPaths.SeedBrief);
        var expressions = new TimeTagger().Tag(text, new DateOnly(2023, 10, 10));
        return (text, expressions.ToDictionary(e => e.Span.Start));
    });

    [Theory]
    // the month of the summit
    [InlineData("September 2023", 1, "DATE", "2023-09", null, "2023-09-01..2023-09-30")]
    // a full date
    [InlineData("September 13, 2023", 1, "DATE", "2023-09-13", null, "2023-09-13..2023-09-13")]
    // weeks before the meeting: a vague duration
    [InlineData("weeks", 1, "DURATION", "PXW", null, null)]
    // a day range: its first day takes the month and the year of the range
    [InlineData("September 12", 1, "DATE", "2023-09-12", null, "2023-09-12..2023-09-12")]
    // ... and its last day
    [InlineData("17, 2023", 1, "DATE", "2023-09-17", null, "2023-09-17..2023-09-17")]
    // month and year
    [InlineData("April 2019", 1, "DATE", "2019-04", null, "2019-04-01..2019-04-30")]
    // an adjectival duration
    [InlineData("5-day", 1, "DURATION", "P5D", null, null)]
    // late + month: its last third
    [InlineData("late July 2023", 1, "DATE", "2023-07", "END", "2023-07-21..2023-07-31")]
    // a full date in the body
    [InlineData("September 15, 2023", 1, "DATE", "2023-09-15", null, "2023-09-15..2023-09-15")]
    // hours
    [InlineData("five hours", 1, "DURATION", "PT5H", null, null)]
    // the middle of a decade
    [InlineData("the mid-1940s", 1, "DATE", "194", "MID", "1943-01-01..1946-12-31")]
    // "(now Russia)": the present
    [InlineData("now", 1, "DATE", "PRESENT_REF", null, null)]
    // years of the history
    [InlineData("1948", 1, "DATE", "1948", null, "1948-01-01..1948-12-31")]
    [InlineData("1950", 1, "DATE", "1950", null, "1950-01-01..1950-12-31")]
    [InlineData("1953", 1, "DATE", "1953", null, "1953-01-01..1953-12-31")]
    [InlineData("1961", 1, "DATE", "1961", null, "1961-01-01..1961-12-31")]
    [InlineData("1991", 1, "DATE", "1991", null, "1991-01-01..1991-12-31")]
    // "the year 2000"
    [InlineData("the year 2000", 1, "DATE", "2000", null, "2000-01-01..2000-12-31")]
    // July 2000
    [InlineData("July 2000", 1, "DATE", "2000-07", null, "2000-07-01..2000-07-31")]
    // a decade
    [InlineData("the 2000s", 1, "DATE", "200", null, "2000-01-01..2009-12-31")]
    [InlineData("December 2008", 1, "DATE", "2008-12", null, "2008-12-01..2008-12-31")]
    [InlineData("2012", 1, "DATE", "2012", null, "2012-01-01..2012-12-31")]
    // two years joined by "and"
    [InlineData("2016", 1, "DATE", "2016", null, "2016-01-01..2016-12-31")]
    [InlineData("2017", 1, "DATE", "2017", null, "2017-01-01..2017-12-31")]
    // early + year: January to April
    [InlineData("early 2020", 1, "DATE", "2020", "START", "2020-01-01..2020-04-30")]
    // at the moment
    [InlineData("the moment", 1, "DATE", "PRESENT_REF", null, null)]
    // month of year
    [InlineData("February of 2022", 1, "DATE", "2022-02", null, "2022-02-01..2022-02-28")]
    // mid + month without a year: the middle third of September of the document's year
    [InlineData("mid-September", 1, "DATE", "2023-09", "MID", "2023-09-11..2023-09-20")]
    // mid-year: May to August
    [InlineData("mid-2022", 1, "DATE", "2022", "MID", "2022-05-01..2022-08-31")]
    [InlineData("May 2022", 1, "DATE", "2022-05", null, "2022-05-01..2022-05-31")]
    // since 2006
    [InlineData("2006", 1, "DATE", "2006", null, "2006-01-01..2006-12-31")]
    // in the recent past
    [InlineData("the recent past", 1, "DATE", "PAST_REF", null, null)]
    // recently
    [InlineData("recently", 1, "DATE", "PAST_REF", null, null)]
    // the September summit, written as a possessive
    [InlineData("September's", 1, "DATE", "2023-09", null, "2023-09-01..2023-09-30")]
    // in the near future
    [InlineData("the near future", 1, "DATE", "FUTURE_REF", null, null)]
    // this November: the coming one
    [InlineData("this November", 1, "DATE", "2023-11", null, "2023-11-01..2023-11-30")]
    // for more than two decades
    [InlineData("more than two decades", 1, "DURATION", "P20Y", "MORE_THAN", null)]
    // June 2023, then "a year before" it
    [InlineData("June 2023", 1, "DATE", "2023-06", null, "2023-06-01..2023-06-30")]
    [InlineData("a year before", 1, "DATE", "2022-06", null, "2022-06-01..2022-06-30")]
    // two decades joined by "and"
    [InlineData("the 1940s", 1, "DATE", "194", null, "1940-01-01..1949-12-31")]
    [InlineData("1950s", 1, "DATE", "195", null, "1950-01-01..1959-12-31")]
    // in the time to come
    [InlineData("the time to come", 1, "DATE", "FUTURE_REF", null, null)]
    public void Seed_brief_expression_has_its_value_and_interval(string words, int occurrence, string type, string value, string? mod, string? interval)
    {
        var (text, byStart) = Tagged.Value;
        int start = -1;
        for (int k = 0; k < occurrence; k++)
        {
            start = text.IndexOf(words, start + 1, StringComparison.Ordinal);
            Assert.True(start >= 0, $"\"{words}\" occurs fewer than {occurrence} times in the seed brief");
        }
        Assert.True(byStart.TryGetValue(start, out var found), $"no time expression starts at \"{words}\" ({start})");
        Assert.Equal(words, found.Text);
        Assert.Equal(start + words.Length, found.Span.End);
        Assert.Equal(type, found.Type.ToString().ToUpperInvariant());
        Assert.Equal(value, found.Value);
        Assert.Equal(mod, found.Mod);
        Assert.Equal(interval, found.Interval?.ToString());
    }

    [Fact]
    public void Nothing_in_the_brief_s_web_addresses_is_tagged()
    {
        var (text, byStart) = Tagged.Value;
        foreach (var expression in byStart.Values)
        {
            int lineStart = text.LastIndexOf('\n', expression.Span.Start) + 1;
            int url = text.IndexOf("http", lineStart, expression.Span.Start - lineStart, StringComparison.Ordinal);
            if (url < 0) continue;
            int urlEnd = text.IndexOfAny([' ', '>', '\n'], url);
            Assert.False(expression.Span.Start < urlEnd, $"\"{expression.Text}\" at {expression.Span} lies inside a web address");
        }
    }
}
