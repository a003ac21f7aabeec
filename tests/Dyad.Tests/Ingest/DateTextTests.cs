using System.Globalization;
using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

public sealed class DateTextTests
{
    // Each case: a text and the dates found in it (yyyy-MM-dd, comma-separated; "" for none).
    [Theory]
    [InlineData("Posted: Mon, Dec 31 2007. 12:24 AM IST", "2007-12-31")]
    [InlineData("Sat, 29 Dec 15:58:00 2007", "2007-12-29")]
    [InlineData("Sat Dec 29 15:58:00 2007", "2007-12-29")]
    [InlineData("November 9th 2012", "2012-11-09")]
    [InlineData("Sunday 20 January, 2008 and 2008-01-19", "2008-01-20,2008-01-19")]
    [InlineData("February 30, 2023", "")]
    [InlineData("at 15:58 in 2007", "")]
    public void Written_dates_are_found(string text, string expected) =>
        Assert.Equal(expected, Show(DateText.FindAll(text)));

    [Theory]
    [InlineData("15 January 2008", DateText.Order.DayFirst)]
    [InlineData("January 15, 2008", DateText.Order.MonthFirst)]
    [InlineData("2008-01-15", DateText.Order.YearFirst)]
    public void A_written_date_says_its_order(string text, DateText.Order order) =>
        Assert.Equal(order, Assert.Single(DateText.FindAll(text)).Order);

    // Each case: a text, the page's convention (or none), and the numeric dates found.
    [Theory]
    [InlineData("Last Updated: 12:44am GMT 31/12/2007", null, "2007-12-31")]
    [InlineData("Last Updated: 1/14/08 11:15 AM ET", null, "2008-01-14")]
    [InlineData("Page (1) of 1 - 01/14/08", null, "2008-01-14")]
    [InlineData("Published: 15.01.2008", null, "2008-01-15")]
    [InlineData("2008/01/10", null, "2008-01-10")]
    [InlineData("05/05/2008", null, "2008-05-05")]
    [InlineData("08/01/2008 11:13", null, "")]
    [InlineData("08/01/2008 11:13", DateText.Order.DayFirst, "2008-01-08")]
    [InlineData("08/01/2008 11:13", DateText.Order.MonthFirst, "2008-08-01")]
    [InlineData("31/31/2008", null, "")]
    [InlineData("version 1.2.3.4, score 3-1-08-2", null, "")]
    [InlineData("14/01/99", null, "1999-01-14")]
    public void Numeric_dates_are_read_only_when_their_order_is_settled(string text, DateText.Order? convention, string expected) =>
        Assert.Equal(expected, Show(DateText.FindNumeric(text, convention)));

    [Fact]
    public void The_convention_is_asked_for_only_when_a_date_needs_it()
    {
        int asked = 0;
        DateText.Order? Convention()
        {
            asked++;
            return DateText.Order.DayFirst;
        }
        Assert.Equal("2007-12-31", Show(DateText.FindNumeric("31/12/2007", Convention)));
        Assert.Equal(0, asked);
        Assert.Equal("2008-01-08", Show(DateText.FindNumeric("08/01/2008", Convention)));
        Assert.Equal(1, asked);
    }

    private static string Show(IEnumerable<DateText.Found> found) =>
        string.Join(",", found.Select(f => f.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
