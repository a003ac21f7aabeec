using System.Collections.Frozen;

namespace Dyad.Time;

/// <summary>Function words the grammar tests for by identity.</summary>
internal enum Word
{
    None,
    The, A, An, This, That, These, Those, Last, Next, Past, Previous, Coming, Following, Same, Latest, Prior,
    Ago, Earlier, Later, Before, After, Hence,
    Early, Late, Mid, Middle, Beginning, Start, End, Close, Turn,
    Of, In, On, At, Since, Until, Till, By, During, From, Through, To, And, Or, For, Over, Within, Between, Around, About,
    Today, Yesterday, Tomorrow, Tonight, Now, Currently, Current, Recently, Recent, Formerly, Previously, Soon,
    Future, Present, Moment, Nowadays, Lately, Once, Then,
    Every, Each, Per, Daily, Weekly, Monthly, Annually, Yearly, Quarterly, Hourly, Nightly,
    Several, Few, Some, Many, Couple, Number, More, Than, Less, Under, Nearly, Almost, Approximately, Roughly, Least, Most,
    Up, Fiscal, Calendar, First, Full, Entire, Whole, Half, Noon, Midnight, Am, Pm, Time, Come, Near,
    Distant, Immediate, As, Period, Ended, Ending, S, Th, Eve, New,
}

/// <summary>What one word can be: a month, a weekday, a season, a unit, a number, an ordinal, a part of the day, a function word.</summary>
internal sealed record Lex(
    Word Word = Word.None,
    int Month = 0,
    int Weekday = 0,
    int Season = 0,
    Unit Unit = Unit.None,
    bool Plural = false,
    int Number = -1,
    int Ordinal = 0,
    string? PartOfDay = null,
    bool Abbreviation = false,
    bool NeedsCapital = false,
    int Decade = 0,
    int Tens = 0);

/// <summary>The closed English vocabulary of time expressions, built once.</summary>
internal static class Lexicon
{
    private static readonly FrozenDictionary<string, Lex> Entries = Build();

    public static FrozenDictionary<string, Lex>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, Lex> Build()
    {
        var d = new Dictionary<string, Lex>(StringComparer.OrdinalIgnoreCase);
        void Add(string key, Lex lex) => d[key] = d.TryGetValue(key, out var old) ? Merge(old, lex) : lex;

        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (int i = 0; i < 12; i++) Add(months[i], new Lex(Month: i + 1, NeedsCapital: i is 2 or 4));
        (string, int)[] abbrev = [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)];
        foreach (var (a, m) in abbrev) Add(a, new Lex(Month: m, Abbreviation: true, NeedsCapital: true));

        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (int i = 0; i < 7; i++) Add(days[i], new Lex(Weekday: i + 1, NeedsCapital: true));
        (string, int)[] dayAbbrev = [("tues", 2), ("wed", 3), ("thur", 4), ("thurs", 4), ("fri", 5)];
        foreach (var (a, w) in dayAbbrev) Add(a, new Lex(Weekday: w, Abbreviation: true, NeedsCapital: true));

        Add("spring", new Lex(Season: 1));
        Add("summer", new Lex(Season: 2));
        Add("fall", new Lex(Season: 3));
        Add("autumn", new Lex(Season: 3));
        Add("winter", new Lex(Season: 4));

        (string, Unit)[] units =
        [
            ("second", Unit.Second), ("minute", Unit.Minute), ("hour", Unit.Hour), ("day", Unit.Day), ("week", Unit.Week),
            ("weekend", Unit.Weekend), ("fortnight", Unit.Fortnight), ("month", Unit.Month), ("quarter", Unit.Quarter),
            ("year", Unit.Year), ("decade", Unit.Decade), ("semester", Unit.Half),
        ];
        foreach (var (u, unit) in units)
        {
            Add(u, new Lex(Unit: unit));
            Add(u + "s", new Lex(Unit: unit, Plural: true));
        }
        Add("century", new Lex(Unit: Unit.Century));
        Add("centuries", new Lex(Unit: Unit.Century, Plural: true));
        Add("yr", new Lex(Unit: Unit.Year));
        Add("yrs", new Lex(Unit: Unit.Year, Plural: true));
        Add("hrs", new Lex(Unit: Unit.Hour, Plural: true));
        Add("mins", new Lex(Unit: Unit.Minute, Plural: true));

        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < ones.Length; i++) Add(ones[i], new Lex(Number: i));
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++)
        {
            Add(tens[i], new Lex(Number: (i + 2) * 10, Tens: (i + 2) * 10));
            Add(tens[i].TrimEnd('y') + "ies", new Lex(Decade: (i + 2) * 10));
        }
        Add("hundred", new Lex(Number: 100));
        Add("thousand", new Lex(Number: 1000));
        Add("dozen", new Lex(Number: 12));

        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
            "twenty-first"];
        for (int i = 0; i < ordinals.Length; i++) Add(ordinals[i], new Lex(Ordinal: i + 1));
        Add("thirtieth", new Lex(Ordinal: 30));

        Add("morning", new Lex(PartOfDay: "MO"));
        Add("afternoon", new Lex(PartOfDay: "AF"));
        Add("evening", new Lex(PartOfDay: "EV"));
        Add("night", new Lex(PartOfDay: "NI"));
        Add("overnight", new Lex(PartOfDay: "NI"));

        (string, Word)[] words =
        [
            ("the", Word.The), ("a", Word.A), ("an", Word.An), ("this", Word.This), ("that", Word.That), ("these", Word.These),
            ("those", Word.Those), ("last", Word.Last), ("next", Word.Next), ("past", Word.Past), ("previous", Word.Previous),
            ("coming", Word.Coming), ("following", Word.Following), ("same", Word.Same), ("latest", Word.Latest), ("prior", Word.Prior),
            ("ago", Word.Ago), ("earlier", Word.Earlier), ("later", Word.Later), ("before", Word.Before), ("after", Word.After),
            ("hence", Word.Hence), ("early", Word.Early), ("late", Word.Late), ("mid", Word.Mid), ("middle", Word.Middle),
            ("beginning", Word.Beginning), ("start", Word.Start), ("end", Word.End), ("close", Word.Close), ("turn", Word.Turn),
            ("of", Word.Of), ("in", Word.In), ("on", Word.On), ("at", Word.At), ("since", Word.Since), ("until", Word.Until),
            ("till", Word.Till), ("by", Word.By), ("during", Word.During), ("from", Word.From), ("through", Word.Through),
            ("to", Word.To), ("and", Word.And), ("or", Word.Or), ("for", Word.For), ("over", Word.Over), ("within", Word.Within),
            ("between", Word.Between), ("around", Word.Around), ("about", Word.About), ("today", Word.Today),
            ("yesterday", Word.Yesterday), ("tomorrow", Word.Tomorrow), ("tonight", Word.Tonight), ("now", Word.Now),
            ("currently", Word.Currently), ("current", Word.Current), ("recently", Word.Recently), ("recent", Word.Recent),
            ("formerly", Word.Formerly), ("previously", Word.Previously), ("soon", Word.Soon), ("future", Word.Future),
            ("present", Word.Present), ("moment", Word.Moment), ("nowadays", Word.Nowadays), ("lately", Word.Lately),
            ("once", Word.Once), ("then", Word.Then), ("every", Word.Every), ("each", Word.Each), ("per", Word.Per),
            ("daily", Word.Daily), ("weekly", Word.Weekly), ("monthly", Word.Monthly), ("annually", Word.Annually),
            ("yearly", Word.Yearly), ("quarterly", Word.Quarterly), ("hourly", Word.Hourly), ("nightly", Word.Nightly),
            ("several", Word.Several), ("few", Word.Few), ("some", Word.Some), ("many", Word.Many), ("couple", Word.Couple),
            ("number", Word.Number), ("more", Word.More), ("than", Word.Than), ("less", Word.Less), ("under", Word.Under),
            ("nearly", Word.Nearly), ("almost", Word.Almost), ("approximately", Word.Approximately), ("roughly", Word.Roughly),
            ("least", Word.Least), ("most", Word.Most), ("up", Word.Up), ("fiscal", Word.Fiscal), ("calendar", Word.Calendar),
            ("full", Word.Full), ("entire", Word.Entire), ("whole", Word.Whole), ("half", Word.Half), ("noon", Word.Noon), ("midday", Word.Noon),
            ("midnight", Word.Midnight), ("am", Word.Am), ("pm", Word.Pm), ("time", Word.Time),
            ("come", Word.Come), ("near", Word.Near), ("period", Word.Period), ("ended", Word.Ended),
            ("ending", Word.Ending), ("s", Word.S), ("th", Word.Th), ("st", Word.Th),
            ("nd", Word.Th), ("rd", Word.Th), ("eve", Word.Eve), ("distant", Word.Distant), ("as", Word.As), ("immediate", Word.Immediate), ("new", Word.New),
        ];
        foreach (var (w, word) in words) Add(w, new Lex(Word: word));
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static Lex Merge(Lex a, Lex b) => new(
        a.Word != Word.None ? a.Word : b.Word,
        a.Month != 0 ? a.Month : b.Month,
        a.Weekday != 0 ? a.Weekday : b.Weekday,
        a.Season != 0 ? a.Season : b.Season,
        a.Unit != Unit.None ? a.Unit : b.Unit,
        a.Plural || b.Plural,
        a.Number >= 0 ? a.Number : b.Number,
        a.Ordinal != 0 ? a.Ordinal : b.Ordinal,
        a.PartOfDay ?? b.PartOfDay,
        a.Abbreviation || b.Abbreviation,
        a.NeedsCapital || b.NeedsCapital,
        a.Decade != 0 ? a.Decade : b.Decade,
        a.Tens != 0 ? a.Tens : b.Tens);
}
