using System.Collections.Frozen;
using Dyad.Documents;
using Dyad.Syntax;

namespace Dyad.Coding;

internal enum TokenKind { Word, Number, Possessive, Punct }

/// <summary>A token of a sentence: its span in the document, lower-cased form and lemma.</summary>
internal readonly record struct Token(TextSpan Span, string Text, string Lower, string Lemma, TokenKind Kind, bool AfterHyphen)
{
    public bool IsWord => Kind is TokenKind.Word;

    public override string ToString() => Text;
}

/// <summary>
/// The event coder's view of a sentence's words from the syntax layer: each word with its lower-cased
/// form, a lemma and a kind (word, number, possessive 's, punctuation). Hyphenated words read as their
/// parts ("test-fired" -> test, fired with <see cref="Token.AfterHyphen"/> set), so that "Putin-Kim" and
/// "US-drafted" expose the names inside them, and a period written onto a word ("Mr.") stands apart.
/// </summary>
internal static class CoderTokens
{
    public static List<Token> From(string text, ParsedSentence sentence, Lemmatizer lemmatizer)
    {
        var words = sentence.Tokens;
        var tokens = new List<Token>(words.Length);
        bool hyphen = false;
        for (int i = 0; i < words.Length; i++)
        {
            var span = words[i].Span;
            // a hyphen joining two words with no space is no token; the word after it is marked
            if (IsJoiningHyphen(text, span) && i > 0 && i + 1 < words.Length && words[i - 1].Span.End == span.Start && words[i + 1].Span.Start == span.End)
            {
                hyphen = true;
                continue;
            }
            int start = span.Start;
            for (int k = span.Start; k < span.End; k++)
            {
                if (!IsJoiningHyphen(text, new TextSpan(k, k + 1)) || k == start || k + 1 >= span.End || !char.IsLetterOrDigit(text[k - 1]) || !char.IsLetterOrDigit(text[k + 1])) continue;
                Add(tokens, text, start, k, hyphen, lemmatizer);
                hyphen = true;
                start = k + 1;
            }
            Add(tokens, text, start, span.End, hyphen, lemmatizer);
            hyphen = false;
        }
        return tokens;
    }

    private static bool IsJoiningHyphen(string text, TextSpan span) => span.Length == 1 && text[span.Start] == '-';

    private static void Add(List<Token> tokens, string text, int start, int end, bool afterHyphen, Lemmatizer lemmatizer)
    {
        string form = text[start..end];
        char first = form[0];
        if (form.Length == 2 && first is '\'' or '’' && form[1] is 's' or 'S')
        {
            tokens.Add(new Token(new TextSpan(start, end), form, "'s", "'s", TokenKind.Possessive, false));
            return;
        }
        if (char.IsDigit(first))
        {
            tokens.Add(new Token(new TextSpan(start, end), form, form, form, TokenKind.Number, afterHyphen));
            return;
        }
        if (!char.IsLetter(first) && !(first is '\'' or '’' && form.Length > 1))
        {
            // punctuation, one mark a token
            for (int k = start; k < end; k++) tokens.Add(new Token(new TextSpan(k, k + 1), text.Substring(k, 1), text.Substring(k, 1), text.Substring(k, 1), TokenKind.Punct, false));
            return;
        }
        // "Mr." reads as "Mr" and "."; dotted acronyms ("U.S.") keep their periods
        if (form.Length > 1 && form[^1] == '.' && form.IndexOf('.') == form.Length - 1)
        {
            Add(tokens, text, start, end - 1, afterHyphen, lemmatizer);
            tokens.Add(new Token(new TextSpan(end - 1, end), ".", ".", ".", TokenKind.Punct, false));
            return;
        }
        string lower = form.ToLowerInvariant().Replace('’', '\'');
        string lemma = lower == "n't" ? "not" : lemmatizer.Lemma(lower);
        tokens.Add(new Token(new TextSpan(start, end), form, lower, lemma, TokenKind.Word, afterHyphen));
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
