using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dyad.Coding;

/// <summary>A line of a verb dictionary that could not be used: where, and why.</summary>
public sealed record VerbDictionaryError(int Line, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Message}");
}

/// <summary>
/// One verb pattern read from a TABARI or PETRARCH verb dictionary, in Dyad's trigger terms: the verb's lemma
/// (with its particle, "ask for"), the words that must follow it (each a set of alternatives), where the
/// target sits, and the CAMEO code (null for a pattern that codes nothing, "[---]").
/// </summary>
public sealed record VerbPattern(int Line, string? Code, string Verb, ImmutableArray<ImmutableArray<string>> Words, ImmutableArray<string> TargetSlots, string Comment);

/// <summary>
/// Reads the verb dictionaries of TABARI and PETRARCH (`--- BLOCK [code] ---` headers, the block's verbs with
/// their own codes and irregular forms, `- * OBJECT [code]` patterns, `&SET` synonym sets, `(PREP ...)`
/// phrases, `{MULTI WORD}` nouns and the `$`/`+` source and target markers) and turns them into lines of
/// Dyad's trigger table, so a user's dictionary runs through the same lexicon as the embedded one.
/// </summary>
/// <remarks>
/// Dyad reads structure from its own parse, so only what a pattern says about the verb's right side is kept:
/// patterns with words before the verb (a subject noun), a source after it (`$`) or a compound (`%`) are
/// reported and skipped. Irregular forms are not needed: the lemmatiser gives the lemma.
/// </remarks>
public static class VerbDictionary
{
    /// <summary>Where an unmarked verb looks for its target: its object, or a phrase with one of these prepositions.</summary>
    public static readonly ImmutableArray<string> DefaultTargetSlots = ["obj", "with", "against", "on", "to"];

    public static (ImmutableArray<VerbPattern> Patterns, ImmutableArray<VerbDictionaryError> Errors) Read(TextReader reader, CameoOntology ontology)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(ontology);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        var errors = ImmutableArray.CreateBuilder<VerbDictionaryError>();
        var sets = ReadSets(lines);
        var patterns = ImmutableArray.CreateBuilder<VerbPattern>();
        List<(string Verb, int Line)> verbs = [];
        string? blockCode = null;
        bool inSet = false, inComment = false;
        for (int i = 0; i < lines.Count; i++)
        {
            int number = i + 1;
            string raw = lines[i];
            // XML-style comments in PETRARCH's validation files
            if (inComment)
            {
                if (raw.Contains("-->", StringComparison.Ordinal)) inComment = false;
                continue;
            }
            if (raw.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !raw.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            string line = StripComment(raw, out string comment).Trim();
            if (line.Length == 0)
            {
                inSet = false;
                continue;
            }
            if (line[0] == '&')
            {
                inSet = true;
                continue;
            }
            if (inSet && line[0] == '+') continue;
            inSet = false;
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                verbs = [];
                if (!TryCode(line, out blockCode, out string? bad))
                {
                    errors.Add(new(number, $"block header without a [code]: {Cut(line)}"));
                    blockCode = null;
                }
                else if (bad is not null) errors.Add(new(number, bad));
                else if (blockCode is not null && ontology.Find(blockCode) is null)
                {
                    errors.Add(new(number, $"unknown CAMEO code {blockCode}"));
                    blockCode = null;
                }
                continue;
            }
            if (line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            {
                if (verbs.Count == 0)
                {
                    errors.Add(new(number, "pattern before any verb"));
                    continue;
                }
                var pattern = Pattern(line[1..], number, comment, ontology, sets, out string? problem);
                if (pattern is null)
                {
                    errors.Add(new(number, problem ?? "unreadable pattern"));
                    continue;
                }
                foreach (var (verb, _) in verbs) patterns.Add(pattern with { Verb = verb });
                continue;
            }
            // a verb of the block: "ASK [020]", "QUERY {QUERYING QUERIES QUERIED}", "+ASK_FOR {+ASKED_FOR} [020]"
            string head = line;
            int brace = head.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                int close = head.IndexOf('}', brace);
                if (close < 0)
                {
                    errors.Add(new(number, $"unclosed '{{' in {Cut(line)}"));
                    continue;
                }
                head = head[..brace] + head[(close + 1)..];
            }
            if (!TryCode(head, out string? verbCode, out string? badCode))
            {
                verbCode = blockCode;
            }
            else if (badCode is not null)
            {
                errors.Add(new(number, badCode));
                continue;
            }
            int bracket = head.IndexOf('[', StringComparison.Ordinal);
            string word = (bracket >= 0 ? head[..bracket] : head).Trim().TrimStart('+');
            if (word.Length == 0 || word.Any(c => !(char.IsLetter(c) || c is '_' or '-' or '\'')))
            {
                errors.Add(new(number, $"not a verb: {Cut(line)}"));
                continue;
            }
            if (verbCode is not null && ontology.Find(verbCode) is null)
            {
                errors.Add(new(number, $"unknown CAMEO code {verbCode}"));
                continue;
            }
            string lemma = string.Join(' ', word.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries));
            verbs.Add((lemma, number));
            if (verbCode is not null)
                patterns.Add(new VerbPattern(number, verbCode, lemma, [], DefaultTargetSlots, comment));
        }
        return (patterns.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>The patterns as lines of Dyad's trigger table (data/cameo/triggers.tsv format).</summary>
    public static string ToTriggerTable(IEnumerable<VerbPattern> patterns, string source)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var b = new StringBuilder();
        b.Append("# converted from ").Append(source).Append('\n');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            var words = p.Verb.Split(' ').Select(w => ImmutableArray.Create(w)).Concat(p.Words);
            string line = $"{p.Code ?? "-"}\tV {string.Join(' ', words.Select(w => string.Join('|', w)))}\tto={string.Join(',', p.TargetSlots)}";
            if (seen.Add(line)) b.Append(line).Append('\n');
        }
        return b.ToString();
    }

    // "- * (FOR {FINANCIAL AID}) [0231]" -> words for, financial, aid; "- * (WITH +) [036]" -> target after "with"
    private static VerbPattern? Pattern(string body, int line, string comment, CameoOntology ontology, Dictionary<string, ImmutableArray<string>> sets, out string? problem)
    {
        problem = null;
        if (!TryCode(body, out string? code, out string? bad) || bad is not null)
        {
            problem = bad ?? $"pattern without a [code]: {Cut(body)}";
            return null;
        }
        if (code is not null && ontology.Find(code) is null)
        {
            problem = $"unknown CAMEO code {code}";
            return null;
        }
        string text = body[..body.IndexOf('[', StringComparison.Ordinal)];
        var tokens = text.Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
            .Replace("{", " { ", StringComparison.Ordinal).Replace("}", " } ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int star = Array.IndexOf(tokens, "*");
        if (star < 0)
        {
            problem = "pattern without the verb's place '*'";
            return null;
        }
        if (tokens.Take(star).Any(t => t is not ("$" or "(" or ")")))
        {
            problem = "words before the verb (a subject pattern): skipped";
            return null;
        }
        var words = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var slots = ImmutableArray.CreateBuilder<string>();
        string? preposition = null;
        for (int k = star + 1; k < tokens.Length; k++)
        {
            string t = tokens[k];
            switch (t)
            {
                case "(" or ")" or "{" or "}" or "^":
                    if (t == ")") preposition = null;
                    continue;
                case "+":
                    slots.Add(preposition ?? "obj");
                    continue;
                case "$":
                    problem = "a source after the verb: skipped";
                    return null;
                case "%":
                    problem = "a compound actor: skipped";
                    return null;
            }
            if (t[0] == '&')
            {
                if (!sets.TryGetValue(t, out var members))
                {
                    problem = $"unknown synonym set {t}";
                    return null;
                }
                words.Add(members);
                continue;
            }
            string w = string.Join(' ', t.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries));
            if (w.Length == 0 || w.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '\'' or ' ')))
            {
                problem = $"unreadable word {Cut(t)}";
                return null;
            }
            foreach (var part in w.Split(' ')) words.Add([part]);
            if (k > 0 && tokens[k - 1] == "(") preposition = w;
        }
        if (slots.Count == 0) slots.AddRange(DefaultTargetSlots);
        return new VerbPattern(line, code, "", words.ToImmutable(), slots.Distinct().ToImmutableArray(), comment);
    }

    // "&CURRENCY" followed by "+DOLLAR" lines, up to a blank line; members as lower-case single words
    private static Dictionary<string, ImmutableArray<string>> ReadSets(List<string> lines)
    {
        var sets = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = StripComment(lines[i], out _).Trim();
            if (line.Length < 2 || line[0] != '&') continue;
            string name = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            var members = new List<string>();
            for (int j = i + 1; j < lines.Count; j++)
            {
                string m = StripComment(lines[j], out _).Trim();
                if (m.Length == 0 || m[0] != '+') break;
                // a multi-word member stands for its last word, the head noun ("AUSTRIAN FLORIN" -> florin)
                var parts = m[1..].ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 0) members.Add(parts[^1]);
            }
            sets[name] = [.. members.Distinct(StringComparer.Ordinal)];
        }
        return sets;
    }

    // The code in brackets: "[020]" -> 020, "[---]" -> null, "[062:062]" -> 062 (PETRARCH's pair of codes).
    private static bool TryCode(string text, out string? code, out string? problem)
    {
        code = null;
        problem = null;
        int open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0) return false;
        int close = text.IndexOf(']', open);
        if (close < 0)
        {
            problem = $"unclosed '[' in {Cut(text)}";
            return true;
        }
        string inner = text[(open + 1)..close].Trim();
        int colon = inner.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) inner = inner[..colon];
        if (inner.StartsWith('-')) return true;
        if (inner.Length is < 2 or > 4 || !inner.All(char.IsAsciiDigit))
        {
            problem = $"not a CAMEO code: [{Cut(inner)}]";
            return true;
        }
        code = inner;
        return true;
    }

    private static string StripComment(string line, out string comment)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        comment = hash >= 0 ? line[(hash + 1)..].Trim() : "";
        return hash >= 0 ? line[..hash] : line;
    }

    private static string Cut(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
