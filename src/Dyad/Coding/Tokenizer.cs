using System.Collections.Frozen;
using Dyad.Documents;

namespace Dyad.Coding;

internal enum TokenKind { Word, Number, Possessive, Punct }

/// <summary>A token of a sentence: its span in the document, lower-cased form and lemma.</summary>
internal readonly record struct Token(TextSpan Span, string Text, string Lower, string Lemma, TokenKind Kind, bool AfterHyphen)
{
    public bool IsWord => Kind is TokenKind.Word;

    public override string ToString() => Text;
}

/// <summary>
/// Splits a sentence into word, number, possessive ('s) and punctuation tokens. Hyphenated words are
/// split into their parts ("test-fired" -> test, fired) with <see cref="Token.AfterHyphen"/> set, so
/// that "Putin-Kim" and "US-drafted" expose the names inside them.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, TextSpan range, Lemmatizer lemmatizer)
    {
        var tokens = new List<Token>();
        int i = range.Start;
        bool hyphen = false;
        while (i < range.End)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; hyphen = false; continue; }
            if (char.IsLetter(c))
            {
                int s = i;
                while (i < range.End && (char.IsLetter(text[i]) || (text[i] is '.' && i + 1 < range.End && char.IsUpper(text[i + 1]) && i - s == 1 && char.IsUpper(text[s]))
                    || (text[i] is '\'' or '’' && i + 1 < range.End && char.IsLetter(text[i + 1]) && !(text[i + 1] is 's' && (i + 2 >= range.End || !char.IsLetter(text[i + 2]))) && !(text[i + 1] is 't' && text[i - 1] == 'n'))))
                    i++;
                // "U.S." keeps its final period
                if (i < range.End && text[i] == '.' && i - s >= 3 && text[s..i].Contains('.')) i++;
                int e = i;
                if (e - s > 1 && text[e - 1] == 'n' && e < range.End && text[e] is '\'' or '’' && e + 1 < range.End && text[e + 1] == 't')
                {
                    Add(tokens, text, s, e - 1, TokenKind.Word, hyphen, lemmatizer);
                    tokens.Add(new Token(new TextSpan(e - 1, e + 2), text.Substring(e - 1, 3), "n't", "not", TokenKind.Word, false));
                    i = e + 2;
                }
                else Add(tokens, text, s, e, TokenKind.Word, hyphen, lemmatizer);
                hyphen = false;
                continue;
            }
            if (char.IsDigit(c))
            {
                int s = i;
                while (i < range.End && (char.IsDigit(text[i]) || (text[i] is ',' or '.' && i + 1 < range.End && char.IsDigit(text[i + 1])))) i++;
                Add(tokens, text, s, i, TokenKind.Number, hyphen, lemmatizer);
                hyphen = false;
                continue;
            }
            if (c is '\'' or '’' && i + 1 < range.End && text[i + 1] == 's' && (i + 2 >= range.End || !char.IsLetter(text[i + 2])))
            {
                tokens.Add(new Token(new TextSpan(i, i + 2), text.Substring(i, 2), "'s", "'s", TokenKind.Possessive, false));
                i += 2;
                continue;
            }
            if (c is '-' && tokens.Count > 0 && tokens[^1].Span.End == i && i + 1 < range.End && char.IsLetterOrDigit(text[i + 1]))
            {
                hyphen = true;
                i++;
                continue;
            }
            if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                tokens.Add(new Token(new TextSpan(i, i + 1), text.Substring(i, 1), text.Substring(i, 1), text.Substring(i, 1), TokenKind.Punct, false));
            }
            i++;
        }
        return tokens;
    }

    private static void Add(List<Token> tokens, string text, int s, int e, TokenKind kind, bool hyphen, Lemmatizer lemmatizer)
    {
        string t = text[s..e];
        string lower = t.ToLowerInvariant();
        tokens.Add(new Token(new TextSpan(s, e), t, lower, kind == TokenKind.Word ? lemmatizer.Lemma(lower) : lower, kind, hyphen));
    }
}

/// <summary>
/// English lemmas for verbs and nouns: an irregular-form table, then suffix rules checked against a
/// vocabulary of known lemmas (the trigger lexicon's words and common verbs) where it can.
/// </summary>
internal sealed class Lemmatizer
{
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>
    {
        ["met"] = "meet", ["held"] = "hold", ["took"] = "take", ["taken"] = "take", ["made"] = "make", ["sent"] = "send",
        ["fought"] = "fight", ["bought"] = "buy", ["sold"] = "sell", ["shot"] = "shoot", ["struck"] = "strike", ["stricken"] = "strike",
        ["broke"] = "break", ["broken"] = "break", ["led"] = "lead", ["gave"] = "give", ["given"] = "give", ["began"] = "begin",
        ["begun"] = "begin", ["brought"] = "bring", ["threw"] = "throw", ["drove"] = "drive", ["driven"] = "drive", ["flew"] = "fly",
        ["flown"] = "fly", ["put"] = "put", ["cut"] = "cut", ["set"] = "set", ["left"] = "leave", ["paid"] = "pay", ["told"] = "tell",
        ["said"] = "say", ["saw"] = "see", ["seen"] = "see", ["won"] = "win", ["withdrew"] = "withdraw", ["withdrawn"] = "withdraw",
        ["undertook"] = "undertake", ["undertaken"] = "undertake", ["sought"] = "seek", ["taught"] = "teach", ["blew"] = "blow",
        ["blown"] = "blow", ["stood"] = "stand", ["spoke"] = "speak", ["spoken"] = "speak", ["chose"] = "choose", ["wrote"] = "write",
        ["written"] = "write", ["forgave"] = "forgive", ["forgiven"] = "forgive", ["kept"] = "keep", ["lent"] = "lend", ["spent"] = "spend",
        ["dealt"] = "deal", ["fled"] = "flee", ["went"] = "go", ["gone"] = "go", ["came"] = "come", ["knelt"] = "kneel", ["laid"] = "lay",
        ["hit"] = "hit", ["was"] = "be", ["were"] = "be", ["is"] = "be", ["are"] = "be", ["been"] = "be", ["am"] = "be",
        ["had"] = "have", ["has"] = "have", ["did"] = "do", ["does"] = "do", ["done"] = "do", ["became"] = "become",
        ["arms"] = "arm", ["talks"] = "talk", ["relations"] = "relation", ["ties"] = "tie", ["forces"] = "force",
        ["crises"] = "crisis", ["thought"] = "think", ["found"] = "find", ["rose"] = "rise", ["fell"] = "fall", ["heard"] = "hear",
        ["froze"] = "freeze", ["frozen"] = "freeze", ["swore"] = "swear", ["sworn"] = "swear", ["shook"] = "shake", ["beat"] = "beat",
        ["beaten"] = "beat", ["bound"] = "bind", ["drew"] = "draw", ["drawn"] = "draw", ["grew"] = "grow", ["grown"] = "grow",
        ["ran"] = "run", ["meant"] = "mean", ["overran"] = "overrun", ["overrun"] = "overrun", ["slew"] = "slay", ["bore"] = "bear",
        ["news"] = "news", ["series"] = "series", ["means"] = "means", ["us"] = "us", ["this"] = "this", ["his"] = "his",
        ["its"] = "its", ["as"] = "as", ["was"] = "be", ["less"] = "less", ["across"] = "across", ["press"] = "press",
        ["process"] = "process", ["congress"] = "congress", ["progress"] = "progress", ["access"] = "access", ["address"] = "address",
        ["express"] = "express", ["alliances"] = "alliance", ["sanctions"] = "sanction", ["exercises"] = "exercise",
        ["manoeuvres"] = "manoeuvre", ["ceasefires"] = "ceasefire", ["missiles"] = "missile", ["statuses"] = "status",
        ["hostages"] = "hostage", ["detainees"] = "detainee", ["negotiations"] = "negotiation", ["speculations"] = "speculation",
        ["condolences"] = "condolence", ["agreed"] = "agree", ["freed"] = "free", ["supplies"] = "supply",
        ["supplied"] = "supply", ["deliveries"] = "delivery", ["normalised"] = "normalise", ["normalized"] = "normalize",
        ["recognised"] = "recognise", ["recognized"] = "recognize", ["criticised"] = "criticise", ["criticized"] = "criticize",
        ["apologised"] = "apologise", ["apologized"] = "apologize", ["mobilised"] = "mobilise", ["mobilized"] = "mobilize",
        ["caused"] = "cause", ["used"] = "use", ["using"] = "use", ["issued"] = "issue", ["pursued"] = "pursue",
        ["continued"] = "continue", ["argued"] = "argue", ["accused"] = "accuse", ["refused"] = "refuse", ["opposed"] = "oppose",
        ["imposed"] = "impose", ["reimposed"] = "reimpose", ["exchanged"] = "exchange", ["engaged"] = "engage", ["staged"] = "stage",
        ["urged"] = "urge", ["pledged"] = "pledge", ["lodged"] = "lodge", ["purchased"] = "purchase", ["released"] = "release",
        ["increased"] = "increase", ["massacred"] = "massacre", ["announced"] = "announce", ["denounced"] = "denounce",
        ["invaded"] = "invade", ["traded"] = "trade", ["blockaded"] = "blockade", ["provided"] = "provide", ["decided"] = "decide",
        ["retaliated"] = "retaliate", ["negotiated"] = "negotiate", ["mediated"] = "mediate", ["speculated"] = "speculate",
        ["assassinated"] = "assassinate", ["investigated"] = "investigate", ["demonstrated"] = "demonstrate", ["violated"] = "violate",
        ["reiterated"] = "reiterate", ["cooperated"] = "cooperate", ["annexed"] = "annex", ["examined"] = "examine",
        ["placed"] = "place", ["produced"] = "produce", ["reduced"] = "reduce", ["introduced"] = "introduce", ["received"] = "receive",
        ["served"] = "serve", ["observed"] = "observe", ["believed"] = "believe", ["arrived"] = "arrive", ["moved"] = "move",
        ["removed"] = "remove", ["approved"] = "approve", ["proposed"] = "propose", ["closed"] = "close", ["raised"] = "raise",
        ["praised"] = "praise", ["advised"] = "advise", ["revised"] = "revise", ["surprised"] = "surprise", ["declared"] = "declare",
        ["prepared"] = "prepare", ["compared"] = "compare", ["captured"] = "capture", ["secured"] = "secure", ["ensured"] = "ensure",
        ["tortured"] = "torture", ["pressured"] = "pressure", ["vetoed"] = "veto", ["vetoes"] = "veto", ["embargoes"] = "embargo",
        ["torpedoed"] = "torpedo", ["echoed"] = "echo", ["stationed"] = "station", ["poisoned"] = "poison",
        ["threatened"] = "threaten", ["strengthened"] = "strengthen", ["happened"] = "happen", ["opened"] = "open",
        ["shelled"] = "shell", ["expelled"] = "expel", ["compelled"] = "compel", ["patrolled"] = "patrol", ["controlled"] = "control",
        ["travelled"] = "travel", ["traveled"] = "travel", ["cancelled"] = "cancel", ["quelled"] = "quell", ["levelled"] = "level",
        ["visited"] = "visit", ["hosted"] = "host", ["tested"] = "test", ["requested"] = "request", ["protested"] = "protest",
        ["arrested"] = "arrest", ["suggested"] = "suggest", ["invested"] = "invest", ["insisted"] = "insist", ["assisted"] = "assist",
        ["lifted"] = "lift", ["shifted"] = "shift", ["granted"] = "grant", ["planted"] = "plant", ["wanted"] = "want",
        ["attacked"] = "attack", ["backed"] = "back", ["blocked"] = "block", ["knocked"] = "knock", ["checked"] = "check",
        ["seized"] = "seize", ["organised"] = "organise", ["organized"] = "organize",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenSet<string> _known;

    public Lemmatizer(IEnumerable<string> knownLemmas) =>
        _known = knownLemmas.Concat(CommonVerbs).ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] CommonVerbs =
    [
        "be", "have", "do", "go", "make", "take", "come", "see", "get", "give", "use", "find", "tell", "ask", "work",
        "seem", "feel", "try", "leave", "call", "need", "help", "talk", "turn", "start", "show", "hear", "play", "run",
        "move", "live", "believe", "hold", "bring", "happen", "write", "provide", "sit", "stand", "lose", "pay", "meet",
        "include", "continue", "set", "learn", "change", "lead", "understand", "watch", "follow", "stop", "create",
        "speak", "read", "allow", "add", "spend", "grow", "open", "walk", "win", "offer", "remember", "love", "consider",
        "appear", "buy", "wait", "serve", "die", "send", "expect", "build", "stay", "fall", "cut", "reach", "kill",
        "remain", "suggest", "raise", "pass", "sell", "require", "report", "decide", "pull", "produce", "face", "hope",
        "discuss", "prepare", "refrain", "replenish", "indulge", "compel", "deprive", "accompany", "precede", "inspect",
        "familiarize", "attend", "stem", "celebrate", "terminate", "assure", "justify", "advance", "boost", "enable",
        "intend", "plan", "aim", "want", "wish", "hesitate", "try", "seek", "fail", "manage", "deploy", "engage",
    ];

    public string Lemma(string lower)
    {
        if (Irregular.TryGetValue(lower, out var irregular)) return irregular;
        if (lower.Length <= 3 || _known.Contains(lower)) return lower;
        foreach (var candidate in Candidates(lower))
            if (_known.Contains(candidate)) return candidate;
        // Unknown words: the plain suffix strip, or the word itself.
        if (lower.EndsWith("ies", StringComparison.Ordinal)) return lower[..^3] + "y";
        if (lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith("us", StringComparison.Ordinal) || lower.EndsWith("is", StringComparison.Ordinal)) return lower;
        if (lower.EndsWith('s')) return lower[..^1];
        return lower;
    }

    private static IEnumerable<string> Candidates(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal)) yield return w[..^3] + "y";
        if (w.EndsWith("es", StringComparison.Ordinal)) { yield return w[..^2]; yield return w[..^1]; }
        if (w.EndsWith('s')) yield return w[..^1];
        if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            string stem = w[..^2];
            yield return stem;
            yield return stem + "e";
            if (stem.Length > 2 && stem[^1] == stem[^2]) yield return stem[..^1];
            yield return w[..^1];
        }
        if (w.EndsWith("ing", StringComparison.Ordinal))
        {
            string stem = w[..^3];
            yield return stem;
            yield return stem + "e";
            if (stem.Length > 2 && stem[^1] == stem[^2]) yield return stem[..^1];
        }
    }
}
