using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Dyad.Actors;

/// <summary>
/// Names of states, organisations and people with their actor codes and dated roles, held as a
/// word trie. Immutable once built; share one instance. <see cref="Default"/> is the data embedded
/// in the library; <see cref="Load"/> adds user files (our .tsv formats or TABARI dictionaries).
/// </summary>
public sealed class ActorDictionary
{
    private static readonly Lazy<ActorDictionary> DefaultInstance = new(() => new ActorDictionaryBuilder().AddEmbedded().Build());

    internal ActorDictionary(TrieNode root, ImmutableArray<Person> people, ImmutableArray<ActorDictionaryDiagnostic> diagnostics, int entryNames,
        FrozenDictionary<string, DateOnly> stateEnds, FrozenSet<string> states, FrozenDictionary<string, Agent> agents)
    {
        Agents = agents;
        AgentFirstWords = agents.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);
        AgentLength = agents.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(0).Max();
        _states = states;
        _stateEnds = stateEnds;
        Root = root;
        People = people;
        Diagnostics = diagnostics;
        EntryNames = entryNames;
        var byCountry = new Dictionary<string, List<Person>>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            foreach (var country in person.Terms.Select(t => t.Country).OfType<string>().Distinct())
            {
                if (!byCountry.TryGetValue(country, out var list)) byCountry[country] = list = [];
                list.Add(person);
            }
        }
        PeopleByCountry = byCountry;
        _variants = new Lazy<NameVariants>(() => new NameVariants(People));
    }

    private readonly Lazy<NameVariants> _variants;

    /// <summary>Variant spellings, misspellings and partial names of the people, indexed on first use.</summary>
    internal NameVariants Variants => _variants.Value;

    private readonly FrozenDictionary<string, DateOnly> _stateEnds;
    private readonly FrozenSet<string> _states;

    /// <summary>Whether <paramref name="code"/> is a state the dictionary lists (RUS, SUN), not an organisation (UNO, NATO).</summary>
    public bool IsState(string code) => _states.Contains(code);

    /// <summary>The day a state that no longer exists ended (SUN: 1991-12-25), or null for a state that still exists or is unknown.</summary>
    public DateOnly? StateEnd(string country) => _stateEnds.TryGetValue(country, out var end) ? end : null;

    /// <summary>The embedded dictionaries, loaded once on first use.</summary>
    public static ActorDictionary Default => DefaultInstance.Value;

    /// <summary>The embedded dictionaries plus <paramref name="userFiles"/>, later files overriding earlier ones (reported in <see cref="Diagnostics"/>).</summary>
    public static ActorDictionary Load(params string[] userFiles)
    {
        var builder = new ActorDictionaryBuilder().AddEmbedded();
        foreach (var file in userFiles) builder.AddFile(file);
        return builder.Build();
    }

    /// <summary>Syntax errors, duplicates and conflicts found while loading, in file order.</summary>
    public ImmutableArray<ActorDictionaryDiagnostic> Diagnostics { get; }

    /// <summary>How many names of non-person actors the dictionary holds.</summary>
    public int EntryNames { get; }

    /// <summary>How many people the dictionary knows.</summary>
    public int PersonCount => People.Length;

    /// <summary>Agent nouns read from a dictionary file (PETRARCH agents), looked up before the embedded ones.</summary>
    internal FrozenDictionary<string, Agent> Agents { get; }

    internal FrozenSet<string> AgentFirstWords { get; }

    internal int AgentLength { get; }

    internal TrieNode Root { get; }

    internal ImmutableArray<Person> People { get; }

    internal IReadOnlyDictionary<string, List<Person>> PeopleByCountry { get; }
}
