using System.CommandLine;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>
/// What the analysis commands (timeline, series, brief) share: the two actors, direction, period, and the store
/// to read; loading the events they need from the store.
/// </summary>
internal sealed class DyadArguments
{
    public Argument<string> A { get; } = new("A") { Description = "One side of the dyad: a country (RUS) or actor code (RUSGOV); or the dyad as A-B (either direction) or A>B (A acting on B)." };
    public Argument<string?> B { get; } = new("B") { Description = "The other side.", Arity = ArgumentArity.ZeroOrOne };
    public Option<bool> Directed { get; } = new("--directed") { Description = "Only A acting on B (A>B), not both directions." };
    public Option<string?> From { get; } = new("--from") { Description = "Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)." };
    public Option<string?> To { get; } = new("--to") { Description = "Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)." };
    public Option<string?> Domestic { get; } = EventFilterOptions.DomesticOption();
    private readonly StoreOptionsCli _store = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(A);
        command.Arguments.Add(B);
        foreach (var option in (Option[])[Directed, From, To, Domestic]) command.Options.Add(option);
        _store.AddTo(command);
    }

    public DyadPair Pair(ParseResult parse)
    {
        string a = parse.GetValue(A)!;
        string? b = parse.GetValue(B);
        bool directed = parse.GetValue(Directed);
        if (b is null)
        {
            char separator = a.Contains('>', StringComparison.Ordinal) ? '>' : '-';
            var parts = a.Split(separator);
            if (parts.Length != 2) throw new CliException($"{a}: name the dyad as two codes, A B, or as A-B (either direction) or A>B (A acting on B)", 2);
            (a, b, directed) = (parts[0], parts[1], directed || separator == '>');
        }
        var (pair, error) = DyadPair.Create(a, b, directed);
        if (pair is null) throw new CliException(error!, 2);
        return pair with { Domestic = EventFilterOptions.DomesticOf(parse.GetValue(Domestic)) };
    }

    public (DateOnly? From, DateOnly? To) Window(ParseResult parse)
    {
        var from = ParseDate(parse.GetValue(From), "--from", end: false);
        var to = ParseDate(parse.GetValue(To), "--to", end: true);
        if (from > to) throw new CliException($"--from {parse.GetValue(From)} is after --to {parse.GetValue(To)}", 2);
        return (from, to);
    }

    /// <summary>The events between the two sides (in the pair's direction, predecessor states included), within the window.</summary>
    public IReadOnlyList<EventRow> DyadEvents(ParseResult parse, DyadPair pair, (DateOnly? From, DateOnly? To) window) =>
        Read(parse, store => store.Events(pair.Query(window.From, window.To)));

    /// <summary>Every event that involves either side (or a state it continues), within the window: the dyad's own and those with third parties.</summary>
    public IReadOnlyList<EventRow> InvolvingEither(ParseResult parse, DyadPair pair, (DateOnly? From, DateOnly? To) window) =>
        Read(parse, store => InvolvingEither(store, pair, window.From, window.To));

    /// <summary>Every event of <paramref name="store"/> that involves either side of <paramref name="pair"/> (or a state it continues), within the window.</summary>
    internal static IReadOnlyList<EventRow> InvolvingEither(IEventStore store, DyadPair pair, DateOnly? from, DateOnly? to)
    {
        var seen = new HashSet<EventRow>();
        var all = new List<EventRow>();
        // the dyad's own choice on domestic events holds for the events with third parties too
        var domestic = pair.Query(from, to).EffectiveDomestic;
        foreach (string side in DyadPair.CodesOf(pair.A).Concat(DyadPair.CodesOf(pair.B)))
        {
            foreach (var e in store.Events(new EventQuery { Actor = side, From = from, To = to, Domestic = domestic }))
            {
                if (seen.Add(e)) all.Add(e);
            }
        }
        return all;
    }

    /// <summary>Runs <paramref name="read"/> on the store the command names, open for reading; its failures become one-line errors.</summary>
    public T Read<T>(ParseResult parse, Func<IEventStore, T> read)
    {
        using var store = _store.Open(parse, readOnly: true);
        return StoreOptionsCli.Run(() => read(store));
    }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD; the first day of the year or month for a start, the last for an end.</summary>
    internal static DateOnly? ParseDate(string? text, string option, bool end)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Bound(text, end) ?? throw new CliException($"{option} {text}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD", 2);
    }

    /// <summary>The date <paramref name="text"/> bounds a window with, or null when it is not YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    internal static DateOnly? Bound(string text, bool end)
    {
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", c, DateTimeStyles.None, out var day)) return day;
        if (DateOnly.TryParseExact(text, "yyyy-MM", c, DateTimeStyles.None, out var month)) return end ? month.AddMonths(1).AddDays(-1) : month;
        if (DateOnly.TryParseExact(text, "yyyy", c, DateTimeStyles.None, out var year)) return end ? year.AddYears(1).AddDays(-1) : year;
        return null;
    }
}
