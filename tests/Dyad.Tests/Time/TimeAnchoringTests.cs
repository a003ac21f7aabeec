using Dyad.Time;

namespace Dyad.Tests.Time;

public class TimeAnchoringTests
{
    private static readonly TimeTagger Tagger = new();

    private static string Tag(string text, string? dct) => TimexDump.Of(Tagger.Tag(text, TimexDump.Date(dct)));

    [Theory]
    // a whole number and a half, written as a fraction or in words
    [InlineData("The rescue took 5 1/2 hours.", "1998-08-17", "DURATION 16-27 \"5 1/2 hours\" PT5H30M")]
    [InlineData("The talks went on for 2 1/2 years.", "1998-02-27", "DURATION 22-33 \"2 1/2 years\" P2Y6M")]
    [InlineData("He spoke for a minute and a half.", "1998-01-14", "DURATION 13-32 \"a minute and a half\" PT1M30S")]
    // the evening is named as a time of the day
    [InlineData("Shares fell Wednesday evening.", "2000-03-29", "DATE 12-29 \"Wednesday evening\" 2000-03-29TEV 2000-03-29..2000-03-29")]
    // recent weeks and months are a stretch of time; recent years stand for the past
    [InlineData("Sales slowed in recent months and recent years.", "1989-11-02",
        "DURATION 16-29 \"recent months\" PXM\nDATE 34-46 \"recent years\" PAST_REF")]
    // last before a month and day puts the date before the document date
    [InlineData("The doctor was shot last Oct. 23 at home.", "1999-04-19", "DATE 25-32 \"Oct. 23\" 1998-10-23 1998-10-23..1998-10-23")]
    // a clause that looks ahead is not dated by the year its sentence told earlier
    [InlineData("Signed in Madrid in July 1997, the pact will take effect on March 12.", "1999-02-27",
        "DATE 20-29 \"July 1997\" 1997-07 1997-07-01..1997-07-31\nDATE 60-68 \"March 12\" 1999-03-12 1999-03-12..1999-03-12")]
    // "the plan" is a noun: the past verb before it dates the day
    [InlineData("The thrift announced the plan Aug. 21.", "1989-11-06", "DATE 30-37 \"Aug. 21\" 1989-08-21 1989-08-21..1989-08-21")]
    // a plan that had been made looks back
    [InlineData("The offer had been due on Friday.", "1989-10-31", "DATE 26-32 \"Friday\" 1989-10-27 1989-10-27..1989-10-27")]
    // the previous Friday is the one before the Friday the story is on
    [InlineData("The index closed Friday, down from the previous Friday.", "1989-10-30",
        "DATE 17-23 \"Friday\" 1989-10-27 1989-10-27..1989-10-27\nDATE 35-54 \"the previous Friday\" 1989-10-20 1989-10-20..1989-10-20")]
    // a report compares with the quarter it opened on, a year back, though another quarter was named since
    [InlineData("Net rose in the third quarter. It came after a flat second quarter. Sales topped those of a year ago.", "1989-11-01",
        "DATE 12-29 \"the third quarter\" 1989-Q3 1989-07-01..1989-09-30\nDATE 52-66 \"second quarter\" 1989-Q2 1989-04-01..1989-06-30\nDATE 90-100 \"a year ago\" 1988-Q3 1988-07-01..1988-09-30")]
    // a day whose outcome is spoken of has passed, whatever the clause plans
    [InlineData("Lawyers would look for ways to fight Wednesday's ruling.", "2000-01-07", "DATE 37-48 \"Wednesday's\" 2000-01-05 2000-01-05..2000-01-05")]
    // a deadline looks ahead even from a clause in the perfect
    [InlineData("The agency has given the family until 9 a.m. Tuesday to sign.", "2000-04-03", "TIME 38-52 \"9 a.m. Tuesday\" 2000-04-04T09:00 2000-04-04..2000-04-04")]
    // since year-end: the last year-end already passed
    [InlineData("The index is up 12% since year-end.", "1989-10-30", "DATE 26-34 \"year-end\" 1988-12-31 1988-12-31..1988-12-31")]
    // the past decade is the span up to now; the last decade is the calendar's previous one
    [InlineData("Attacks became routine over the past decade, but the last decade began calmly.", "1998-10-25",
        "DURATION 28-43 \"the past decade\" P10Y\nDATE 49-64 \"the last decade\" 198 1980-01-01..1989-12-31")]
    // "three days later": the count is the expression, a span; "a year earlier" stays a date
    [InlineData("Three days later, talks resumed.", "1989-10-30", "DURATION 0-10 \"Three days\" P3D")]
    // a plan made now looks ahead
    [InlineData("The police have scheduled a news conference Thursday.", "1999-05-05", "DATE 44-52 \"Thursday\" 1999-05-06 1999-05-06..1999-05-06")]
    // a weekday is sent ahead by a near infinitive, not by a far one
    [InlineData("Crowds gathered to mark the country's entry into NATO on Friday.", "1999-03-13", "DATE 57-63 \"Friday\" 1999-03-12 1999-03-12..1999-03-12")]
    [InlineData("Talks are set to resume Monday in Belfast.", "1999-03-13", "DATE 24-30 \"Monday\" 1999-03-15 1999-03-15..1999-03-15")]
    public void Expressions_are_anchored_on_the_document_date_and_the_narrative(string text, string? dct, string expected)
    {
        Assert.Equal(expected, Tag(text, dct));
    }
}
