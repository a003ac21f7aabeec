using Dyad.Syntax;
using Dyad.Documents;

namespace Dyad.Actors;

/// <summary>
/// The state of recognising one document: the mentions so far, the people already named (for
/// pronouns, surnames and descriptions) and the abbreviations the document defines. One per call.
/// </summary>
internal sealed class DocumentRun(ActorDictionary dictionary, string text)
{
    private static readonly string[] HeadRolePreference =
        ["Supreme Leader", "General Secretary", "First Secretary", "Chairman of the Communist Party", "Paramount Leader", "President of", "Prime Minister", "Premier", "Chancellor", "Chairman",
        // the roles of the people files generated from the reference tables where they name no title
        "Head of State of", "Head of Government of", "Leader of"];

    private readonly List<PersonRef> _people = [];
    // Indexes over _people (append-only, in sentence order) so that looking back costs no more as the document grows:
    // where each person was last mentioned, and per (country, office, title) the latest mention holding it.
    private readonly Dictionary<Person, int> _lastMention = [];
    private readonly Dictionary<(string Country, Office Office, string Title), (int Scanned, PersonRef? Latest)> _latestHolder = [];
    private readonly Dictionary<string, ActorMention> _aliases = new(StringComparer.Ordinal);
    // Surnames of people named in full whom no dictionary lists and no words around tie to a country ("Tim Morrison"),
    // with the offset of the full name: the surname repeated after it is that unknown person.
    private readonly Dictionary<string, int> _unknownNames = new(StringComparer.Ordinal);
    // People named by a surname alone with nothing around it to agree (each with whether the dictionaries know no one
    // else by that surname), and people named otherwise (in full, with a title or a country word).
    private readonly Dictionary<Person, bool> _doubtful = [];
    private readonly HashSet<Person> _vouched = [];
    private readonly List<NameToken> _tokens = [];
    private Item?[] _itemAt = [];
    // The syntax word each name token lies in, for the part of speech of agent nouns.
    private int[] _wordAt = [];
    private IReadOnlyList<SyntaxToken> _words = [];
    // Agent nouns with no country yet (indexes into Mentions): the document's subject country is known only at its end.
    private readonly List<int> _pending = [];
    private int _sentenceIndex;
    // Where the previous sentence's mentions start and end in Mentions, for pronouns that open a sentence.
    private (int Start, int End) _previousSentence;

    public List<ActorMention> Mentions { get; } = [];

    /// <summary>A person mentioned in the document, with the sentence and offset of the mention.</summary>
    private sealed record PersonRef(ActorMention Mention, Person? Person, int Sentence);

    /// <summary>A dictionary match in a sentence: tokens [First, End) and what they can mean.</summary>
    private sealed class Item(int first, int end, List<NameSense> senses)
    {
        public int First { get; set; } = first;

        public int End { get; } = end;

        public List<NameSense> Senses { get; } = senses;

        public ActorMention? Alias { get; init; }

        public bool Used { get; set; }

        public bool IsPerson => Alias is null && Senses.Count > 0 && Senses.All(s => s.Person is not null);

        public bool IsSurname => IsPerson && Senses.All(s => s.Surname);

        public ActorEntry? Entry(DateOnly? date)
        {
            ActorEntry? valid = null, any = null;
            foreach (var sense in Senses)
            {
                if (sense.Entry is not { } entry) continue;
                any ??= entry;
                if (entry.ValidOn(date) && (valid is null || (valid.To is not null && entry.To is null))) valid = entry;
            }
            if (valid is not null) return valid;
            if (date is null || any is null) return any;
            return Senses.Select(s => s.Entry).OfType<ActorEntry>()
                .MinBy(e => e.From is { } f && date < f ? f.DayNumber - date.Value.DayNumber : e.To is { } t && date > t ? date.Value.DayNumber - t.DayNumber : 0);
        }
    }

    public void Sentence(TextSpan sentence, IReadOnlyList<SyntaxToken> words, DateOnly? date)
    {
        _tokens.Clear();
        NameTokenizer.Keys(text, words, _tokens);
        var tokens = _tokens;
        var items = Match(tokens);
        if (_itemAt.Length < tokens.Count) _itemAt = new Item?[Math.Max(tokens.Count, _itemAt.Length * 2)];
        Array.Clear(_itemAt, 0, tokens.Count);
        foreach (var it in items)
        {
            for (int q = it.First; q < it.End; q++) _itemAt[q] = it;
        }
        MapWords(tokens, words);
        var found = new List<ActorMention>();
        var sentencePeople = new List<PersonRef>();

        // People named by the dictionary, with the titles and country words before them.
        foreach (var item in items.Where(i => i.IsPerson))
        {
            if (item.Used) continue;
            var left = ExtendLeft(tokens, items, item.First, date);
            var candidates = item.Senses.Select(s => s.Person!).Distinct().ToList();
            // a surname, or a name of one word ("Castillo", "Suharto"): it may be anyone's surname
            bool surname = item.IsSurname || item.End - item.First == 1;
            if (surname && FollowedByUnknownName(tokens, items, item.End))
            {
                // "Emmanuel Macorn": a misspelt or partial name starting with a word some dictionary name is
                int end = FreeNameEnd(tokens, item.End);
                if (end > item.End && !(end < tokens.Count && tokens[end].IsWord && tokens[end].StartsUpper)
                    && KnownAs(tokens, items, item.First, end, date, sentencePeople) is { } known)
                {
                    item.Used = true;
                    found.Add(known);
                }
                continue;
            }
            if (surname && left.TitleStart == item.First && PrecededByUnknownName(tokens, items, item.First))
            {
                // "Tim Morrison", "Pedro Castillo": the whole name is someone else, known by another name or unknown
                if (FullNameEndingIn(tokens, items, item, date, sentencePeople) is { } other) found.Add(other);
                continue;
            }
            if (surname && item.End - item.First == 1 && NamedUnknown(tokens[item.First].Key, candidates))
            {
                // "Morrison" after "Tim Morrison": the person the document named, not one of the dictionaries'
                item.Used = true;
                continue;
            }
            // "Castillo" after "Pedro Castillo" (José Pedro Castillo Terrones): the person the document named in full
            if (surname && EarlierNamed(tokens[item.End - 1].Key, sentencePeople) is { } earlier && !candidates.Contains(earlier)) candidates = [earlier];
            var person = ResolvePerson(candidates, surname, left.Country, left.Office, left.TitleStart < item.First, left.TitleText, date, out bool antecedent, out bool alone);
            if (person is null) continue;
            int start = left.Start;
            if (left.Absorb && left.Modifier is not null) left.Modifier.Used = true;
            item.Used = true;
            var mention = PersonMention(tokens[start].Start, tokens[item.End - 1].End, person, date, surname && antecedent ? MentionVia.Coreference : MentionVia.Dictionary);
            // a surname only one person has, that of a head of state or government in office, speaks for itself ("Biden and Xi met")
            bool self = candidates.Count == 1 && person.TermOn(date)?.Role is { } held && HeadRank(held) < HeadRolePreference.Length;
            Vouch(person, alone && !self && !RoleAfter(tokens, items, item.End, mention, date), antecedent, only: candidates.Count == 1 && item.IsSurname);
            found.Add(mention);
            sentencePeople.Add(new PersonRef(mention, person, _sentenceIndex));
            DefineAbbreviation(tokens, items, item.End, mention);
        }

        // Country words followed by a title (a description or a new name) or an agent noun.
        for (int k = 0; k < items.Count; k++)
        {
            var item = items[k];
            if (item.Used || item.IsPerson) continue;
            var entry = item.Alias is null ? item.Entry(date) : null;
            string? country = item.Alias?.Country ?? entry?.Country;
            if (country is null || entry?.Form == NameForm.Blocked) continue;
            if (entry is not null && entry.Kind is not (ActorKind.State or ActorKind.Igo or ActorKind.Government or ActorKind.Party)) continue;
            int after = item.End;
            if (after + 1 < tokens.Count && tokens[after].Key == "'" && tokens[after + 1].Key == "s") after += 2;
            if (after >= tokens.Count || (_itemAt[after] is { } next && next.First == after)) continue;
            var described = Describe(tokens, items, item, after, country, entry, date, sentencePeople);
            if (described is null) continue;
            item.Used = true;
            found.AddRange(described);
        }

        // "Qassem Soleimani, the commander of the Quds Force": a new name with a title in apposition;
        // "Moammar Kadhafi", "Merkle": a variant, a misspelling or a part of a name the dictionaries list.
        for (int t = 0; t < tokens.Count; t++)
        {
            if (!tokens[t].IsWord || !tokens[t].StartsUpper || InItem(t)) continue;
            bool afterTitle = t > 0 && ActorLexicon.Titles.ContainsKey(tokens[t - 1].Key);
            if (t > 0 && tokens[t - 1].IsWord && tokens[t - 1].StartsUpper && !afterTitle) continue;
            if (found.Any(m => m.Span.Contains(tokens[t].Start))) continue;
            if (VariantName(tokens, items, t, date, sentencePeople) is var (variant, variantEnd))
            {
                found.Add(variant);
                t = variantEnd - 1;
                continue;
            }
            if (afterTitle && tokens[t - 1].StartsUpper) continue;
            var appositive = Appositive(tokens, items, t, date);
            if (appositive is null) continue;
            found.Add(appositive);
            sentencePeople.Add(new PersonRef(appositive, null, _sentenceIndex));
        }

        // Everything else the dictionary knows: states, organisations, demonyms, capitals.
        for (int k = 0; k < items.Count; k++)
        {
            var item = items[k];
            if (item.Used || item.IsPerson) continue;
            item.Used = true;
            int start = tokens[item.First].Start, end = tokens[item.End - 1].End;
            if (item.Alias is { } alias)
            {
                var copy = alias with { Span = new TextSpan(start, end), Text = text[start..end], Via = alias.Kind == ActorKind.Person ? MentionVia.Coreference : MentionVia.Dictionary };
                found.Add(copy);
                if (copy.Kind == ActorKind.Person) sentencePeople.Add(new PersonRef(copy, null, _sentenceIndex));
                continue;
            }
            var entry = item.Entry(date)!;
            if (entry.Form == NameForm.Blocked) continue;
            // "US$ 11 billion", "HK$": a country abbreviation glued to a dollar sign is a currency
            if (end < text.Length && (text[end] == '$' || text[end] == '\\' && end + 1 < text.Length && text[end + 1] == '$')) continue;
            ActorMention mention;
            if (entry.Form == NameForm.Metonym && IsLocative(tokens, items, item.First, found))
                mention = new ActorMention(new TextSpan(start, end), text[start..end], entry.Country, entry.Country, ActorKind.Place, null, null, MentionVia.Dictionary);
            else
            {
                var via = entry.Form switch { NameForm.Demonym => MentionVia.Demonym, NameForm.Metonym => MentionVia.Metonym, _ => MentionVia.Dictionary };
                mention = new ActorMention(new TextSpan(start, end), text[start..end], entry.Actor, entry.Country, entry.Kind, null, null, via);
            }
            found.Add(mention);
            if (entry.Form == NameForm.Name) DefineAbbreviation(tokens, items, item.End, mention);
        }

        // Pronouns and plural descriptions, resolved against the people named so far.
        for (int t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (!token.IsWord || _itemAt[t] is not null) continue;
            if (ActorLexicon.Pronouns.Contains(token.Key))
            {
                var target = PronounTarget(tokens, t, sentencePeople);
                if (target is not null)
                {
                    var mention = target.Mention with { Span = new TextSpan(token.Start, token.End), Text = text[token.Start..token.End], Via = MentionVia.Coreference };
                    found.Add(mention);
                }
                continue;
            }
            if (HalfOfDividedState(tokens, t, found) is { } half)
            {
                found.Add(half with { Span = new TextSpan(token.Start, token.End), Text = text[token.Start..token.End], Via = MentionVia.Coreference });
                continue;
            }
            if (token.Key == "the" && BareTitle(tokens, items, t, found, date, sentencePeople) is var (bare, bareEnd))
            {
                // "..., the chancellor announced": a title alone is the office holder of the country just named
                found.Add(bare);
                t = bareEnd - 1;
                continue;
            }
            if (FormerOrLatter(tokens, t) is { } which)
            {
                // "the latter accepted an invitation from the former": the second or first of the last two people named
                var pair = LastTwoPeople(sentencePeople, token.Start);
                if (pair.Count == 2)
                    found.Add(pair[which].Mention with { Span = new TextSpan(token.Start, token.End), Text = text[token.Start..token.End], Via = MentionVia.Coreference });
                continue;
            }
            int countries = PluralStatesEnd(tokens, t);
            if (countries > 0)
            {
                // "Both countries warned Russia": the last two countries named, in this sentence or just before
                // As an object ("Beijing criticised both governments") it names others than this sentence's own actors.
                int before = tokens[t].Key == "two" ? t - 2 : t - 1;
                bool asObject = before >= 0 && tokens[before].IsWord && !tokens[before].StartsUpper && tokens[before].Key is not ("and" or "but" or "while" or "as" or "that" or "when");
                var pair = LastTwoCountries(text, asObject ? [] : found, token.Start);
                if (pair.Count == 2)
                {
                    int start = token.Start, end = tokens[countries - 1].End;
                    foreach (var m in pair) found.Add(m with { Span = new TextSpan(start, end), Text = text[start..end], Via = MentionVia.Coreference });
                    t = countries - 1;
                }
                continue;
            }
            int plural = PluralEnd(tokens, t);
            if (plural > 0)
            {
                var pair = LastTwoPeople(sentencePeople, token.Start);
                if (pair.Count == 2)
                {
                    int start = token.Start, end = tokens[plural - 1].End;
                    foreach (var p in pair) found.Add(p.Mention with { Span = new TextSpan(start, end), Text = text[start..end], Via = MentionVia.Coreference });
                    t = plural - 1;
                }
            }
        }

        // Agent nouns standing alone (after the pronouns, for "his government"): "police in Lima", "Kharkiv police", "protesters".
        var pending = new List<ActorMention>();
        for (int t = 0; t < tokens.Count; t++)
        {
            if (BareAgent(tokens, t, date, found) is not var (mention, end, waits)) continue;
            if (waits) pending.Add(mention);
            found.Add(mention);
            t = end - 1;
        }

        // "They rallied again the next day", "Police opened fire on them", "the group": groups and states named before
        for (int t = 0; t < tokens.Count; t++)
        {
            if (!tokens[t].IsWord || _itemAt[t] is not null || found.Any(m => m.Span.Contains(tokens[t].Start))) continue;
            int end = t + 1;
            ActorMention? antecedent = null;
            if (ActorLexicon.PluralPronouns.Contains(tokens[t].Key)) antecedent = PreviousGroup();
            else if (ActorLexicon.SingularPronouns.Contains(tokens[t].Key) && OpensClause(tokens, t)) antecedent = PreviousSubject(m => !IsPlural(m));
            else if (tokens[t].Key == "the" && t + 1 < tokens.Count && _itemAt[t + 1] is null)
            {
                end = t + 2;
                if (ActorLexicon.GroupNouns.Contains(tokens[t + 1].Key)) antecedent = LastNamed(found, tokens[t].Start, m => m.Kind is ActorKind.ArmedGroup or ActorKind.Party);
                // "the country": the state of the last actor named ("Mali's President ... suspended the country")
                else if (ActorLexicon.StateNouns.Contains(tokens[t + 1].Key) && LastNamed(found, tokens[t].Start, m => m.Kind != ActorKind.Igo && m.Country is { Length: 3 }) is { Country: { } state } named)
                    antecedent = named with { Actor = state, Kind = ActorKind.State, Name = null, Role = null };
            }
            if (antecedent is null) continue;
            // spans leave the article out, as for names ("the [[country]]")
            int start = tokens[end - 1].Start, stop = tokens[end - 1].End;
            var copy = antecedent with { Span = new TextSpan(start, stop), Text = text[start..stop], Via = MentionVia.Coreference };
            found.Add(copy);
            // an agent noun still waiting for the document's country: its pronoun waits with it
            if (pending.Any(m => ReferenceEquals(m, antecedent)) || _pending.Any(i => ReferenceEquals(Mentions[i], antecedent))) pending.Add(copy);
            t = end - 1;
        }

        foreach (var p in sentencePeople.OrderBy(p => p.Mention.Span.Start))
        {
            _people.Add(p);
            if (p.Person is { } person) _lastMention[person] = _people.Count - 1;
        }
        foreach (var m in found)
        {
            if (pending.Count > 0 && pending.Contains(m)) _pending.Add(Mentions.Count);
            Mentions.Add(m);
        }
        _previousSentence = (Mentions.Count - found.Count, Mentions.Count);
        _sentenceIndex++;
    }

    // The previous sentence's first actor that is neither a person nor a place (its subject, as news writes), if it passes.
    private ActorMention? PreviousSubject(Func<ActorMention, bool> passes)
    {
        for (int i = _previousSentence.Start; i < _previousSentence.End; i++)
        {
            var m = Mentions[i];
            if (m.Kind is ActorKind.Person or ActorKind.Place || m.Via == MentionVia.Coreference) continue;
            return passes(m) ? m : null;
        }
        return null;
    }

    // "they", "them": the previous sentence's subject when it is a group or plural, else its last group.
    private ActorMention? PreviousGroup()
    {
        if (PreviousSubject(IsPlural) is { } subject) return subject;
        for (int i = _previousSentence.End - 1; i >= _previousSentence.Start; i--)
            if (Mentions[i] is { Kind: not (ActorKind.Person or ActorKind.Place), Via: not MentionVia.Coreference } m && IsPlural(m)) return m;
        return null;
    }

    // A group, an armed group, a military or an agent noun in the plural ("protesters", "ELN rebels").
    private static bool IsPlural(ActorMention m) =>
        m.Kind is ActorKind.Group or ActorKind.ArmedGroup || m.Via == MentionVia.Agent && m.Text.EndsWith('s');

    // The last actor before the offset, in this sentence or the one before, that passes.
    private ActorMention? LastNamed(List<ActorMention> found, int before, Func<ActorMention, bool> passes)
    {
        for (int i = found.Count - 1; i >= 0; i--)
            if (found[i].Span.End <= before && found[i].Via != MentionVia.Coreference && passes(found[i])) return found[i];
        for (int i = _previousSentence.End - 1; i >= _previousSentence.Start; i--)
            if (Mentions[i].Via != MentionVia.Coreference && passes(Mentions[i])) return Mentions[i];
        return null;
    }

    // "It said ...", "Two months later, it ...": a pronoun opening the sentence or its first clause after a comma.
    private static bool OpensClause(List<NameToken> tokens, int t) =>
        t == 0 || tokens[t - 1].Key == "," && !tokens.Take(t - 1).Any(k => k.Key == ",");

    /// <summary>
    /// Ends the document: agent nouns that nothing around them tied to a country take the document's subject
    /// country, when it clearly has one; else they keep the bare sector code and no country.
    /// </summary>
    public void Finish()
    {
        DropUnsupportedSurnames();
        if (_pending.Count == 0 || SubjectCountry() is not { } subject) return;
        foreach (int i in _pending) Mentions[i] = Mentions[i] with { Actor = subject + Mentions[i].Actor, Country = subject };
    }

    /// <summary>
    /// People the document named only by a surname alone, with nothing around it to agree ("Morrison said"), are
    /// kept when another mention names their country ("Australia", "Canberra", "Australian voters"), or, if they
    /// held an office on the date or are the only person the dictionaries know by that surname, when the story
    /// names other political actors (a state, a government, a capital, an office holder: "Lavrov will visit
    /// Pyongyang", "Trump and Kim held a summit").
    /// Otherwise every mention of them goes, with the pronouns and descriptions resolved to them.
    /// </summary>
    private void DropUnsupportedSurnames()
    {
        var doubtful = _doubtful.Where(kv => !_vouched.Contains(kv.Key)).ToDictionary(kv => kv.Key.Name, kv => kv.Value, StringComparer.Ordinal);
        if (doubtful.Count == 0) return;
        bool Doubtful(ActorMention m) => m.Kind == ActorKind.Person && m.Name is { } name && doubtful.ContainsKey(name);
        // in office on the date, or the only person of that surname: such a person may stand for their country in a political story
        bool Qualified(ActorMention m) => m.Role is not null || doubtful[m.Name!];
        var countries = Mentions.Where(m => !Doubtful(m) && m.Country is not null).Select(m => m.Country!).ToHashSet(StringComparer.Ordinal);
        // political actors: states, governments, their capitals and organisations, office holders (qualified people
        // named by surname alone count for each other: "The Trump-Kim summit"), not agent nouns
        var political = Mentions.Where(m => m.Country is not null && m.Via != MentionVia.Agent && (!Doubtful(m) || Qualified(m))
            && m.Kind is ActorKind.State or ActorKind.Government or ActorKind.Military or ActorKind.Igo or ActorKind.Party or ActorKind.Person or ActorKind.Place).ToList();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in Mentions)
        {
            if (!Doubtful(m) || dropped.Contains(m.Name!)) continue;
            if (m.Country is not null && countries.Contains(m.Country)) continue;
            if (Qualified(m) && political.Any(p => p.Name != m.Name)) continue;
            dropped.Add(m.Name!);
        }
        if (dropped.Count == 0) return;
        var pending = _pending.Select(i => Mentions[i]).ToList();
        Mentions.RemoveAll(m => m.Kind == ActorKind.Person && m.Name is { } name && dropped.Contains(name));
        _pending.Clear();
        for (int i = 0; i < Mentions.Count; i++)
        {
            if (pending.Contains(Mentions[i])) _pending.Add(i);
        }
    }

    /// <summary>The state named most often, if it is the only one named, or named at least twice and at least twice as often as any other; else null.</summary>
    private string? SubjectCountry()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in Mentions)
        {
            if (m.Country is { } c && m.Kind != ActorKind.Igo && dictionary.IsState(c)) counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        if (counts.Count == 0) return null;
        var ranked = counts.OrderByDescending(kv => kv.Value).Take(2).ToList();
        int top = ranked[0].Value, second = ranked.Count > 1 ? ranked[1].Value : 0;
        return second == 0 || top >= 2 && top >= 2 * second ? ranked[0].Key : null;
    }

    private void MapWords(List<NameToken> tokens, IReadOnlyList<SyntaxToken> words)
    {
        _words = words;
        if (_wordAt.Length < tokens.Count) _wordAt = new int[Math.Max(tokens.Count, _wordAt.Length * 2)];
        int w = 0;
        for (int q = 0; q < tokens.Count; q++)
        {
            while (w + 1 < words.Count && words[w].Span.End <= tokens[q].Start) w++;
            _wordAt[q] = w;
        }
    }

    // ---- agent nouns ---------------------------------------------------------------------------

    private readonly record struct AgentMatch(Agent Agent, int End);

    /// <summary>The longest agent noun starting at token <paramref name="start"/>, made of words no dictionary name holds.</summary>
    private AgentMatch? AgentAt(List<NameToken> tokens, int start)
    {
        if (start >= tokens.Count) return null;
        bool own = dictionary.AgentFirstWords.Contains(tokens[start].Key), embedded = ActorLexicon.AgentFirstWords.Contains(tokens[start].Key);
        if (!own && !embedded) return null;
        int longest = Math.Max(own ? dictionary.AgentLength : 0, embedded ? ActorLexicon.AgentLength : 0);
        for (int length = Math.Min(longest, tokens.Count - start); length >= 1; length--)
        {
            if (FreeWords(tokens, start, length) is not { } key) continue;
            // a dictionary's own agent nouns come first, as its names override the embedded ones
            if (own && dictionary.Agents.TryGetValue(key, out var mine)) return new AgentMatch(mine, start + length);
            if (embedded && ActorLexicon.Agents.TryGetValue(key, out var agent)) return new AgentMatch(agent, start + length);
        }
        return null;
    }

    private static readonly HashSet<string> ModifierRelations = ["compound", "amod", "flat"];

    /// <summary>
    /// An agent noun with no country word before it: "police", "riot police in Lima", "Kharkiv police", "the court".
    /// Not a noun that modifies another ("police car", "military exercises"), nor one owned by a name before it
    /// ("Hamas fighters", "State Department officials", "Kurdish fighters"), nor part of a capitalised name
    /// ("Kurdistan Workers' Party"). Its country: a capital or place before it, else a place tied to it by
    /// "of" or (for nouns that are rarely abroad) "in", "from", "at" ...; without one it is pending.
    /// </summary>
    private (ActorMention Mention, int End, bool Pending)? BareAgent(List<NameToken> tokens, int t, DateOnly? date, List<ActorMention> found)
    {
        if (!tokens[t].IsWord || InItem(t) || AgentAt(tokens, t) is not { } match) return null;
        var (agent, end) = match;
        int start = tokens[t].Start, stop = tokens[end - 1].End;
        if (!agent.Alone || found.Any(m => m.Span.Start < stop && start < m.Span.End)) return null;
        var word = _words[_wordAt[end - 1]];
        if (word.Upos is not ("NOUN" or "PROPN") || ModifierRelations.Contains(word.BaseRelation)) return null;
        if (end < tokens.Count && tokens[end].IsWord && tokens[end].StartsUpper && !InItem(end) && (tokens[t].StartsUpper && t > 0)) return null;
        // "military exercises": a noun right after it is what the agent word describes, even where the parse says otherwise
        if (end < tokens.Count && tokens[end].IsWord && !tokens[end].StartsUpper && _wordAt[end] != _wordAt[end - 1] && _words[_wordAt[end]].Upos == "NOUN") return null;
        string? country = null;
        // lower-case modifiers between an owner and the agent: "Greece's new government", "Soviet border troops"
        int before = t, skipped = 0;
        while (skipped < 2 && before > 0 && tokens[before - 1].IsWord && !tokens[before - 1].StartsUpper && !InItem(before - 1)
            && _words[_wordAt[before - 1]] is { Upos: "ADJ" or "NOUN" } modifier && ModifierRelations.Contains(modifier.BaseRelation))
        {
            before--;
            skipped++;
        }
        bool possessive = before >= 2 && tokens[before - 1].Key == "s" && tokens[before - 2].Key == "'";
        if (possessive) before -= 2;
        if (ItemEndingAt(before) is { } owner)
        {
            var entry = owner.Alias is null ? owner.Entry(date) : null;
            // "Chinese and Soviet border troops": two owners; the words around the mention say more than one guess
            if (owner.First >= 2 && tokens[owner.First - 1].Key is "and" or "or" && ItemEndingAt(owner.First - 1) is not null) return null;
            if (entry is { Kind: ActorKind.State }) country = entry.Country;
            // "Moscow police", "Lima's police": a capital or place gives the country, but "Kremlin officials" are
            // the government the seat already stands for
            else if (entry is not null && (entry.Form == NameForm.Metonym || entry.Kind == ActorKind.Place) && !(entry.Form == NameForm.Metonym && agent.Sector == "GOV"))
                country = entry.Country;
            // "Assad's forces": the country of the person
            else if (possessive && owner.IsPerson && found.FirstOrDefault(m => m.Kind == ActorKind.Person && m.Span.End == tokens[owner.End - 1].End) is { Country: { } whose })
                country = whose;
            // any other name owns the agent: "Hamas gunmen", "State Department officials"
            else return null;
        }
        else if (PlaceEndingAt(tokens, before) is { } placeBefore)
        {
            // "Kharkiv police": the place and the agent are one mention, as a country word and an agent are
            country = placeBefore.Country;
            if (skipped == 0 && !possessive) start = tokens[placeBefore.Start].Start;
        }
        else if (before > 0 && tokens[before - 1].IsWord && tokens[before - 1].StartsUpper
            && (before - 1 > 0 || _words[_wordAt[before - 1]].Upos is "PROPN" or "ADJ")) return null;
        else if (before > 0 && tokens[before - 1].Key is "his" or "her")
        {
            // "his government": the country of the person "his" is; someone unknown owns it otherwise
            if (found.FirstOrDefault(m => m.Span.Start == tokens[before - 1].Start && m.Via == MentionVia.Coreference) is not { Country: { } own }) return null;
            country = own;
        }
        else if (before > 0 && tokens[before - 1].Key == "its")
        {
            // "the Soviet Union declared war on Japan and its troops ...": the sentence's first state, else nothing sure
            var state = found.Where(m => m.Span.End <= tokens[before - 1].Start && m.Kind is ActorKind.State or ActorKind.Government && m.Country is not null)
                .MinBy(m => m.Span.Start);
            if (state is null) return null;
            country = state.Country;
        }
        bool pending = country is null && agent.Context != AgentContext.Named;
        if (country is null && end + 1 < tokens.Count && ActorLexicon.PlaceLinks.Contains(tokens[end].Key))
        {
            bool owning = tokens[end].Key is "of" or "from";
            if (owning || agent.Context == AgentContext.Place)
            {
                country = PlaceCountry(tokens, tokens[end + 1].Key == "the" ? end + 2 : end + 1, date);
                // "negotiators from 196 parties": they belong to something that is not the story's subject
                if (owning) pending = false;
            }
        }
        if (country is null && pending && ActorLexicon.CommandedSectors.Contains(agent.Sector.ToLowerInvariant())
            && ClauseSubject(_wordAt[end - 1], found) is { } commander)
            country = commander; // "President Kim put the armed forces on alert": the organs of the subject's own state
        string actor = country is null ? agent.Sector : country + agent.Sector;
        var mention = new ActorMention(new TextSpan(start, stop), text[start..stop], actor, country, agent.Kind, null, null, MentionVia.Agent);
        return (mention, end, country is null && pending);
    }

    /// <summary>
    /// The country of the subject of the verb the word at <paramref name="word"/> is the object of, when that subject is
    /// a state, its government or one of its people named in <paramref name="found"/>; else null.
    /// </summary>
    private string? ClauseSubject(int word, List<ActorMention> found)
    {
        var w = _words[word];
        if (w.BaseRelation is not ("obj" or "iobj" or "obl") || w.Head < 0 || w.Head >= _words.Count) return null;
        for (int c = 0; c < _words.Count; c++)
        {
            if (_words[c].Head != w.Head || _words[c].BaseRelation != "nsubj") continue;
            int at = _words[c].Span.Start;
            var subject = found.FirstOrDefault(m => m.Span.Start <= at && at < m.Span.End && m.Kind is ActorKind.Person or ActorKind.Government or ActorKind.State);
            return subject?.Country is { } country && dictionary.IsState(country) ? country : null;
        }
        return null;
    }

    /// <summary>The country of a state, capital or place named at token <paramref name="k"/>, else null.</summary>
    private string? PlaceCountry(List<NameToken> tokens, int k, DateOnly? date)
    {
        if (k >= tokens.Count) return null;
        if (_itemAt[k] is { } item)
        {
            if (item.First != k || item.IsPerson || item.Alias is not null) return null;
            var entry = item.Entry(date);
            return entry is not null && entry.Form != NameForm.Demonym && (entry.Kind is ActorKind.State or ActorKind.Place || entry.Form == NameForm.Metonym) ? entry.Country : null;
        }
        return PlaceNames.Default.Match(tokens, k)?.Country;
    }

    /// <summary>The first token and country of a gazetteer place whose name ends just before token <paramref name="end"/> ("Kharkiv police").</summary>
    private static (int Start, string Country)? PlaceEndingAt(List<NameToken> tokens, int end)
    {
        for (int length = 1; length <= 3 && end - length >= 0; length++)
        {
            if (PlaceNames.Default.Match(tokens, end - length) is { } place && place.End == end) return (end - length, place.Country);
        }
        return null;
    }

    // ---- matching ----------------------------------------------------------------------------

    private List<Item> Match(List<NameToken> tokens)
    {
        var items = new List<Item>();
        int i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (!token.IsWord)
            {
                i++;
                continue;
            }
            var node = dictionary.Root;
            int bestEnd = -1;
            List<NameSense>? best = null;
            for (int j = i; j < tokens.Count; j++)
            {
                if (node.Next is null || !node.Next.TryGetValue(tokens[j].Key, out var next)) break;
                node = next;
                if (node.Senses is { Count: > 0 } senses)
                {
                    List<NameSense>? accepted = null;
                    foreach (var sense in senses)
                    {
                        if (sense.Accepts(tokens, i)) (accepted ??= []).Add(sense);
                    }
                    if (accepted is not null)
                    {
                        bestEnd = j + 1;
                        best = accepted;
                    }
                }
            }
            bool aliasHere = token.StartsUpper && _aliases.Count > 0 && _aliases.ContainsKey(token.Key);
            if (best is not null && (!aliasHere || bestEnd > i + 1))
            {
                // A name beats a surname or a demonym only through its senses; keep the strongest kind.
                if (best.Any(s => s.Entry is not null) && best.Any(s => s.Person is not null && !s.Surname) is false) best = best.Where(s => s.Entry is not null).ToList();
                else if (best.Any(s => s.Person is not null && !s.Surname)) best = best.Where(s => s.Person is not null && !s.Surname).ToList();
                items.Add(new Item(i, bestEnd, best));
                i = bestEnd;
                continue;
            }
            if (aliasHere && _aliases.TryGetValue(token.Key, out var a))
            {
                items.Add(new Item(i, i + 1, []) { Alias = a });
                i++;
                continue;
            }
            i++;
        }
        return items;
    }

    // ---- people ------------------------------------------------------------------------------

    private sealed record LeftContext(int Start, int TitleStart, string? Country, Office Office, string? TitleText, Item? Modifier, bool Absorb);

    /// <summary>Titles and a country word before a name: "Russia's Defence Minister", "North Korean Supreme Leader".</summary>
    private LeftContext ExtendLeft(List<NameToken> tokens, List<Item> items, int first, DateOnly? date)
    {
        int k = first;
        var office = Office.None;
        string? titleText = null;
        bool title = false;
        int capitals = 0;
        while (k > 0)
        {
            int end = k;
            if (tokens[end - 1].Key == "." && end - 1 > 0) end--;
            var found = TitleEndingAt(tokens, items, end);
            if (found is { } t && (end == k || ActorLexicon.Titles.ContainsKey(tokens[end - 1].Key)))
            {
                if (office == Office.None && t.Office != Office.None)
                {
                    office = t.Office;
                    titleText = t.Text;
                }
                k = t.Start;
                title = true;
                capitals = 0;
                continue;
            }
            if (title && capitals < 3 && (k - 1 > 0 || k == 1 && _words[_wordAt[0]].Upos is "NOUN" or "PROPN") && tokens[k - 1].IsWord && tokens[k - 1].StartsUpper && !InItem(k - 1))
            {
                k--;
                capitals++;
                continue;
            }
            break;
        }
        // A country word: "Russian", "Russia's", "DPRK", "UN".
        Item? modifier = null;
        int start = k;
        if (k >= 3 && tokens[k - 1].Key == "s" && tokens[k - 2].Key == "'" && ItemEndingAt(k - 2) is { } possessor && !possessor.IsPerson)
        {
            modifier = possessor;
            start = possessor.First;
        }
        else if (k >= 1 && ItemEndingAt(k) is { } direct && !direct.IsPerson)
        {
            modifier = direct;
            start = direct.First;
        }
        string? country = modifier is null ? null : modifier.Alias?.Country ?? modifier.Entry(date)?.Country;
        if (modifier is not null && country is null) modifier = null;
        bool absorb = title && modifier is not null && !modifier.Used;
        return new LeftContext(absorb ? start : k, k, country, office, titleText, modifier, absorb);
    }

    private readonly record struct TitleMatch(int Start, Office Office, string Text);

    private TitleMatch? TitleEndingAt(List<NameToken> tokens, List<Item> items, int end)
    {
        if (end <= 0 || !ActorLexicon.TitleLastWords.Contains(tokens[end - 1].Key)) return null;
        for (int length = Math.Min(5, end); length >= 1; length--)
        {
            int start = end - length;
            bool words = true;
            for (int q = start; q < end; q++)
            {
                if (!tokens[q].IsWord || InItem(q))
                {
                    words = false;
                    break;
                }
            }
            if (!words) continue;
            string key = string.Join(' ', Enumerable.Range(start, length).Select(q => tokens[q].Key));
            if (ActorLexicon.Titles.TryGetValue(key, out var office)) return new TitleMatch(start, office, key);
        }
        return null;
    }

    /// <summary>In a dictionary match other than a bare surname ("Hua" in "Hua Chunying" is someone else's surname).</summary>
    private bool InNonSurnameItem(int token) => _itemAt[token] is { } item && !item.IsSurname;

    private bool InItem(int token) => _itemAt[token] is not null;

    private Item? ItemEndingAt(int end) => end > 0 && _itemAt[end - 1] is { } item && item.End == end ? item : null;

    /// <summary>"Kim Tong-Hyung": a bare surname followed by another capitalised word belongs to someone else.</summary>
    private bool FollowedByUnknownName(List<NameToken> tokens, List<Item> items, int end) =>
        end < tokens.Count && tokens[end].IsWord && tokens[end].StartsUpper && !InNonSurnameItem(end) && !HyphenedSurname(tokens, end);

    /// <summary>"the Trump-Kim summit": a hyphen joins two surnames of different people, not the parts of one name.</summary>
    private bool HyphenedSurname(List<NameToken> tokens, int index) =>
        (tokens[index].Shape & TokenShape.Joined) != 0 && index > 0 && text[tokens[index - 1].End] == '-'
        && _itemAt[index] is { IsSurname: true } item && item.First == index && _itemAt[index - 1] is { IsSurname: true } before
        && !before.Senses.Select(x => x.Person).Intersect(item.Senses.Select(x => x.Person)).Any();

    private bool PrecededByUnknownName(List<NameToken> tokens, List<Item> items, int first) =>
        first >= 1 && (first > 1 || _words[_wordAt[0]].Upos == "PROPN") && tokens[first - 1].IsWord && tokens[first - 1].StartsUpper && !InNonSurnameItem(first - 1)
        && !ActorLexicon.Titles.ContainsKey(tokens[first - 1].Key) && !HyphenedSurname(tokens, first);

    private Person? ResolvePerson(List<Person> candidates, bool surname, string? country, Office office, bool titled, string? titleText, DateOnly? date, out bool antecedent, out bool alone)
    {
        antecedent = false;
        alone = false;
        if (country is not null)
        {
            var same = candidates.Where(p => p.Terms.Any(t => t.Country == country) || p.FallbackCountry == country).ToList();
            if (same.Count > 0) candidates = same;
        }
        if (!surname && candidates.Count == 1) return candidates[0];

        // The most recent person of that name in the document.
        int latest = -1;
        foreach (var candidate in candidates)
        {
            if (_lastMention.TryGetValue(candidate, out int at) && at > latest) latest = at;
        }
        if (latest >= 0)
        {
            antecedent = true;
            return _people[latest].Person!;
        }
        var inOffice = candidates.Where(p => p.InOffice(date)).ToList();
        if (office != Office.None && inOffice.Count > 1)
        {
            // The holder whose role names the title best: "Supreme Leader Kim", "Premier Kim".
            string? title = titleText is null ? null : TitleCase(titleText);
            var fitting = inOffice.Where(p => Fits(p.TermOn(date)!.Role, office, titleText))
                .OrderBy(p => title is not null && p.TermOn(date)!.Role!.Contains(title, StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(p => HeadRank(p.TermOn(date)!.Role!))
                .ToList();
            if (fitting.Count > 0) inOffice = fitting;
        }
        if (!surname) return inOffice.FirstOrDefault() ?? candidates[0];
        if (titled || country is not null)
        {
            if (inOffice.Count > 0) return inOffice[0];
            return candidates.Count == 1 ? candidates[0] : null;
        }
        // a surname alone: the document's countries or the words after it must agree (see Vouch)
        alone = true;
        if (candidates.Count != 1 && inOffice.Count == 1 && date is not null && !Common(inOffice[0])) return inOffice[0];
        // "Kennedy" in 1961, "Kim" in 2018: on a known date a surname, even a common one, names the one
        // head of state or government of that name then in office.
        if (date is not null && Leader(inOffice, date) is { } leader) return leader;
        if (candidates.Count != 1) return null;
        var only = candidates[0];
        if (Common(only)) return null;
        return only;
    }

    /// <summary>The holder of the highest head-of-state or head-of-government office among <paramref name="inOffice"/>, if only one holds it.</summary>
    private static Person? Leader(List<Person> inOffice, DateOnly? date)
    {
        Person? best = null;
        int bestRank = HeadRolePreference.Length;
        bool tie = false;
        foreach (var p in inOffice)
        {
            if (p.TermOn(date)?.Role is not { } role) continue;
            int rank = HeadRank(role);
            if (rank > bestRank || rank == HeadRolePreference.Length) continue;
            tie = rank == bestRank;
            if (rank < bestRank) (best, bestRank) = (p, rank);
        }
        return tie ? null : best;
    }

    private static bool Common(Person person)
    {
        var tokens = NameTokenizer.Tokenize(person.Name).Where(t => t.IsWord).ToList();
        return tokens.Any(t => ActorLexicon.CommonWordSurnames.Contains(t.Key)) && (ActorLexicon.CommonWordSurnames.Contains(tokens[^1].Key) || ActorLexicon.CommonWordSurnames.Contains(tokens[0].Key));
    }

    private static bool Fits(string? role, Office office, string? titleText)
    {
        if (role is null) return false;
        return office switch
        {
            Office.Foreign => role.Contains("Foreign", StringComparison.Ordinal) || role.Contains("Secretary of State", StringComparison.Ordinal),
            Office.Defence => role.Contains("Defence", StringComparison.Ordinal) || role.Contains("Defense", StringComparison.Ordinal),
            Office.Head when titleText is "leader" or "supreme leader" => HeadRank(role) < HeadRolePreference.Length,
            Office.Head when titleText is not null => role.Contains(TitleCase(titleText), StringComparison.Ordinal) && !role.StartsWith("Vice", StringComparison.Ordinal) && !role.StartsWith("Deputy", StringComparison.Ordinal),
            Office.Head => HeadRank(role) < HeadRolePreference.Length,
            Office.Military => true,
            _ => true,
        };
    }

    private static int HeadRank(string role)
    {
        if (role.StartsWith("Vice", StringComparison.Ordinal) || role.StartsWith("Deputy", StringComparison.Ordinal)) return int.MaxValue;
        for (int i = 0; i < HeadRolePreference.Length; i++)
        {
            if (role.Contains(HeadRolePreference[i], StringComparison.Ordinal)) return i;
        }
        return HeadRolePreference.Length;
    }

    private static string TitleCase(string key) => string.Join(' ', key.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private ActorMention PersonMention(int start, int end, Person person, DateOnly? date, MentionVia via)
    {
        var term = person.TermOn(date);
        if (term is not null)
            return new ActorMention(new TextSpan(start, end), text[start..end], term.Actor, term.Country, ActorKind.Person, person.Name, term.Role, via);
        if (person.Terms.Count == 0)
            return new ActorMention(new TextSpan(start, end), text[start..end], person.Fallback, person.FallbackCountry, ActorKind.Person, person.Name, null, via);
        string? country = person.Nearest(date)?.Country;
        return new ActorMention(new TextSpan(start, end), text[start..end], country is null ? null : country + "ELI", country, ActorKind.Person, person.Name, null, via);
    }

    // ---- descriptions, agents and new names --------------------------------------------------

    /// <summary>
    /// After a country word at token <paramref name="after"/>: a title and a new name ("Natural
    /// Resources Minister Alexander Kozlov"), a title alone ("the North Korean leader") or an agent
    /// noun ("Russian officials"). Null when none follows.
    /// </summary>
    private List<ActorMention>? Describe(List<NameToken> tokens, List<Item> items, Item modifier, int after, string country, ActorEntry? entry, DateOnly? date, List<PersonRef> sentencePeople)
    {
        int start = tokens[modifier.First].Start;

        // Title, possibly after capitalised words ("Natural Resources Minister").
        int k = after, capitals = 0;
        while (k < tokens.Count && capitals < 3 && tokens[k].IsWord && tokens[k].StartsUpper && !InItem(k) && !ActorLexicon.Titles.ContainsKey(tokens[k].Key))
        {
            k++;
            capitals++;
        }
        var title = TitleStartingAt(tokens, items, k);
        if (title is null && capitals > 0)
        {
            k = after;
            title = TitleStartingAt(tokens, items, k);
        }
        if (title is { } t && t.Office != Office.None)
        {
            int nameStart = t.End < tokens.Count && tokens[t.End].Key == "." ? t.End + 1 : t.End;
            int nameEnd = nameStart;
            nameEnd = NameEnd(tokens, items, nameStart);
            bool orgModifier = entry is { Kind: ActorKind.Igo };
            string suffix = t.Office == Office.Military ? "MIL" : "GOV";
            string actor = orgModifier ? entry!.Actor : country + suffix;
            string roleText = text[tokens[after].Start..tokens[t.End - 1].End];
            if (nameEnd > nameStart)
            {
                int end = tokens[nameEnd - 1].End;
                string name = text[tokens[nameStart].Start..end];
                foreach (var inside in items.Where(i => i.First >= nameStart && i.End <= nameEnd)) inside.Used = true;
                var mention = new ActorMention(new TextSpan(start, end), text[start..end], actor, country, ActorKind.Person, name, roleText, MentionVia.Inferred);
                sentencePeople.Add(new PersonRef(mention, null, _sentenceIndex));
                var last = tokens[nameEnd - 1];
                if (last.StartsUpper && last.Key.Length > 2) _aliases.TryAdd(last.Key, mention);
                return [mention];
            }
            int descriptionEnd = tokens[t.End - 1].End;
            if (modifier.First > 0 && tokens[modifier.First - 1].Key is "a" or "an") return null;
            if (t.Office is Office.Head or Office.Foreign or Office.Defence)
            {
                var referent = Referent(country, t.Office, t.Text, date, sentencePeople);
                if (referent is not null)
                {
                    var mention = referent.Mention with { Span = new TextSpan(start, descriptionEnd), Text = text[start..descriptionEnd], Via = MentionVia.Coreference };
                    sentencePeople.Add(new PersonRef(mention, referent.Person, _sentenceIndex));
                    return [mention];
                }
            }
            if (entry is not null && entry.Form == NameForm.Metonym) return null;
            return [new ActorMention(new TextSpan(start, descriptionEnd), text[start..descriptionEnd], actor, country, ActorKind.Person, null, null, MentionVia.Inferred)];
        }

        // Agent nouns: "Russian officials", "the Chinese delegation", "North Korean state-media".
        bool seat = entry is { Form: NameForm.Metonym, Kind: ActorKind.Government };
        if (entry is not null && entry.Kind is not ActorKind.State && !seat) return null;
        if (AgentAt(tokens, after) is not { } match) return null;
        // "Moscow police" is Russia's police, but "Kremlin officials" the government the seat already stands for
        if (seat && (match.Agent.Sector == "GOV" || after != modifier.End)) return null;
        // "the Chinese state" is an agent, "Chinese state enterprises" not
        if (match.End == after + 1 && tokens[after].Key is "state" && after + 1 < tokens.Count && tokens[after + 1].IsWord) return null;
        int agentEnd = tokens[match.End - 1].End;
        var via = entry?.Form == NameForm.Demonym ? MentionVia.Demonym : MentionVia.Dictionary;
        return [new ActorMention(new TextSpan(start, agentEnd), text[start..agentEnd], country + match.Agent.Sector, country, match.Agent.Kind, null, null, via)];
    }

    private static readonly HashSet<string> NameParticles = ["da", "de", "do", "dos", "du", "del", "van", "von", "der", "den", "bin", "ibn", "al", "el", "le", "la"];

    /// <summary>The end of a capitalised name starting at <paramref name="start"/> ("Luiz Inacio Lula da Silva", "Abdel Fattah al-Burhan").</summary>
    private int NameEnd(List<NameToken> tokens, List<Item> items, int start)
    {
        int end = start, words = 0;
        while (end < tokens.Count && words < 5)
        {
            var token = tokens[end];
            bool part = token.StartsUpper || (words > 0 && (token.Shape & TokenShape.Joined) != 0);
            if (token.IsWord && part && !InNonSurnameItem(end) && !ActorLexicon.Titles.ContainsKey(token.Key))
            {
                end++;
                words++;
                continue;
            }
            if (words > 0 && token.IsWord && NameParticles.Contains(token.Key) && end + 1 < tokens.Count && tokens[end + 1].IsWord && tokens[end + 1].StartsUpper && !InItem(end + 1))
            {
                end++;
                continue;
            }
            break;
        }
        return end;
    }

    private ActorMention? Appositive(List<NameToken> tokens, List<Item> items, int first, DateOnly? date)
    {
        int end = NameEnd(tokens, items, first);
        if (end - first < 2 || !LooksLikeName(tokens, first, end) || DescribedAfter(tokens, items, end, date) is not var (actor, country, role)) return null;
        return NewPerson(tokens, first, end, actor, country, role);
    }

    /// <summary>Whether tokens [first, end) can be a person's name: proper nouns to the parser, no place ("In Kaliningrad, the ..." is not).</summary>
    private bool LooksLikeName(List<NameToken> tokens, int first, int end)
    {
        for (int q = first; q < end; q++)
        {
            if (tokens[q].IsWord && _words[_wordAt[q]].Upos != "PROPN" && !NameParticles.Contains(tokens[q].Key)) return false;
            if (PlaceNames.Default.Match(tokens, q) is not null) return false;
        }
        return true;
    }

    /// <summary>A person in no dictionary, named by tokens [first, end) and coded from the words around the name; the last word names them again later.</summary>
    private ActorMention NewPerson(List<NameToken> tokens, int first, int end, string actor, string country, string role)
    {
        int start = tokens[first].Start, stop = tokens[end - 1].End;
        string name = text[start..stop];
        var mention = new ActorMention(new TextSpan(start, stop), name, actor, country, ActorKind.Person, name, role, MentionVia.Inferred);
        var last = tokens[end - 1];
        if (last.Key.Length > 2) _aliases.TryAdd(last.Key, mention);
        return mention;
    }

    /// <summary>
    /// The code, country and role a description in apposition after a name (ending at token <paramref name="end"/>) gives:
    /// ", the commander of the Quds Force", ", Peru's president", ", a White House official". Null when none follows.
    /// </summary>
    private (string Actor, string Country, string Role)? DescribedAfter(List<NameToken> tokens, List<Item> items, int end, DateOnly? date)
    {
        if (end >= tokens.Count || tokens[end].Key != ",") return null;
        int k = end + 1;
        if (k < tokens.Count && tokens[k].Key is "the" or "a" or "an") k++;
        Item? owner;
        TitleSpan title;
        int roleStart;
        if (TitleStartingAt(tokens, items, k) is { } before)
        {
            // ", the commander of the Quds Force"
            title = before;
            k = title.End;
            if (k >= tokens.Count || tokens[k].Key != "of") return null;
            k++;
            if (k < tokens.Count && tokens[k].Key == "the") k++;
            owner = items.FirstOrDefault(i => i.First == k && !i.IsPerson);
            roleStart = title.Start;
        }
        else
        {
            // ", Peru's president", ", a White House official"
            owner = items.FirstOrDefault(i => i.First == k && !i.IsPerson);
            if (owner is null) return null;
            int after = owner.End;
            if (after + 1 < tokens.Count && tokens[after].Key == "'" && tokens[after + 1].Key == "s") after += 2;
            if (TitleStartingAt(tokens, items, after) is not { } following) return null;
            title = following;
            roleStart = owner.First;
        }
        if (owner is null || title.Office == Office.None) return null;
        var entry = owner.Alias is null ? owner.Entry(date) : null;
        string? country = owner.Alias?.Country ?? entry?.Country;
        if (country is null || entry?.Form is NameForm.Blocked) return null;
        string actor = entry is { Kind: ActorKind.Igo or ActorKind.Military or ActorKind.Government or ActorKind.Party or ActorKind.ArmedGroup }
            ? entry.Actor
            : country + (title.Office == Office.Military ? "MIL" : "GOV");
        int roleEnd = Math.Max(title.End, owner.End);
        return (actor, country, text[tokens[roleStart].Start..tokens[roleEnd - 1].End]);
    }

    // ---- names as people write them ----------------------------------------------------------

    /// <summary>
    /// Tokens [first, item.End): capitalised words before a dictionary surname or one-word name that the
    /// dictionaries do not list with it ("Tim Morrison", "Pedro Castillo"). The whole name is a person the
    /// dictionaries list by a longer or other spelling (one only), else a new person coded by a description
    /// after it, else someone unknown whose surname, repeated, is nobody the dictionaries know.
    /// </summary>
    private ActorMention? FullNameEndingIn(List<NameToken> tokens, List<Item> items, Item item, DateOnly? date, List<PersonRef> sentencePeople)
    {
        int first = item.First;
        while (first > 0 && item.First - first < 4 && tokens[first - 1].IsWord && tokens[first - 1].StartsUpper && !InNonSurnameItem(first - 1)
            && !ActorLexicon.Titles.ContainsKey(tokens[first - 1].Key) && (first - 1 > 0 || _words[_wordAt[0]].Upos == "PROPN"))
            first--;
        if (first == item.First) return null;
        item.Used = true;
        if (KnownAs(tokens, items, first, item.End, date, sentencePeople) is { } known) return known;
        // "Roberto Micheletti" for "Micheletti": the tables that list some leaders by their surname alone
        var single = item.Senses.Where(x => !x.Surname).Select(x => x.Person!).Distinct().ToList();
        if (single.Count == 1 && single.Count == item.Senses.Select(x => x.Person).Distinct().Count() && !single[0].Name.Contains(' ', StringComparison.Ordinal))
        {
            var left = ExtendLeft(tokens, items, first, date);
            var person = single[0];
            if (left.Country is null || person.Terms.Any(t => t.Country == left.Country))
            {
                if (left.Absorb && left.Modifier is not null) left.Modifier.Used = true;
                var mention = PersonMention(tokens[left.Start].Start, tokens[item.End - 1].End, person, date, MentionVia.Dictionary);
                Vouch(person, doubtful: left.Country is null && left.TitleStart == first, antecedent: false);
                sentencePeople.Add(new PersonRef(mention, person, _sentenceIndex));
                return mention;
            }
        }
        if (DescribedAfter(tokens, items, item.End, date) is var (actor, country, role))
        {
            var mention = NewPerson(tokens, first, item.End, actor, country, role);
            sentencePeople.Add(new PersonRef(mention, null, _sentenceIndex));
            return mention;
        }
        _unknownNames[tokens[item.End - 1].Key] = tokens[first].Start;
        return null;
    }

    /// <summary>
    /// A name of several words, tokens [first, end), that is a part, a variant or a misspelling of the name of exactly
    /// one person the dictionaries list (of the country a word before it names, if one does): that person's mention,
    /// with the titles and country word before it.
    /// </summary>
    private ActorMention? KnownAs(List<NameToken> tokens, List<Item> items, int first, int end, DateOnly? date, List<PersonRef> sentencePeople)
    {
        var keys = new string[end - first];
        for (int q = first; q < end; q++) keys[q - first] = tokens[q].Key;
        var candidates = dictionary.Variants.Partial(keys);
        foreach (var p in dictionary.Variants.FullName(keys))
            if (!candidates.Contains(p)) candidates.Add(p);
        var left = ExtendLeft(tokens, items, first, date);
        if (left.Country is { } country) candidates = [.. candidates.Where(p => p.Terms.Any(t => t.Country == country) || p.FallbackCountry == country)];
        if (candidates.Count != 1) return null;
        var person = candidates[0];
        if (left.Absorb && left.Modifier is not null) left.Modifier.Used = true;
        var mention = PersonMention(tokens[left.Start].Start, tokens[end - 1].End, person, date, MentionVia.Dictionary);
        Vouch(person, doubtful: false, antecedent: false);
        sentencePeople.Add(new PersonRef(mention, person, _sentenceIndex));
        return mention;
    }

    /// <summary>
    /// A capitalised name at token <paramref name="t"/> that no dictionary lists as written: several words naming
    /// one listed person by a part, variant or misspelling of their name ("Moammar Kadhafi", "Angela Merkle"), or
    /// one word of four letters or more that is a variant or misspelling of the surname of one person the document
    /// has named ("Qadhafi" after "Moammar Kadhafi"), else of one person the dictionaries list ("Zelenksy", kept
    /// only when the document names their country, as for any surname alone).
    /// </summary>
    private (ActorMention Mention, int End)? VariantName(List<NameToken> tokens, List<Item> items, int t, DateOnly? date, List<PersonRef> sentencePeople)
    {
        int end = FreeNameEnd(tokens, t);
        if (end == t || (end < tokens.Count && tokens[end].IsWord && tokens[end].StartsUpper)) return null;
        // "José Eduardo dos Santos": the name goes on after a particle
        if (end + 1 < tokens.Count && NameParticles.Contains(tokens[end].Key) && tokens[end + 1].IsWord && tokens[end + 1].StartsUpper) return null;
        if (PlaceNames.Default.Match(tokens, t) is not null) return null;
        if (end - t >= 2)
            return KnownAs(tokens, items, t, end, date, sentencePeople) is { } known ? (known, end) : null;
        var token = tokens[t];
        // a common word that is also a name ("July", "Monday") is no misspelling of someone else's
        if (token.Key.Length < NameVariants.MinimumLength || _words[_wordAt[t]].Upos != "PROPN" || ActorLexicon.CommonWordSurnames.Contains(token.Key)) return null;
        var span = new TextSpan(token.Start, token.End);
        // the people named so far: by the dictionaries, or new ones ("Moammar Kadhafi" read from "Libyan leader")
        var named = new List<Person>();
        foreach (var p in sentencePeople.Select(r => r.Person).OfType<Person>().Concat(_lastMention.Keys))
        {
            if (!named.Contains(p) && p.Surnames.Any(s => NameVariants.Same(s, token.Key))) named.Add(p);
        }
        var aliases = _aliases.Where(a => a.Value.Kind == ActorKind.Person && NameVariants.Same(a.Key, token.Key)).Select(a => a.Value).Distinct().ToList();
        if (named.Count + aliases.Count == 1)
        {
            if (aliases.Count == 1)
            {
                var copy = aliases[0] with { Span = span, Text = text[span.Start..span.End], Via = MentionVia.Coreference };
                sentencePeople.Add(new PersonRef(copy, null, _sentenceIndex));
                return (copy, end);
            }
            var mention = PersonMention(span.Start, span.End, named[0], date, MentionVia.Coreference);
            sentencePeople.Add(new PersonRef(mention, named[0], _sentenceIndex));
            return (mention, end);
        }
        if (named.Count + aliases.Count > 1) return null;
        var candidates = dictionary.Variants.Surname(token.Key);
        if (candidates.Count != 1) return null;
        var person = candidates[0];
        var found = PersonMention(span.Start, span.End, person, date, MentionVia.Dictionary);
        Vouch(person, doubtful: !RoleAfter(tokens, items, end, found, date), antecedent: false);
        sentencePeople.Add(new PersonRef(found, person, _sentenceIndex));
        return (found, end);
    }

    /// <summary>The person named latest in the document (in this sentence first) one of whose names has <paramref name="key"/> as a word after its first.</summary>
    private Person? EarlierNamed(string key, List<PersonRef> sentencePeople)
    {
        for (int i = sentencePeople.Count - 1; i >= 0; i--)
        {
            if (sentencePeople[i].Person is { } p && dictionary.Variants.HasLaterWord(p, key)) return p;
        }
        for (int i = _people.Count - 1; i >= 0; i--)
        {
            if (_people[i].Person is { } p && dictionary.Variants.HasLaterWord(p, key)) return p;
        }
        return null;
    }

    /// <summary>The end of the capitalised words from token <paramref name="t"/> on (four at most) that are in no dictionary match and no title.</summary>
    private int FreeNameEnd(List<NameToken> tokens, int t)
    {
        int end = t;
        while (end < tokens.Count && end - t < 4 && tokens[end].IsWord && tokens[end].StartsUpper && !InItem(end) && !ActorLexicon.Titles.ContainsKey(tokens[end].Key)) end++;
        return end;
    }

    /// <summary>Whether <paramref name="key"/> is the surname of someone the document named in full, unknown to the dictionaries, after its latest mention of any of <paramref name="candidates"/>.</summary>
    private bool NamedUnknown(string key, List<Person> candidates)
    {
        if (!_unknownNames.TryGetValue(key, out int at)) return false;
        foreach (var candidate in candidates)
        {
            if (_lastMention.TryGetValue(candidate, out int i) && _people[i].Mention.Span.Start > at) return false;
        }
        return true;
    }

    /// <summary>
    /// Records how a person was named: a surname alone with nothing around it to agree (<paramref name="doubtful"/>)
    /// is kept at the end only if the document names the person's country or names them otherwise; any other
    /// mention but a repeat vouches for them.
    /// </summary>
    private void Vouch(Person person, bool doubtful, bool antecedent, bool only = false)
    {
        if (doubtful) _doubtful[person] = _doubtful.GetValueOrDefault(person, true) && only;
        else if (!antecedent) _vouched.Add(person);
    }

    /// <summary>
    /// ", the prime minister", ", Australia's prime minister" after a surname: a title in apposition that the
    /// person's role on the date fits (and a country word, if any, that is theirs).
    /// </summary>
    private bool RoleAfter(List<NameToken> tokens, List<Item> items, int end, ActorMention mention, DateOnly? date)
    {
        if (end >= tokens.Count || tokens[end].Key != "," || mention.Role is null) return false;
        int k = end + 1;
        if (k < tokens.Count && tokens[k].Key is "the" or "a" or "an") k++;
        if (k < tokens.Count && _itemAt[k] is { IsPerson: false } owner && owner.First == k)
        {
            string? country = owner.Alias?.Country ?? owner.Entry(date)?.Country;
            if (country != mention.Country) return false;
            k = owner.End;
            if (k + 1 < tokens.Count && tokens[k].Key == "'" && tokens[k + 1].Key == "s") k += 2;
        }
        return TitleStartingAt(tokens, items, k) is { } title && title.Office != Office.None && Fits(mention.Role, title.Office, title.Text);
    }

    /// <summary>The keys of tokens [start, start + length) joined by spaces, when all are words outside any dictionary match; else null.</summary>
    private string? FreeWords(List<NameToken> tokens, int start, int length)
    {
        for (int q = start; q < start + length; q++)
        {
            if (!tokens[q].IsWord || InItem(q)) return null;
        }
        return string.Join(' ', Enumerable.Range(start, length).Select(q => tokens[q].Key));
    }

    private readonly record struct TitleSpan(int Start, int End, Office Office, string Text);

    private TitleSpan? TitleStartingAt(List<NameToken> tokens, List<Item> items, int start)
    {
        if (start >= tokens.Count || !ActorLexicon.TitleFirstWords.Contains(tokens[start].Key)) return null;
        for (int length = Math.Min(5, tokens.Count - start); length >= 1; length--)
        {
            if (FreeWords(tokens, start, length) is not { } key) continue;
            if (ActorLexicon.Titles.TryGetValue(key, out var office))
            {
                // "Defence and Foreign Ministers": a plural title describes nobody in particular.
                if (start + length < tokens.Count && tokens[start + length].Key is "and" or "ministers") return null;
                return new TitleSpan(start, start + length, office, key);
            }
        }
        return null;
    }

    /// <summary>
    /// "the president", "the foreign minister", "the chancellor" with no country word or name: the holder of that
    /// office in the nearest of the last countries named (in this sentence, else in the mentions of the last 400
    /// characters) that has one on the date. Null when none has.
    /// </summary>
    private (ActorMention Mention, int End)? BareTitle(List<NameToken> tokens, List<Item> items, int the, List<ActorMention> found, DateOnly? date, List<PersonRef> sentencePeople)
    {
        if (the + 1 >= tokens.Count || _itemAt[the + 1] is not null) return null;
        if (TitleStartingAt(tokens, items, the + 1) is not { } title || title.Office is not (Office.Head or Office.Foreign or Office.Defence)) return null;
        int end = title.End;
        int offset = tokens[the].Start;
        IEnumerable<string> countries;
        if (end + 1 < tokens.Count && tokens[end].Key == "of" && OfState(tokens, end + 1, date) is { } owner)
        {
            // "the foreign minister of France": that state's, the state a mention of its own
            countries = [owner];
        }
        else
        {
            // "the prime minister Narendra Modi", "the president's" are read elsewhere
            if (end < tokens.Count && (tokens[end].Key is "of" or "'" || tokens[end].IsWord && tokens[end].StartsUpper)) return null;
            // the countries named before it, in the sentence and then in the last 400 characters, before those after it
            countries = found.Where(m => m.Span.End <= offset).Reverse()
                .Concat(MentionsEndingFrom(offset - 400))
                .Concat(found.Where(m => m.Span.Start >= tokens[end - 1].End))
                .Where(m => m.Country is not null && m.Kind is ActorKind.State or ActorKind.Government or ActorKind.Person)
                .Select(m => m.Country!).Distinct().Take(3);
        }
        var span = new TextSpan(tokens[the + 1].Start, tokens[end - 1].End);
        // the nearest country that has such an office holder on the date ("the chancellor" skips Ukraine for Germany)
        foreach (var country in countries)
        {
            if (Referent(country, title.Office, title.Text, date, sentencePeople) is not { } referent) continue;
            var mention = referent.Mention with { Span = span, Text = text[span.Start..span.End], Via = MentionVia.Coreference };
            sentencePeople.Add(new PersonRef(mention, referent.Person, _sentenceIndex));
            return (mention, end);
        }
        return null;
    }

    /// <summary>The state named at token <paramref name="k"/> (after an optional "the"): "of France", "of the United States".</summary>
    private string? OfState(List<NameToken> tokens, int k, DateOnly? date)
    {
        if (k < tokens.Count && tokens[k].Key == "the") k++;
        if (k >= tokens.Count || _itemAt[k] is not { IsPerson: false, Alias: null } item || item.First != k) return null;
        return item.Entry(date) is { Kind: ActorKind.State, Form: NameForm.Name } entry ? entry.Country : null;
    }

    /// <summary>The person a description such as "the North Korean leader" points to: the last one named in the document, else the office holder on the date.</summary>
    private static bool Holds(PersonRef p, string country, Office office, string title) =>
        p.Mention.Country == country && p.Mention.Role is { } role && Fits(role, office, title);

    private PersonRef? Referent(string country, Office office, string title, DateOnly? date, List<PersonRef> sentencePeople)
    {
        for (int i = sentencePeople.Count - 1; i >= 0; i--)
        {
            if (Holds(sentencePeople[i], country, office, title)) return sentencePeople[i];
        }
        // The latest earlier mention holding the office: only the people added since the last look are read.
        var key = (country, office, title);
        var (scanned, latestHolder) = _latestHolder.TryGetValue(key, out var known) ? known : (0, null);
        for (int i = scanned; i < _people.Count; i++)
        {
            if (Holds(_people[i], country, office, title)) latestHolder = _people[i];
        }
        _latestHolder[key] = (_people.Count, latestHolder);
        if (latestHolder is not null) return latestHolder;
        if (!dictionary.PeopleByCountry.TryGetValue(country, out var people) || date is null) return null;
        var holders = people.Select(p => (Person: p, Term: p.TermOn(date)))
            .Where(h => h.Term is not null && h.Term.Country == country && Fits(h.Term.Role, office, title))
            .OrderBy(h => HeadRank(h.Term!.Role ?? ""))
            .ToList();
        if (holders.Count == 0) return null;
        var holder = holders[0];
        var mention = PersonMention(0, 0, holder.Person, date, MentionVia.Coreference);
        return new PersonRef(mention, holder.Person, _sentenceIndex);
    }

    // ---- coreference -------------------------------------------------------------------------

    private PersonRef? PronounTarget(List<NameToken> tokens, int index, List<PersonRef> sentencePeople)
    {
        int offset = tokens[index].Start;
        // "him" never points to someone of its own clause ("Kim greeted him"); the others prefer
        // the first person of their clause, then of their sentence.
        if (tokens[index].Key == "him")
        {
            int own = ClauseStart(tokens, index, requireComma: false);
            var earlier = sentencePeople.Where(p => p.Mention.Span.End <= own).OrderBy(p => p.Mention.Span.Start).FirstOrDefault();
            if (earlier is not null) return earlier;
        }
        else
        {
            int clause = ClauseStart(tokens, index);
            var before = sentencePeople.Where(p => p.Mention.Span.End <= offset).OrderBy(p => p.Mention.Span.Start).ToList();
            var inClause = before.FirstOrDefault(p => p.Mention.Span.Start >= clause);
            if (inClause is not null) return inClause;
            if (before.Count > 0) return before[0];
        }
        // The first person named in the latest sentence that named one, if it is recent.
        if (_people.Count == 0 || _people[^1].Sentence < _sentenceIndex - 2) return null;
        int j = _people.Count - 1;
        int sentence = _people[j].Sentence;
        while (j > 0 && _people[j - 1].Sentence == sentence) j--;
        return _people[j];
    }

    private static readonly HashSet<string> ClauseWords = ["while", "but", "whereas", "although", "though", "and", "who", "which", "after", "before", "when", "because"];

    /// <summary>The offset where the clause holding token <paramref name="index"/> starts: after ", while", ";" or a conjunction.</summary>
    private static int ClauseStart(List<NameToken> tokens, int index, bool requireComma = true)
    {
        for (int k = index - 1; k >= 0; k--)
        {
            if (tokens[k].Key is ";" or ":") return tokens[k].End;
            if (ClauseWords.Contains(tokens[k].Key) && (!requireComma || (k > 0 && tokens[k - 1].Key == ","))) return tokens[k].End;
        }
        return tokens.Count == 0 ? 0 : tokens[0].Start;
    }

    private static readonly HashSet<string> PlaceWords = ["to", "in", "into", "from", "across", "visited", "entered", "invaded", "toward", "towards"];

    /// <summary>
    /// "with the North supported by the Soviet Union": "the North" / "the South" (not after a word of place)
    /// is the state named "North ..." / "South ..." most recently in the document ("North Korea").
    /// </summary>
    private ActorMention? HalfOfDividedState(List<NameToken> tokens, int t, List<ActorMention> found)
    {
        var token = tokens[t];
        if (token.Key is not ("north" or "south") || !token.StartsUpper || t == 0 || tokens[t - 1].Key != "the") return null;
        if (t + 1 < tokens.Count && tokens[t + 1].IsWord && tokens[t + 1].StartsUpper) return null;
        if (t > 1 && PlaceWords.Contains(tokens[t - 2].Key)) return null;
        string prefix = token.Key == "north" ? "North " : "South ";
        static bool Named(ActorMention m, string prefix) => m.Kind == ActorKind.State && m.Country is not null && m.Text.StartsWith(prefix, StringComparison.Ordinal);
        for (int i = found.Count - 1; i >= 0; i--)
            if (found[i].Span.End <= token.Start && Named(found[i], prefix)) return found[i];
        for (int i = Mentions.Count - 1; i >= 0 && i >= Mentions.Count - 200; i--)
            if (Named(Mentions[i], prefix)) return Mentions[i];
        return null;
    }

    private static readonly HashSet<string> AfterFormerOrLatter = ["to", "and", "or", "was", "is", "had", "has", "would", "will", "could", "in", "of", "who", "said", "also", "then"];

    /// <summary>"the former" (0) or "the latter" (1) standing alone for a person: followed by punctuation, a function word or a past verb.</summary>
    private static int? FormerOrLatter(List<NameToken> tokens, int t)
    {
        int which = tokens[t].Key switch { "former" => 0, "latter" => 1, _ => -1 };
        if (which < 0 || t == 0 || tokens[t - 1].Key != "the") return null;
        if (t + 1 == tokens.Count || !tokens[t + 1].IsWord) return which;
        var next = tokens[t + 1];
        if (next.StartsUpper) return null;
        return AfterFormerOrLatter.Contains(next.Key) || next.Key.EndsWith("ed", StringComparison.Ordinal) ? which : null;
    }

    private static int PluralEnd(List<NameToken> tokens, int t)
    {
        // "two leaders", "both leaders" (the article is not part of the mention).
        string key = tokens[t].Key;
        if (key is not ("two" or "both")) return 0;
        if (key == "two" && (t == 0 || tokens[t - 1].Key != "the")) return 0;
        for (int length = 3; length >= 1; length--)
        {
            if (t + 1 + length > tokens.Count) continue;
            string noun = string.Join(' ', Enumerable.Range(t + 1, length).Select(q => tokens[q].Key));
            if (ActorLexicon.PluralNouns.Contains(noun)) return t + 1 + length;
        }
        return 0;
    }

    // "both countries", "the two governments" (the article is not part of the mention).
    private static int PluralStatesEnd(List<NameToken> tokens, int t)
    {
        string key = tokens[t].Key;
        if (key is not ("two" or "both") || key == "two" && (t == 0 || tokens[t - 1].Key != "the")) return 0;
        return t + 1 < tokens.Count && ActorLexicon.PluralStateNouns.Contains(tokens[t + 1].Key) ? t + 2 : 0;
    }

    /// <summary>
    /// The two countries "both countries" refers to, as state mentions in text order (fewer when not found):
    /// among the mentions before <paramref name="offset"/> (this sentence first, then the last 600 characters
    /// before it), the latest two joined by "and" ("the U.S. and South Korea expressed concern about Russia's
    /// talks with North Korea. Both countries ..."), else the last two countries named.
    /// </summary>
    private List<ActorMention> LastTwoCountries(string text, List<ActorMention> sentence, int offset)
    {
        var recent = sentence.Where(m => m.Span.End <= offset).Reverse()
            .Concat(MentionsEndingFrom(offset - 600))
            .Where(m => m.Country is not null && m.Kind is not (ActorKind.Place or ActorKind.Group))
            .ToList();
        static ActorMention State(ActorMention m) => new(m.Span, m.Text, m.Country, m.Country, ActorKind.State, null, null, m.Via);
        for (int i = 0; i + 1 < recent.Count; i++)
        {
            var (later, earlier) = (recent[i], recent[i + 1]);
            if (later.Country == earlier.Country || earlier.Span.End > later.Span.Start) continue;
            string between = text[earlier.Span.End..later.Span.Start].Trim();
            if (between is "and" or ", and" or "&" or "and the" or ", and the") return [State(earlier), State(later)];
        }
        var result = new List<ActorMention>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in recent)
        {
            if (!seen.Add(m.Country!)) continue;
            result.Add(State(m));
            if (result.Count == 2) break;
        }
        result.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return result;
    }

    /// <summary>The earlier sentences' mentions, latest first, while they end at or after <paramref name="end"/> (without copying them all).</summary>
    private IEnumerable<ActorMention> MentionsEndingFrom(int end)
    {
        for (int i = Mentions.Count - 1; i >= 0 && Mentions[i].Span.End >= end; i--) yield return Mentions[i];
    }

    /// <summary>The people of the sentences from <paramref name="sentence"/> on, latest first.</summary>
    private IEnumerable<PersonRef> PeopleSince(int sentence)
    {
        for (int i = _people.Count - 1; i >= 0 && _people[i].Sentence >= sentence; i--) yield return _people[i];
    }

    private List<PersonRef> LastTwoPeople(List<PersonRef> sentencePeople, int offset)
    {
        var result = new List<PersonRef>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recent = sentencePeople.Where(p => p.Mention.Span.End <= offset).Reverse().Concat(PeopleSince(_sentenceIndex - 5));
        foreach (var p in recent)
        {
            string key = p.Mention.Name ?? p.Mention.Actor ?? "";
            if (!seen.Add(key)) continue;
            result.Add(p);
            if (result.Count == 2) break;
        }
        result.Sort((a, b) => a.Mention.Span.Start.CompareTo(b.Mention.Span.Start));
        return result;
    }

    private bool IsLocative(List<NameToken> tokens, List<Item> items, int first, List<ActorMention> found)
    {
        int k = first - 1;
        if (k >= 0 && tokens[k].Key == "the") k--;
        if (k < 0) return false;
        if (ActorLexicon.Locatives.Contains(tokens[k].Key))
        {
            // "according to the Kremlin": a source that speaks, not a place
            if (tokens[k].Key == "to" && k > 0 && tokens[k - 1].Key == "according") return false;
            // "of Moscow's ...": a possessive capital is the government again.
            int next = items.First(i => i.First == first).End;
            return !(next + 1 < tokens.Count && tokens[next].Key == "'" && tokens[next + 1].Key == "s");
        }
        // "in Moscow and Pyongyang": a capital coordinated with a place is a place.
        if (tokens[k].Key is "and" or "or" or "," && found.Count > 0 && found[^1].Kind == ActorKind.Place && found[^1].Span.End <= tokens[k].Start) return true;
        return false;
    }

    /// <summary>"Workers' Party of Korea (WPK)": the abbreviation in parentheses names the same actor for the rest of the document.</summary>
    private void DefineAbbreviation(List<NameToken> tokens, List<Item> items, int end, ActorMention mention)
    {
        if (end + 2 >= tokens.Count || tokens[end].Key != "(" || tokens[end + 2].Key != ")") return;
        var abbreviation = tokens[end + 1];
        if (!abbreviation.AllUpper || InItem(end + 1)) return;
        _aliases.TryAdd(abbreviation.Key, mention);
        int start = abbreviation.Start, stop = abbreviation.End;
        Mentions.Add(mention with { Span = new TextSpan(start, stop), Text = text[start..stop], Via = MentionVia.Dictionary });
    }
}
