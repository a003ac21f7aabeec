using System.Collections.Frozen;

namespace Dyad.Time;

internal enum Tense
{
    None,
    Past,
    Present,
    Future,
}

/// <summary>Tense cues: auxiliaries and verb forms that tell whether a clause speaks of the past or the future.</summary>
internal static class TenseCues
{
    private static readonly FrozenDictionary<string, Tense> Cues = new Dictionary<string, Tense>(StringComparer.OrdinalIgnoreCase)
    {
        ["will"] = Tense.Future, ["shall"] = Tense.Future, ["ll"] = Tense.Future, ["wo"] = Tense.Future,
        ["would"] = Tense.Future, ["going"] = Tense.Future, ["expected"] = Tense.Future, ["expects"] = Tense.Future,
        ["scheduled"] = Tense.Future, ["plans"] = Tense.Future, ["plan"] = Tense.Future, ["planned"] = Tense.Future,
        ["due"] = Tense.Future, ["slated"] = Tense.Future, ["upcoming"] = Tense.Future, ["intends"] = Tense.Future,
        ["planning"] = Tense.Future, ["preparing"] = Tense.Future,
        ["was"] = Tense.Past, ["were"] = Tense.Past, ["had"] = Tense.Past, ["did"] = Tense.Past, ["said"] = Tense.Past,
        ["told"] = Tense.Past, ["made"] = Tense.Past, ["met"] = Tense.Past, ["took"] = Tense.Past, ["came"] = Tense.Past,
        ["went"] = Tense.Past, ["gave"] = Tense.Past, ["got"] = Tense.Past, ["saw"] = Tense.Past, ["rose"] = Tense.Past,
        ["fell"] = Tense.Past, ["began"] = Tense.Past, ["won"] = Tense.Past, ["lost"] = Tense.Past, ["left"] = Tense.Past,
        ["held"] = Tense.Past, ["became"] = Tense.Past, ["sent"] = Tense.Past, ["sold"] = Tense.Past, ["bought"] = Tense.Past,
        ["paid"] = Tense.Past, ["put"] = Tense.Past, ["hit"] = Tense.Past, ["led"] = Tense.Past, ["spoke"] = Tense.Past,
        ["wrote"] = Tense.Past, ["brought"] = Tense.Past, ["began"] = Tense.Past, ["found"] = Tense.Past,
        ["thought"] = Tense.Past, ["knew"] = Tense.Past, ["ran"] = Tense.Past, ["fought"] = Tense.Past, ["chose"] = Tense.Past,
        ["drew"] = Tense.Past, ["flew"] = Tense.Past, ["grew"] = Tense.Past, ["kept"] = Tense.Past, ["meant"] = Tense.Past,
        ["set"] = Tense.None, ["struck"] = Tense.Past, ["stood"] = Tense.Past, ["threw"] = Tense.Past, ["understood"] = Tense.Past,
        ["withdrew"] = Tense.Past, ["broke"] = Tense.Past, ["felt"] = Tense.Past, ["heard"] = Tense.Past, ["built"] = Tense.Past,
        ["spent"] = Tense.Past, ["sought"] = Tense.Past, ["taught"] = Tense.Past, ["caught"] = Tense.Past, ["shot"] = Tense.Past,
        ["must"] = Tense.Future, ["effective"] = Tense.Future, ["tomorrow"] = Tense.Future, ["ago"] = Tense.Past, ["yesterday"] = Tense.Past, ["earlier"] = Tense.Past,
        ["is"] = Tense.Present, ["are"] = Tense.Present, ["am"] = Tense.Present, ["has"] = Tense.Present,
        ["have"] = Tense.Present, ["says"] = Tense.Present,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Tense>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words ending in -ed that are not past-tense cues by themselves.</summary>
    private static readonly FrozenSet<string> NotPast = new[] { "need", "speed", "seed", "feed", "bed", "red", "shed", "united", "limited", "red", "proceed", "exceed", "succeed", "indeed", "hundred", "based", "related", "concerned", "interested", "detailed", "advanced", "armed", "fixed", "mixed" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPastLookup = NotPast.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tense a word signals by itself (auxiliaries, modals, irregular past forms), or None.</summary>
    public static Tense Of(ReadOnlySpan<char> word)
    {
        if (word.Length > 13) return Tense.None;
        return Lookup.TryGetValue(word, out var tense) ? tense : Tense.None;
    }

    /// <summary>A regular past form ("arrived", "announced"): a weaker cue, trusted only next to the expression.</summary>
    public static bool IsRegularPast(ReadOnlySpan<char> word) =>
        word.Length >= 5 && word.Length <= 16 && word.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(word[0]) && !NotPastLookup.Contains(word);
}
