using System.Collections.Frozen;

namespace Dyad.Actors;

/// <summary>What a title or agent noun says about the actor it describes.</summary>
internal enum Office
{
    /// <summary>Head of state or government: president, leader, premier, king.</summary>
    Head,
    Foreign,
    Defence,

    /// <summary>Another civilian office: minister, secretary, ambassador, member.</summary>
    Civil,
    Military,

    /// <summary>A courtesy or descriptive word that names no office: Mr, former, then.</summary>
    None,
}

/// <summary>Where an agent noun standing alone takes its country from, besides the words before it and a place after "of" or "from".</summary>
internal enum AgentContext
{
    /// <summary>Also a place after "in", "at", "near" ("police in Lima"), else the document's subject country.</summary>
    Place,

    /// <summary>Also the document's subject country, but not a place after "in": troops and diplomats are often abroad.</summary>
    Subject,

    /// <summary>Neither: refugees and tourists are rarely the people of the country they are in.</summary>
    Named,
}

/// <summary>
/// An agent noun's sector (the code suffix: GOV, COP, CVL), the kind of actor it is, whether it is a mention
/// without a country word before it, and where it then takes its country from.
/// </summary>
internal sealed record Agent(string Sector, ActorKind Kind, bool Alone, AgentContext Context);

/// <summary>
/// The words that surround actor names: titles before a person's name ("Defence Minister",
/// "Supreme Leader"), agent nouns ("Russian officials", "police in Lima"), pronouns, plural
/// descriptions and the prepositions that make a capital a place. The tables are data
/// (data/actors/lexicon/); each is a set of lower-case word sequences matched longest first.
/// </summary>
internal static class ActorLexicon
{
    private const string Prefix = "Dyad.data.actors/lexicon/";

    private static readonly Dictionary<string, Office> OfficeNames = new(StringComparer.Ordinal)
    {
        ["head"] = Office.Head, ["foreign"] = Office.Foreign, ["defence"] = Office.Defence,
        ["civil"] = Office.Civil, ["military"] = Office.Military, ["none"] = Office.None,
    };

    private static readonly Dictionary<string, AgentContext> ContextNames = new(StringComparer.Ordinal)
    {
        ["place"] = AgentContext.Place, ["subject"] = AgentContext.Subject, ["named"] = AgentContext.Named,
    };

    /// <summary>Title phrases and the office they name; "head" titles can stand alone as descriptions ("the North Korean leader").</summary>
    public static readonly FrozenDictionary<string, Office> Titles = ParseTitles("titles.tsv", Read("titles.tsv"));

    /// <summary>Agent nouns and the sector and kind they give ("Russian military" -> RUSMIL, "police" -> COP).</summary>
    public static readonly FrozenDictionary<string, Agent> Agents = ParseAgents("agents.tsv", Read("agents.tsv"));

    private static readonly FrozenDictionary<string, FrozenSet<string>> Words = ParseWords("words.tsv", Read("words.tsv"));

    /// <summary>The first and last words of the titles, and the first words of the agent nouns, to skip lookups quickly.</summary>
    public static readonly FrozenSet<string> TitleFirstWords = Titles.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> TitleLastWords = Titles.Keys.Select(k => k.Split(' ')[^1]).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> AgentFirstWords = Agents.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The most words an agent noun has.</summary>
    public static readonly int AgentLength = Agents.Keys.Max(k => k.Split(' ').Length);

    /// <summary>Singular personal pronouns resolved to a person.</summary>
    public static readonly FrozenSet<string> Pronouns = Words["pronouns"];

    /// <summary>Plural descriptions of the people just named ("the two leaders", "both men").</summary>
    public static readonly FrozenSet<string> PluralNouns = Words["plural-people"];

    /// <summary>Plural descriptions of the countries just named ("both countries", "the two governments").</summary>
    public static readonly FrozenSet<string> PluralStateNouns = Words["plural-states"];

    /// <summary>Words before a capital that make it a place rather than its government ("visited Moscow").</summary>
    public static readonly FrozenSet<string> Locatives = Words["locatives"];

    /// <summary>Common English words that are also surnames: a bare surname from this list needs a title or an earlier full name.</summary>
    public static readonly FrozenSet<string> CommonWordSurnames = Words["common-surnames"];

    /// <summary>Sectors (lower case) of a state's own organs: standing alone as the object of a verb whose subject is a state or its leader, they are that state's ("Kim put the armed forces on alert").</summary>
    public static readonly FrozenSet<string> CommandedSectors = Words["commanded-sectors"];

    /// <summary>Pronouns for a group or several actors ("they", "them").</summary>
    public static readonly FrozenSet<string> PluralPronouns = Words["plural-pronouns"];

    /// <summary>"it": a state, organisation or armed group named before.</summary>
    public static readonly FrozenSet<string> SingularPronouns = Words["singular-pronouns"];

    /// <summary>Nouns that after "the" stand for the last armed group, party or organisation named ("the group").</summary>
    public static readonly FrozenSet<string> GroupNouns = Words["group-nouns"];

    /// <summary>Nouns that after "the" stand for the last state named ("the country").</summary>
    public static readonly FrozenSet<string> StateNouns = Words["state-nouns"];

    /// <summary>Words that tie an agent noun to the place it belongs to ("police in Lima", "the parliament of Peru").</summary>
    public static readonly FrozenSet<string> PlaceLinks = Words["place-links"];

    internal static string Read(string file)
    {
        using var stream = typeof(ActorLexicon).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"missing embedded resource {Prefix}{file}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The data rows of a lexicon file: its non-comment lines cut at tabs, each with its line number; a row with another number of cells is an error naming the file and line.</summary>
    internal static IEnumerable<(int Line, string[] Cells)> Rows(string file, string text, int columns)
    {
        int number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length != columns) throw new InvalidDataException($"{file}:{number}: expected {columns} tab-separated cells, found {cells.Length}");
            yield return (number, cells);
        }
    }

    private static IEnumerable<string> Phrases(string file, int line, string cell)
    {
        foreach (var phrase in cell.Split('|', StringSplitOptions.TrimEntries))
        {
            // a phrase is looked up by the keys of the words it matches: "asylum seekers" for "asylum-seekers"
            if (phrase.Length == 0 || string.Join(' ', NameTokenizer.Tokenize(phrase).Select(t => t.Key)) != phrase)
                throw new InvalidDataException($"{file}:{line}: a phrase is written in lower case as its words are keyed (a hyphen as a space): '{phrase}'");
            yield return phrase;
        }
    }

    internal static FrozenDictionary<string, Office> ParseTitles(string file, string text)
    {
        var titles = new Dictionary<string, Office>(StringComparer.Ordinal);
        foreach (var (line, cells) in Rows(file, text, 2))
        {
            if (!OfficeNames.TryGetValue(cells[1], out var office)) throw new InvalidDataException($"{file}:{line}: unknown office '{cells[1]}' (head, foreign, defence, civil, military or none)");
            foreach (var title in Phrases(file, line, cells[0]))
                if (!titles.TryAdd(title, office)) throw new InvalidDataException($"{file}:{line}: duplicate title '{title}'");
        }
        return titles.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal static FrozenDictionary<string, Agent> ParseAgents(string file, string text)
    {
        var agents = new Dictionary<string, Agent>(StringComparer.Ordinal);
        foreach (var (line, cells) in Rows(file, text, 5))
        {
            if (cells[1].Length != 3 || !cells[1].All(char.IsAsciiLetterUpper)) throw new InvalidDataException($"{file}:{line}: a sector is three capital letters: '{cells[1]}'");
            if (!ActorDictionaryBuilder.KindNames.TryGetValue(cells[2], out var kind)) throw new InvalidDataException($"{file}:{line}: unknown kind '{cells[2]}'");
            if (cells[3] is not ("yes" or "no")) throw new InvalidDataException($"{file}:{line}: alone is 'yes' or 'no': '{cells[3]}'");
            if (!ContextNames.TryGetValue(cells[4], out var context)) throw new InvalidDataException($"{file}:{line}: context is 'place', 'subject' or 'named': '{cells[4]}'");
            var agent = new Agent(cells[1], kind, cells[3] == "yes", context);
            foreach (var phrase in Phrases(file, line, cells[0]))
                if (!agents.TryAdd(phrase, agent)) throw new InvalidDataException($"{file}:{line}: duplicate agent noun '{phrase}'");
        }
        return agents.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal static FrozenDictionary<string, FrozenSet<string>> ParseWords(string file, string text)
    {
        var lists = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var (line, cells) in Rows(file, text, 2))
            if (!lists.TryAdd(cells[0], Phrases(file, line, cells[1]).ToFrozenSet(StringComparer.Ordinal))) throw new InvalidDataException($"{file}:{line}: duplicate list '{cells[0]}'");
        return lists.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
