using System.Collections.Frozen;
using System.Collections.Immutable;
using Dyad.Actors;
using Dyad.Documents;
using Dyad.Syntax;
using Dyad.Time;

namespace Dyad.Coding;

/// <summary>An actor unit: one resolved actor of a mention ("the two leaders" gives two units with one span).</summary>
internal sealed record Unit(ActorMention Mention, int Start, int End);

/// <summary>A coordinated group of actor units: "Russia along with China", "Iran, Iraq and North Korea".</summary>
internal sealed class Group(int start, int end, List<Unit> units)
{
    public int Start { get; } = start;
    public int End { get; set; } = end;
    public List<Unit> Units { get; } = units;
}

/// <summary>A trigger found in the sentence: the lexicon entry, its head and the tokens its pattern used.</summary>
internal sealed class Match(TriggerEntry entry, int head, int[] tokens, bool passive)
{
    public TriggerEntry Entry { get; } = entry;
    public int Head { get; } = head;
    public int[] Tokens { get; } = tokens;
    public int Last => Tokens[^1];
    public bool Passive { get; } = passive;
    public Match? AbsorbedBy { get; set; }
    public Match? Complement { get; set; }
    public Group? Object { get; set; }
}

/// <summary>The structure of one sentence and the events it yields.</summary>
internal sealed class SentenceAnalysis
{
    private readonly EventCoder _coder;
    private readonly string _text;
    private readonly Sentence _sentence;
    private readonly List<Token> _t;
    private readonly int[] _groupAt;
    private readonly List<Group> _groups = [];
    private readonly int[] _segment;
    private readonly List<(TimeExpression Time, int Token)> _times = [];
    private readonly bool[] _inTime;
    private readonly List<Match> _matches = [];
    private readonly bool[] _inParens;
    private readonly SentenceTree _tree;
    public SentenceAnalysis(EventCoder coder, string text, Sentence sentence, ParsedSentence syntax, ImmutableArray<ActorMention> mentions, ImmutableArray<TimeExpression> times)
    {
        _coder = coder;
        _text = text;
        _sentence = sentence;
        _t = CoderTokens.From(text, syntax);
        _tree = new SentenceTree(syntax, _t);
        _groupAt = new int[_t.Count];
        Array.Fill(_groupAt, -1);
        _inTime = new bool[_t.Count];
        foreach (var time in times)
        {
            int first = -1;
            for (int i = 0; i < _t.Count; i++)
                if (_t[i].Span.Overlaps(time.Span)) { _inTime[i] = true; if (first < 0) first = i; }
            if (first >= 0) _times.Add((time, first));
        }
        _inParens = new bool[_t.Count];
        for (int i = 0, depth = 0; i < _t.Count; i++)
        {
            if (_t[i].Lower == "(") depth++;
            _inParens[i] = depth > 0;
            if (_t[i].Lower == ")" && depth > 0) depth--;
        }
        BuildGroups(mentions);
        _segment = Segments();
        FindTriggers();
    }

    private int Count => _t.Count;

    private string L(int i) => i >= 0 && i < _t.Count ? _t[i].Lower : "";

    // ---------- actors ----------

    private void BuildGroups(ImmutableArray<ActorMention> mentions)
    {
        var units = new List<Unit>();
        foreach (var m in mentions)
        {
            if (m.Actor is null && m.Country is null) continue;
            int s = -1, e = -1;
            for (int i = 0; i < _t.Count; i++)
            {
                if (_t[i].Span.Overlaps(m.Span)) { if (s < 0) s = i; e = i + 1; }
            }
            if (s < 0 || _inTime[s]) continue;
            // "pro-Russian rebels", "anti-American protests": supporters or opponents of the actor, not the actor
            if (s > 1 && _t[s].AfterHyphen && _t[s - 1].Lower is "-" && _t[s - 2].Lower is "pro" or "anti") continue;
            if (s > 0 && _t[s].AfterHyphen && _t[s - 1].Lower is "pro" or "anti") continue;
            // "Soviet-era debt", "Western-style reforms", "Russia-backed republics": the name dates or describes a
            // thing, it does not act and is not acted on ("Saudi-led coalition" stays: the leader acts)
            if (e < _t.Count && _t[e].AfterHyphen && Words.DescriptiveCompounds.Contains(_t[e].Lower)) continue;
            if (units.Count > 0 && units[^1].Start < e && s < units[^1].End && units[^1].Mention.Span != m.Span) continue;
            units.Add(new Unit(m, s, e));
        }
        int k = 0;
        while (k < units.Count)
        {
            var group = new Group(units[k].Start, units[k].End, [units[k]]);
            int n = k + 1;
            while (n < units.Count && units[n].Start == units[k].Start) { group.Units.Add(units[n]); n++; }
            bool source = group.Start >= 2 && (_t[group.Start - 2].Lower, _t[group.Start - 1].Lower) is ("according", "to") or ("as", "per")
                || group.Start >= 3 && (_t[group.Start - 3].Lower, _t[group.Start - 2].Lower) is ("according", "to") or ("as", "per") && Words.Determiners.Contains(_t[group.Start - 1].Lower);
            while (n < units.Count && Coordinated(group.End, units[n].Start)
                && !(source && CommaOnly(group.End, units[n].Start))
                && !NewClause(group, units[n])
                && (!CommaOnly(group.End, units[n].Start) || n + 1 < units.Count && Coordinated(units[n].End, units[n + 1].Start)
                    || SubjectList(group, units[n])))
            {
                int start = units[n].Start;
                while (n < units.Count && units[n].Start == start) { group.Units.Add(units[n]); group.End = Math.Max(group.End, units[n].End); n++; }
            }
            _groups.Add(group);
            for (int i = group.Start; i < group.End; i++) _groupAt[i] = _groups.Count - 1;
            k = n;
        }
    }

    // "Paris, Berlin reject plan": two actors in a comma list right before a verb
    private bool SubjectList(Group group, Unit next)
    {
        if (group.Start > 0 && !(_t[group.Start - 1].Kind == TokenKind.Punct && _t[group.Start - 1].Lower is not ",")) return false;
        return next.End < _t.Count && _t[next.End].IsWord && char.IsLower(_t[next.End].Text[0]) && _coder.Lexicon.ByHead.ContainsKey(_t[next.End].Lemma);
    }

    // "the two sides talked in Oman, and Iran and Saudi Arabia restored relations": after a place or object in a
    // prepositional phrase, ", and" with a verb soon after opens a new clause with its own subject
    private bool NewClause(Group group, Unit next)
    {
        if (group.Start == 0 || !Words.Prepositions.Contains(_t[group.Start - 1].Lower)) return false;
        bool commaAnd = false;
        for (int i = group.End; i + 1 < next.Start; i++) commaAnd |= _t[i].Lower == "," && _t[i + 1].Lower == "and";
        if (!commaAnd) return false;
        for (int k = next.End; k < _t.Count && k <= next.End + 6; k++)
        {
            if (_t[k].Kind == TokenKind.Punct) return false;
            if (_t[k].IsWord && char.IsLower(_t[k].Text[0]) && _coder.Lexicon.ByHead.ContainsKey(_t[k].Lemma) && _t[k].Lower != _t[k].Lemma + "s") return true;
        }
        return false;
    }

    private bool CommaOnly(int end, int start)
    {
        for (int i = end; i < start; i++) if (_t[i].Lower is "and" or "or" or "along" or "together") return false;
        return true;
    }

    // Tokens between two actors that make them one coordinated group.
    private bool Coordinated(int end, int start)
    {
        if (start <= end) return start == end && _t[start].AfterHyphen is false && false;
        bool joiner = false;
        for (int i = end; i < start; i++)
        {
            string w = _t[i].Lower;
            if (w is "and" or "," or "or" or "as" or "well" or "along" or "together" or "with" or "then" or "also" || Words.Determiners.Contains(w) && w is not ("than" or "no"))
            {
                if (w is "and" or "," or "or" or "along" or "together") joiner = true;
                if (w == "with" && !(i > end && _t[i - 1].Lower is "along" or "together")) return false;
                if (w == "as" && !(i + 1 < start && _t[i + 1].Lower == "well")) return false;
                continue;
            }
            return false;
        }
        // "Russia and China vetoed": coordination; "Kim visited Russia and met Putin" never reaches here (verb between).
        return joiner;
    }

    private Group? GroupAt(int i) => i >= 0 && i < _t.Count && _groupAt[i] >= 0 ? _groups[_groupAt[i]] : null;

    // ---------- clauses ----------

    private int[] Segments()
    {
        var seg = new int[_t.Count];
        int s = 0;
        bool relative = false;
        for (int i = 0; i < _t.Count; i++)
        {
            string w = _t[i].Lower;
            // "Kim, who visited Vladivostok in 2019, met Putin": the comma closes the relative clause
            bool closes = relative && w == "," && i + 1 < _t.Count && _groupAt[i + 1] < 0;
            if (w is "who" or "which" && i > 0 && _t[i - 1].Lower == ",") relative = true;
            else if (closes) relative = false;
            bool boundary = closes || Words.Boundaries.Contains(w)
                || (w is "and" && i > 0 && _t[i - 1].Lower == ",")
                || (w is "and" && i + 1 < _t.Count && Words.Pronouns.Contains(_t[i + 1].Lower))
                || (w is "that" && i > 0 && IsReportingHead(i - 1));
            if (boundary && i > 0 && _groupAt[i] < 0) s++;
            seg[i] = s;
        }
        return seg;
    }

    private bool IsReportingHead(int i)
    {
        if (!_t[i].IsWord || !_coder.Lexicon.ByHead.TryGetValue(_t[i].Lemma, out var entries)) return false;
        return entries.Any(e => e.Report is not null && e.Length == 1);
    }

    // ---------- triggers ----------

    private bool VerbLike(int i)
    {
        var tok = _t[i];
        if (tok.AfterHyphen) return false;
        int j = i - 1;
        if (j >= 0 && _t[j].AfterHyphen && _t[j].IsWord && _groupAt[j] < 0) return false;
        bool bare = tok.Lower == tok.Lemma || tok.Lower == tok.Lemma + "s" || tok.Lower == tok.Lemma + "es";
        // "State media called ...": a capitalised bare word opening the sentence is a noun
        if (bare && char.IsUpper(tok.Text[0]) && (j < 0 || _t[j].Kind == TokenKind.Punct)) return false;
        if (bare && j >= 1 && _t[j].IsWord && char.IsUpper(_t[j].Text[0]) && _groupAt[j] < 0
            && (Words.Prepositions.Contains(_t[j - 1].Lower) || Words.Determiners.Contains(_t[j - 1].Lower)))
            return false; // "despite Western protests", "the Hanoi talks": a capitalised modifier in a noun phrase
        if (bare && j >= 0)
        {
            var p = _t[j];
            // "artillery shells", "official visits": a noun after a plain noun or adjective
            if (p.IsWord && _groupAt[j] < 0 && char.IsLower(p.Text[0]) && !Words.Auxiliaries.Contains(p.Lower) && !Words.Prepositions.Contains(p.Lower)
                && !Words.Determiners.Contains(p.Lower) && !Words.Pronouns.Contains(p.Lower) && p.Lower is not ("and" or "or" or "that" or "which" or "who" or "they" or "also"))
                return false;
            // "the Brussels attacks", "a Havana jail"
            if (_groupAt[j] >= 0 && _groups[_groupAt[j]].Start > 0 && Words.Determiners.Contains(_t[_groups[_groupAt[j]].Start - 1].Lower))
                return false;
            // "an American drone strike", "a North Korean missile test"
            if (_groupAt[j] >= 0 && tok.Lower == tok.Lemma && char.IsLower(p.Text[0]) && Words.EventNouns.Contains(tok.Lemma))
                return false;
        }
        if (j >= 0 && Words.BeforeVerbs.Contains(_t[j].Lower))
            return true;
        // "a joint statement saying that ...": a participle after a report noun is its verb
        // "an order withdrawing the United States from ...", "a resolution condemning ...": so after a decree noun
        if (tok.Lower.EndsWith("ing", StringComparison.Ordinal) && j >= 0 && (Words.ReportNouns.Contains(_t[j].Lower)
                || Words.DocumentNouns.Contains(_t[j].Lower)))
            return true;
        // walk back over adjective-like words to a determiner or possessive: a noun phrase
        bool past = !bare && !tok.Lower.EndsWith("ing", StringComparison.Ordinal);
        for (int back = 0; back < 3 && j >= 0 && !(past && back > 0); back++, j--)
        {
            var p = _t[j];
            // "Russia and China both voted": a quantifier after the subject floats, it does not open a noun phrase
            if (p.Lower is "both" or "all" or "each" && j > 0 && _groupAt[j - 1] >= 0) break;
            if (p.Kind == TokenKind.Possessive || Words.Determiners.Contains(p.Lower) && p.Lower is not ("first" or "then" or "last")) return false;
            if (p.Kind == TokenKind.Punct || Words.Prepositions.Contains(p.Lower) || Words.Auxiliaries.Contains(p.Lower) || _groupAt[j] >= 0) break;
            if (p.Lower.EndsWith("ed", StringComparison.Ordinal) || p.Lower is "and" or "that") break;
        }
        if (i > 0 && _groupAt[i - 1] < 0 && Words.Prepositions.Contains(_t[i - 1].Lower) && !tok.Lower.EndsWith("ing", StringComparison.Ordinal)) return false;
        return true;
    }

    private void FindTriggers()
    {
        var lexicon = _coder.Lexicon;
        var used = new bool[_t.Count];
        for (int i = 0; i < _t.Count; i++)
        {
            if (!_t[i].IsWord || _inTime[i] || _groupAt[i] >= 0 || used[i]) continue;
            if (!lexicon.ByHead.TryGetValue(_t[i].Lemma, out var entries)) continue;
            bool verb = VerbLike(i);
            bool hasVerbEntry = entries.Any(e => e.Pos == TriggerPos.Verb);
            if (verb && i > 0 && _t[i].Lower.EndsWith("ing", StringComparison.Ordinal)
                && Words.GerundPrepositions.Contains(_t[i - 1].Lower))
                continue;
            if (verb && i > 0 && Words.ConditionOpeners.Contains(_t[i - 1].Lower)) continue;
            foreach (var entry in entries)
            {
                if (entry.Pos == TriggerPos.Verb && !verb) continue;
                if (entry.Pos == TriggerPos.Noun && verb && hasVerbEntry) continue;
                var tokens = MatchPattern(entry, i) ?? PassivePattern(entry, i, used) ?? ComplementPattern(entry, i);
                if (tokens is null) continue;
                foreach (var u in tokens) used[u] = true;
                for (int u = 1; u < tokens.Length; u++)
                    for (int v = tokens[u]; v > tokens[u - 1] && _t[v].IsWord && (entry.Words[u].Contains(_t[v].Lemma) || _t[v].Lower == "and"); v--) used[v] = true;
                _matches.Add(new Match(entry, i, tokens, entry.Pos == TriggerPos.Verb && IsPassive(i)));
                break;
            }
        }
        foreach (var m in _matches) m.Object = ObjectOf(m);
        AbsorbPurposes();
        // complements of offers, appeals, demands, threats and refusals are part of them
        foreach (var m in _matches)
        {
            if (m.Entry.Absorb == Absorb.None || m.AbsorbedBy is not null) continue;
            foreach (var c in _matches)
            {
                if (c == m || c.Head <= m.Head || c.Head > m.Last + 14 || c.AbsorbedBy is not null || c.Entry.Report is not null) continue;
                bool linked = c.Head == m.Last + 1 && _t[c.Head].Lower.EndsWith("ing", StringComparison.Ordinal);
                int link = -1;
                for (int j = m.Head + 1; j < c.Head; j++)
                {
                    if (_t[j].Lower is ";" or "." or "and" or "but" && _groupAt[j] < 0) { linked = false; link = -1; break; }
                    if (_t[j].Lower is "to" or "that" or "of" && link < 0) link = j;
                }
                int afterObject = m.Object is { } o && o.Start > m.Last ? o.End : m.Last + 1;
                if (link >= 0 && link <= Math.Max(m.Last, afterObject) + 3 && c.Head - link <= 5) linked = true;
                if (!linked) continue;
                c.AbsorbedBy = m;
                m.Complement = c;
                // "offered to remove the missiles to ..." : a purpose clause of the complement goes too
                foreach (var d in _matches)
                    if (d.Head > c.Last && d.Head <= c.Last + 8 && d.AbsorbedBy is null && d.Head > 0 && _t[d.Head - 1].Lower == "to" && d.Entry.Report is null)
                        d.AbsorbedBy = m;
                break;
            }
        }
    }

    // "went on strike to press the government for higher pay": a protest's purpose clause of pressure, appeal or
    // protest states its demand, not an event of its own; the one pressed is the protest's target
    private void AbsorbPurposes()
    {
        foreach (var c in _matches)
        {
            if (c.AbsorbedBy is not null || c.Entry.Pos != TriggerPos.Verb || c.Entry.Code is not { Length: >= 2 } code || !Words.PurposeRoots.Contains(code[..2])) continue;
            int w = _tree.WordOf(c.Head);
            if (_tree.Relation(w) != "advcl" || _tree[w].Xpos != "VB" || !_tree.Children(w).Any(d => _tree.Relation(d) == "mark" && _tree[d].Lemma.ToLowerInvariant() == "to")) continue;
            var main = _matches.FirstOrDefault(o => o != c && o.AbsorbedBy is null && _tree.WordOf(o.Head) == _tree.Head(w) && o.Entry.Code is { Length: >= 2 } own && own.StartsWith("14", StringComparison.Ordinal));
            if (main is null) continue;
            c.AbsorbedBy = main;
            main.Complement ??= c;
        }
    }

    // "imposed sweeping sanctions", "launched devastating strikes": an -ing word right before the pattern's noun modifies it
    private bool Premodifier(int j, FrozenSet<string> next) =>
        j + 1 < _t.Count && (next.Contains(_t[j + 1].Lemma) || next.Contains(_t[j + 1].Lower));

    private int[]? MatchPattern(TriggerEntry entry, int head)
    {
        var tokens = new int[entry.Length];
        tokens[0] = head;
        int at = head;
        for (int w = 1; w < entry.Length; w++)
        {
            bool function = entry.Words[w].All(x => Words.Prepositions.Contains(x) || x is "back" or "down" or "off" or "up" or "out");
            int limit = function ? 3 : 8;
            int found = -1, gap = 0;
            for (int j = at + 1; j < _t.Count && gap <= limit; j++)
            {
                var tok = _t[j];
                if (tok.Kind == TokenKind.Punct && tok.Lower is "," or ";" or ":" or "." or "(" or ")") break;
                if (Words.Boundaries.Contains(tok.Lower) && tok.Lower is not ("after" or "before" or "since")) break;
                if (Words.ExcludingPrepositions.Contains(tok.Lower)) break;
                // "announced that the alliance would ...": a that-clause is no object of the pattern's verb
                if (tok.Lower == "that" && j + 1 < _t.Count && !entry.Words[w].Contains(_t[j + 1].Lemma)) break;
                if (entry.Words[w].Contains(tok.Lemma) || entry.Words[w].Contains(tok.Lower)) { found = j; break; }
                if (!function && (tok.Lower == "to" && w == 1 && !(j + 1 < _t.Count && (_t[j + 1].Lower is "a" or "an" or "the" || entry.Words[w].Contains(_t[j + 1].Lemma))) || tok.Lower.Length > 4 && tok.Lower.EndsWith("ing", StringComparison.Ordinal) && _groupAt[j] < 0 && !Premodifier(j, entry.Words[w]))) break;
                if (_groupAt[j] < 0 && tok.Kind is TokenKind.Word) gap++;
            }
            if (found < 0) return null;
            // "artillery shells", "arms and ammunition": the rest of the noun goes with it
            while (found + 1 < _t.Count && (entry.Words[w].Contains(_t[found + 1].Lemma) || _t[found + 1].Lower is "and" && found + 2 < _t.Count && entry.Words[w].Contains(_t[found + 2].Lemma)))
                found += _t[found + 1].Lower == "and" ? 2 : 1;
            tokens[w] = found;
            at = found;
        }
        return tokens;
    }

    // "ruled on Tuesday that the suspension of parliament had been unlawful": a two-word pattern whose second word
    // is the predicate of the verb's complement clause, however far the parse finds it
    private int[]? ComplementPattern(TriggerEntry entry, int head)
    {
        if (entry.Pos != TriggerPos.Verb || entry.Length != 2 || !_tree.IsVerb(head)) return null;
        int word = _tree.ComplementPredicate(_tree.WordOf(head), entry.Words[1]);
        int token = word < 0 ? -1 : _tree.TokenOf(word);
        return token > head ? [head, token] : null;
    }

    // "a military agreement was signed with North Korea": in the passive the pattern's noun is the subject, before the verb
    private int[]? PassivePattern(TriggerEntry entry, int head, bool[] used)
    {
        if (entry.Pos != TriggerPos.Verb || entry.Length != 2 || !IsPassive(head)) return null;
        for (int j = head - 1; j >= 0 && j >= head - 8; j--)
        {
            var tok = _t[j];
            if (tok.Kind == TokenKind.Punct || _groupAt[j] >= 0 && j < head - 3 || Words.Boundaries.Contains(tok.Lower)) return null;
            if (entry.Words[1].Contains(tok.Lemma) || entry.Words[1].Contains(tok.Lower)) return used[j] ? null : [head];
        }
        return null;
    }

    private bool IsPassive(int head)
    {
        var tok = _t[head];
        if (tok.Lower == tok.Lemma && tok.Lemma is not ("hit" or "cut" or "put" or "set" or "shut" or "beat")
            || tok.Lower.EndsWith("ing", StringComparison.Ordinal) || tok.Lower.EndsWith('s') && !tok.Lower.EndsWith("ss", StringComparison.Ordinal)) return false;
        // "the North supported by the Soviet Union": a participle with its agent
        int n = head + 1;
        while (n < _t.Count && n <= head + 2 && _t[n].Lower is not "by" && _t[n].IsWord && _t[n].Lower.EndsWith("ly", StringComparison.Ordinal)) n++;
        if (n < _t.Count && _t[n].Lower == "by" && n + 1 < _t.Count && head > 0
            && (_groupAt[head - 1] >= 0 || _t[head - 1].Lower is "," || _t[head - 1].IsWord && char.IsLower(_t[head - 1].Text[0]) && !Words.Auxiliaries.Contains(_t[head - 1].Lower) && !_t[head - 1].Lower.EndsWith("ed", StringComparison.Ordinal))
            && AgentAfter(n) is not null) return true;
        for (int j = head - 1; j >= 0 && j >= head - 3; j--)
        {
            string w = _t[j].Lower;
            if (w is "was" or "were" or "is" or "are" or "been" or "being" or "be" or "got") return true;
            if (!Words.Auxiliaries.Contains(w) && !w.EndsWith("ly", StringComparison.Ordinal)) return false;
        }
        return false;
    }




    // "the American decision to recognise Jerusalem", "Washington's plan to expel": an infinitive after such a noun is
    // done by the noun's owner, named just before it, even when the noun phrase is another verb's object
    private Group? NounOwner(int head)
    {
        if (head < 3 || _t[head - 1].Lower != "to" || !Words.DecisionNouns.Contains(_t[head - 2].Lower)) return null;
        int k = head - 3;
        if (k >= 0 && _t[k].Kind == TokenKind.Possessive) k--;
        return GroupAt(k) is { } g && g.End == (_t[head - 3].Kind == TokenKind.Possessive ? head - 3 : head - 2) ? g : null;
    }

    // "Alexander Kozlov, the Russian minister for natural resources, announced": the subject is the name before the
    // apposition; when the name is unknown, the apposition says who it is.
    private Group? Apposition(int comma)
    {
        if (comma < 2 || _t[comma].Lower != ",") return null;
        int open = comma - 1;
        while (open >= 0 && open > comma - 12 && _t[open].Lower is not ("," or ";" or ".")) open--;
        if (open < 1 || _t[open].Lower != "," || _t[open + 1].Lower is not ("the" or "a" or "an") && _groupAt[open + 1] < 0) return null;
        var name = _t[open - 1];
        if (!name.IsWord || !char.IsUpper(name.Text[0])) return null;
        if (GroupAt(open - 1) is { } named) return named;
        for (int j = open + 1; j < comma; j++)
            if (GroupAt(j) is { } g && g.End <= comma && g.Units.All(u => u.Mention.Kind is ActorKind.Person or ActorKind.Government or ActorKind.Igo or ActorKind.Military or ActorKind.Party)) return g;
        return null;
    }

    private Group? AgentAfter(int by)
    {
        int k = by + 1;
        while (k < _t.Count && Words.Determiners.Contains(_t[k].Lower) && _groupAt[k] < 0) k++;
        return GroupAt(k);
    }

    private bool InPattern(Match m, int i) => Array.IndexOf(m.Tokens, i) >= 0;

    // The actor group right after the head or a pattern word (after determiners and numbers).
    private Group? ObjectOf(Match m)
    {
        foreach (int p in m.Tokens)
        {
            int j = p + 1;
            while (j < _t.Count && (Words.Determiners.Contains(_t[j].Lower) || _t[j].Kind == TokenKind.Number) && _groupAt[j] < 0) j++;
            var g = GroupAt(j);
            if (g is not null && g.Start == j) return g;
        }
        return null;
    }

    // ---------- arguments ----------

    /// <summary>The subject of a verb: the actor right before it, else the nearest actor to the left that is not
    /// in a prepositional phrase or the object of another verb. Null when the subject is a pronoun no one resolved.</summary>
    private Group? LeftSubject(int head, bool adjacentOnly = false)
    {
        // ", Haitian police said.": a reporting clause after a comma is spoken by the actor right before its verb,
        // whatever the parse hangs the clause on
        if (adjacentOnly && TrailingSpeaker(head) is { } speaker) return speaker;
        // the parse's subject when it names an actor; the word-order rules below where it does not (a pronoun,
        // a misparse, a noun the actor stage did not resolve)
        if (_tree.IsVerb(head))
        {
            int word = _tree.ResolvedSubject(_tree.WordOf(head), passive: false);
            if (word >= 0 && _tree[word].Upos != "PRON" && GroupOfPhrase(word) is { } subject) return subject;
            // "Japan will send aid, its finance minister said": a subject owned by "its" or "their" speaks for
            // the actor the pronoun stands for
            if (word >= 0 && _tree.Children(word).Any(c => _tree.Relation(c) == "nmod:poss" && _tree[c].Lemma.ToLowerInvariant() is "its" or "their")
                && ReportedClauseSubject(_tree.WordOf(head)) is { } owned) return owned;
        }
        if (Apposition(head - 1) is { } appositive) return appositive;
        if (NounOwner(head) is { } owner) return owner;
        // "accused Russia of sending tanks", "accused rebels of shooting down": a gerund after "of" is done by the
        // noun phrase before "of", and by nobody named when that is no actor
        if (head >= 2 && _t[head - 1].Lower == "of" && _t[head].Lower.EndsWith("ing", StringComparison.Ordinal)
            && !Words.DecisionNouns.Contains(_t[head - 2].Lower) && !Words.IntentWords.Contains(_t[head - 2].Lower) && _t[head - 2].Lower is not ("intentions" or "way" or "idea" or "possibility" or "risk" or "prospect"))
            return GroupAt(head - 2) is { } doer && doer.End == head - 1 ? doer : null;
        int start = head - 1;
        bool infinitive = false;
        while (start >= 0 && Words.Auxiliaries.Contains(_t[start].Lower) && _groupAt[start] < 0) { infinitive |= _t[start].Lower == "to"; start--; }
        for (int j = start, skipped = 0; j >= 0 && skipped <= 3 && !infinitive; j--)
        {
            if (_groupAt[j] >= 0)
            {
                var g = _groups[_groupAt[j]];
                // "signed a statement in Moscow, pledging ...": a participle's subject is not the place before it
                int pb = g.Start - 1;
                while (pb >= 0 && Words.Determiners.Contains(_t[pb].Lower) && _groupAt[pb] < 0) pb--;
                bool participle = _t[head].Lower.EndsWith("ing", StringComparison.Ordinal) && pb >= 0 && Words.LocationPrepositions.Contains(_t[pb].Lower);
                // "Russia might help North Korea put satellites into orbit": a bare infinitive's subject is the object before it
                if (g.End == head && g.Start > 0 && _t[g.Start - 1].IsWord && Words.BareInfinitiveControl.Contains(_t[g.Start - 1].Lemma)) return g;
                if (!IsObjectOfOther(g, head) && !participle) return g;
                break;
            }
            var tok = _t[j];
            if (Words.Pronouns.Contains(tok.Lower) && skipped == 0)
                return tok.Lower is "it" or "they" ? Antecedent(j) : null;
            // "the drone attack that killed three soldiers": a relative clause's subject is the noun it follows
            if (tok.Lower is "that" or "which" or "who" && skipped == 0 && j > 0 && !IsReportingHead(j - 1))
            {
                int before = _t[j - 1].Lower == "," ? j - 2 : j - 1; // "Kim, who visited Vladivostok, ..."
                return GroupAt(before) is { } relative && relative.End == before + 1 ? relative : null;
            }
            if (tok.Kind == TokenKind.Punct || Words.Prepositions.Contains(tok.Lower) || tok.Lower is "that" or "which" or "who" or "and" or "to" or "there") break;
            if (tok.Kind == TokenKind.Possessive) continue;
            skipped++;
        }
        if (adjacentOnly) return null;
        for (int j = start; j >= 0; j--)
        {
            if (_t[j].Lower is ";") return null;
            // "suspended Sudan after the military seized power": a clause opened by a conjunction has its own subject
            if (_groupAt[j] < 0 && Words.ClauseOpeners.Contains(_t[j].Lower)
                && j + 1 < start && Words.Determiners.Contains(_t[j + 1].Lower)) return null;
            if (_groupAt[j] < 0) continue;
            var g = _groups[_groupAt[j]];
            j = g.Start;
            int before = g.Start - 1;
            while (before >= 0 && Words.Determiners.Contains(_t[before].Lower) && _groupAt[before] < 0) before--;
            if (before >= 0 && (Words.Prepositions.Contains(_t[before].Lower) || _t[before].Lower == "(")) continue;
            if (_inParens[g.Start] && !_inParens[head]) continue;
            if (IsObjectOfOther(g, head)) continue;
            // "Russia tried to bring Pyongyang to the table to discuss": an infinitive's subject is not an object
            if (infinitive && before >= 0 && _t[before].IsWord && char.IsLower(_t[before].Text[0]) && _t[before].Lower is not ("and" or "that" or "or" or "but")
                && !Words.ObjectControl.Contains(_t[before].Lemma)) continue;
            return g;
        }
        return null;
    }

    // The actor between a comma and the verb at <paramref name="head"/> (auxiliaries and adverbs between them allowed).
    private Group? TrailingSpeaker(int head)
    {
        int j = head - 1;
        while (j >= 0 && Words.Auxiliaries.Contains(_t[j].Lower) && _groupAt[j] < 0) j--;
        if (GroupAt(j) is not { } g || g.End != j + 1) return null;
        int before = g.Start - 1;
        while (before >= 0 && Words.Determiners.Contains(_t[before].Lower) && _groupAt[before] < 0) before--;
        return before > 0 && _t[before].Text == "," ? g : null;
    }

    // "travelled to Moscow for talks with Stalin": the traveller holds the talks
    private bool PurposeNoun(Match m)
    {
        int j = m.Head - 1;
        while (j >= 0 && (Words.Determiners.Contains(_t[j].Lower) || _t[j].IsWord && char.IsLower(_t[j].Text[0]) && !Words.Prepositions.Contains(_t[j].Lower) && _groupAt[j] < 0) && m.Head - j < 4) j--;
        return j >= 0 && _t[j].Lower == "for";
    }

    // "transfers of munitions from North Korea to Russia"
    private Group? FromActor(Match m)
    {
        for (int j = m.Last + 1; j < _t.Count && j <= m.Last + 5; j++)
        {
            if (_t[j].Kind == TokenKind.Punct) return null;
            if (_t[j].Lower == "from") return GroupAt(j + 1);
        }
        return null;
    }

    private Group? DenialReporter(int head)
    {
        foreach (var r in _matches)
            if (r.Entry.Report == Modality.Denied && r.Head < head && ScopeEnd(r) > head) return LeftSubject(r.Head, adjacentOnly: true);
        return null;
    }


    /// <summary>The comma opening an appositive claim noun after <paramref name="from"/> ("..., an accusation Tehran rejected"), or -1.</summary>
    private int AppositiveClaim(int from)
    {
        for (int j = from; j + 2 < _t.Count; j++)
            if (_t[j].Lower == "," && _t[j + 1].Lower is "a" or "an" && Words.ClaimNouns.Contains(_t[j + 2].Lower)) return j;
        return -1;
    }

    private int ScopeEnd(Match r)
    {
        // "blamed Iran for the attacks, an accusation Tehran rejected": the appositive is the writer's again
        if (AppositiveClaim(r.Last + 1) is >= 0 and var appositive) return appositive;
        // "the meeting is said to have lasted five hours and later Kim visited ...": hearsay in the passive covers
        // its own infinitive; a clause joined after it with a subject of its own is the writer's again
        if (r.Head >= 1 && _t[r.Head - 1].Lower is "is" or "was" or "are" or "were" && r.Last + 1 < _t.Count && _t[r.Last + 1].Lower == "to")
        {
            for (int j = r.Last + 2; j + 1 < _t.Count; j++)
            {
                if (_t[j].Lower is not ("and" or "but" or ";")) continue;
                int k = j + 1;
                while (k < _t.Count && k <= j + 2 && _t[k].Lower is "later" or "then" or "afterwards" or "also" or "the") k++;
                if (GroupAt(k) is not null) return j;
            }
        }
        // "blamed Gulen for the coup and asked the United States to ...": a verb coordinated with the reporter is no
        // part of what it reports
        for (int j = r.Last + 1; j + 1 < _t.Count; j++)
        {
            if (_t[j].Lower is not ("and" or "but")) continue;
            int k = j + 1;
            while (k < _t.Count && _t[k].Lower is "then" or "also" or "later") k++;
            if (_matches.Any(m => m.Head == k && m.Entry.Pos == TriggerPos.Verb && !m.Passive)) return j;
        }
        bool subordinate = false;
        for (int j = r.Head - 1; j >= 0; j--)
        {
            if (Words.Subordinators.Contains(_t[j].Lower)) { subordinate = true; break; }
            if (_t[j].Lower is "," or ";") break;
        }
        if (!subordinate) return _t.Count;
        for (int j = r.Last + 1; j < _t.Count; j++) if (_t[j].Lower == ",") return j;
        return _t.Count;
    }

    // "Germany announced that it would send", "warned that North Korea will pay if it supplies":
    // "it" is the nearest actor before it that is not inside a prepositional phrase.
    private Group? Antecedent(int pronoun)
    {
        for (int j = pronoun - 1; j >= 0; j--)
        {
            if (_groupAt[j] < 0) continue;
            var g = _groups[_groupAt[j]];
            j = g.Start;
            if (g.Units.Any(u => u.Mention.Kind is ActorKind.Person or ActorKind.Place)) continue;
            // "dismissed American claims that it had ...": an actor modifying a noun is no antecedent
            if (_tree[_tree.WordOf(g.End - 1)].BaseRelation is "amod" or "compound") continue;
            int before = g.Start - 1;
            while (before >= 0 && Words.Determiners.Contains(_t[before].Lower) && _groupAt[before] < 0) before--;
            if (before >= 0 && Words.Prepositions.Contains(_t[before].Lower)) continue;
            return g;
        }
        return null;
    }

    private bool IsObjectOfOther(Group g, int head)
    {
        foreach (var m in _matches)
            if (m.Head < head && m.Object == g && m.Entry.Report is null && m.Entry.Absorb == Absorb.None) return true;
        return false;
    }


    /// <summary>The target: the first actor in one of the entry's slots after the trigger; and the place named with it.</summary>
    private (Group? Target, Group? Location, string? Slot) RightTarget(Match m, Group? source)
    {
        Group? location = null;
        Group? target = null;
        string? targetSlot = null;
        int seg = _segment[m.Head];
        bool crossing = m.Entry.Absorb != Absorb.None;
        int root = int.Parse(m.Entry.Code?[..2] ?? "01", System.Globalization.CultureInfo.InvariantCulture);
        var sourceCountries = source?.Units.Select(u => u.Mention.Country).ToHashSet() ?? [];
        var fromTree = TreeTarget(m, source, root, sourceCountries);
        if (fromTree.Target is not null) return fromTree;
        Group? treeLocation = fromTree.Location;
        int after = m.Head;
        foreach (var g in _groups)
        {
            if (g.Start <= after || _inParens[g.Start] && !_inParens[m.Head]) continue;
            bool stop = false;
            for (int j = after + 1; j < g.Start; j++)
            {
                if (_inParens[j] && !_inParens[m.Head]) continue;
                if (_t[j].Lower is ";" || (_segment[j] != seg && !crossing)) { stop = true; break; }
                if (target is null && Words.StopPrepositions.Contains(_t[j].Lower) && !m.Entry.To.Contains(_t[j].Lower)) { stop = true; break; }
            }
            if (stop) break;
            if (m.Entry.Pos == TriggerPos.Noun && NounPhraseEnds(m, g.Start)) break;
            // "suspended Russia's participation in the treaty with the United States": the source's own possessive is no target
            if (g.End < _t.Count && _t[g.End].Kind == TokenKind.Possessive && g.Units.All(u => sourceCountries.Contains(u.Mention.Country)))
            {
                after = g.End;
                continue;
            }
            string slot = SlotOf(m, g.Start);
            if (slot is "of" or "between") slot = GoverningSlot(m, g.Start) ?? slot;
            bool sameSide = root <= 5 && g.Units.All(u => sourceCountries.Contains(u.Mention.Country)) && !Domestic(source, g);
            if (target is null && !sameSide && (m.Entry.To.Contains(slot) || (slot == "that" && crossing && m.Entry.To.Contains("obj"))))
            {
                target = g;
                targetSlot = SlotOf(m, g.Start) == "between" ? "between" : slot;
                if (g.Units.All(u => u.Mention.Country is not null)) return (target, location, targetSlot);
            }
            else if (location is null && (Words.LocationPrepositions.Contains(slot) || g.Units[0].Mention.Kind == ActorKind.Place && slot is not "obj")
                && g.Units[0].Mention.Kind is ActorKind.Place or ActorKind.State or ActorKind.Government)
            {
                location = g;
                if (target is not null) break;
            }
            after = g.End - 1;
        }
        return (target, location ?? treeLocation, targetSlot);
    }

    /// <summary>
    /// The target from the parse: the first argument of the trigger (or of a word of its pattern: "imposed
    /// sanctions on Iran") whose slot the entry names and whose phrase names an actor; and a place named in a
    /// locative argument.
    /// </summary>
    private (Group? Target, Group? Location, string? Slot) TreeTarget(Match m, Group? source, int root, HashSet<string?> sourceCountries)
    {
        Group? location = null;
        foreach (int token in m.Tokens)
        {
            foreach (var a in _tree.Arguments(_tree.WordOf(token)))
            {
                if (GroupOfPhrase(a.Word) is not { } g || g == source) continue;
                // "Putin suspended Russia's participation": the source's own state is no target; a domestic
                // target is another part of the same state ("police arrested opposition leaders")
                bool sameSide = g.Units.All(u => sourceCountries.Contains(u.Mention.Country)) && !Domestic(source, g);
                if (!sameSide && m.Entry.To.Contains(a.Slot)) return (g, location, a.Slot);
                if (location is null && Words.LocationPrepositions.Contains(a.Slot) && g.Units[0].Mention.Kind is ActorKind.Place or ActorKind.State or ActorKind.Government)
                    location = g;
            }
        }
        // "attacked the town of Palma in northern Mozambique": the place a material event's object lies in
        if (location is null && root >= 14)
            foreach (int token in m.Tokens)
                foreach (var a in _tree.Arguments(_tree.WordOf(token)))
                    if (a.Slot is "obj" && PlaceWithin(a.Word) is { } place && place != source) return (null, place, null);
        return (null, location, null);
    }

    /// <summary>
    /// The material-conflict event whose toll an unmarked participle of material conflict tells ("shelled the town,
    /// killing twenty people"), or null.
    /// </summary>
    private Match? TollOf(Match m)
    {
        if (m.Entry.Pos != TriggerPos.Verb || m.Entry.Code is not { Length: >= 2 } code || !Words.MaterialConflictRoots.Contains(code[..2])) return null;
        int w = _tree.WordOf(m.Head);
        if (_tree.Relation(w) != "advcl" || _tree[w].Xpos != "VBG" || _tree.Children(w).Any(c => _tree.Relation(c) is "mark" or "nsubj")) return null;
        int head = _tree.Head(w);
        return _matches.FirstOrDefault(o => o != m && _tree.WordOf(o.Head) == head && o.Entry.Code is { Length: >= 2 } other && Words.MaterialConflictRoots.Contains(other[..2]));
    }

    private bool ObjectOfAnotherTrigger(Match m)
    {
        int word = _tree.WordOf(m.Head);
        if (_tree[word].BaseRelation != "obj") return false;
        int head = _tree.Head(word);
        return _matches.Any(o => o != m && o.Entry.Pos == TriggerPos.Verb && o.Entry.Code is { Length: >= 2 } code
            && Words.ReactionRoots.Contains(code[..2]) && _tree.WordOf(o.Head) == head);
    }

    // The part of a state whose act or seat a noun names: a reform or a palace the government's, a ruling the
    // court's, protests the people's.
    private string? SectorOfAct(int word)
    {
        string noun = _tree[word].Lemma.ToLowerInvariant();
        return Words.GovernmentActs.Contains(noun) || Words.GovernmentSeats.Contains(noun) ? "GOV"
            : Words.CourtActs.Contains(noun) ? "JUD" : Words.PopularActs.Contains(noun) ? "CVL" : null;
    }

    // The actor subject of the clause a reporting verb reports: its complement ("said that Japan would"), or the
    // clause it is attached to ("Japan will send aid, its minister said").
    private Group? ReportedClauseSubject(int report)
    {
        var clauses = _tree.Children(report).Where(c => _tree.Relation(c) == "ccomp").ToList();
        if (_tree.Relation(report) is "parataxis" or "ccomp" && _tree.Head(report) >= 0) clauses.Add(_tree.Head(report));
        foreach (int clause in clauses)
        {
            int subject = _tree.ResolvedSubject(clause, passive: false);
            if (subject >= 0 && _tree[subject].Upos != "PRON" && GroupOfPhrase(subject) is { } g) return g;
        }
        return null;
    }

    // The actor subject of the sentence's main predicate ("Israel and Hamas agreed ..."), or null.
    private Group? MainSubject()
    {
        int root = _tree.Root;
        if (root < 0) return null;
        int subject = _tree.ResolvedSubject(root, passive: false);
        return subject >= 0 && _tree[subject].Upos != "PRON" ? GroupOfPhrase(subject) : null;
    }

    /// <summary>
    /// The part of the source's own state an event is aimed at when its argument names that part's act rather
    /// than an actor: "unions struck against the pension reform" (the government), "the opposition rejected the
    /// ruling" (the court). Only for a source of one country that is not that part itself.
    /// </summary>
    private Group? ImpliedTarget(Match m, Group source)
    {
        var countries = source.Units.Select(u => u.Mention.Country).Distinct().ToList();
        if (countries is not [{ } country] || source.Units.Any(u => u.Mention.Kind == ActorKind.Igo)) return null;
        foreach (int token in m.Tokens)
        {
            foreach (var a in _tree.Arguments(_tree.WordOf(token)))
            {
                if (!m.Entry.To.Contains(a.Slot)) continue;
                int word = a.Word;
                // "yielding to two weeks of protests": the acts a measure of time or number counts
                if (SectorOfAct(word) is null && _tree.Children(word).FirstOrDefault(c => _tree[c].BaseRelation == "nmod" && _tree.Case(c) == "of") is > 0 and var counted)
                    word = counted;
                // a bare "the ruling" refers back (EventCoder.ReactionTarget), and "the ruling of the tribunal" names its maker
                if (_tree.Children(word).All(c => _tree[c].BaseRelation is "det" or "case" or "punct")
                        && _tree.Children(word).Any(c => _tree[c].BaseRelation == "det" && _tree[c].Lemma.ToLowerInvariant() is "the" or "this" or "that")
                    || _tree.Children(word).Any(c => _tree[c].BaseRelation == "nmod" && _tree.Case(c) is "of" or "by")) continue;
                string? sector = SectorOfAct(word);
                if (sector is null || source.Units.Any(u => Sector(u.Mention) == sector)) continue;
                int start = _tree.TokenOf(word);
                if (start < 0) continue;
                var span = _tree[word].Span;
                var mention = new ActorMention(span, _text[span.Start..span.End], country + sector, country, ActorKind.Government, null, null, MentionVia.Inferred);
                return new Group(start, start + 1, [new Unit(mention, start, start + 1)]);
            }
        }
        return null;
    }

    // A place named in a locative phrase inside the phrase headed by the word ("the town of Palma in Mozambique").
    private Group? PlaceWithin(int word)
    {
        foreach (int c in _tree.Children(word))
        {
            if (_tree[c].BaseRelation != "nmod") continue;
            string? prep = _tree.Case(c);
            if (prep is not null && Words.LocationPrepositions.Contains(prep) && GroupOfPhrase(c) is { } g && g.Units[0].Mention.Kind is ActorKind.Place or ActorKind.State) return g;
            if (prep is "of" && PlaceWithin(c) is { } deeper) return deeper;
        }
        return null;
    }

    // Two actors of one country that are different parts of it (government and opposition, police and protesters).
    private static bool Domestic(Group? source, Group target) =>
        source is not null && source.Units.All(s => target.Units.All(t => Domestic(s.Mention, t.Mention)));

    private static bool Domestic(ActorMention source, ActorMention target) => Sector(source) is { } a && Sector(target) is { } b && a != b;

    // The sector of a country's actor ("PERCOP" -> "COP"); a state named as such acts through its government
    // ("Belarus jailed opposition leaders" is the state against a part of itself); null for persons without an office code
    private static string? Sector(ActorMention m) =>
        m.Kind is ActorKind.State or ActorKind.Government || m.Actor != m.Country ? SectorOf(m.Actor, m.Country) : null;

    /// <summary>The sector of a country's actor code ("PERCOP" -> "COP"; the country's own code -> "GOV"); null without a country.</summary>
    internal static string? SectorOf(string? actor, string? country) =>
        actor is null || country is null || !actor.StartsWith(country, StringComparison.Ordinal) ? null
        : actor.Length == country.Length ? "GOV" : actor[country.Length..];

    /// <summary>A place in the adjunct that opens the sentence ("In Vladivostok, ...", "While in Vladivostok, ..."), before the trigger.</summary>
    private Group? OpeningPlace(int head)
    {
        int j = 0;
        while (j < head && _t[j].IsWord && _groupAt[j] < 0 && (Words.LocationPrepositions.Contains(_t[j].Lower) || _t[j].Lower is "while" or "the")) j++;
        if (j == 0 || j >= head || !Words.LocationPrepositions.Contains(_t[j - 1].Lower) && _t[j - 1].Lower != "the") return null;
        var g = GroupAt(j);
        if (g is null || g.Units[0].Mention.Kind != ActorKind.Place) return null;
        int k = g.End;
        while (k < head && _inParens[k]) k++;
        return k < head && _t[k].Text == "," ? g : null;
    }

    private bool NounPhraseEnds(Match m, int until)
    {
        int parens = 0;
        for (int j = m.Last; j < until; j++) if (_inParens[j]) parens++;
        if (until - m.Last > 8 + parens) return true;
        for (int j = m.Last + 1; j < until; j++)
        {
            var t = _t[j];
            if (_inParens[j]) continue;
            if (t.IsWord && _groupAt[j] < 0 && (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4 || Words.Auxiliaries.Contains(t.Lower) && t.Lower is not ("to" or "also" or "then")
                || t.Lower == "to" && j + 1 < _t.Count && _groupAt[j + 1] < 0 && !Words.Determiners.Contains(_t[j + 1].Lower) && _t[j + 1].IsWord && char.IsLower(_t[j + 1].Text[0]))) return true;
        }
        return false;
    }

    private string SlotOf(Match m, int groupStart)
    {
        int q = groupStart - 1;
        int participles = 0;
        while (q > m.Head && (Words.Determiners.Contains(_t[q].Lower) || _t[q].Kind == TokenKind.Number
            || Words.PlaceAdjectives.Contains(_t[q].Lower)
            // "the release of the detained Myanmar leaders", "sanctions on the ruling junta"
            || _t[q].IsWord && char.IsLower(_t[q].Text[0]) && _t[q].Lower.Length > 4 && (_t[q].Lower.EndsWith("ed", StringComparison.Ordinal) || _t[q].Lower.EndsWith("ing", StringComparison.Ordinal))
                && ++participles <= 2 && q - 1 > m.Head && Words.Determiners.Contains(_t[q - 1].Lower))
            && (_groupAt[q] < 0 || _t[q].Lower is "his" or "her" or "its" or "their") && !InPattern(m, q)) q--;
        if (InPattern(m, q)) return Words.Prepositions.Contains(_t[q].Lower) ? _t[q].Lower : "obj";
        return Words.Prepositions.Contains(_t[q].Lower) || _t[q].Lower == "that" ? _t[q].Lower : "other";
    }

    // "against the deployment of an American missile shield": the slot of the phrase the "of" hangs from.
    private string? GoverningSlot(Match m, int groupStart)
    {
        int q = groupStart - 1;
        while (q > m.Head && Words.Determiners.Contains(_t[q].Lower) && _groupAt[q] < 0) q--; // "of an American missile shield"
        while (q > m.Head && _t[q].Lower is "of" or "between") q--;
        for (int k = 0; q > m.Head && k < 5; k++, q--)
        {
            if (InPattern(m, q)) return Words.Prepositions.Contains(_t[q].Lower) ? _t[q].Lower : "obj";
            if (_t[q].Kind == TokenKind.Punct || _groupAt[q] >= 0) return null;
            if (Words.Prepositions.Contains(_t[q].Lower)) return _t[q].Lower;
        }
        return InPattern(m, q) ? "obj" : null;
    }

    /// <summary>The actor group a noun phrase of the parse names: the first group among the phrase's words, nearest first.</summary>
    private Group? GroupOfPhrase(int word)
    {
        foreach (int w in _tree.PhraseWords(word))
        {
            for (int t = _tree.TokenOf(w); t >= 0 && t < _t.Count && _tree.WordOf(t) == w; t++)
                if (_groupAt[t] >= 0) return _groups[_groupAt[t]];
        }
        return null;
    }

    private Group? PassiveAgent(Match m)
    {
        foreach (var a in _tree.Arguments(_tree.WordOf(m.Head)))
            if (a.Slot == "by" && GroupOfPhrase(a.Word) is { } byAgent) return byAgent;
        for (int j = m.Last + 1; j + 1 < _t.Count; j++)
        {
            if (_segment[j] != _segment[m.Head] || _t[j].Lower is ";" or ",") return null;
            if (_t[j].Lower == "by")
            {
                int k = j + 1;
                while (k < _t.Count && Words.Determiners.Contains(_t[k].Lower) && _groupAt[k] < 0) k++;
                var agent = GroupAt(k);
                // "hit by U.N. sanctions": the actor only modifies the agent; "by Israeli jets": a country word
                // before the agent noun is whose the agent is
                if (agent is not null && agent.End < _t.Count && !(agent.Units.All(u => u.Mention.Via == MentionVia.Demonym)
                        || Words.AirWords.Contains(_t[agent.End].Lower) || Words.MilitaryWords.Contains(_t[agent.End].Lower)) && _t[agent.End].IsWord && char.IsLower(_t[agent.End].Text[0])
                    && !Words.Prepositions.Contains(_t[agent.End].Lower) && !Words.Auxiliaries.Contains(_t[agent.End].Lower) && _t[agent.End].Lower is not ("and" or "or" or "which" or "who" or "that"))
                    return null;
                return agent;
            }
        }
        return null;
    }

    // Source and target of a noun trigger: "Kim's visit to Russia", "the visit of a Russian delegation
    // to Pyongyang", "the summit between Putin and Kim", "the Putin-Kim summit".
    private (Group? Source, Group? Target, Unit? SourceUnit, Unit? TargetUnit) NounArguments(Match m)
    {
        int j = m.Head - 1;
        for (int back = 0; j >= 0 && back < 4; back++, j--)
        {
            if (_groupAt[j] >= 0 || _t[j].Kind == TokenKind.Possessive) break;
            var tok = _t[j];
            if (tok.Kind == TokenKind.Punct || Words.Prepositions.Contains(tok.Lower) || tok.Lower is "the" or "a" or "an" or "and" or "that") break;
        }
        if (j >= 0 && _t[j].Kind == TokenKind.Possessive) j--;
        var before = GroupAt(j);
        if (before is not null)
        {
            if (before.Units.Count == 1 && before.Start > 0 && _t[before.Start].AfterHyphen && GroupAt(before.Start - 1) is { } first && first != before)
                return (first, before, null, null);
            if (before.Units.Count >= 2 && before.Units.Select(u => u.Start).Distinct().Count() >= 2 && m.Entry.Reciprocal)
                return (before, null, before.Units[0], before.Units[^1]);
        }
        if (BetweenPair(m) is { } pair) return (pair, null, pair.Units[0], pair.Units[^1]);
        int n = m.Last + 1;
        if (before is null && n < _t.Count && _t[n].Lower is "of" or "by")
        {
            int g = n + 1;
            while (g < _t.Count && Words.Determiners.Contains(_t[g].Lower) && _groupAt[g] < 0) g++;
            before = GroupAt(g);
            // "the joint commission of Iran and Iraq": a reciprocal noun's two members
            if (before is not null && m.Entry.Reciprocal && before.Units.Count >= 2 && before.Units.Select(u => u.Mention.Country).Distinct().Count() >= 2)
                return (before, null, before.Units[0], before.Units[^1]);
        }
        return (before, null, null, null);
    }

    // "the summit between Putin and Kim", "an agreement was signed between China and Australia"
    private Group? BetweenPair(Match m)
    {
        for (int k = m.Last + 1; k < _t.Count && k <= m.Last + 6 && _segment[k] == _segment[m.Head]; k++)
        {
            if (_t[k].Kind == TokenKind.Punct || _t[k].IsWord && _t[k].Lower.EndsWith("ed", StringComparison.Ordinal)) break;
            if (_t[k].Lower != "between") continue;
            int g = k + 1;
            while (g < _t.Count && Words.Determiners.Contains(_t[g].Lower) && _groupAt[g] < 0) g++;
            var pair = GroupAt(g);
            return pair is not null && pair.Units.Count >= 2 ? pair : null;
        }
        return null;
    }

    // ---------- events ----------

    public IEnumerable<CodedEvent> Events(TimeExpression? narrative, DateOnly? dct)
    {
        var result = new List<CodedEvent>();
        var aimed = new HashSet<Match>();
        if (IsHeading()) return result;
        foreach (var m in _matches)
        {
            if (m.AbsorbedBy is not null || m.Entry.Code is null || m.Entry.NonEvent || Habitual(m.Head)) continue;
            // "shelled the town, killing twenty people": the killing is the toll of an event already aimed at someone
            // (not when that event names only a place: then the toll names its victims)
            if (TollOf(m) is { } main && aimed.Contains(main)) continue;
            Group? source;
            Group? target;
            Group? location;
            Unit? sourceUnit = null, targetUnit = null;
            string? slot = null;
            if (m.Entry.Pos == TriggerPos.Noun)
            {
                // "condemned Russia's invasion of Ukraine": an event named as the object of a reaction (praise,
                // criticism, rejection) is what the reaction is about, told as background, not reported here
                if (ObjectOfAnotherTrigger(m)) continue;
                (source, target, sourceUnit, targetUnit) = NounArguments(m);
                var (t2, loc, s2) = RightTarget(m, source);
                if (target is null && t2 != source) { target = t2; slot = s2; }
                location = loc;
                // "the Kremlin has denied speculation about the signing of any agreements with North Korea"
                if (source is null && DenialReporter(m.Head) is { } denier) source = denier;
                if (source is null && PurposeNoun(m)) source = LeftSubject(m.Head);
                if (source is null && FromActor(m) is { } from) source = from;
                if (source is null || (target is null && targetUnit is null && m.Complement is null)) continue;
            }
            else if (m.Passive)
            {
                // "the Kremlin denied reports that an agreement was signed with North Korea": the denier is the one accused
                source = PassiveAgent(m) ?? DenialReporter(m.Head);
                target = LeftSubject(m.Head);
                if (target == source) target = null;
                var right = RightTarget(m, source);
                location = right.Location;
                // "an agreement was signed with North Korea", "sanctions were imposed on Iran"
                if (target is null && right.Target is { } rt && rt != source && right.Slot is not (null or "obj" or "by")) { target = rt; slot = right.Slot; }
                // "an agreement was signed between China and Australia": the pair does it together
                if (source is null && target is null && m.Entry.Reciprocal && BetweenPair(m) is { } pair)
                    (source, sourceUnit, targetUnit) = (pair, pair.Units[0], pair.Units[^1]);
            }
            else
            {
                source = LeftSubject(m.Head, adjacentOnly: m.Entry.Report is not null);
                (target, location, slot) = RightTarget(m, source);
            }
            if (source is null) continue;
            if (target == source) target = null;
            if (m.Entry.Swap && target is not null) (source, target) = (target, source);
            bool reciprocal = m.Entry.Reciprocal;
            if (m.Complement is not null)
            {
                reciprocal |= m.Complement.Entry.Reciprocal;
                if (target is null)
                {
                    var (ct, _, cs) = RightTarget(m.Complement, source);
                    if (ct != source) { target = ct; slot = cs; }
                }
            }
            int root = int.Parse(m.Entry.Code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
            reciprocal |= m.Entry.PluralCode is not null && source.Units.Count >= 2 || target is null && EachOther(m);
            bool together = reciprocal && source.Units.Count >= 2;
            if (target is not null && target.Units.All(u => u.Mention.Country is null) && location is not null && root >= 14) target = location;
            if (target is null && location is not null && root >= 14 && !together) target = location;
            // "In Komsomolsk-on-Amur, Kim visited an aircraft plant": a visit abroad is a visit to the place's country
            if (target is null && targetUnit is null && m.Entry.NeedTarget && (location ?? OpeningPlace(m.Head)) is { } abroad
                && abroad.Units[0].Mention.Country is { } placeCountry && source.Units.All(u => u.Mention.Country is { } c && c != placeCountry))
            {
                target = abroad;
                location ??= abroad;
            }
            // "the United States blamed Iran, an accusation Tehran rejected": the rejection answers the accuser
            if (target is null && targetUnit is null && root is 11 or 12 && m.Head > 3 && AppositiveClaim(0) is >= 0 and var claim && claim < m.Head
                && _matches.FirstOrDefault(r => r.Head < claim && r.Entry.Code is { } c && c.StartsWith("11", StringComparison.Ordinal)) is { } accusation
                && LeftSubject(accusation.Head) is { } accuser && accuser != source) target = accuser;
            // "fired on three Ukrainian vessels and seized them": an object pronoun stands for the last other actor named
            if (target is null && targetUnit is null && m.Entry.Pos == TriggerPos.Verb && !m.Passive && m.Last + 1 < _t.Count
                && _t[m.Last + 1].Lower is "them" or "it" && ObjectAntecedent(m.Head, source) is { } antecedent) target = antecedent;
            if (target is null && targetUnit is null && !m.Entry.NoTarget) target = ImpliedTarget(m, source);
            // "agreed to a ceasefire in talks brokered by Qatar": a mediator works with the parties the clause is about
            if (target is null && targetUnit is null && m.Entry.Code.StartsWith("045", StringComparison.Ordinal) && MainSubject() is { } parties && parties != source)
                (target, slot) = (parties, "between");
            if (target is null && targetUnit is null && m.Entry.NeedTarget) continue;
            foreach (var (src, tgt) in Pairs(reciprocal, source, target, sourceUnit, targetUnit, slot))
            {
                var e = Build(m, src, tgt, source.Units.Count, location?.Units[0], narrative, dct);
                if (e is null) continue;
                result.Add(e);
                if (tgt is { Mention.Kind: not ActorKind.Place }) aimed.Add(m);
            }
        }
        if (AccordingTo() is var (cue, speaker) && _coder.Lexicon.ByHead.TryGetValue("say", out var say) && say.FirstOrDefault(e => e.Code == "010") is { } statement)
        {
            // "According to the Kremlin, ...": the source of the report made a statement
            var e = Build(new Match(statement, cue, [cue], false), speaker.Units[0], null, 1, null, narrative, dct);
            if (e is not null && !result.Any(r => r.Code.Code == "010" && r.Source.Actor == e.Source.Actor)) result.Add(e);
        }
        return result;
    }

    // The speaker of a sentence-opening "According to X," or "As per X,", and the token of "according"/"as".
    private (int Cue, Group Speaker)? AccordingTo()
    {
        if (_t.Count < 4 || (_t[0].Lower, _t[1].Lower) is not (("according", "to") or ("as", "per"))) return null;
        int g = 2;
        while (g < _t.Count && Words.Determiners.Contains(_t[g].Lower) && _groupAt[g] < 0) g++;
        var speaker = GroupAt(g);
        if (speaker is null || speaker.End >= _t.Count || _t[speaker.End].Lower != ",") return null;
        return speaker.Units[0].Mention.Kind is ActorKind.Place or ActorKind.Group ? null : (0, speaker);
    }

    private Group? ObjectAntecedent(int head, Group source)
    {
        var own = source.Units.Select(u => u.Mention.Country).ToHashSet();
        for (int j = head - 1; j >= 0; j--)
        {
            if (_groupAt[j] < 0) continue;
            var g = _groups[_groupAt[j]];
            j = g.Start;
            if (g != source && g.Units.All(u => u.Mention.Country is { } c && !own.Contains(c) && u.Mention.Kind is not ActorKind.Place)) return g;
        }
        return null;
    }

    // "Seoul and Tokyo suspended visa-free travel for each other's citizens": the actors act on one another
    private bool EachOther(Match m)
    {
        for (int j = m.Head + 1; j + 1 < _t.Count && _segment[j] == _segment[m.Head]; j++)
            if (_t[j].Lower is "each" && _t[j + 1].Lower is "other" || _t[j].Lower is "one" && _t[j + 1].Lower is "another") return true;
        return false;
    }

    // "Raisi's Visit to Riyadh:", "IRAN-SAUDI RELATIONS": titles name topics, not events
    public bool IsHeading()
    {
        if (_t.Count == 0) return true;
        if (_t[^1].Lower == ":" && _t.Count < 16) return true;
        var letters = _text.AsSpan(_sentence.Span.Start, _sentence.Span.Length);
        int upper = 0, lower = 0;
        foreach (char c in letters) { if (char.IsUpper(c)) upper++; else if (char.IsLower(c)) lower++; }
        return upper > 8 && lower < upper / 4;
    }

    private bool Habitual(int head)
    {
        int seg = _segment[head];
        for (int j = head; j >= 0 && _segment[j] == seg; j--)
            if (HabitualCue(j)) return true;
        for (int j = head + 1; j < _t.Count && _segment[j] == seg; j++)
            if (HabitualCue(j)) return true;
        return false;
    }

    // "every year", "every Monday" mark a habit; "denied every report" does not
    private bool HabitualCue(int j) =>
        _t[j].Lower is "annually" or "routinely" || _t[j].Lower is "every" && (_inTime[j] || j + 1 < _t.Count && _inTime[j + 1]);

    private static IEnumerable<(Unit Source, Unit? Target)> Pairs(bool reciprocal, Group source, Group? target, Unit? sourceUnit, Unit? targetUnit, string? slot)
    {
        if (sourceUnit is not null && targetUnit is not null)
        {
            yield return (sourceUnit, targetUnit);
            yield break;
        }
        var sources = source.Units;
        if (target is null && reciprocal && sources.Count >= 2)
        {
            // "A and B met": one event A -> B; "A, B and C signed": A -> B and C -> B
            var hub = sources[1];
            foreach (var s in sources)
                if (!ReferenceEquals(s, hub)) yield return (s, hub);
            yield break;
        }
        var targets = target is null ? [null] : slot == "between" ? [target.Units[0]] : target.Units.Cast<Unit?>().ToList();
        foreach (var s in sources)
            foreach (var t in targets)
                yield return (s, t);
    }

    private CodedEvent? Build(Match m, Unit source, Unit? target, int sources, Unit? location, TimeExpression? narrative, DateOnly? dct)
    {
        var entry = m.Entry;
        var sm = source.Mention;
        if (sm.Kind == ActorKind.Place) return null;
        if (entry.Report is not null && sm.Kind == ActorKind.Group) return null;
        if (entry.MilitaryOnly && sm.Kind != ActorKind.Military && !Words.MilitaryWords.Contains(LastWord(sm.Text))) return null;
        string code = entry.Code!;
        var tm = target?.Mention;
        // "Delhi police arrested an editor", "rebels attacked army posts in Myanmar": a part of society named
        // without its country belongs to the country of the state it deals with
        if (tm is not null && sm.Country is { } sourceCountry && sm.Kind != ActorKind.Igo && tm.Via == MentionVia.Agent && tm.Country is null)
            tm = tm with { Country = sourceCountry, Actor = sourceCountry + tm.Actor };
        else if (tm is { Country: { } targetCountry, Kind: not ActorKind.Igo } && sm.Via == MentionVia.Agent && sm.Country is null
            && sm.Actor is { } sector && (Words.SocietySectors.Contains(sector) || Words.ArmedOpposition.Contains(sector)))
            sm = sm with { Country = targetCountry, Actor = targetCountry + sector };
        if (tm is not null && tm.Span == sm.Span && tm.Actor == sm.Actor) tm = null;
        if (entry.NoTarget) tm = null;
        // "Thousands of Cubans protested": a plural demonym alone names people, not their state
        bool population = sm.Kind == ActorKind.Group || sm.Via == MentionVia.Demonym && sm.Kind == ActorKind.State && sm.Text.EndsWith('s');
        if (entry.GroupCode is not null && population) code = entry.GroupCode;
        if (entry.AirCode is not null && sm.Text.Split(' ', '-').Any(Words.AirWords.Contains)) code = entry.AirCode;
        if (entry.PersonCode is not null && tm?.Kind == ActorKind.Person) code = entry.PersonCode;
        if (entry.PluralCode is not null && sources >= 2) code = entry.PluralCode;
        if (m.Complement is not null) code = Specialise(entry.Absorb, code, m.Complement.Entry.Code ?? code);
        int root = int.Parse(code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        // CAMEO's violent repression: force used by a state's police, troops or government on its own civilians,
        // students, workers, opposition or clergy ("police fired on protesters", "soldiers beat students")
        if (root is 18 or 19 or 20 && tm is not null && sm.Country is not null && sm.Country == tm.Country
            && Sector(sm) is { } force && Words.StateForceSectors.Contains(force) && Sector(tm) is { } society && Words.SocietySectors.Contains(society))
        {
            code = "175";
            root = 17;
        }
        if (tm is null && entry.DefaultTarget is not null) tm = new ActorMention(default, entry.DefaultTarget, entry.DefaultTarget, entry.DefaultTarget, ActorKind.Igo, null, null, MentionVia.Inferred);
        // a state does not act on itself; two parts of one state can ("the court ordered the government to ...")
        if (tm is not null && sm.Country is not null && tm.Country == sm.Country && root <= 7 && !Domestic(sm, tm)) tm = null;
        var cameo = _coder.Ontology.Find(code);
        if (cameo is null) return null;
        var modality = ModalityOf(m, cameo, sm);
        var date = DateOf(m, narrative, dct);
        double confidence = 0.9 - (entry.Pos == TriggerPos.Noun ? 0.1 : 0) - (tm is null ? 0.1 : 0) - (m.Passive ? 0.05 : 0)
            - (sm.Via == MentionVia.Coreference ? 0.1 : 0);
        var evidence = new EventEvidence(_sentence.Span, _t[m.Head].Span, _sentence.Citations);
        return new CodedEvent("", _sentence.Span, _t[m.Head].Span,
            Era(new EventActor(sm.Text, sm.Actor, sm.Country), date),
            tm is null ? null : Era(new EventActor(tm.Text, tm.Actor, tm.Country), date),
            cameo, modality, date,
            location is null ? null : new EventLocation(location.Mention.Text, location.Mention.Country),
            _sentence.Citations, Math.Round(confidence, 2), [evidence]);
    }

    private static readonly DateOnly SovietEnd = new(1991, 12, 26);

    // Before the Soviet Union dissolved, Moscow and "Russian" stood for it.
    private static EventActor Era(EventActor actor, EventDate? date) =>
        actor.Country == "RUS" && date is not null && date.End < SovietEnd
            ? actor with { Country = "SUN", Actor = actor.Actor is { Length: >= 3 } a && a.StartsWith("RUS", StringComparison.Ordinal) ? "SUN" + a[3..] : actor.Actor }
            : actor;

    private static string LastWord(string text)
    {
        int k = text.LastIndexOf(' ');
        return k < 0 ? text : text[(k + 1)..];
    }

    /// <summary>The code of an offer, appeal, demand, threat or refusal, set by what it is about.</summary>
    internal static string Specialise(Absorb kind, string own, string complement)
    {
        string root = complement[..2];
        return kind switch
        {
            Absorb.Intent when own != "030" => own,
            Absorb.Intent => complement.StartsWith("045", StringComparison.Ordinal) ? "039" : root switch
            {
                "04" => "036",
                "05" => "032",
                "06" => "031",
                "07" => "033",
                "08" => "035",
                _ => "030",
            },
            Absorb.Appeal when own != "020" => own,
            Absorb.Appeal => complement.StartsWith("045", StringComparison.Ordinal) ? "028" : root switch
            {
                "04" => "026",
                "07" => "023",
                "08" => "025",
                _ => own,
            },
            Absorb.Demand => complement.StartsWith("087", StringComparison.Ordinal) ? "1056"
                : complement.StartsWith("084", StringComparison.Ordinal) ? "1053" : root switch
                {
                    "04" => "106",
                    "07" => "103",
                    "08" => "105",
                    _ => own,
                },
            Absorb.Threat when own != "130" => own,
            Absorb.Threat => complement switch
            {
                "163" => "1312",
                "161" => "1313",
                _ when complement.StartsWith("204", StringComparison.Ordinal) => "1385",
                _ when root is "18" or "19" or "20" => "138",
                _ => own,
            },
            Absorb.Refuse => root switch
            {
                "04" => "125",
                "08" => "124",
                "07" => "122",
                _ => own,
            },
            _ => own,
        };
    }

    // ---------- modality ----------

    private Modality ModalityOf(Match m, CameoCode code, ActorMention source)
    {
        int head = m.Head;
        Modality? scope = null;
        Match? reporter = null;
        if (m.Entry.Report is null)
        {
            foreach (var r in _matches)
            {
                if (r.Entry.Report is not { } rm || r == m || r.AbsorbedBy is not null) continue;
                bool covers = r.Head < head && head < ScopeEnd(r) && !PostposedReport(r) || r.Head > head && PostposedReport(r);
                if (!covers) continue;
                var stronger = Stronger(scope, rm);
                if (stronger != scope) reporter = r;
                scope = stronger;
            }
            for (int j = 0; j < head; j++)
                if (Words.AllegedCues.Contains(_t[j].Lower)) scope = Stronger(scope, Modality.Alleged);
            for (int j = 0; j < head; j++)
            {
                if (Words.ReportNouns.Contains(_t[j].Lower)) scope = Stronger(scope, Modality.Alleged);
                if (Words.SpeculationCues.Contains(_t[j].Lower) && !_inTime[j]) scope = Stronger(scope, Modality.Hypothetical);
            }
            if (HasPhrase("according", "to") || HasPhrase("as", "per")) scope = Stronger(scope, Modality.Alleged);
        }
        if (scope == Modality.Denied) return Modality.Denied;
        if (Negated(head)) return Modality.Negated;
        var local = LocalCue(m, reporter, source);
        if (local == Modality.Hypothetical || scope == Modality.Hypothetical) return Modality.Hypothetical;
        if (local == Modality.Intended || code.Root == "03") return Modality.Intended;
        if (scope == Modality.Alleged) return Modality.Alleged;
        return Modality.Asserted;
    }

    private static Modality Stronger(Modality? a, Modality b)
    {
        static int Rank(Modality x) => x switch
        {
            Modality.Denied => 5,
            Modality.Hypothetical => 4,
            Modality.Intended => 3,
            Modality.Alleged => 2,
            _ => 1,
        };
        return a is null || Rank(b) > Rank(a.Value) ? b : a.Value;
    }

    private bool HasPhrase(string a, string b)
    {
        for (int i = 0; i + 1 < _t.Count; i++) if (_t[i].Lower == a && _t[i + 1].Lower == b) return true;
        return false;
    }

    // ", a North Korean official insisted." at the end of the sentence: it scopes back over the sentence.
    private bool PostposedReport(Match r)
    {
        int after = r.Last + 1;
        while (after < _t.Count && _t[after].Kind == TokenKind.Punct && _t[after].Lower is not ",") after++;
        if (after < _t.Count) return false;
        for (int j = r.Head - 1; j >= 0 && j >= r.Head - 7; j--)
            if (_t[j].Lower == ",") return true;
        return false;
    }

    private bool Negated(int head)
    {
        if (_tree.Negated(_tree.WordOf(head))) return true;
        if (head > 0 && _t[head - 1].Lower is "no") return true;
        // "has no intention of breaching", "has no plans to send"
        for (int j = head - 1; j >= 2 && j >= head - 3; j--)
            if (_t[j].Lower is "of" or "to" && _t[j - 1].Lower is "intention" or "intentions" or "plan" or "plans" or "desire" or "wish" && _t[j - 2].Lower is "no") return true;
        // "signed no agreements", "made no attempt"
        if (VerbLike(head) && head + 1 < _t.Count && _t[head + 1].Lower is "no" or "neither") return true;
        for (int j = head - 1; j >= 0 && j >= head - 5; j--)
        {
            string w = _t[j].Lower;
            if (Words.Negators.Contains(w)) return true;
            if (w is "intend" or "intends" or "plan" or "plans" or "want" or "wants") continue;
            if (!Words.Auxiliaries.Contains(w) && !(_t[j].IsWord && w.EndsWith("ly", StringComparison.Ordinal))) return false;
        }
        return false;
    }

    private Modality? LocalCue(Match m, Match? reporter, ActorMention source)
    {
        int head = m.Head;
        Modality? cue = null;
        // A modal or intent word stands between a verb's subject and the verb ("Russia will send"); one before the
        // subject belongs to another clause ("... will have to face, with the U.S. stating ..."). Conditionals still count.
        // A bare infinitive's subject is the object of the verb before it ("might help North Korea put"): the modal scopes over both.
        int subject = m.Entry.Pos == TriggerPos.Verb && LeftSubject(head, adjacentOnly: true) is { } s && s.End <= head
            && !(s.Start > 0 && _t[s.Start - 1].IsWord && Words.BareInfinitiveControl.Contains(_t[s.Start - 1].Lemma)) ? s.Start : -1;
        for (int j = head - 1; j >= 0 && j >= head - 10; j--)
        {
            string w = _t[j].Lower;
            if (w is "," or ";" or ".") break;
            if (_inTime[j]) continue;
            if (Words.Conditionals.Contains(w)) return Modality.Hypothetical;
            if (j < subject) continue;
            if (w == "would")
            {
                if (Would(head, reporter, source) == Modality.Hypothetical) return Modality.Hypothetical;
                cue ??= Modality.Intended;
            }
            else if (Words.Hypothetical.Contains(w)) return Modality.Hypothetical;
            else if (Words.Future.Contains(w) && (w is "will" or "shall" or "'ll" || j + 1 < _t.Count && _t[j + 1].Lower is "to" || w is "scheduled" or "upcoming" or "soon")) cue ??= Modality.Intended;
            else if (w is "be" or "is" or "are" or "was" or "were" && j + 2 == head && _t[j + 1].Lower == "to") cue ??= Modality.Intended;
            else if (Words.IntentWords.Contains(w) && j + 1 < _t.Count && _t[j + 1].Lower == "to") cue ??= Modality.Intended;
            if (j < head - 1 && Words.Boundaries.Contains(w)) break;
        }
        if (m.Entry.Pos == TriggerPos.Noun)
        {
            // "Xi's trip to France will follow ...": the verb after the noun phrase
            for (int j = m.Last + 1; j < _t.Count && j <= m.Last + 8; j++)
            {
                string w = _t[j].Lower;
                if (w is "," or ";" or ".") break;
                if (w is "will" or "shall") return cue ?? Modality.Intended;
                // "announced that the commission would convene"
                if (w == "would") return Would(head, reporter, source) == Modality.Hypothetical ? Modality.Hypothetical : cue ?? Modality.Intended;
                if (Words.Hypothetical.Contains(w) && !_inTime[j]) return Modality.Hypothetical;
            }
            // "Before Putin's trip to North Korea, Lavrov will travel to Pyongyang": the adjunct shares the main clause's future
            if (cue is null && OpeningAdjunctEnd(m.Head) is int comma)
            {
                for (int j = comma + 1; j < _t.Count && j <= comma + 10; j++)
                {
                    if (_t[j].Lower is "," or ";" or ".") break;
                    if (_t[j].Lower is "will" or "shall") return Modality.Intended;
                }
            }
        }
        return cue;
    }

    // "would" after a reporting verb: the reporter's own plan ("Germany announced that it would send") is intended;
    // another's ("Germany said Russia would attack") or a conditional one is hypothetical.
    private Modality Would(int head, Match? reporter, ActorMention source)
    {
        var speaker = reporter is null ? null : LeftSubject(reporter.Head, adjacentOnly: true);
        // "the two governments issued a statement saying that ...": a participle speaks for the clause's subject
        if (speaker is null && reporter is not null && _t[reporter.Head].Lower.EndsWith("ing", StringComparison.Ordinal)) speaker = LeftSubject(reporter.Head);
        bool condition = false;
        for (int k = head + 1; k < _t.Count; k++) if (Words.Conditionals.Contains(_t[k].Lower)) condition = true;
        return !condition && speaker is not null && speaker.Units.Any(u => u.Mention.Country == source.Country) && reporter!.Entry.Report != Modality.Hypothetical
            ? Modality.Intended
            : Modality.Hypothetical;
    }

    // The comma closing a sentence-opening "Before ...", "Ahead of ..." adjunct that holds the token, if any.
    private int? OpeningAdjunctEnd(int token)
    {
        if (_t.Count == 0 || _t[0].Lower is not ("before" or "ahead" or "until" or "pending")) return null;
        for (int j = 1; j < _t.Count; j++)
            if (_t[j].Lower == ",") return j > token ? j : null;
        return null;
    }

    // ---------- dates ----------

    private EventDate? DateOf(Match m, TimeExpression? narrative, DateOnly? dct)
    {
        TimeExpression? best = null;
        int bestToken = -1;
        int bestDistance = int.MaxValue;
        int seg = _segment[m.Head];
        var usable = _times.Where(t => t.Time.Type == TimexType.Date && t.Time.Interval is not null && !Attributive(t.Token)).ToList();
        foreach (var (time, token) in usable)
        {
            if (_segment[token] != seg) continue;
            int d = Math.Abs(token - m.Head);
            if (d < bestDistance) { best = time; bestToken = token; bestDistance = d; }
        }
        if (best is null && seg > 0 && SegmentStartsRelative(m.Head))
        {
            // "... in March of 2014, in which Belarus backed Moscow": the date of the antecedent
            foreach (var (time, token) in usable)
                if (token < m.Head && _segment[token] < seg) best = time;
        }
        if (best is null)
        {
            // a date that opens the sentence ("In 1961, ...") scopes over all of it
            foreach (var (time, token) in usable)
                if (token <= 3 && token < m.Head) { best = time; bestToken = token; break; }
        }
        if (best is null && !SegmentStartsRelative(m.Head))
        {
            // "declared an emergency on Friday night after rioters set fire to ...": a clause with no date of its own
            // takes the last date told before it, in this sentence as across sentences
            foreach (var (time, token) in usable)
                if (token < m.Head) { best = time; bestToken = token; }
        }
        if (best is not null)
        {
            // "In 2016 and 2017, ...": the first of coordinated dates
            int k = usable.FindIndex(t => t.Token == bestToken);
            if (k > 0 && bestToken < m.Head && bestToken >= 1 && _t[bestToken - 1].Lower == "and" && usable[k - 1].Time.Span.End <= _t[bestToken - 1].Span.Start)
                best = usable[k - 1].Time;
        }
        best ??= narrative;
        if (best is { Interval: { } interval })
            return new EventDate(interval.Start, interval.End, best.Value, best.Text, best.Precision ?? DatePrecision.Day);
        if (dct is { } d0) return new EventDate(d0, d0, d0.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, DatePrecision.Day);
        return null;
    }

    private bool SegmentStartsRelative(int head)
    {
        int seg = _segment[head];
        int first = Array.IndexOf(_segment, seg);
        return first >= 0 && _t[first].Lower is "which" or "who" or "where" or "whom";
    }

    // "the 2018 military agreement": a year naming a thing, not when the event happened
    private bool Attributive(int token) =>
        token > 0 && _t[token - 1].Lower is "the" or "a" or "its" or "their" or "'s"
        && token + 1 < _t.Count && _t[token + 1].IsWord && !_inTime[token + 1] && char.IsLower(_t[token + 1].Text[0])
        && _t[token].Kind == TokenKind.Number;
}
