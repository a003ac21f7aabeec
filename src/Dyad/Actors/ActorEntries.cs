namespace Dyad.Actors;

/// <summary>How a dictionary name refers to its actor.</summary>
internal enum NameForm
{
    Name,
    Demonym,
    Metonym,

    /// <summary>Not an actor: a name that holds an actor's name ("South China Sea") and must not yield it.</summary>
    Blocked,
}

/// <summary>What a word of a dictionary name requires of the word it matches.</summary>
internal enum CaseRule : byte
{
    Any,

    /// <summary>The text word starts with a capital letter.</summary>
    Capital,

    /// <summary>The text word is all capitals ("US" must not match "us").</summary>
    Upper,
}

/// <summary>A state, organisation or other non-person actor a name stands for, within optional dates.</summary>
internal sealed record ActorEntry(string Actor, string? Country, ActorKind Kind, NameForm Form, DateOnly? From, DateOnly? To, string Origin)
{
    public bool ValidOn(DateOnly? date) => date is not { } d || ((From is null || d >= From) && (To is null || d <= To));

    public bool Overlaps(ActorEntry other) =>
        (From is null || other.To is null || From <= other.To) && (other.From is null || To is null || other.From <= To);
}

/// <summary>An office a person held: its actor code, the state or organisation, the title and the dates.</summary>
internal sealed record PersonTerm(string Actor, string? Country, string? Role, DateOnly? From, DateOnly? To, string Origin)
{
    public bool ValidOn(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>A person and every office listed for them. Built by the dictionary builder, then read only.</summary>
internal sealed class Person(string name)
{
    public string Name { get; } = name;

    /// <summary>The other names the dictionaries list for the person ("Moammar Gadhafi").</summary>
    public List<string> Aliases { get; } = [];

    /// <summary>The keys of the person's surnames ("gaddafi", "al gaddafi") and of a one-word name ("suharto").</summary>
    public List<string> Surnames { get; } = [];

    public List<PersonTerm> Terms { get; } = [];

    /// <summary>The code used when no term is dated (TABARI entries without dates), else null.</summary>
    public string? Fallback { get; set; }

    public string? FallbackCountry { get; set; }

    /// <summary>The office held on <paramref name="date"/>, or null when the person held none listed.</summary>
    public PersonTerm? TermOn(DateOnly? date)
    {
        if (date is not { } d) return Terms.Count == 0 ? null : Latest();
        foreach (var term in Terms)
        {
            if (term.ValidOn(d)) return term;
        }
        return null;
    }

    public bool InOffice(DateOnly? date, string? country = null)
    {
        var term = date is null ? null : TermOn(date);
        return term is not null && (country is null || term.Country == country);
    }

    /// <summary>The term nearest to <paramref name="date"/>: it gives the country of an out-of-office mention.</summary>
    public PersonTerm? Nearest(DateOnly? date)
    {
        if (Terms.Count == 0) return null;
        if (date is not { } d) return Latest();
        PersonTerm? best = null;
        int bestDistance = int.MaxValue;
        foreach (var term in Terms)
        {
            int distance = term.From is { } f && d < f ? f.DayNumber - d.DayNumber
                : term.To is { } t && d > t ? d.DayNumber - t.DayNumber : 0;
            if (distance < bestDistance)
            {
                best = term;
                bestDistance = distance;
            }
        }
        return best;
    }

    private PersonTerm Latest()
    {
        var latest = Terms[0];
        foreach (var term in Terms)
        {
            if ((term.From ?? DateOnly.MinValue) > (latest.From ?? DateOnly.MinValue)) latest = term;
        }
        return latest;
    }

    /// <summary>The country the person belongs to when nothing is dated: the most recent term's.</summary>
    public string? HomeCountry => Terms.Count == 0 ? FallbackCountry : Latest().Country;
}

/// <summary>What a sequence of words in the name trie can mean.</summary>
internal sealed record NameSense(CaseRule[] Rules, ActorEntry? Entry, Person? Person, bool Surname, string Origin)
{
    public bool Accepts(List<NameToken> tokens, int start)
    {
        for (int k = 0; k < Rules.Length; k++)
        {
            var token = tokens[start + k];
            switch (Rules[k])
            {
                case CaseRule.Capital when !token.StartsUpper:
                case CaseRule.Upper when !token.AllUpper:
                    return false;
            }
        }
        return true;
    }
}

/// <summary>A node of the word trie: the next words and the senses of the sequence ending here.</summary>
internal sealed class TrieNode
{
    public Dictionary<string, TrieNode>? Next { get; set; }

    public List<NameSense>? Senses { get; set; }

    public TrieNode Child(string key)
    {
        Next ??= new Dictionary<string, TrieNode>(StringComparer.Ordinal);
        if (!Next.TryGetValue(key, out var node))
        {
            node = new TrieNode();
            Next[key] = node;
        }
        return node;
    }
}
