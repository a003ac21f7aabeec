using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Dyad.Coding;

internal enum TriggerPos { Verb, Noun }

internal enum Absorb { None, Intent, Appeal, Demand, Threat, Refuse }

/// <summary>One line of the trigger lexicon.</summary>
internal sealed record TriggerEntry(
    int Line,
    string? Code,
    TriggerPos Pos,
    ImmutableArray<FrozenSet<string>> Words,
    FrozenSet<string> To,
    bool Reciprocal,
    Absorb Absorb,
    Modality? Report,
    bool NonEvent,
    string? GroupCode,
    string? AirCode,
    string? PersonCode,
    bool MilitaryOnly,
    bool NoTarget,
    string? DefaultTarget,
    bool Swap,
    bool NeedTarget,
    string? PluralCode)
{
    public int Length => Words.Length;
}

/// <summary>
/// The trigger lexicon (data/cameo/triggers.tsv): verb and noun lemma patterns mapped to CAMEO codes,
/// with where to find the target and how the trigger governs its complement. Loaded once.
/// </summary>
public sealed class TriggerLexicon
{
    private const string Resource = "Dyad.data.cameo/triggers.tsv";
    private static readonly Lazy<TriggerLexicon> Lazy = new(() => Load(CameoOntology.Default));

    private TriggerLexicon(ImmutableArray<TriggerEntry> entries)
    {
        Entries = entries;
        ByHead = entries
            .SelectMany(e => e.Words[0].Select(w => (w, e)))
            .GroupBy(p => p.w, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.e).OrderByDescending(e => e.Length).ThenBy(e => e.Line).ToImmutableArray(), StringComparer.Ordinal);
        Lemmas = entries.SelectMany(e => e.Words).SelectMany(w => w).ToFrozenSet(StringComparer.Ordinal);
    }

    public static TriggerLexicon Default => Lazy.Value;

    public int Count => Entries.Length;

    internal ImmutableArray<TriggerEntry> Entries { get; }

    internal FrozenDictionary<string, ImmutableArray<TriggerEntry>> ByHead { get; }

    internal FrozenSet<string> Lemmas { get; }

    /// <summary>
    /// This lexicon with the entries of <paramref name="extra"/> added (a user's verb dictionary): where both
    /// have a pattern of the same length for a word, this lexicon's comes first.
    /// </summary>
    public TriggerLexicon With(TriggerLexicon extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        int offset = Entries.IsEmpty ? 0 : Entries.Max(e => e.Line);
        return new TriggerLexicon([.. Entries, .. extra.Entries.Select(e => e with { Line = e.Line + offset })]);
    }

    /// <summary>Reads a lexicon; every code must exist in <paramref name="ontology"/>; errors name <paramref name="name"/> and the line.</summary>
    public static TriggerLexicon Parse(TextReader reader, CameoOntology ontology, string name = "triggers.tsv")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(ontology);
        var entries = ImmutableArray.CreateBuilder<TriggerEntry>();
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 2) throw new InvalidDataException($"{name}:{number}: expected code, pattern, options");
            string? code = f[0] == "-" ? null : f[0];
            if (code is not null && ontology.Find(code) is null) throw new InvalidDataException($"{name}:{number}: unknown CAMEO code {code}");
            var parts = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var pos = parts[0] switch
            {
                "V" => TriggerPos.Verb,
                "N" => TriggerPos.Noun,
                _ => throw new InvalidDataException($"{name}:{number}: pattern must start with V or N"),
            };
            var words = parts.Skip(1).Select(p => p.Split('|').ToFrozenSet(StringComparer.Ordinal)).ToImmutableArray();
            var to = FrozenSet.ToFrozenSet(["obj"], StringComparer.Ordinal);
            bool recip = false, nonEvent = false, military = false, noTarget = false, swap = false, needTarget = false;
            string? pluralCode = null;
            var absorb = Absorb.None;
            Modality? report = null;
            string? groupCode = null, airCode = null, personCode = null, defaultTarget = null;
            foreach (var option in (f.Length > 2 ? f[2] : "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = option.Split('=', 2);
                string value = kv.Length > 1 ? kv[1] : "";
                switch (kv[0])
                {
                    case "to": to = value.Split(',').ToFrozenSet(StringComparer.Ordinal); break;
                    case "recip": recip = true; break;
                    case "absorb": absorb = Enum.Parse<Absorb>(value, ignoreCase: true); break;
                    case "report": report = Enum.Parse<Modality>(value, ignoreCase: true); break;
                    case "nonevent": nonEvent = true; break;
                    case "group": groupCode = Checked(value); break;
                    case "air": airCode = Checked(value); break;
                    case "person": personCode = Checked(value); break;
                    case "military": military = true; break;
                    case "notarget": noTarget = true; break;
                    case "default": defaultTarget = value; break;
                    case "swap": swap = true; break;
                    case "needtarget": needTarget = true; break;
                    case "plural": pluralCode = Checked(value); break;
                    default: throw new InvalidDataException($"{name}:{number}: unknown option {kv[0]}");
                }
            }
            entries.Add(new TriggerEntry(number, code, pos, words, to, recip, absorb, report, nonEvent, groupCode, airCode, personCode, military, noTarget, defaultTarget, swap, needTarget, pluralCode));

            string Checked(string c) => ontology.Find(c) is null ? throw new InvalidDataException($"{name}:{number}: unknown CAMEO code {c}") : c;
        }
        return new TriggerLexicon(entries.ToImmutable());
    }

    private static TriggerLexicon Load(CameoOntology ontology)
    {
        using var stream = typeof(TriggerLexicon).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing embedded resource {Resource}");
        using var reader = new StreamReader(stream);
        return Parse(reader, ontology);
    }
}
