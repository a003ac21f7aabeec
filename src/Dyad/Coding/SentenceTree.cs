using Dyad.Syntax;

namespace Dyad.Coding;

/// <summary>An argument of a predicate read from the parse: its slot ("subj", "obj", "by", or the preposition of an oblique) and its head word.</summary>
internal readonly record struct Argument(string Slot, int Word);

/// <summary>
/// The event coder's questions about a sentence's structure, answered from the dependency parse: which words
/// are verbs, whether a verb is passive, who its subject is (through control, coordination and relative
/// clauses), its objects and prepositional arguments, its negation, and which predicate governs it. Token
/// indices are the coder's (<see cref="CoderTokens"/>, which splits hyphenated words); word indices the parse's.
/// </summary>
internal sealed class SentenceTree
{
    private readonly ParsedSentence _parse;
    private readonly int[] _wordOf;
    private readonly int[] _tokenOf;
    private readonly List<int>[] _children;

    public SentenceTree(ParsedSentence parse, List<Token> tokens)
    {
        _parse = parse;
        var words = parse.Tokens;
        _wordOf = new int[tokens.Count];
        _tokenOf = new int[words.Length];
        Array.Fill(_tokenOf, -1);
        for (int t = 0, w = 0; t < tokens.Count; t++)
        {
            while (w + 1 < words.Length && words[w].Span.End <= tokens[t].Span.Start) w++;
            _wordOf[t] = w;
            if (_tokenOf[w] < 0 && words.Length > 0) _tokenOf[w] = t;
        }
        _children = new List<int>[words.Length];
        for (int w = 0; w < words.Length; w++) _children[w] = [];
        for (int w = 0; w < words.Length; w++)
            if (words[w].Head >= 0 && words[w].Head < words.Length) _children[words[w].Head].Add(w);
    }

    public int WordOf(int token) => _wordOf[token];

    /// <summary>The sentence's root word, or -1 for an empty parse.</summary>
    public int Root => _parse.Root;

    /// <summary>The first coder token of a word.</summary>
    public int TokenOf(int word) => _tokenOf[word];

    public SyntaxToken this[int word] => _parse.Tokens[word];

    public IReadOnlyList<int> Children(int word) => _children[word];

    public string Relation(int word) => _parse.Tokens[word].Relation;

    public int Head(int word) => _parse.Tokens[word].Head;

    /// <summary>The token's word is a verb (a main verb; auxiliaries and copulas are not predicates).</summary>
    public bool IsVerb(int token) => this[WordOf(token)].Upos == "VERB";

    /// <summary>A passive verb: a passive subject or auxiliary, or a participle modifying a noun with a "by" agent.</summary>
    public bool IsPassive(int token)
    {
        int w = WordOf(token);
        foreach (int c in _children[w])
            if (Relation(c) is "nsubj:pass" or "aux:pass" or "csubj:pass" or "obl:agent") return true;
        return false;
    }

    /// <summary>
    /// The subject of a predicate: its own nsubj; else, for an xcomp ("agreed to provide"), the controller's
    /// object when the controller has one, else the controller's subject; for a conjunct ("met and signed"),
    /// the first conjunct's subject; for a relative clause or participle ("the army, which shelled", "troops
    /// sent by"), the noun it modifies. -1 when the parse names none.
    /// </summary>
    public int Subject(int word, bool passive)
    {
        for (int guard = 0; guard < 8 && word >= 0; guard++)
        {
            foreach (int c in _children[word])
            {
                string r = Relation(c);
                // a "subject" with a preposition of its own ("According to the Kremlin, ...") is a misparse
                if ((passive ? r is "nsubj:pass" : r is "nsubj") && Case(c) is null) return c;
            }
            string rel = _parse.Tokens[word].BaseRelation;
            int head = Head(word);
            if (head < 0) return -1;
            switch (rel)
            {
                case "xcomp":
                    // object control ("urged Iran to release") before subject control ("agreed to release")
                    foreach (int c in _children[head]) if (Relation(c) is "obj" or "iobj") return c;
                    word = head;
                    passive = false;
                    continue;
                case "conj":
                    word = head;
                    continue;
                case "advcl" when this[word].Xpos == "VBG" && Marker(word) is "after" or "before" or "while" or "when" or "since" or "upon":
                    // "hours after cutting its ties": a gerund's temporal clause is done by the main clause's subject
                    // ("accused Iran of supplying" is not: its doer is the object; an unmarked gerund is too often a misparse)
                    word = head;
                    passive = false;
                    continue;
                case "advcl" when Marker(word) is "to":
                    // "voted on Thursday to impeach": a purpose clause is done by the main clause's subject
                    word = head;
                    passive = false;
                    continue;
                case "acl":
                    return head;
                default:
                    // "the army, which shelled the town": the relative pronoun is the subject; the modified noun stands for it
                    if (Relation(word) == "acl:relcl") return head;
                    return -1;
            }
        }
        return -1;
    }

    /// <summary>The subject with its relative pronoun resolved: "which" in a relative clause stands for the noun modified.</summary>
    public int ResolvedSubject(int word, bool passive)
    {
        int s = Subject(word, passive);
        if (s >= 0 && this[s].Upos == "PRON" && this[s].Lemma is "which" or "who" or "that")
        {
            for (int w = word, guard = 0; w >= 0 && guard < 4; w = Head(w), guard++)
                if (Relation(w) == "acl:relcl") return Head(w);
        }
        return s;
    }

    /// <summary>
    /// The arguments after a predicate: objects ("obj"), the passive agent ("by"), and obliques and noun
    /// modifiers with their preposition ("to", "with", "against", "on" ...), then those the parser hangs on its
    /// object ("imposed sanctions on Iran").
    /// </summary>
    public IEnumerable<Argument> Arguments(int word)
    {
        var objects = new List<int>();
        foreach (int c in _children[word])
        {
            string r = Relation(c);
            string b = _parse.Tokens[c].BaseRelation;
            if (r == "obl:agent") yield return new Argument("by", c);
            else if (b is "obj" or "iobj")
            {
                objects.Add(c);
                yield return new Argument("obj", c);
            }
            else if (b is "obl" or "nmod" && Case(c) is { } prep) yield return new Argument(prep, c);
            // "demanded that Serbia withdraw", "ruled that Johnson's suspension was unlawful": the subject of a
            // complement clause is what the demand or the ruling is about
            else if (r == "ccomp")
                foreach (int s in _children[c])
                    if (Relation(s) is "nsubj" or "nsubj:pass") yield return new Argument("that", s);
        }
        // "beat and detained students": a verb with no object of its own shares the object of the verb
        // coordinated with it
        if (objects.Count == 0)
            foreach (int c in _children[word])
                if (Relation(c) == "conj" && this[c].Upos == "VERB" && !_children[c].Any(d => Relation(d) is "nsubj" or "nsubj:pass"))
                    foreach (int o in _children[c])
                        if (Relation(o) == "obj")
                        {
                            objects.Add(o);
                            yield return new Argument("obj", o);
                        }
        // "imposed sanctions on Iran": a phrase the parser hangs on the object may as well belong to the verb
        foreach (int o in objects)
            foreach (int c in _children[o])
                if (_parse.Tokens[c].BaseRelation == "nmod" && Case(c) is { } prep && prep != "of") yield return new Argument(prep, c);
    }

    /// <summary>
    /// The predicate of a complement of <paramref name="word"/> (a ccomp or xcomp, or an adjective or noun
    /// predicate of one: "ruled that it was unlawful", "declared the vote invalid"; or a clause it governs through
    /// "from": "barred him from running") whose lemma is one of <paramref name="lemmas"/>; -1 when none is.
    /// </summary>
    public int ComplementPredicate(int word, IReadOnlySet<string> lemmas)
    {
        foreach (int c in _children[word])
            if ((Relation(c) is "ccomp" or "xcomp" || Relation(c) == "advcl" && Marker(c) == "from") && lemmas.Contains(this[c].Lemma.ToLowerInvariant())) return c;
        return -1;
    }

    /// <summary>The subordinator or preposition that opens a clause ("after" in "after cutting"), or null.</summary>
    private string? Marker(int word)
    {
        foreach (int c in _children[word])
            if (Relation(c) is "mark" or "case") return this[c].Lemma.ToLowerInvariant();
        return null;
    }

    /// <summary>The preposition that marks a nominal ("to" in "to Moscow"), or null.</summary>
    public string? Case(int word)
    {
        string? result = null;
        foreach (int c in _children[word])
        {
            if (Relation(c) != "case") continue;
            string lemma = this[c].Lemma.ToLowerInvariant();
            if (this[c].Upos == "PART") continue; // the possessive 's
            result = result is null ? lemma : result + " " + lemma;
        }
        return result;
    }

    /// <summary>
    /// The predicate is negated: "not"/"never" on it ("did not sign"), a "no" determiner on its object ("signed
    /// no agreement"), or it is the complement of a negated intention ("has no plans to send").
    /// </summary>
    public bool Negated(int word)
    {
        foreach (int c in _children[word])
        {
            if (Relation(c) == "advmod" && this[c].Lemma.ToLowerInvariant() is "not" or "never" or "n't") return true;
            if (Relation(c) is "obj" && _children[c].Any(d => Relation(d) == "det" && this[d].Lemma.ToLowerInvariant() is "no")) return true;
        }
        return false;
    }

    /// <summary>
    /// The words of the noun phrase headed by <paramref name="word"/> that can name its actor, nearest first: the
    /// head, then its compounds, modifiers, possessor, appositions, coordinated nouns and "of"/"from" modifiers
    /// ("officials from Russia", "the leaders of Iran and Iraq"); not its relative clauses.
    /// </summary>
    public IEnumerable<int> PhraseWords(int word)
    {
        var queue = new Queue<int>();
        queue.Enqueue(word);
        int seen = 0;
        while (queue.Count > 0 && seen++ < 40)
        {
            int w = queue.Dequeue();
            yield return w;
            foreach (int c in _children[w])
            {
                string r = Relation(c);
                string b = _parse.Tokens[c].BaseRelation;
                if (b is "compound" or "amod" or "flat" or "appos" or "conj" or "det" || r == "nmod:poss"
                    || b == "nmod" && Case(c) is "of" or "from")
                    queue.Enqueue(c);
            }
        }
    }
}
