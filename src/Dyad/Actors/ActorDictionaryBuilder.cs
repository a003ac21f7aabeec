using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Dyad.Actors;

/// <summary>The formats a dictionary file can be written in.</summary>
public enum ActorFileFormat
{
    /// <summary>Tab-separated: code, names, demonyms, seats of government, from, to.</summary>
    States,

    /// <summary>Tab-separated: actor, country, kind, names, from, to.</summary>
    Entities,

    /// <summary>Tab-separated: name, aliases, actor, role, from, to (one office per row).</summary>
    People,

    /// <summary>TABARI/PETRARCH .actors files: NAME_ [CODE], +SYNONYM, [CODE yymmdd-yymmdd].</summary>
    Tabari,

    /// <summary>PETRARCH agents files: NOUN {PLURALS} [~SECTOR], !SET! = WORD, WORD substitution sets.</summary>
    PetrarchAgents,
}

/// <summary>
/// Collects dictionary files (the embedded ones, user files in any <see cref="ActorFileFormat"/>)
/// and builds an immutable <see cref="ActorDictionary"/>. Syntax errors, duplicates and conflicts
/// become <see cref="ActorDictionaryDiagnostic"/>s; a later file's entry overrides an earlier
/// conflicting one and the override is reported.
/// </summary>
public sealed class ActorDictionaryBuilder
{
    private const string ResourcePrefix = "Dyad.data.actors/";

    internal static readonly HashSet<string> EastAsianSurnameFirst = ["PRK", "KOR", "CHN", "TWN", "HKG", "MAC"];

    private static readonly HashSet<string> Particles = ["de", "da", "di", "du", "del", "van", "von", "der", "den", "al", "el", "bin", "ibn", "le", "la", "dos", "das"];

    private static readonly Dictionary<string, string> CameoCountries = new(StringComparer.Ordinal) { ["USR"] = "SUN" };

    private readonly TrieNode _root = new();
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NameSense>> _byName = new(StringComparer.Ordinal);
    private readonly List<ActorDictionaryDiagnostic> _diagnostics = [];
    private readonly HashSet<(string, Person, bool)> _personNames = [];
    private int _entries;
    private readonly Dictionary<string, DateOnly?> _stateEnds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);

    /// <summary>Adds the dictionaries that ship inside the library (data/actors/).</summary>
    public ActorDictionaryBuilder AddEmbedded()
    {
        var assembly = typeof(ActorDictionaryBuilder).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string relative = resource[ResourcePrefix.Length..];
            ActorFileFormat? format = relative.StartsWith("people/", StringComparison.Ordinal) && relative.EndsWith(".tsv", StringComparison.Ordinal) ? ActorFileFormat.People
                : relative.StartsWith("states", StringComparison.Ordinal) ? ActorFileFormat.States
                : relative.EndsWith(".tsv", StringComparison.Ordinal) ? ActorFileFormat.Entities
                : null;
            // lexicon/ (titles, agent nouns, word lists) and places/ are read by the recogniser itself
            if (format is null || relative.StartsWith("lexicon/", StringComparison.Ordinal) || relative.StartsWith("places/", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            AddText("data/actors/" + relative, reader.ReadToEnd(), format.Value);
        }
        return this;
    }

    /// <summary>
    /// Adds a user file. A .tsv file names its format in its first line, a header comment
    /// ("# code	names	demonyms	seats	from	to", "# actor	country	kind	names	from	to" or
    /// "# name	aliases	actor	role	from	to"); any other file is read as a TABARI dictionary.
    /// A missing or unreadable file is reported as a diagnostic.
    /// </summary>
    public ActorDictionaryBuilder AddFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(new(path, 0, DiagnosticSeverity.Error, $"cannot read the file: {ex.Message}"));
            return this;
        }
        if (!path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) return AddText(path, text, ActorFileFormat.Tabari);
        var format = DetectTsvFormat(text);
        if (format is null)
        {
            _diagnostics.Add(new(path, 1, DiagnosticSeverity.Error,
                "a .tsv dictionary must start with a header comment naming its columns: '# code<TAB>names<TAB>demonyms<TAB>seats<TAB>from<TAB>to', '# actor<TAB>country<TAB>kind<TAB>names<TAB>from<TAB>to' or '# name<TAB>aliases<TAB>actor<TAB>role<TAB>from<TAB>to'"));
            return this;
        }
        return AddText(path, text, format.Value);
    }

    /// <summary>Adds dictionary text in a known format; <paramref name="name"/> names it in diagnostics.</summary>
    public ActorDictionaryBuilder AddText(string name, string text, ActorFileFormat format)
    {
        switch (format)
        {
            case ActorFileFormat.States: ReadStates(name, text); break;
            case ActorFileFormat.Entities: ReadEntities(name, text); break;
            case ActorFileFormat.People: ReadPeople(name, text); break;
            case ActorFileFormat.Tabari: ReadTabari(name, text); break;
            case ActorFileFormat.PetrarchAgents: ReadPetrarchAgents(name, text); break;
            default: throw new ArgumentOutOfRangeException(nameof(format));
        }
        return this;
    }

    public ActorDictionary Build() => new(_root, [.. _people.Values], _diagnostics.ToImmutableArray(), _entries,
        _stateEnds.Where(kv => kv.Value is not null).ToFrozenDictionary(kv => kv.Key, kv => kv.Value!.Value, StringComparer.Ordinal),
        _stateEnds.Keys.ToFrozenSet(StringComparer.Ordinal), _agents.ToFrozenDictionary(StringComparer.Ordinal));

    internal static ActorFileFormat? DetectTsvFormat(string text)
    {
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty) continue;
            if (line[0] != '#') return null;
            var header = line[1..].Trim().ToString().Split('\t', StringSplitOptions.TrimEntries);
            return header switch
            {
                ["code", "names", "demonyms", "seats", "from", "to"] => ActorFileFormat.States,
                ["actor", "country", "kind", "names", "from", "to"] => ActorFileFormat.Entities,
                ["name", "aliases", "actor", "role", "from", "to"] => ActorFileFormat.People,
                _ => null,
            };
        }
        return null;
    }

    // ---- our formats -------------------------------------------------------------------------

    private IEnumerable<(int Line, string[] Cells)> Rows(string file, string text, int columns)
    {
        int number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length > columns && cells[columns..].All(c => c.Trim().Length == 0)) cells = cells[..columns];
            if (cells.Length < columns && cells.Length >= columns - 2) cells = [.. cells, .. Enumerable.Repeat("", columns - cells.Length)];
            if (cells.Length != columns)
            {
                Error(file, number, $"expected {columns} tab-separated columns, found {cells.Length}");
                continue;
            }
            yield return (number, cells.Select(c => c.Trim()).ToArray());
        }
    }

    private void ReadStates(string file, string text)
    {
        foreach (var (line, cells) in Rows(file, text, 6))
        {
            string code = cells[0];
            if (!IsCode(code))
            {
                Error(file, line, $"'{code}' is not an actor code (capital letters and digits)");
                continue;
            }
            if (!TryDates(file, line, cells[4], cells[5], out var from, out var to)) continue;
            string origin = $"{file}:{line}";
            // A state ends with its last dated row; one undated row means it still exists.
            _stateEnds[code] = _stateEnds.TryGetValue(code, out var end) && (end is null || to is null) ? null : to is { } t && end is { } e && e > t ? e : to;
            foreach (var name in Names(cells[1])) AddEntityName(name, new ActorEntry(code, code, ActorKind.State, NameForm.Name, from, to, origin), file, line);
            foreach (var name in Names(cells[2])) AddEntityName(name, new ActorEntry(code, code, ActorKind.State, NameForm.Demonym, from, to, origin), file, line);
            foreach (var name in Names(cells[3])) AddEntityName(name, new ActorEntry(code + "GOV", code, ActorKind.Government, NameForm.Metonym, from, to, origin), file, line);
        }
    }

    private void ReadEntities(string file, string text)
    {
        foreach (var (line, cells) in Rows(file, text, 6))
        {
            string actor = cells[0];
            bool blocked = cells[2] == "none";
            if (!IsCode(actor) && !(blocked && actor == "-"))
            {
                Error(file, line, $"'{actor}' is not an actor code (capital letters and digits)");
                continue;
            }
            string? country = cells[1] is "" or "-" ? null : cells[1];
            if (country is not null && !IsCode(country))
            {
                Error(file, line, $"'{country}' is not a country code");
                continue;
            }
            if (!TryKind(cells[2], out var kind, out var form))
            {
                Error(file, line, $"unknown kind '{cells[2]}' (state, government, military, igo, party, company, armed-group, person, place, group, metonym:KIND, or none)");
                continue;
            }
            if (!TryDates(file, line, cells[4], cells[5], out var from, out var to)) continue;
            var names = Names(cells[3]).ToList();
            if (names.Count == 0)
            {
                Error(file, line, "no names");
                continue;
            }
            var entry = new ActorEntry(actor, country, kind, form, from, to, $"{file}:{line}");
            foreach (var name in names) AddEntityName(name, entry, file, line);
        }
    }

    private void ReadPeople(string file, string text)
    {
        foreach (var (line, cells) in Rows(file, text, 6))
        {
            string name = cells[0], actor = cells[2];
            if (name.Length == 0)
            {
                Error(file, line, "empty name");
                continue;
            }
            if (!IsCode(actor))
            {
                Error(file, line, $"'{actor}' is not an actor code (capital letters and digits)");
                continue;
            }
            if (!TryDates(file, line, cells[4], cells[5], out var from, out var to)) continue;
            if (from is null)
            {
                Error(file, line, "a person's role needs a 'from' date");
                continue;
            }
            var term = new PersonTerm(actor, CountryOf(actor), cells[3].Length == 0 ? null : cells[3], from, to, $"{file}:{line}");
            AddPerson(name, Names(cells[1]), term, null, file, line);
        }
    }

    private void AddPerson(string name, IEnumerable<string> aliases, PersonTerm? term, (string Actor, string? Country)? fallback, string file, int line)
    {
        string key = Key(name);
        if (key.Length == 0)
        {
            Error(file, line, $"'{name}' has no words");
            return;
        }
        if (!_people.TryGetValue(key, out var person))
        {
            person = new Person(name);
            _people[key] = person;
            AddPersonName(name, person, false, file, line);
        }
        if (term is not null)
        {
            var same = person.Terms.FirstOrDefault(t => t.Actor == term.Actor && t.Role == term.Role && t.From == term.From && t.To == term.To);
            if (same is not null) Warn(file, line, $"duplicate: {name} as {term.Actor} from {term.From:yyyy-MM-dd} is already listed at {same.Origin}; ignored");
            else person.Terms.Add(term);
        }
        if (fallback is { } f && person.Fallback is null)
        {
            person.Fallback = f.Actor;
            person.FallbackCountry = f.Country;
        }
        AddSurname(name, person, file, line);
        foreach (var alias in aliases)
        {
            if (Key(alias) == key) continue;
            if (!person.Aliases.Contains(alias, StringComparer.Ordinal)) person.Aliases.Add(alias);
            AddPersonName(alias, person, false, file, line);
            AddSurname(alias, person, file, line);
        }
    }

    private void AddSurname(string name, Person person, string file, int line)
    {
        var tokens = NameTokenizer.Tokenize(name).Where(t => t.IsWord).ToList();
        while (tokens.Count > 0 && tokens[^1].Key is "jr" or "sr" or "ii" or "iii") tokens.RemoveAt(tokens.Count - 1);
        if (tokens.Count == 1 && !person.Surnames.Contains(tokens[0].Key, StringComparer.Ordinal)) person.Surnames.Add(tokens[0].Key);
        if (tokens.Count < 2) return;
        string? country = person.Terms.Count > 0 ? person.Terms[0].Country : person.FallbackCountry;
        string surname;
        if (country is not null && EastAsianSurnameFirst.Contains(country) && tokens.Count <= 3) surname = name[tokens[0].Start..tokens[0].End];
        else
        {
            int first = tokens.Count - 1;
            while (first > 1 && Particles.Contains(tokens[first - 1].Key)) first--;
            surname = name[tokens[first].Start..tokens[^1].End];
        }
        string surnameKey = Key(surname);
        if (!person.Surnames.Contains(surnameKey, StringComparer.Ordinal)) person.Surnames.Add(surnameKey);
        AddPersonName(surname, person, true, file, line);
    }

    private void AddPersonName(string name, Person person, bool surname, string file, int line)
    {
        var (keys, rules) = Pattern(name, tabari: false);
        if (keys.Length == 0) return;
        string joined = string.Join(' ', keys);
        if (!_personNames.Add((joined, person, surname))) return;
        if (!surname && _byName.TryGetValue(joined, out var existing) && existing.FirstOrDefault(s => s.Person is not null && s.Person != person && !s.Surname) is { } other)
            Warn(file, line, $"'{name}' also names {other.Person!.Name} ({other.Origin}); both kept, the one in office on the date wins");
        Insert(keys, new NameSense(rules, null, person, surname, $"{file}:{line}"), surname ? null : joined);
    }

    private void AddEntityName(string name, ActorEntry entry, string file, int line)
    {
        var (keys, rules) = Pattern(name, tabari: false);
        AddEntityPattern(name, keys, rules, entry, file, line);
    }

    private void AddEntityPattern(string name, string[] keys, CaseRule[] rules, ActorEntry entry, string file, int line)
    {
        if (keys.Length == 0)
        {
            Error(file, line, $"'{name}' has no words");
            return;
        }
        string joined = string.Join(' ', keys);
        if (_byName.TryGetValue(joined, out var existing))
        {
            foreach (var sense in existing.ToList())
            {
                if (sense.Entry is not { } old || !old.Overlaps(entry) || !SameCase(sense.Rules, rules)) continue;
                if (old.Actor == entry.Actor)
                {
                    // Spellings of one row that share a key ("Brasília", "Brasilia") are one name.
                    if (old.Origin == entry.Origin) return;
                    Warn(file, line, $"duplicate: '{name}' is already {old.Actor} ({old.Origin}); ignored");
                    return;
                }
                if (old.Origin.StartsWith(file + ":", StringComparison.Ordinal))
                {
                    Warn(file, line, $"conflict: '{name}' is already {old.Actor} ({old.Origin}); {entry.Actor} ignored");
                    return;
                }
                Warn(file, line, $"conflict: '{name}' was {old.Actor} ({old.Origin}); now {entry.Actor}");
                existing.Remove(sense);
                RemoveSense(keys, sense);
            }
        }
        Insert(keys, new NameSense(rules, entry, null, false, $"{file}:{line}"), joined);
        _entries++;
    }

    private static bool SameCase(CaseRule[] a, CaseRule[] b) => a.AsSpan().SequenceEqual(b);

    private void Insert(string[] keys, NameSense sense, string? joined)
    {
        var node = _root;
        foreach (var key in keys) node = node.Child(key);
        (node.Senses ??= []).Add(sense);
        if (joined is null) return;
        if (!_byName.TryGetValue(joined, out var list)) _byName[joined] = list = [];
        list.Add(sense);
    }

    private void RemoveSense(string[] keys, NameSense sense)
    {
        var node = _root;
        foreach (var key in keys) node = node.Child(key);
        node.Senses?.Remove(sense);
    }

    // ---- TABARI ------------------------------------------------------------------------------

    private sealed class TabariBlock(string name, int line)
    {
        public string Name { get; } = name;

        public int Line { get; } = line;

        public List<string> Synonyms { get; } = [];

        public List<(string Code, DateOnly? From, DateOnly? To)> Codes { get; } = [];
    }

    private void ReadTabari(string file, string text)
    {
        TabariBlock? block = null;
        foreach (var (number, line) in TabariLines(text))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith('+'))
            {
                if (block is null)
                {
                    Error(file, number, "a synonym ('+NAME') before any entry");
                    continue;
                }
                string synonym = trimmed[1..].Trim();
                int bracket = synonym.IndexOf('[', StringComparison.Ordinal);
                if (bracket >= 0)
                {
                    ReadCodes(file, number, synonym[bracket..], block);
                    synonym = synonym[..bracket].Trim();
                }
                if (synonym.Length > 0) block.Synonyms.Add(synonym);
                continue;
            }
            if (trimmed.StartsWith('[') || (char.IsWhiteSpace(line[0]) && block is not null))
            {
                if (block is null)
                {
                    Error(file, number, "a code before any entry");
                    continue;
                }
                ReadCodes(file, number, trimmed, block);
                continue;
            }
            if (block is not null) FinishTabari(file, block);
            int open = trimmed.IndexOf('[', StringComparison.Ordinal);
            string name = open >= 0 ? trimmed[..open].Trim() : trimmed;
            block = new TabariBlock(name, number);
            if (open >= 0) ReadCodes(file, number, trimmed[open..], block);
        }
        if (block is not null) FinishTabari(file, block);
    }

    /// <summary>
    /// A PETRARCH agents file: each noun gives the sector appended to the code of the actor it follows
    /// ("Dagolathi police" DAGCOP; alone, the sector: "police" COP). A noun without braces also matches its
    /// regular plural, `{A B}` lists the plurals, `{}` has none; `!SET!` in a noun stands for each word of
    /// a `!SET! = A, B` line. Codes placed before the actor's (`[NGO~]`) are reported and skipped. A new noun
    /// stands alone and takes its country as most embedded agent nouns do (a place after "in" included).
    /// </summary>
    private void ReadPetrarchAgents(string file, string text)
    {
        var sets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (number, untrimmed) in TabariLines(text))
        {
            string line = untrimmed.Trim();
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line[0] == '!' && equals > 0)
            {
                sets[line[..equals].Trim()] = line[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            int open = line.IndexOf('[', StringComparison.Ordinal), close = line.IndexOf(']', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                Error(file, number, "an agent needs a [~CODE]");
                continue;
            }
            string code = line[(open + 1)..close].Replace(" ", "", StringComparison.Ordinal);
            if (!code.StartsWith('~'))
            {
                Warn(file, number, $"'[{code}]': a code placed before the actor's is not supported; ignored");
                continue;
            }
            string sector = code[1..];
            if (!IsCode(sector))
            {
                Error(file, number, $"'{sector}' is not a sector code");
                continue;
            }
            string noun = line[..open].Trim();
            var forms = new List<string>();
            int brace = noun.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                int end = noun.IndexOf('}', brace);
                if (end < 0)
                {
                    Error(file, number, "missing '}'");
                    continue;
                }
                forms.AddRange(noun[(brace + 1)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                noun = noun[..brace].Trim();
            }
            else forms.Add(Plural(noun));
            // Dyad reads a title ("ambassador", "minister", "official") as a person's office, with its own
            // government code, and keeps lists of them ("the ambassadors of A, B and C"): a title stays a title
            if (Substitute(noun, sets).Any(n => ActorLexicon.Titles.ContainsKey(Key(n.Replace('_', ' '))))) continue;
            forms.Insert(0, noun);
            var agent = new Agent(sector, Cameo("---" + sector).Kind, Alone: true, AgentContext.Place);
            foreach (var form in forms.SelectMany(f => Substitute(f, sets)))
            {
                string key = Key(form.Replace('_', ' '));
                if (key.Length == 0) continue;
                // a noun the embedded lexicon knows keeps how it finds its country ("ambassadors of A, B and C"); only its code changes
                var own = ActorLexicon.Agents.TryGetValue(key, out var known) ? known with { Sector = sector } : agent;
                if (!_agents.TryAdd(key, own) && _agents[key] != own)
                    Warn(file, number, $"duplicate: '{form}' is already {_agents[key].Sector}; ignored");
            }
        }
    }

    // PETRARCH's regular plural of an agent noun's last word
    private static string Plural(string noun) =>
        noun.EndsWith('S') || noun.EndsWith('X') || noun.EndsWith("CH", StringComparison.Ordinal) || noun.EndsWith("SH", StringComparison.Ordinal) ? noun + "ES"
        : noun.EndsWith('Y') && noun.Length > 1 && !"AEIOU".Contains(noun[^2], StringComparison.Ordinal) ? noun[..^1] + "IES"
        : noun + "S";

    private static IEnumerable<string> Substitute(string form, Dictionary<string, string[]> sets)
    {
        foreach (var (name, words) in sets)
        {
            if (!form.Contains(name, StringComparison.Ordinal)) continue;
            return words.SelectMany(w => Substitute(form.Replace(name, w, StringComparison.Ordinal), sets));
        }
        return [form];
    }

    /// <summary>The lines of a TABARI or PETRARCH file that hold something, numbered from 1, without their '#' comments.</summary>
    private static IEnumerable<(int Number, string Line)> TabariLines(string text)
    {
        int number = 0;
        foreach (var raw in WithoutXmlComments(text).Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length > 0) yield return (number, line);
        }
    }

    // PETRARCH's dictionaries wrap headers and notes in XML comments, some over several lines; blanking them
    // (newlines kept, so diagnostics keep their line numbers) stops their words being read as actor names.
    private static string WithoutXmlComments(string text)
    {
        if (!text.Contains("<!--", StringComparison.Ordinal)) return text;
        var b = new System.Text.StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf("<!--", i, StringComparison.Ordinal);
            if (open < 0) break;
            int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
            int end = close < 0 ? text.Length : close + 3;
            b.Append(text, i, open - i);
            for (int k = open; k < end; k++) if (text[k] == '\n') b.Append('\n');
            i = end;
        }
        if (i < text.Length) b.Append(text, i, text.Length - i);
        return b.ToString();
    }

    private void ReadCodes(string file, int line, string text, TabariBlock block)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] != '[')
            {
                Error(file, line, $"unexpected text '{text[i..].Trim()}' where a [CODE] was expected");
                return;
            }
            int close = text.IndexOf(']', i);
            if (close < 0)
            {
                Error(file, line, "missing ']'");
                return;
            }
            string inside = text[(i + 1)..close].Trim();
            i = close + 1;
            var parts = inside.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                Error(file, line, "empty code '[]'");
                continue;
            }
            string code = parts[0].TrimStart('~');
            if (code.Trim('-').Length == 0) continue;
            if (!IsCode(code))
            {
                Error(file, line, $"'{code}' is not an actor code");
                continue;
            }
            DateOnly? from = null, to = null;
            if (parts.Length > 1)
            {
                string range = string.Concat(parts[1..]);
                bool ok;
                if (range.StartsWith('>')) ok = TryTabariDate(range[1..], out from);
                else if (range.StartsWith('<')) ok = TryTabariDate(range[1..], out to);
                else
                {
                    int dash = range.IndexOf('-', StringComparison.Ordinal);
                    ok = dash > 0 && TryTabariDate(range[..dash], out from) && TryTabariDate(range[(dash + 1)..], out to);
                }
                if (!ok)
                {
                    Error(file, line, $"bad date range '{range}' (expected >YYMMDD, <YYMMDD or YYMMDD-YYMMDD)");
                    continue;
                }
            }
            block.Codes.Add((code, from, to));
        }
    }

    private static bool TryTabariDate(string text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            date = full;
            return true;
        }
        if (text.Length != 6 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)) return false;
        int yy = value / 10000, mm = value / 100 % 100, dd = value % 100;
        int year = yy <= 30 ? 2000 + yy : 1900 + yy;
        if (mm is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(year, mm)) return false;
        date = new DateOnly(year, mm, dd);
        return true;
    }

    private void FinishTabari(string file, TabariBlock block)
    {
        if (block.Codes.Count == 0)
        {
            Warn(file, block.Line, $"'{block.Name}' has no code; ignored");
            return;
        }
        var names = new List<string> { block.Name };
        names.AddRange(block.Synonyms);
        bool person = block.Codes.Any(c => c.From is not null || c.To is not null) || block.Codes.Any(c => Role(c.Code) == "ELI");
        if (person)
        {
            string display = Display(block.Name);
            var undated = block.Codes.FirstOrDefault(c => c.From is null && c.To is null);
            bool first = true;
            foreach (var (code, from, to) in block.Codes.Where(c => c.From is not null || c.To is not null))
            {
                var (actor, country, _) = Cameo(code);
                AddPerson(display, first ? block.Synonyms.Select(Display) : [], new PersonTerm(actor, country, null, from, to, $"{file}:{block.Line}"), null, file, block.Line);
                first = false;
            }
            if (undated.Code is not null)
            {
                var (actor, country, _) = Cameo(undated.Code);
                AddPerson(display, first ? block.Synonyms.Select(Display) : [], null, (actor, country), file, block.Line);
            }
            return;
        }
        var (entryActor, entryCountry, kind) = Cameo(block.Codes[0].Code);
        var entry = new ActorEntry(entryActor, entryCountry, kind, NameForm.Name, null, null, $"{file}:{block.Line}");
        foreach (var name in names)
        {
            var (keys, rules) = Pattern(name, tabari: true);
            AddEntityPattern(name, keys, rules, entry, file, block.Line);
        }
    }

    private static string Display(string tabariName)
    {
        var words = tabariName.Replace('_', ' ').Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => w.Length <= 1 ? w : w[0] + w[1..].ToLowerInvariant()));
    }

    private static string? Role(string code) => code.Length >= 6 && !code.StartsWith("IGO", StringComparison.Ordinal) ? code.Substring(3, 3) : null;

    /// <summary>Reads a CAMEO code as TABARI writes it: IGOUNO is our UNO, RUSGOV stays RUSGOV.</summary>
    private static (string Actor, string? Country, ActorKind Kind) Cameo(string code)
    {
        if (code.StartsWith("IGO", StringComparison.Ordinal) && code.Length >= 6)
        {
            string org = code[3..];
            return (org, org[..3], ActorKind.Igo);
        }
        string prefix = code[..Math.Min(3, code.Length)];
        if (prefix is "IMG" or "NGO" or "MNC" or "UIS" or "NGM")
        {
            var transnational = prefix switch { "IMG" => ActorKind.ArmedGroup, "MNC" => ActorKind.Company, _ => ActorKind.Group };
            return (code, null, transnational);
        }
        string country = CameoCountries.GetValueOrDefault(prefix, prefix);
        string actor = country + code[prefix.Length..];
        var kind = code.Length < 6 ? ActorKind.State : code.Substring(3, 3) switch
        {
            "GOV" or "JUD" or "LEG" => ActorKind.Government,
            "MIL" or "SPY" => ActorKind.Military,
            "REB" or "INS" or "UAF" => ActorKind.ArmedGroup,
            "BUS" => ActorKind.Company,
            "PTY" => ActorKind.Party,
            "ELI" => ActorKind.Person,
            _ => ActorKind.Group,
        };
        return (actor, country, kind);
    }

    // ---- shared helpers ----------------------------------------------------------------------

    internal static string Key(string name) => string.Join(' ', NameTokenizer.Tokenize(name).Select(t => t.Key));

    private static readonly HashSet<string> FunctionWords = ["of", "the", "and", "for", "de", "la", "al", "el", "in", "on", "du", "des", "del", "da", "der", "von", "van", "'", "s", "&", "."];

    /// <summary>The trie keys of a name and what each word requires of the text.</summary>
    internal static (string[] Keys, CaseRule[] Rules) Pattern(string name, bool tabari)
    {
        if (tabari) name = name.Replace('_', ' ').Trim();
        var tokens = NameTokenizer.Tokenize(name);
        var keys = new string[tokens.Count];
        var rules = new CaseRule[tokens.Count];
        int words = tokens.Count(t => t.IsWord);
        for (int k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            keys[k] = token.Key;
            if (!token.IsWord || (token.Shape & TokenShape.Digit) != 0) rules[k] = CaseRule.Any;
            else if (tabari) rules[k] = FunctionWords.Contains(token.Key) ? CaseRule.Any : words == 1 && token.Key.Length <= 4 ? CaseRule.Upper : CaseRule.Capital;
            else rules[k] = token.AllUpper ? CaseRule.Upper : token.StartsUpper ? CaseRule.Capital : CaseRule.Any;
        }
        return (keys, rules);
    }

    private static IEnumerable<string> Names(string cell) =>
        cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool IsCode(string code) => code.Length >= 2 && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    private static readonly string[] RoleSuffixes = ["GOV", "MIL", "ELI", "PTY", "LEG", "JUD", "SPY", "OPP", "REB", "BUS", "MED", "CVL"];

    /// <summary>The country of an actor code: RUSGOV -> RUS; an organisation's code is its own country (UNO, NATO).</summary>
    internal static string CountryOf(string actor)
    {
        if (actor.Length >= 6 && RoleSuffixes.Contains(actor.Substring(3, 3))) return actor[..3];
        return actor;
    }

    private static bool TryKind(string text, out ActorKind kind, out NameForm form)
    {
        form = NameForm.Name;
        if (text == "none")
        {
            form = NameForm.Blocked;
            kind = ActorKind.Place;
            return true;
        }
        if (text.StartsWith("metonym:", StringComparison.Ordinal))
        {
            form = NameForm.Metonym;
            text = text["metonym:".Length..];
        }
        else if (text.StartsWith("demonym:", StringComparison.Ordinal))
        {
            form = NameForm.Demonym;
            text = text["demonym:".Length..];
        }
        return KindNames.TryGetValue(text, out kind);
    }

    internal static readonly Dictionary<string, ActorKind> KindNames = new(StringComparer.Ordinal)
    {
        ["state"] = ActorKind.State,
        ["government"] = ActorKind.Government,
        ["military"] = ActorKind.Military,
        ["igo"] = ActorKind.Igo,
        ["party"] = ActorKind.Party,
        ["company"] = ActorKind.Company,
        ["armed-group"] = ActorKind.ArmedGroup,
        ["person"] = ActorKind.Person,
        ["place"] = ActorKind.Place,
        ["group"] = ActorKind.Group,
    };

    private bool TryDates(string file, int line, string fromText, string toText, out DateOnly? from, out DateOnly? to)
    {
        from = to = null;
        if (fromText.Length > 0 && !TryDate(fromText, end: false, out from))
        {
            Error(file, line, $"bad date '{fromText}' (expected YYYY-MM-DD, YYYY-MM or YYYY)");
            return false;
        }
        if (toText.Length > 0 && !TryDate(toText, end: true, out to))
        {
            Error(file, line, $"bad date '{toText}' (expected YYYY-MM-DD, YYYY-MM or YYYY)");
            return false;
        }
        if (from is not null && to is not null && to < from)
        {
            Error(file, line, $"the term ends ({toText}) before it starts ({fromText})");
            return false;
        }
        return true;
    }

    internal static bool TryDate(string text, bool end, out DateOnly? date)
    {
        date = null;
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", c, DateTimeStyles.None, out var day))
        {
            date = day;
            return true;
        }
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", c, DateTimeStyles.None, out var month))
        {
            date = end ? month.AddMonths(1).AddDays(-1) : month;
            return true;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, c, out int year) && year is >= 1 and <= 9999)
        {
            date = end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
            return true;
        }
        return false;
    }

    private void Error(string file, int line, string message) => _diagnostics.Add(new(file, line, DiagnosticSeverity.Error, message));

    private void Warn(string file, int line, string message) => _diagnostics.Add(new(file, line, DiagnosticSeverity.Warning, message));
}
