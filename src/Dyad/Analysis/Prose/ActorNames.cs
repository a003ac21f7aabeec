using System.Collections.Frozen;
using System.Globalization;

namespace Dyad.Analysis.Prose;

/// <summary>A person of the actor dictionaries in one role: "Vladimir Putin", "President of Russia", RUSGOV, from 2012-05-07.</summary>
public sealed record PersonRole(string Name, IReadOnlyList<string> Aliases, string Actor, string Role, DateOnly? From, DateOnly? To)
{
    public bool ValidOn(DateOnly? date) => date is not { } d || (From is not { } f || d >= f) && (To is not { } t || d <= t);
}

/// <summary>
/// Names of actors as people write them, from the project's dictionaries (data/actors/states.tsv and
/// data/actors/people/) and data/brief/names.tsv: countries by name ("the United States", not USA), actor
/// codes by their role ("the Saudi military"), people with their title on first mention ("Russian President
/// Vladimir Putin") and by family name after ("Putin", "Kim").
/// </summary>
public sealed class ActorNames
{
    private static readonly Lazy<ActorNames> DefaultInstance = new(Load);

    private readonly FrozenDictionary<string, string> _countryName;
    private readonly FrozenDictionary<string, string> _demonym;
    private readonly FrozenDictionary<string, string> _byName;
    private readonly FrozenDictionary<string, string[]> _names;
    private readonly FrozenDictionary<string, string[]> _seats;
    private readonly FrozenDictionary<string, string> _rolePhrase;
    private readonly FrozenDictionary<string, string> _roleLabel;
    private readonly FrozenSet<string> _anaphors;
    private readonly FrozenDictionary<string, string> _seatPhrase;
    private readonly string[] _anaphorStarts;
    private readonly FrozenSet<string> _pronouns;
    private readonly FrozenDictionary<string, string[]> _demonyms;
    private readonly FrozenSet<string> _familyFirst;
    private readonly FrozenSet<string> _wholeName;
    private readonly FrozenDictionary<string, PersonRole[]> _people;

    private ActorNames(Tables t)
    {
        _countryName = t.CountryName.ToFrozenDictionary(StringComparer.Ordinal);
        _demonym = t.Demonym.ToFrozenDictionary(StringComparer.Ordinal);
        _names = t.Names.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _seats = t.Seats.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byName = t.Names.SelectMany(kv => kv.Value.Select(n => (Name: n, Code: kv.Key)))
            .DistinctBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(x => x.Name, x => x.Code, StringComparer.OrdinalIgnoreCase);
        _rolePhrase = t.RolePhrase.ToFrozenDictionary(StringComparer.Ordinal);
        _roleLabel = t.RoleLabel.ToFrozenDictionary(StringComparer.Ordinal);
        _anaphors = t.Anaphors.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _seatPhrase = t.SeatPhrase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _anaphorStarts = [.. t.AnaphorStarts.Select(w => w + " ")];
        _pronouns = t.Pronouns.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _demonyms = t.Demonyms.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _familyFirst = t.FamilyFirst.ToFrozenSet(StringComparer.Ordinal);
        _wholeName = t.WholeName.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _people = t.People.GroupBy(p => p.Actor[..Math.Min(3, p.Actor.Length)], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static ActorNames Default => DefaultInstance.Value;

    /// <summary>A country's (or organisation's) name in prose: "Iran", "the United States"; the code itself when unknown.</summary>
    public string Country(string code) => _countryName.TryGetValue(code, out var name) ? name : code;

    /// <summary>The country's adjective ("Russian"), or null.</summary>
    public string? Demonym(string code) => _demonym.GetValueOrDefault(code);

    /// <summary>
    /// An actor code as prose names it: the country for a government (RUSGOV: "Russia"), the role for the others
    /// (SAUMIL: "the Saudi military"), the country for a bare country code.
    /// </summary>
    public string Actor(string? actor, string? country)
    {
        string? c = country ?? (actor is { Length: >= 3 } ? actor[..3] : null);
        if (c is null) return actor ?? "an unnamed actor";
        string countryName = Country(c);
        if (actor is null || actor.Length <= 3 || !actor.StartsWith(c, StringComparison.Ordinal)) return countryName;
        string suffix = actor[3..];
        if (!_rolePhrase.TryGetValue(suffix, out var template)) return countryName;
        string demonym = Demonym(c) ?? countryName;
        return template.Replace("{country}", countryName, StringComparison.Ordinal).Replace("{demonym}", demonym, StringComparison.Ordinal);
    }

    /// <summary>An actor as a table shows it: "Iran", "Saudi Arabia (military)"; the code when unknown.</summary>
    public string Label(string? actor, string? country)
    {
        string? c = country ?? (actor is { Length: >= 3 } ? actor[..3] : null);
        if (c is null) return actor ?? "-";
        if (!_countryName.ContainsKey(c)) return actor ?? c;
        string name = Capitalise(Country(c));
        if (actor is null || actor.Length <= 3 || !actor.StartsWith(c, StringComparison.Ordinal)) return name;
        return _roleLabel.TryGetValue(actor[3..], out var label) && actor[3..] != "GOV" ? $"{name} ({label})" : name;
    }

    /// <summary>A side of a dyad as people read it: "Iran" for IRN, "Saudi Arabia (military)" for SAUMIL.</summary>
    public string Side(string code) => code.Length == 3 ? Label(null, code) : Label(code, null);

    /// <summary>A dyad as people read it: "Iran–Saudi Arabia", or "Iran → Saudi Arabia" when directed.</summary>
    public string Dyad(DyadPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Directed ? $"{Side(pair.A)} → {Side(pair.B)}" : $"{Side(pair.A)}–{Side(pair.B)}";
    }

    /// <summary>
    /// An event's actor as a table shows it: the person the words name with their role ("Vladimir Putin (President
    /// of Russia)"), else the code as a name ("Saudi Arabia (military)", "Iran"), else the words, else "-".
    /// </summary>
    public string TableLabel(string? text, string? actor, string? country, DateOnly? date)
    {
        string? c = country ?? (actor is { Length: >= 3 } ? actor[..3] : null);
        if (text is { Length: > 0 } && c is not null && Person(text, c, actor, date) is { } person) return $"{person.Name} ({person.Role})";
        if (c is not null && _countryName.ContainsKey(c)) return Label(actor, country);
        return text ?? actor ?? country ?? "-";
    }

    /// <summary>The person of <paramref name="country"/> that <paramref name="text"/> names on <paramref name="date"/>, or null.</summary>
    public PersonRole? Person(string text, string? country, string? actor, DateOnly? date)
    {
        string? c = country ?? (actor is { Length: >= 3 } ? actor[..3] : null);
        if (c is null || !_people.TryGetValue(c, out var people)) return null;
        var words = text.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        PersonRole? best = null;
        int bestScore = 0;
        foreach (var p in people)
        {
            int score = 0;
            if (Contains(text, p.Name) || p.Aliases.Any(a => Contains(text, a))) score = 4;
            else if (char.IsUpper(FamilyName(p)[0]) && words.Any(w => IsFamilyName(Trim(w), FamilyName(p)))) score = 2;
            if (score == 0) continue;
            if (p.ValidOn(date)) score += 2;
            if (actor is not null && p.Actor == actor) score += 1;
            if (score > bestScore) { best = p; bestScore = score; }
        }
        // A family name alone must name someone who held the role on the day.
        return bestScore >= 4 ? best : null;
    }

    /// <summary>
    /// "Russian President Vladimir Putin"; "Nikita Khrushchev, First Secretary of ...," when the title reads badly
    /// before the name. A title the text gives before the name ("Crown Prince Mohammed bin Salman") is kept.
    /// </summary>
    public string FirstMention(PersonRole person, string? text = null)
    {
        if (text is not null && TitleIn(text, person) is { } title)
        {
            string c = person.Actor[..Math.Min(3, person.Actor.Length)];
            return Mentions(title, c) || Demonym(c) is not { } adjective ? $"{title} {person.Name}" : $"{adjective} {title} {person.Name}";
        }
        string role = person.Role;
        int of = role.LastIndexOf(" of ", StringComparison.Ordinal);
        if (of > 0)
        {
            string office = role[..of], place = role[(of + 4)..];
            string? code = _byName.GetValueOrDefault(place) ?? _byName.GetValueOrDefault(StripArticle(place));
            if (code is not null && Demonym(code) is { } demonym && !office.Contains(" of ", StringComparison.Ordinal) && office.Split(' ').Length <= 3)
            {
                return $"{demonym} {office} {person.Name}";
            }
        }
        return $"{person.Name}, {role},";
    }

    /// <summary>The capitalised words before the person's name in <paramref name="text"/> ("Crown Prince"), or null.</summary>
    private static string? TitleIn(string text, PersonRole person)
    {
        foreach (string name in (string[])[person.Name, .. person.Aliases])
        {
            int at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at <= 0) continue;
            string before = text[..at].Trim();
            var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length is > 0 and <= 4 && words.All(w => char.IsUpper(w[0])) ? before : null;
        }
        return null;
    }

    /// <summary>How a person is named after the first mention: the family name ("Putin", "Kim"), or the whole name when it is bound ("Faisal bin Farhan").</summary>
    public string LaterMention(PersonRole person) =>
        person.Name.Split(' ').Any(w => _wholeName.Contains(w) || _wholeName.Contains(w.Split('-')[0])) ? person.Name : FamilyName(person);

    // "Abdollahian" for Amir-Abdollahian: the last part of a hyphenated family name names the person too.
    private static bool IsFamilyName(string word, string family) =>
        string.Equals(word, family, StringComparison.OrdinalIgnoreCase)
        || family.Contains('-', StringComparison.Ordinal) && word.Length >= 5 && string.Equals(word, family[(family.LastIndexOf('-') + 1)..], StringComparison.OrdinalIgnoreCase);

    private string FamilyName(PersonRole person)
    {
        var words = person.Name.Split(' ');
        return _familyFirst.Contains(person.Actor[..Math.Min(3, person.Actor.Length)]) ? words[0] : words[^1];
    }

    /// <summary>True for words that name nobody on their own ("he", "both countries").</summary>
    public bool IsAnaphor(string text)
    {
        string t = text.Trim();
        return _anaphors.Contains(t) || _anaphorStarts.Any(w => t.StartsWith(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for a pronoun that stands for one person ("he", "she").</summary>
    public bool IsPersonalPronoun(string text) => _pronouns.Contains(text.Trim());

    /// <summary>The one person of <paramref name="country"/> that <paramref name="sentence"/> names in full and who held a role on <paramref name="date"/>; null for none or several.</summary>
    public PersonRole? NamedIn(string sentence, string country, DateOnly? date)
    {
        if (!_people.TryGetValue(country, out var people)) return null;
        var named = people.Where(p => p.ValidOn(date) && (Contains(sentence, p.Name) || p.Aliases.Any(a => Contains(sentence, a))))
            .DistinctBy(p => p.Name).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>True when <paramref name="text"/> is the country's adjective used alone as a name ("Saudi", "Iranian"), not a plural ("Saudis").</summary>
    public bool IsDemonym(string text, string country) =>
        _demonyms.TryGetValue(country, out var all) && all.Any(d => string.Equals(d, text.Trim(), StringComparison.OrdinalIgnoreCase) && !d.EndsWith('s'));

    /// <summary>True when <paramref name="text"/> is any country's adjective ("Chinese"): no place.</summary>
    public bool IsAnyDemonym(string text) => _demonyms.Values.Any(all => all.Any(d => string.Equals(d, text.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when <paramref name="text"/> is one of the country's names ("DPRK", "U.S.").</summary>
    public bool IsCountryName(string text, string country) =>
        _names.TryGetValue(country, out var names) && names.Any(n => string.Equals(n, StripArticle(text), StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="text"/> is a seat or metonym of the country ("Moscow", "the Kremlin").</summary>
    public bool IsSeat(string text, string country) =>
        _seats.TryGetValue(country, out var seats) && seats.Any(s => string.Equals(s, StripArticle(text), StringComparison.OrdinalIgnoreCase));

    /// <summary>A seat or metonym as prose writes it: "the Kremlin" for "Kremlin" or "the Kremlin", "Moscow" as it is.</summary>
    public string Seat(string text) => _seatPhrase.TryGetValue(StripArticle(text), out var phrase) ? phrase : text;

    /// <summary>
    /// The seat a speaker's words name when the rest of them are common words ("White House statement": "the
    /// White House"), with its country; null otherwise.
    /// </summary>
    public (string Seat, string Country)? SeatIn(string text)
    {
        foreach (var (country, seats) in _seats)
        {
            foreach (string seat in seats)
            {
                int at = text.IndexOf(seat, StringComparison.Ordinal);
                if (at < 0 || !Contains(text, seat)) continue;
                string rest = (text[..at] + " " + text[(at + seat.Length)..]).Replace("the ", " ", StringComparison.OrdinalIgnoreCase);
                if (!rest.Any(char.IsUpper)) return (Seat(seat), country);
            }
        }
        return null;
    }

    /// <summary>True when a one-word <paramref name="text"/> is a word of the country's name ("North" for North Korea).</summary>
    public bool IsPartOfName(string text, string country) =>
        !text.Contains(' ', StringComparison.Ordinal) && _names.TryGetValue(country, out var names) && names.Any(n => n.Contains(' ', StringComparison.Ordinal) && Contains(n, text));

    /// <summary>True when <paramref name="text"/> holds the country's name, adjective or seat as a word.</summary>
    public bool Mentions(string text, string country) =>
        (_names.TryGetValue(country, out var names) && names.Any(n => Contains(text, n)))
        || (_seats.TryGetValue(country, out var seats) && seats.Any(s => Contains(text, s)))
        || (Demonym(country) is { } d && Contains(text, d));

    internal static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string StripArticle(string text) => text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;

    private static string Trim(string word) => word.Trim(',', '.', ';', ':', '\'', '’', '"', '(', ')').Replace("'s", "", StringComparison.Ordinal).Replace("’s", "", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="name"/> occurs in <paramref name="text"/> as whole words.</summary>
    private static bool Contains(string text, string name)
    {
        int at = 0;
        while ((at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            bool before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            int end = at + name.Length;
            bool after = end == text.Length || !char.IsLetterOrDigit(text[end]) || text[end] == 's' && end + 1 == text.Length;
            if (before && after) return true;
            at++;
        }
        return false;
    }

    private sealed class Tables
    {
        public Dictionary<string, string> CountryName { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Demonym { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<string>> Names { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<string>> Seats { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> RolePhrase { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> RoleLabel { get; } = new(StringComparer.Ordinal);
        public List<string> Anaphors { get; } = [];
        public Dictionary<string, string> SeatPhrase { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<string> AnaphorStarts { get; } = [];
        public List<string> Pronouns { get; } = [];
        public Dictionary<string, List<string>> Demonyms { get; } = new(StringComparer.Ordinal);
        public List<string> FamilyFirst { get; } = [];
        public List<string> WholeName { get; } = [];
        public List<PersonRole> People { get; } = [];
    }

    private static ActorNames Load()
    {
        var t = new Tables();
        var assembly = typeof(ActorNames).Assembly;
        IEnumerable<string[]> Rows(string resource)
        {
            using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"missing embedded resource {resource}");
            using var reader = new StreamReader(stream);
            var rows = new List<string[]>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                rows.Add(line.Split('\t'));
            }
            return rows;
        }
        static IEnumerable<string> Split(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var f in Rows("Dyad.data.actors/states.tsv"))
        {
            if (f.Length < 4) continue;
            string code = f[0];
            var names = Split(f[1]).ToList();
            if (names.Count > 0) t.CountryName.TryAdd(code, names[0]);
            if (Split(f[2]).FirstOrDefault() is { } demonym) t.Demonym.TryAdd(code, demonym);
            if (!t.Demonyms.TryGetValue(code, out var demonyms)) t.Demonyms[code] = demonyms = [];
            demonyms.AddRange(Split(f[2]));
            if (!t.Names.TryGetValue(code, out var all)) t.Names[code] = all = [];
            all.AddRange(names);
            if (!t.Seats.TryGetValue(code, out var seats)) t.Seats[code] = seats = [];
            seats.AddRange(Split(f[3]));
        }
        foreach (var f in Rows("Dyad.data.brief/names.tsv").Skip(1))
        {
            if (f.Length < 2) throw new InvalidDataException($"names.tsv: expected kind and key: {string.Join('\t', f)}");
            switch (f[0])
            {
                case "name": t.CountryName[f[1]] = f[2]; break;
                case "role": t.RolePhrase[f[1]] = f[2]; break;
                case "label": t.RoleLabel[f[1]] = f[2]; break;
                case "anaphor": t.Anaphors.Add(f[1]); break;
                case "seat": t.SeatPhrase[f[1]] = f[2]; break;
                case "anaphor-start": t.AnaphorStarts.Add(f[1]); break;
                case "pronoun": t.Pronouns.Add(f[1]); break;
                case "family-first": t.FamilyFirst.Add(f[1]); break;
                case "whole-name": t.WholeName.Add(f[1]); break;
                default: throw new InvalidDataException($"names.tsv: unknown kind '{f[0]}'");
            }
        }
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("Dyad.data.actors/people/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (var f in Rows(resource))
            {
                if (f.Length < 4 || f[2].Length < 3) continue;
                t.People.Add(new PersonRole(f[0], [.. Split(f[1])], f[2], f[3], Date(f.ElementAtOrDefault(4)), Date(f.ElementAtOrDefault(5), end: true)));
            }
        }
        return new ActorNames(t);
    }

    /// <summary>"2012-05-07", "1984-12" or "1984"; a month or year as its first day (its last for an end).</summary>
    private static DateOnly? Date(string? text, bool end = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return null;
        int month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m) ? m : end ? 12 : 1;
        int day = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int d) ? d : end ? DateTime.DaysInMonth(year, month) : 1;
        return new DateOnly(year, month, day);
    }
}
