using System.Collections.Immutable;
using System.Globalization;
using Dyad.Text;

namespace Dyad.Actors;

/// <summary>How a dictionary entry matched the name explained.</summary>
public enum ExplainedMatch
{
    /// <summary>The name, an alias or an abbreviation, as written.</summary>
    Name,

    /// <summary>The surname of a person (or a name of one word).</summary>
    Surname,

    /// <summary>A transliteration variant or a misspelling one edit away ("Qadhafi", "Merkle").</summary>
    Variant,

    /// <summary>Some of the words of a longer name ("Pedro Castillo" for "José Pedro Castillo Terrones").</summary>
    Part,
}

/// <summary>
/// One dictionary entry the name can stand for: its name, code and country, its role on the date (null when
/// none), where it is listed, how it matched and its standing on the date ("in office", "out of office since ...").
/// </summary>
public sealed record ExplainedEntry(string Name, string? Actor, string? Country, ActorKind Kind, string? Role, string Origin, ExplainedMatch Match, string Standing);

/// <summary>
/// What a name alone codes to on a date: the mention the recogniser makes of it (null when it makes none, with
/// <see cref="Note"/> saying why), the entry that won and the alternatives it beat, best first.
/// </summary>
public sealed record ActorExplanation(string Query, DateOnly? Date, ActorMention? Coded, ExplainedEntry? Chosen, ImmutableArray<ExplainedEntry> Alternatives, string? Note)
{
    /// <summary>
    /// Explains <paramref name="name"/> as <paramref name="dictionary"/> reads it on <paramref name="date"/> (null: no
    /// date, the latest offices). Throws <see cref="FormatException"/> for a name with no words.
    /// </summary>
    public static ActorExplanation Explain(ActorDictionary dictionary, string name, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(name);
        var tokens = NameTokenizer.Tokenize(name);
        if (!tokens.Any(t => t.IsWord)) throw new FormatException($"'{name}' has no words");
        var entries = Candidates(dictionary, name.Trim(), tokens, date);
        var mentions = new ActorRecognizer(dictionary).Recognize(name, SentenceSplitter.Split(name), _ => date);
        var coded = mentions.FirstOrDefault(m => m.Span.Start == 0 && m.Span.End == name.TrimEnd().Length) ?? (mentions.Length == 1 ? mentions[0] : null);
        ExplainedEntry? chosen = null;
        if (coded is not null)
        {
            chosen = entries.FirstOrDefault(e => coded.Kind == ActorKind.Person ? e.Kind == ActorKind.Person && e.Name == coded.Name : e.Actor == coded.Actor && e.Kind == coded.Kind)
                ?? entries.FirstOrDefault(e => e.Actor == coded.Actor);
        }
        var alternatives = entries.Where(e => !ReferenceEquals(e, chosen)).ToImmutableArray();
        string? note = coded is not null ? null
            : entries.Count == 0 ? "no dictionary entry matches"
            : entries.All(e => e.Kind == ActorKind.Person && e.Match != ExplainedMatch.Name)
                ? "not coded on its own: a surname, variant or part of a name needs a title, a country word, an earlier full name or the story's countries to agree"
                : "not coded on its own";
        if (coded is not null && chosen is null && coded.Via == MentionVia.Inferred) note = "read from its title and country words, not from a dictionary entry";
        return new ActorExplanation(name, date, coded, chosen, alternatives, note);
    }

    private static List<ExplainedEntry> Candidates(ActorDictionary dictionary, string written, List<NameToken> tokens, DateOnly? date)
    {
        var words = tokens.Where(t => t.IsWord).ToList();
        var keys = words.Select(t => t.Key).ToList();
        var result = new List<ExplainedEntry>();
        var people = new HashSet<Person>();
        // every dictionary name the words spell, longest first, as the recogniser reads them
        var node = dictionary.Root;
        var exact = new List<NameSense>();
        for (int i = 0; i < tokens.Count && node is not null; i++)
        {
            node = node.Next is not null && node.Next.TryGetValue(tokens[i].Key, out var next) ? next : null;
            if (node is not null && i == tokens.Count - 1 && node.Senses is { } senses) exact.AddRange(senses.Where(s => s.Accepts(tokens, 0)));
        }
        foreach (var sense in exact.OrderBy(s => s.Person is not null && s.Surname ? 1 : 0))
        {
            if (sense.Entry is { } entry)
                result.Add(new ExplainedEntry(written, entry.Actor, entry.Country, entry.Kind, null, entry.Origin, ExplainedMatch.Name, EntryStanding(entry, date)));
            else if (sense.Person is { } person && people.Add(person))
                result.Add(PersonEntry(person, date, sense.Surname || keys.Count == 1 && !person.Name.Contains(' ', StringComparison.Ordinal) ? ExplainedMatch.Surname : ExplainedMatch.Name));
        }
        var variants = keys.Count == 1 ? dictionary.Variants.Surname(keys[0]) : dictionary.Variants.FullName(keys);
        foreach (var person in variants)
            if (people.Add(person)) result.Add(PersonEntry(person, date, ExplainedMatch.Variant));
        if (keys.Count >= 2)
        {
            foreach (var person in dictionary.Variants.Partial(keys))
                if (people.Add(person)) result.Add(PersonEntry(person, date, ExplainedMatch.Part));
        }
        // in office on the date first, then by how closely the name matched
        static bool Current(ExplainedEntry e) => e.Standing.StartsWith("in office", StringComparison.Ordinal) || e.Standing.StartsWith("latest", StringComparison.Ordinal)
            || e.Standing.StartsWith("valid", StringComparison.Ordinal) || e.Standing == "undated";
        return [.. result.OrderBy(e => Current(e) ? 0 : 1).ThenBy(e => e.Match)];
    }

    private static ExplainedEntry PersonEntry(Person person, DateOnly? date, ExplainedMatch match)
    {
        var term = person.TermOn(date);
        var shown = term ?? person.Nearest(date);
        string standing;
        if (person.Terms.Count == 0) standing = "no dated office";
        else if (term is not null) standing = date is null ? $"latest office, {Span(term.From, term.To)}" : $"in office on the date, {Span(term.From, term.To)}";
        else standing = $"out of office on the date; nearest office {shown!.Role ?? shown.Actor}, {Span(shown.From, shown.To)}";
        string? actor = term?.Actor ?? (person.Terms.Count == 0 ? person.Fallback : shown?.Country is { } c ? c + "ELI" : null);
        string? country = term?.Country ?? shown?.Country ?? person.FallbackCountry;
        return new ExplainedEntry(person.Name, actor, country, ActorKind.Person, term?.Role, shown?.Origin ?? "-", match, standing);
    }

    private static string EntryStanding(ActorEntry entry, DateOnly? date)
    {
        if (entry.From is null && entry.To is null) return "undated";
        return (entry.ValidOn(date) ? "valid on the date, " : "not valid on the date, ") + Span(entry.From, entry.To);
    }

    private static string Span(DateOnly? from, DateOnly? to) =>
        string.Create(CultureInfo.InvariantCulture, $"{(from is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "...")} to {(to is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "now")}");
}
