using Dyad.Coding;
using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Syntax;

/// <summary>
/// A wrong lemma silently loses a trigger: every verb and noun the trigger lexicon names must come back
/// from its inflected forms, tagged as the tagger tags them.
/// </summary>
public sealed class LemmatizerTests
{
    private static readonly SyntaxModel Model = SyntaxModel.Default;

    // As the pipeline builds its annotator: the lexicon's words are lemmas the lemmatiser may produce.
    private static readonly IReadOnlySet<string> Vocabulary = TriggerLexicon.Default.Lemmas;

    private static int Tag(string name) => Array.IndexOf(Model.Tagger.Tags, name) is var i and >= 0 ? i : throw new InvalidOperationException($"no tag {name}");

    [Fact]
    public void EveryTriggerVerbComesBackFromItsForms()
    {
        var failures = new List<string>();
        foreach (var lemma in TriggerWords(TriggerPos.Verb))
        {
            foreach (var (form, tag) in VerbForms(lemma))
            {
                string got = Model.Lemmatizer.Lemma(form, Tag(tag), Vocabulary);
                if (got != lemma) failures.Add($"{form}/{tag} -> {got}, not {lemma}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} wrong lemmas:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EveryTriggerNounComesBackFromItsPlural()
    {
        var failures = new List<string>();
        foreach (var lemma in TriggerWords(TriggerPos.Noun))
        {
            foreach (var (form, tag) in new[] { (lemma, "NOUN NN"), (Plural(lemma), "NOUN NNS") })
            {
                string got = Model.Lemmatizer.Lemma(form, Tag(tag), Vocabulary);
                if (got != lemma) failures.Add($"{form}/{tag} -> {got}, not {lemma}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} wrong lemmas:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("Laughter", "NOUN NN", "laughter")]
    [InlineData("Russia", "PROPN NNP", "Russia")]
    [InlineData("American", "ADJ JJ", "American")]
    [InlineData("stolen", "VERB VBN", "steal")]
    [InlineData("n't", "PART RB", "not")]
    [InlineData("'s", "PART POS", "'s")]
    public void CaseAndIrregularForms(string form, string tag, string lemma) =>
        Assert.Equal(lemma, Model.Lemmatizer.Lemma(form, Tag(tag), Vocabulary));

    // The vocabulary names content words: a preposition is never edited into one ("of" -> "off" would hide every "of" phrase).
    [Theory]
    [InlineData("of", "ADP IN")]
    [InlineData("on", "ADP IN")]
    [InlineData("with", "ADP IN")]
    public void FunctionWordsKeepTheirLemmaWhateverTheVocabulary(string form, string tag)
    {
        Assert.Contains("off", Vocabulary);
        Assert.Equal(form, Model.Lemmatizer.Lemma(form, Tag(tag), Vocabulary));
    }

    // Single-word lemmas of the lexicon's heads (verbs or nouns as the pattern says); phrases are other tests' business.
    private static IEnumerable<string> TriggerWords(TriggerPos pos) =>
        TriggerLexicon.Default.Entries.Where(e => e.Pos == pos).SelectMany(e => e.Words[0])
            .Where(w => w.All(char.IsLetter)).Distinct().Order(StringComparer.Ordinal);

    private static IEnumerable<(string Form, string Tag)> VerbForms(string lemma)
    {
        yield return (lemma, "VERB VB");
        yield return (ThirdPerson(lemma), "VERB VBZ");
        yield return (Gerund(lemma), "VERB VBG");
        if (IrregularVerbs.Forms.Where(f => f.Base == lemma).Select(f => f.Form).ToList() is { Count: > 0 } irregular)
        {
            foreach (var f in irregular) yield return (f, "VERB VBD");
            yield break;
        }
        yield return (Past(lemma), "VERB VBD");
        yield return (Past(lemma), "VERB VBN");
    }

    private static bool Vowel(char c) => "aeiou".Contains(c);

    private static string ThirdPerson(string v) =>
        v.EndsWith('y') && !Vowel(v[^2]) ? v[..^1] + "ies"
        : v.EndsWith('s') || v.EndsWith('x') || v.EndsWith('z') || v.EndsWith("sh", StringComparison.Ordinal) || v.EndsWith("ch", StringComparison.Ordinal) || v.EndsWith('o') ? v + "es"
        : v + "s";

    private static string Plural(string n) =>
        n.EndsWith("is", StringComparison.Ordinal) ? n[..^2] + "es" : ThirdPerson(n);

    // Doubling only for one-syllable verbs ending consonant-vowel-consonant ("ban" -> "banned", "scrap" ->
    // "scrapped"), as English spells them.
    private static bool Doubles(string v) =>
        v.Length >= 3 && !Vowel(v[^1]) && v[^1] is not ('w' or 'x' or 'y') && Vowel(v[^2]) && !Vowel(v[^3])
        && v.Where((c, i) => Vowel(c) && (i == 0 || !Vowel(v[i - 1]))).Count() == 1;

    private static string Past(string v) =>
        v.EndsWith('e') ? v + "d"
        : v.EndsWith('y') && !Vowel(v[^2]) ? v[..^1] + "ied"
        : Doubles(v) ? v + v[^1] + "ed"
        : v + "ed";

    private static string Gerund(string v) =>
        v.EndsWith("ie", StringComparison.Ordinal) ? v[..^2] + "ying"
        : v.EndsWith('e') && !v.EndsWith("ee", StringComparison.Ordinal) ? v[..^1] + "ing"
        : Doubles(v) ? v + v[^1] + "ing"
        : v + "ing";
}
