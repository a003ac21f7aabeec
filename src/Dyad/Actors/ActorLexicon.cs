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

/// <summary>
/// The words that surround actor names: titles before a person's name ("Defence Minister",
/// "Supreme Leader"), agent nouns after a country ("Russian officials", "the Chinese delegation"),
/// pronouns, plural descriptions and the prepositions that make a capital a place. Each table is
/// a set of lower-case word sequences matched longest first.
/// </summary>
internal static class ActorLexicon
{
    /// <summary>Title phrases and the office they name; "head" titles can stand alone as descriptions ("the North Korean leader").</summary>
    public static readonly FrozenDictionary<string, Office> Titles = new Dictionary<string, Office>(StringComparer.Ordinal)
    {
        ["president"] = Office.Head, ["vice president"] = Office.Civil, ["acting president"] = Office.Head, ["president elect"] = Office.Civil,
        ["prime minister"] = Office.Head, ["pm"] = Office.Head, ["premier"] = Office.Head, ["chancellor"] = Office.Head, ["state counsellor"] = Office.Head,
        ["supreme leader"] = Office.Head, ["leader"] = Office.Head, ["chairman"] = Office.Head, ["chairwoman"] = Office.Head,
        ["general secretary"] = Office.Head, ["first secretary"] = Office.Head, ["king"] = Office.Head, ["queen"] = Office.Head,
        ["emperor"] = Office.Head, ["crown prince"] = Office.Head, ["emir"] = Office.Head, ["sultan"] = Office.Head,
        ["head of state"] = Office.Head, ["dictator"] = Office.Head, ["strongman"] = Office.Head, ["ayatollah"] = Office.Head,
        ["foreign minister"] = Office.Foreign, ["fm"] = Office.Foreign, ["foreign secretary"] = Office.Foreign,
        ["secretary of state"] = Office.Foreign, ["top diplomat"] = Office.Foreign, ["foreign affairs minister"] = Office.Foreign,
        ["minister of foreign affairs"] = Office.Foreign,
        ["defence minister"] = Office.Defence, ["defense minister"] = Office.Defence, ["defence secretary"] = Office.Defence,
        ["defense secretary"] = Office.Defence, ["secretary of defense"] = Office.Defence, ["minister of defence"] = Office.Defence,
        ["minister of defense"] = Office.Defence, ["minister of national defense"] = Office.Defence, ["war secretary"] = Office.Defence,
        ["minister"] = Office.Civil, ["deputy minister"] = Office.Civil, ["deputy prime minister"] = Office.Civil, ["vice premier"] = Office.Civil,
        ["secretary"] = Office.Civil, ["secretary general"] = Office.Head, ["ambassador"] = Office.Civil, ["envoy"] = Office.Civil,
        ["special envoy"] = Office.Civil, ["spokesman"] = Office.Civil, ["spokeswoman"] = Office.Civil, ["spokesperson"] = Office.Civil,
        ["senator"] = Office.Civil, ["sen"] = Office.Civil, ["governor"] = Office.Civil, ["mayor"] = Office.Civil, ["member"] = Office.Civil,
        ["politburo member"] = Office.Civil, ["national security adviser"] = Office.Civil, ["national security advisor"] = Office.Civil,
        ["speaker"] = Office.Civil, ["director"] = Office.Civil, ["commissioner"] = Office.Civil, ["official"] = Office.Civil,
        ["general"] = Office.Military, ["gen"] = Office.Military, ["admiral"] = Office.Military, ["adm"] = Office.Military,
        ["marshal"] = Office.Military, ["field marshal"] = Office.Military, ["colonel"] = Office.Military, ["col"] = Office.Military,
        ["commander"] = Office.Military, ["chief of staff"] = Office.Military, ["chief of the general staff"] = Office.Military,
        ["army chief"] = Office.Military, ["naval chief"] = Office.Military, ["military chief"] = Office.Military,
        ["commander in chief"] = Office.Military, ["lieutenant general"] = Office.Military, ["lt gen"] = Office.Military,
        ["mr"] = Office.None, ["mrs"] = Office.None, ["ms"] = Office.None, ["dr"] = Office.None, ["former"] = Office.None,
        ["then"] = Office.None, ["late"] = Office.None, ["outgoing"] = Office.None, ["incoming"] = Office.None, ["new"] = Office.None,
        ["top"] = Office.None, ["senior"] = Office.None, ["deputy"] = Office.None, ["vice"] = Office.None,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Agent nouns after a country word and the code suffix and kind they give ("Russian military" -> RUSMIL).</summary>
    public static readonly FrozenDictionary<string, (string Suffix, ActorKind Kind)> Agents = new Dictionary<string, (string, ActorKind)>(StringComparer.Ordinal)
    {
        ["government"] = ("GOV", ActorKind.Government), ["officials"] = ("GOV", ActorKind.Government), ["official"] = ("GOV", ActorKind.Government),
        ["authorities"] = ("GOV", ActorKind.Government), ["delegation"] = ("GOV", ActorKind.Government), ["delegations"] = ("GOV", ActorKind.Government),
        ["side"] = ("GOV", ActorKind.Government), ["administration"] = ("GOV", ActorKind.Government), ["regime"] = ("GOV", ActorKind.Government),
        ["leadership"] = ("GOV", ActorKind.Government), ["cabinet"] = ("GOV", ActorKind.Government), ["diplomats"] = ("GOV", ActorKind.Government),
        ["diplomat"] = ("GOV", ActorKind.Government), ["embassy"] = ("GOV", ActorKind.Government), ["foreign ministry"] = ("GOV", ActorKind.Government),
        ["ministry of foreign affairs"] = ("GOV", ActorKind.Government), ["envoys"] = ("GOV", ActorKind.Government), ["negotiators"] = ("GOV", ActorKind.Government),
        ["parliament"] = ("GOV", ActorKind.Government), ["lawmakers"] = ("GOV", ActorKind.Government), ["presidency"] = ("GOV", ActorKind.Government),
        ["junta"] = ("GOV", ActorKind.Government), ["state"] = ("GOV", ActorKind.Government), ["ministers"] = ("GOV", ActorKind.Government), ["leaders"] = ("GOV", ActorKind.Government),
        ["foreign office"] = ("GOV", ActorKind.Government), ["ministry"] = ("GOV", ActorKind.Government),
        ["counterpart"] = ("GOV", ActorKind.Government), ["counterparts"] = ("GOV", ActorKind.Government),
        ["military"] = ("MIL", ActorKind.Military), ["army"] = ("MIL", ActorKind.Military), ["armed forces"] = ("MIL", ActorKind.Military),
        ["forces"] = ("MIL", ActorKind.Military), ["troops"] = ("MIL", ActorKind.Military), ["soldiers"] = ("MIL", ActorKind.Military),
        ["navy"] = ("MIL", ActorKind.Military), ["air force"] = ("MIL", ActorKind.Military), ["defence ministry"] = ("MIL", ActorKind.Military),
        ["defense ministry"] = ("MIL", ActorKind.Military), ["ministry of defence"] = ("MIL", ActorKind.Military), ["ministry of defense"] = ("MIL", ActorKind.Military),
        ["military delegation"] = ("MIL", ActorKind.Military), ["generals"] = ("MIL", ActorKind.Military), ["commanders"] = ("MIL", ActorKind.Military),
        ["naval chief"] = ("MIL", ActorKind.Military), ["army chief"] = ("MIL", ActorKind.Military), ["military chief"] = ("MIL", ActorKind.Military),
        ["coast guard"] = ("MIL", ActorKind.Military), ["warships"] = ("MIL", ActorKind.Military), ["fighter jets"] = ("MIL", ActorKind.Military),
        ["state media"] = ("MED", ActorKind.Group), ["media"] = ("MED", ActorKind.Group), ["news agency"] = ("MED", ActorKind.Group),
        ["rebels"] = ("REB", ActorKind.ArmedGroup), ["insurgents"] = ("REB", ActorKind.ArmedGroup), ["militants"] = ("REB", ActorKind.ArmedGroup),
        ["separatists"] = ("REB", ActorKind.ArmedGroup), ["opposition"] = ("OPP", ActorKind.Group), ["protesters"] = ("CVL", ActorKind.Group),
        ["police"] = ("COP", ActorKind.Government), ["intelligence"] = ("SPY", ActorKind.Government), ["spy agency"] = ("SPY", ActorKind.Government),
        ["companies"] = ("BUS", ActorKind.Company), ["firms"] = ("BUS", ActorKind.Company),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The first and last words of the titles, and the first words of the agent nouns, to skip lookups quickly.</summary>
    public static readonly FrozenSet<string> TitleFirstWords = Titles.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> TitleLastWords = Titles.Keys.Select(k => k.Split(' ')[^1]).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> AgentFirstWords = Agents.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Singular personal pronouns resolved to a person.</summary>
    public static readonly FrozenSet<string> Pronouns = new[] { "he", "him", "his", "himself", "she", "her", "hers", "herself" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Plural descriptions of the people just named ("the two leaders", "both men").</summary>
    public static readonly FrozenSet<string> PluralNouns = new[] { "leaders", "presidents", "men", "heads of state", "ministers", "foreign ministers", "defence ministers", "defense ministers", "statesmen", "women" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Plural descriptions of the countries just named ("both countries", "the two governments"); not "both sides", which often names the parties of a conflict rather than the last two countries.</summary>
    public static readonly FrozenSet<string> PluralStateNouns = new[] { "countries", "nations", "states", "governments", "capitals" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before a capital that make it a place rather than its government ("visited Moscow").</summary>
    public static readonly FrozenSet<string> Locatives = new[]
    {
        "in", "to", "at", "from", "into", "near", "visit", "visits", "visited", "visiting", "toward", "towards", "outside",
        "around", "across", "via", "inside", "through", "reached", "arrived", "reach", "left", "leave", "leaving", "flew",
        "travelled", "traveled", "returned", "downtown", "capital", "city", "entered", "enter", "entering",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Common English words that are also surnames: a bare surname from this list needs a title or an earlier full name.</summary>
    public static readonly FrozenSet<string> CommonWordSurnames = new[]
    {
        "no", "song", "moon", "rice", "ford", "gates", "baker", "austin", "park", "hong", "carter", "kan", "dong", "may",
        "brown", "king", "long", "rich", "black", "white", "young", "law", "lee", "li", "wang", "kim", "han", "ri", "yu", "cho",
        "chun", "shin", "kang", "choe", "pak", "jang", "hyon", "ahn", "suh", "gong", "choi", "kwon", "yun", "yoo", "hwang", "chung",
        "roh", "qin", "cao", "chi", "wei", "hu", "zhu", "wen", "hua", "liu", "tang", "yang", "zhao", "jiang",
        "kishi", "miki", "uno", "mori", "hata", "aso", "eto", "kono", "kerry", "perry", "cohen", "powell",
        "christopher", "harris", "gore", "hagel", "ivanov", "johnson", "bush", "clinton", "kennedy", "kozyrev",
    }.ToFrozenSet(StringComparer.Ordinal);
}
