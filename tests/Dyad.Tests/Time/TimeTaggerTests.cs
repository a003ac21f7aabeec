using Dyad.Time;

namespace Dyad.Tests.Time;

public class TimeTaggerTests
{
    private static readonly TimeTagger Tagger = new();

    private static string Tag(string text, string? dct) => TimexDump.Of(Tagger.Tag(text, TimexDump.Date(dct)));

    [Theory]
    // a full date
    [InlineData("They met on September 13, 2023.", "2023-10-10", "DATE 12-30 \"September 13, 2023\" 2023-09-13 2023-09-13..2023-09-13")]
    // late + month + year: the last third of the month
    [InlineData("A delegation came in late July 2023.", "2023-10-10", "DATE 21-35 \"late July 2023\" 2023-07 END 2023-07-21..2023-07-31")]
    // mid-year: May to August
    [InlineData("Moreover, in mid-2022, it agreed.", "2023-10-10", "DATE 13-21 \"mid-2022\" 2022 MID 2022-05-01..2022-08-31")]
    // a decade with its article
    [InlineData("Sanctions held during the 2000s.", "2023-10-10", "DATE 22-31 \"the 2000s\" 200 2000-01-01..2009-12-31")]
    // this + month is the month of the document's year
    [InlineData("The commission will meet this November.", "2023-10-10", "DATE 25-38 \"this November\" 2023-11 2023-11-01..2023-11-30")]
    // a vague duration before an event
    [InlineData("Reports came out weeks before the meeting.", "2023-10-10", "DURATION 17-22 \"weeks\" PXW")]
    // the next day follows the narrative's last date
    [InlineData("He arrived on September 12, 2023. The next day he left.", "2023-10-10",
        "DATE 14-32 \"September 12, 2023\" 2023-09-12 2023-09-12..2023-09-12\nDATE 34-46 \"The next day\" 2023-09-13 2023-09-13..2023-09-13")]
    // more than two decades: twenty years, with the modifier
    [InlineData("It has been so for more than two decades.", "2023-10-10", "DURATION 19-40 \"more than two decades\" P20Y MORE_THAN")]
    // years in a historical narrative
    [InlineData("In 1950, war broke out. An armistice was reached in 1953.", "2023-10-10",
        "DATE 3-7 \"1950\" 1950 1950-01-01..1950-12-31\nDATE 52-56 \"1953\" 1953 1953-01-01..1953-12-31")]
    // last week as an ISO week
    [InlineData("Prices fell last week.", "2013-03-22", "DATE 12-21 \"last week\" 2013-W11 2013-03-11..2013-03-17")]
    // an ordinal quarter in the document's year
    [InlineData("Profit rose in the first quarter.", "2013-05-02", "DATE 15-32 \"the first quarter\" 2013-Q1 2013-01-01..2013-03-31")]
    // this summer
    [InlineData("Talks resume this summer.", "2013-05-02", "DATE 13-24 \"this summer\" 2013-SU 2013-06-01..2013-08-31")]
    // hours
    [InlineData("The meeting lasted two hours.", "2013-05-02", "DURATION 19-28 \"two hours\" PT2H")]
    // now, recently and the near future
    [InlineData("It is calm now; it was tense recently and may change in the near future.", "2013-05-02",
        "DATE 11-14 \"now\" PRESENT_REF\nDATE 29-37 \"recently\" PAST_REF\nDATE 56-71 \"the near future\" FUTURE_REF")]
    // a month without a year and without a document date cannot be placed
    [InlineData("Elections are held in November.", null, "DATE 22-30 \"November\" XXXX-11")]
    // a week of the year with the ISO number and its days
    [InlineData("Shares rose this week.", "2023-10-10", "DATE 12-21 \"this week\" 2023-W41 2023-10-09..2023-10-15")]
    // a century
    [InlineData("It was built in the 19th century.", "2023-10-10", "DATE 16-32 \"the 19th century\" 18 1800-01-01..1899-12-31")]
    // ago counts back from the document date at the unit's granularity
    [InlineData("The plant closed two years ago.", "1998-08-07", "DATE 17-30 \"two years ago\" 1996 1996-01-01..1996-12-31")]
    // a year earlier than the quarter just named
    [InlineData("Profit rose in the third quarter from a year earlier.", "1989-11-02",
        "DATE 15-32 \"the third quarter\" 1989-Q3 1989-07-01..1989-09-30\nDATE 38-52 \"a year earlier\" 1988-Q3 1988-07-01..1988-09-30")]
    // sets
    [InlineData("Flights leave daily and the board meets every Monday.", "2000-01-01",
        "SET 14-19 \"daily\" P1D\nSET 40-52 \"every Monday\" XXXX-WXX-1")]
    // a clock time on the document's day
    [InlineData("The polls close at 8 p.m. EST.", "2000-11-07", "TIME 19-29 \"8 p.m. EST\" 2000-11-07T20:00 2000-11-07..2000-11-07")]
    // a day range shares its month and year
    [InlineData("The visit lasted from September 12-17, 2023.", "2023-10-10",
        "DATE 22-34 \"September 12\" 2023-09-12 2023-09-12..2023-09-12\nDATE 35-43 \"17, 2023\" 2023-09-17 2023-09-17..2023-09-17")]
    // two days joined by "and" share their month and year; a number that counts something is no day
    [InlineData("The summit is on April 24 and 25. On April 24 and 25 people died. They met on May 3 and 4, 1998.", "1999-02-10",
        "DATE 17-25 \"April 24\" 1999-04-24 1999-04-24..1999-04-24\nDATE 30-32 \"25\" 1999-04-25 1999-04-25..1999-04-25\n"
        + "DATE 37-45 \"April 24\" 1999-04-24 1999-04-24..1999-04-24\nDATE 78-83 \"May 3\" 1998-05-03 1998-05-03..1998-05-03\n"
        + "DATE 88-95 \"4, 1998\" 1998-05-04 1998-05-04..1998-05-04")]
    // a spelled-out year as broadcast transcripts write it
    [InlineData("In nineteen ninety-six the law changed.", "1998-01-01", "DATE 3-22 \"nineteen ninety-six\" 1996 1996-01-01..1996-12-31")]
    public void Forms_of_the_issue_are_tagged_and_normalised(string text, string? dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Theory]
    // a number after a name is not a year ("Pay ABC 2000")
    [InlineData("Pay ABC 2000 dollars by cheque.", "2023-10-10", "")]
    // a clock time is not followed by a year read from the next number
    [InlineData("The train left at 9:15 with 815 people.", "2023-10-10", "TIME 18-22 \"9:15\" 2023-10-10T09:15 2023-10-10..2023-10-10")]
    // counts of things are not years even after "the"
    [InlineData("The 2000 troops went home.", "2023-10-10", "")]
    // money is not a year
    [InlineData("It cost $1999 in all.", "2023-10-10", "")]
    // a model number after a hyphen is not a year
    [InlineData("It bought Fateh-110 and Su-2000 jets.", "2023-10-10", "")]
    public void Numbers_between_1000_and_2100_are_years_only_where_the_text_says_so(string text, string? dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Theory]
    // past-tense news: Friday is the one just gone (DCT is a Wednesday)
    [InlineData("The minister resigned on Friday.", "2023-10-11", "DATE 25-31 \"Friday\" 2023-10-06 2023-10-06..2023-10-06")]
    // a future clause: the coming Friday
    [InlineData("The minister will resign on Friday.", "2023-10-11", "DATE 28-34 \"Friday\" 2023-10-13 2023-10-13..2023-10-13")]
    // a reported past with no other cue still looks back: the month already gone this year
    [InlineData("Officials said prices rose in March.", "2023-10-11", "DATE 30-35 \"March\" 2023-03 2023-03-01..2023-03-31")]
    // a deadline looks ahead even in a past-tense sentence
    [InlineData("The court ordered him home by Jan. 14.", "2000-01-06", "DATE 30-37 \"Jan. 14\" 2000-01-14 2000-01-14..2000-01-14")]
    // a month named after a past-tense verb in December of the following year is still behind
    [InlineData("Talks collapsed in December.", "2009-03-01", "DATE 19-27 \"December\" 2008-12 2008-12-01..2008-12-31")]
    // a participle after "is" is a present passive, not a past tense: the coming May
    [InlineData("The appeal is heard in May.", "2000-03-29", "DATE 23-26 \"May\" 2000-05 2000-05-01..2000-05-31")]
    // a plan reported in the past still looks ahead (DCT is a Friday)
    [InlineData("Exiles were planning to march on Monday.", "2000-01-07", "DATE 33-39 \"Monday\" 2000-01-10 2000-01-10..2000-01-10")]
    // an event that was planned lies ahead
    [InlineData("Unions planned a strike on Saturday.", "2000-01-07", "DATE 27-35 \"Saturday\" 2000-01-08 2000-01-08..2000-01-08")]
    // since a month: already passed, whatever the rest of the clause looks ahead to
    [InlineData("The ship has been at sea since March and was scheduled to return.", "1990-08-13", "DATE 31-36 \"March\" 1990-03 1990-03-01..1990-03-31")]
    // an infinitive governed by a plan already past looks back (DCT is a Monday)
    [InlineData("The offer had been due to expire Friday evening.", "1989-10-30", "DATE 33-47 \"Friday evening\" 1989-10-27TEV 1989-10-27..1989-10-27")]
    // a deadline given lately runs to the coming month, though the giving is past
    [InlineData("Officials gave the firm until mid-November to reply.", "1989-10-30", "DATE 30-42 \"mid-November\" 1989-11 MID 1989-11-11..1989-11-20")]
    // an aside in parentheses shares the tense of the clause it stands in (DCT is a Wednesday)
    [InlineData("The father will leave at dawn (4 a.m. EDT Thursday), Castro said.", "2000-04-05", "TIME 31-50 \"4 a.m. EDT Thursday\" 2000-04-06T04:00 2000-04-06..2000-04-06")]
    public void Tense_decides_under_specified_dates(string text, string? dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Theory]
    // year end is the end of the year, as "the end of the year" is
    [InlineData("Cuts are due by year end.", "1989-11-01", "DATE 16-24 \"year end\" 1989 END 1989-09-01..1989-12-31")]
    // a season of a spelled-out year
    [InlineData("Prices fell in the winter of nineteen ninety-four.", "1998-02-23", "DATE 19-49 \"winter of nineteen ninety-four\" 1994-WI 1994-12-01..1995-02-28")]
    // the kind of day between the count and the unit
    [InlineData("Shares recovered eight trading days later.", "1989-11-01", "DURATION 17-35 \"eight trading days\" P8D")]
    // a clock time takes the day named after an aside, which stays an expression of its own
    [InlineData("The blast came at 10:35 a.m. (0735 GMT) Friday.", "1998-08-08",
        "TIME 18-28 \"10:35 a.m.\" 1998-08-07T10:35 1998-08-07..1998-08-07\nDATE 40-46 \"Friday\" 1998-08-07 1998-08-07..1998-08-07")]
    // a clock time alone is on the day the narrative is telling, not the document's
    [InlineData("He was shot on Oct. 23, 1998. He died at 10 p.m. in his kitchen.", "1999-04-19",
        "DATE 15-28 \"Oct. 23, 1998\" 1998-10-23 1998-10-23..1998-10-23\nTIME 41-48 \"10 p.m.\" 1998-10-23T22:00 1998-10-23..1998-10-23")]
    // fiscal years named by their place beside the current one
    [InlineData("Sales rose in the latest fiscal year. Profit fell last fiscal year and will rise next fiscal year. This fiscal year is better.", "1989-10-26",
        "DATE 14-36 \"the latest fiscal year\" 1988 1988-01-01..1988-12-31\nDATE 50-66 \"last fiscal year\" 1988 1988-01-01..1988-12-31\n"
        + "DATE 81-97 \"next fiscal year\" 1990 1990-01-01..1990-12-31\nDATE 99-115 \"This fiscal year\" 1989 1989-01-01..1989-12-31")]
    // spans added to others: "more", "additional", "a couple of"
    [InlineData("Russia may keep a base there for at least 20 more years. It stays two more weeks, then an additional year. Over the next couple of years sales grow.", "1998-02-27",
        "DURATION 33-55 \"at least 20 more years\" P20Y EQUAL_OR_MORE\nDURATION 66-80 \"two more weeks\" P2W\n"
        + "DURATION 87-105 \"an additional year\" P1Y\nDURATION 112-136 \"the next couple of years\" P2Y")]
    // a stretch of time filled with something, but not a part of a day, a second unit joined by "or", or a fraction
    [InlineData("The deal follows months of talks and came after several quarters of losses. It died within weeks or months of his capture, in the early hours of Thursday, and three quarters of the vote went to him.", "1989-10-30",
        "DURATION 17-23 \"months\" PXM\nDURATION 48-64 \"several quarters\" PXQ\nDURATION 91-96 \"weeks\" PXW\n"
        + "DATE 145-153 \"Thursday\" 1989-10-26 1989-10-26..1989-10-26")]
    // the latest quarter is the one reported on, not one still ahead that was named since
    [InlineData("Travelers's third-quarter profit rose. It expects a fourth-quarter charge. Sales fell in the latest quarter.", "1989-11-02",
        "DATE 12-25 \"third-quarter\" 1989-Q3 1989-07-01..1989-09-30\nDATE 52-66 \"fourth-quarter\" 1989-Q4 1989-10-01..1989-12-31\n"
        + "DATE 89-107 \"the latest quarter\" 1989-Q3 1989-07-01..1989-09-30")]
    // parts of the day counted from the narrative's day
    [InlineData("The hearing was on Tuesday, Feb. 22. He appeared in court the next morning. That night he flew home. The following evening he spoke.", "2000-02-24",
        "DATE 19-35 \"Tuesday, Feb. 22\" 2000-02-22 2000-02-22..2000-02-22\nDATE 58-74 \"the next morning\" 2000-02-23 2000-02-23..2000-02-23\n"
        + "DATE 76-86 \"That night\" 2000-02-23 2000-02-23..2000-02-23\nDATE 101-122 \"The following evening\" 2000-02-24TEV 2000-02-24..2000-02-24")]
    // a half of a decade is no half of a year; a half of the year is
    [InlineData("Sales held in the last half of the '80s. Profit rose in the first half of the year.", "1989-10-27",
        "DATE 31-39 \"the '80s\" 198 1980-01-01..1989-12-31\nDATE 56-82 \"the first half of the year\" 1989-H1 1989-01-01..1989-06-30")]
    // lengths made adjectives with -long; the article belongs to the noun
    [InlineData("After their third day-long meeting in a decades-long battle and a year-long probe, a two-day-long visit followed. It lasted a year.", "2000-01-15",
        "DURATION 18-26 \"day-long\" P1D\nDURATION 40-52 \"decades-long\" PXDE\nDURATION 66-75 \"year-long\" P1Y\n"
        + "DURATION 85-97 \"two-day-long\" P2D\nDURATION 124-130 \"a year\" P1Y")]
    // clock hours told with the part of the day; a score in a morning session is no time
    [InlineData("The father will leave at 4 in the morning, and arrive around 8 in the evening. He scored 5 in the morning session.", "2000-04-05",
        "TIME 25-41 \"4 in the morning\" 2000-04-05T04:00 2000-04-05..2000-04-05\nTIME 61-77 \"8 in the evening\" 2000-04-05T20:00 2000-04-05..2000-04-05")]
    // about a week ago: the week before the document's, approximately
    [InlineData("Then, a week or so ago, the general picked a date.", "1991-02-25", "DATE 6-22 \"a week or so ago\" 1991-W08 APPROX 1991-02-18..1991-02-24")]
    public void Forms_of_news_reports_are_tagged_and_normalised(string text, string? dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Theory]
    // mid-February is the middle third of the month, not all of it
    [InlineData("He arrived in mid-February.", "2023-10-10", "DATE 14-26 \"mid-February\" 2023-02 MID 2023-02-11..2023-02-20")]
    // by the end of the year: the last third of the document's year, not July 1
    [InlineData("A deal is due by the end of the year.", "2023-03-10", "DATE 17-36 \"the end of the year\" 2023 END 2023-09-01..2023-12-31")]
    // early in a decade
    [InlineData("It grew in the early 1990s.", "2023-10-10", "DATE 11-26 \"the early 1990s\" 199 START 1990-01-01..1993-12-31")]
    public void Modifiers_narrow_the_interval(string text, string? dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Theory]
    // February 29 of a common year is rejected whole, not split into "Feb" and "2015"
    [InlineData("On Feb 29, 2015 nothing happened.", "2023-10-10", "")]
    // February 30 does not exist
    [InlineData("It was signed on February 30, 2023.", "2023-10-10", "")]
    // April 31 without a year does not exist either
    [InlineData("It was signed on April 31.", "2023-10-10", "")]
    // February 29 of a leap year is fine
    [InlineData("It was signed on February 29, 2024.", "2024-10-10", "DATE 17-34 \"February 29, 2024\" 2024-02-29 2024-02-29..2024-02-29")]
    public void Impossible_dates_get_no_annotation(string text, string? dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Theory]
    // lower-case "sun", "sat", "wed", "mon" are English words, not weekdays
    [InlineData("They sat in the sun and wed in a mon ami style.", "2023-10-10", "")]
    // "may" and "march" as a modal and a verb
    [InlineData("Protesters may march to the square.", "2023-10-10", "")]
    // "Jan" as a first name
    [InlineData("Jan Smith said so.", "2023-10-10", "")]
    // a capitalised unit inside a sentence belongs to a name
    [InlineData("He spoke on CBS's 60 Minutes about it.", "2023-10-10", "")]
    // "Today" in a name
    [InlineData("He writes for USA Today.", "2023-10-10", "")]
    // "Spring" as a proper name
    [InlineData("After the Arab Spring the region changed.", "2023-10-10", "")]
    // a six-year-old is an age, not a duration
    [InlineData("The 6-year-old boy stayed.", "2023-10-10", "")]
    public void Words_that_only_look_like_time_are_ignored(string text, string? dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Fact]
    public void Narrative_reference_time_places_a_month_in_the_year_just_told()
    {
        const string text = "In 1961, Kim signed a treaty. The pact remained intact till 1991. Then, in 2012, Moscow wrote off debt and in May it sent aid.";
        Assert.Equal(
            "DATE 3-7 \"1961\" 1961 1961-01-01..1961-12-31\n"
            + "DATE 60-64 \"1991\" 1991 1991-01-01..1991-12-31\n"
            + "DATE 75-79 \"2012\" 2012 2012-01-01..2012-12-31\n"
            + "DATE 110-113 \"May\" 2012-05 2012-05-01..2012-05-31",
            Tag(text, "2023-10-10"));
    }

    [Fact]
    public void A_year_that_frames_its_sentence_carries_into_the_next_past_tense_sentence()
    {
        const string text = "Then, in 2012, Moscow wrote off the debt. In May, it sent food aid.";
        Assert.Equal(
            "DATE 9-13 \"2012\" 2012 2012-01-01..2012-12-31\n"
            + "DATE 45-48 \"May\" 2012-05 2012-05-01..2012-05-31",
            Tag(text, "2023-10-10"));
    }

    [Fact]
    public void A_full_date_that_opens_its_sentence_gives_its_year_to_a_day_told_after_it_even_near_the_document_date()
    {
        // a brief dated February 2024 telling January 2016: "On January 3" is the day after the narrative's January 2
        const string text = "On January 2, 2016, the cleric was executed. That night protesters stormed the embassy. On January 3, the minister announced the break.";
        Assert.Equal(
            "DATE 3-18 \"January 2, 2016\" 2016-01-02 2016-01-02..2016-01-02\n"
            + "DATE 45-55 \"That night\" 2016-01-02 2016-01-02..2016-01-02\n"
            + "DATE 91-100 \"January 3\" 2016-01-03 2016-01-03..2016-01-03",
            Tag(text, "2024-02-12"));
    }

    [Fact]
    public void A_year_mentioned_in_passing_does_not_carry_into_the_next_sentence()
    {
        // news: the 1988 bombing is background; "in April" is this year's April
        const string text = "The suspects in the 1988 bombing were named. Libya agreed in April to hand them over.";
        Assert.Equal(
            "DATE 20-24 \"1988\" 1988 1988-01-01..1988-12-31\n"
            + "DATE 61-66 \"April\" 1999-04 1999-04-01..1999-04-30",
            Tag(text, "1999-06-07"));
    }

    [Fact]
    public void Annotations_give_the_reference_time_in_force_at_an_offset()
    {
        const string text = "In 1961, Kim signed a treaty. The pact held until 1991. Today it is gone.";
        var annotations = Tagger.Annotate(text, new DateOnly(2023, 10, 10));
        Assert.Null(annotations.ReferenceAt(0));
        Assert.Equal(new DateOnly(2023, 10, 10), annotations.DateAt(0));
        Assert.Equal("1961", annotations.ReferenceAt(20)!.Value);
        Assert.Equal(new DateInterval(new DateOnly(1961, 1, 1), new DateOnly(1961, 12, 31)), annotations.IntervalAt(20));
        Assert.Equal("1991", annotations.ReferenceAt(54)!.Value);
        Assert.Equal("2023-10-10", annotations.ReferenceAt(56)!.Value);
        Assert.Equal(new DateOnly(2023, 10, 10), annotations.DateAt(text.Length - 1));
    }

    [Fact]
    public void Offsets_point_into_the_text_as_given_even_after_non_ascii_characters()
    {
        const string text = "Ré\u00e9sumé \u00b9 \U0001F600 on 5 May 2023.";
        var found = Assert.Single(Tagger.Tag(text, new DateOnly(2023, 10, 10)));
        Assert.Equal("5 May 2023", text[found.Span.Start..found.Span.End]);
        Assert.Equal("2023-05-05", found.Value);
    }

    [Fact]
    public void A_cancelled_token_stops_tagging()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Tagger.Tag("In 1961 a pact was signed.", null, source.Token));
    }

    [Theory]
    // counted back past the calendar's start: a duration-like expression with no date, not a crash
    [InlineData("Humans settled here 30000 years ago.", "")]
    [InlineData("The empire fell 3000 years ago.", "")]
    // counted forward past the calendar's end: "later" signals a span, which has no date to overflow
    [InlineData("It decays 9000 years later.", "DURATION 10-20 \"9000 years\" P9000Y")]
    public void Expressions_outside_the_calendar_get_no_date(string text, string expected) =>
        Assert.Equal(expected, Tag(text, "2023-10-10"));

    [Theory]
    // a document date at the calendar's edge anchors nothing: relative expressions keep their unknown value
    [InlineData("It closes next year, not last winter.", "9999-12-31", "DATE 10-19 \"next year\" FUTURE_REF")]
    [InlineData("It closes next year, not last winter.", "0001-01-01", "DATE 10-19 \"next year\" FUTURE_REF")]
    public void Document_dates_at_the_calendar_edge_are_not_used(string text, string dct, string expected) =>
        Assert.Equal(expected, Tag(text, dct));

    [Fact]
    public void Empty_text_has_no_expressions() => Assert.Empty(Tagger.Tag("", new DateOnly(2023, 1, 1)));
}
