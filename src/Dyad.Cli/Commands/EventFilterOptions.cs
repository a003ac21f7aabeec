using System.CommandLine;
using System.Globalization;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>The event filters shared by `dyad events` and `dyad export`.</summary>
internal sealed class EventFilterOptions
{
    private readonly Option<string?> _dyad = new("--dyad") { Description = "Two actors or countries: A-B either direction, A>B from A to B (e.g. RUS-PRK)." };
    private readonly Option<string?> _actor = new("--actor") { Description = "An actor (RUSGOV) or country (RUS) as source or target." };
    private readonly Option<string?> _from = new("--from") { Description = "Events whose dates overlap from this day on (YYYY-MM-DD)." };
    private readonly Option<string?> _to = new("--to") { Description = "Events whose dates overlap up to this day (YYYY-MM-DD)." };
    private readonly Option<string?> _code = new("--code") { Description = "CAMEO code or prefix (04 = every consult code)." };
    private readonly Option<string?> _root = new("--root") { Description = "CAMEO root code (two digits)." };
    private readonly Option<int?> _quad = new("--quad") { Description = "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict." };
    private readonly Option<string?> _modality = new("--modality") { Description = "asserted, alleged, denied, intended, hypothetical or negated." };
    private readonly Option<string?> _doc = new("--doc") { Description = "A document's name or store id." };
    private readonly Option<string?> _search = new("--search") { Description = "Words that must occur in the event's sentence (full-text search)." };
    private readonly Option<string?> _origin = new("--origin") { Description = "dyad or gdelt." };
    private readonly Option<string?> _domestic = DomesticOption();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _dyad, _actor, _from, _to, _code, _root, _quad, _modality, _doc, _search, _origin, _domestic }) command.Options.Add(option);
        _modality.AcceptOnlyFromAmong([.. EventQuery.Modalities]);
        _origin.AcceptOnlyFromAmong("dyad", "gdelt");
    }

    /// <summary>The query the options describe; a malformed value ends the command with a message.</summary>
    public EventQuery Query(ParseResult parse)
    {
        var query = new EventQuery
        {
            Actor = Code(parse.GetValue(_actor), "--actor"),
            From = Date(parse.GetValue(_from), "--from"),
            To = Date(parse.GetValue(_to), "--to"),
            Code = Digits(parse.GetValue(_code), "--code", 2, 4),
            Root = Digits(parse.GetValue(_root), "--root", 2, 2),
            QuadClass = parse.GetValue(_quad) is { } q ? (q is >= 1 and <= 4 ? q : throw new CliException($"--quad {q}: expected 1, 2, 3 or 4")) : null,
            Modality = parse.GetValue(_modality),
            Doc = parse.GetValue(_doc),
            Search = parse.GetValue(_search) is { Length: > 0 } s ? s : null,
            Origin = parse.GetValue(_origin) switch { "dyad" => EventOrigin.Dyad, "gdelt" => EventOrigin.Gdelt, _ => null },
            Domestic = DomesticOf(parse.GetValue(_domestic)),
        };
        if (parse.GetValue(_dyad) is { } dyad)
        {
            var (withDyad, error) = EventQuery.WithDyad(query, dyad);
            query = withDyad ?? throw new CliException(error!);
        }
        if (query.From is { } from && query.To is { } to && from > to) throw new CliException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        return query;
    }

    /// <summary>The --domestic option of the event listings and the analysis commands.</summary>
    internal static Option<string?> DomesticOption()
    {
        var option = new Option<string?>("--domestic") { Description = "Events between two parts of one country (police and protesters, a court and the government): include, exclude or only (default: excluded for a dyad of two countries, else included)." };
        option.AcceptOnlyFromAmong("include", "exclude", "only");
        return option;
    }

    /// <summary>The --domestic choice (include, exclude, only), or null for the default.</summary>
    internal static DomesticEvents? DomesticOf(string? value) =>
        value switch { "include" => DomesticEvents.Include, "exclude" => DomesticEvents.Exclude, "only" => DomesticEvents.Only, _ => null };

    private static string? Code(string? value, string option) =>
        value is null ? null : EventQuery.IsCode(value) ? value.ToUpperInvariant() : throw new CliException($"{option} {value}: expected an actor code (RUSGOV) or a country code (RUS)");

    private static DateOnly? Date(string? value, string option) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CliException($"{option} {value}: expected a date as YYYY-MM-DD");

    private static string? Digits(string? value, string option, int min, int max) =>
        value is null ? null
        : value.Length >= min && value.Length <= max && value.All(char.IsAsciiDigit) ? value
        : throw new CliException($"{option} {value}: expected {(min == max ? $"{min}" : $"{min} to {max}")} digits of a CAMEO code");
}
