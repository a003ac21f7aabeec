using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Dyad.Analysis.Prose;

/// <summary>
/// A CAMEO code's verb phrase in the past ("visited {t}") and the base form ("visit {t}"). <c>{t}</c> is the
/// target's slot, <c>{to t}</c> a slot behind a preposition; without a target the slot and its preposition go.
/// </summary>
public sealed record VerbPhrase(string Code, string Past, string Base)
{
    /// <summary>The past phrase with <paramref name="target"/> in its slot ("visited North Korea"; "visited" without one).</summary>
    public string PastWith(string? target) => VerbPhrases.Fill(Past, target);

    /// <summary>True when the target is the verb's object ("visited {t}"), not behind a preposition.</summary>
    public bool TakesObject => Past.Contains("{t}", StringComparison.Ordinal);

    /// <summary>The base phrase with <paramref name="target"/> in its slot ("visit North Korea").</summary>
    public string BaseWith(string? target) => VerbPhrases.Fill(Base, target);
}

/// <summary>The verb phrases of all CAMEO codes, read from data/cameo/phrases.tsv (embedded).</summary>
public sealed class VerbPhrases
{
    private const string Resource = "Dyad.data.cameo/phrases.tsv";
    private static readonly Lazy<VerbPhrases> DefaultInstance = new(Load);
    private readonly FrozenDictionary<string, VerbPhrase> _byCode;

    private VerbPhrases(ImmutableArray<VerbPhrase> phrases)
    {
        Phrases = phrases;
        _byCode = phrases.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
    }

    public static VerbPhrases Default => DefaultInstance.Value;

    public ImmutableArray<VerbPhrase> Phrases { get; }

    /// <summary>The phrase of <paramref name="code"/>, else of its three-digit parent, else of its root; null for an unknown root.</summary>
    public VerbPhrase? Find(string code)
    {
        if (_byCode.TryGetValue(code, out var phrase)) return phrase;
        if (code.Length > 3 && _byCode.TryGetValue(code[..3], out phrase)) return phrase;
        return code.Length >= 2 && _byCode.TryGetValue(code[..2], out phrase) ? phrase : null;
    }

    /// <summary>Parses the table; a row that is not code, past and base, or whose slots do not parse, is an error naming its line.</summary>
    public static VerbPhrases Parse(TextReader reader)
    {
        var phrases = ImmutableArray.CreateBuilder<VerbPhrase>();
        bool header = true;
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var f = line.Split('\t');
            if (f.Length != 3 || f.Any(string.IsNullOrWhiteSpace)) throw new InvalidDataException($"phrases.tsv line {number}: expected code, past and base: {line}");
            foreach (string template in (string[])[f[1], f[2]])
            {
                if (SlotProblem(template) is { } problem) throw new InvalidDataException($"phrases.tsv line {number}: {problem}: {template}");
            }
            phrases.Add(new VerbPhrase(f[0], f[1], f[2]));
        }
        return new VerbPhrases(phrases.ToImmutable());
    }

    /// <summary>Why a template's slots do not parse (unbalanced braces, more than one slot, a slot without t), or null.</summary>
    internal static string? SlotProblem(string template)
    {
        int open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0) return template.Contains('}', StringComparison.Ordinal) ? "a closing brace without an opening one" : null;
        int close = template.IndexOf('}', open);
        if (close < 0) return "an opening brace without a closing one";
        if (template.IndexOfAny(['{', '}'], close + 1) >= 0) return "more than one slot";
        string slot = template[(open + 1)..close];
        var words = slot.Split(' ');
        if (words[^1] != "t" || words.Length > 2) return "a slot is {t} or {preposition t}";
        return null;
    }

    /// <summary>Fills a template's slot with <paramref name="target"/>, or drops the slot and its preposition.</summary>
    internal static string Fill(string template, string? target)
    {
        int open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0) return template;
        int close = template.IndexOf('}', open);
        string slot = template[(open + 1)..close];
        var sb = new StringBuilder(template.Length + 32);
        sb.Append(template, 0, open);
        if (target is not null) sb.Append(slot[..^1]).Append(target);
        sb.Append(template, close + 1, template.Length - close - 1);
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static VerbPhrases Load()
    {
        using var stream = typeof(VerbPhrases).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing embedded resource {Resource}");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
