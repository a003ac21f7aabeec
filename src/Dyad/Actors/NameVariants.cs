using System.Collections.Frozen;

namespace Dyad.Actors;

/// <summary>
/// Names as people write them: transliteration variants ("Qadhafi" for "Gaddafi", by the rewrite
/// rules of data/actors/lexicon/transliteration.tsv), misspellings one edit away (a letter added,
/// dropped, changed or two swapped) for words of four letters or more, and partial names ("Pedro
/// Castillo" for "José Pedro Castillo Terrones"). Lookups return every person that fits; callers
/// accept one only when it is the only one.
/// </summary>
internal sealed class NameVariants
{
    /// <summary>The shortest word a misspelling is accepted for.</summary>
    public const int MinimumLength = 4;

    private static readonly FrozenDictionary<string, string> Rules = ParseRules("transliteration.tsv", ActorLexicon.Read("transliteration.tsv"));
    private static readonly int LongestRule = Rules.Keys.Max(k => k.Length);

    private readonly Dictionary<string, List<Person>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _byFoldedSurname = new(StringComparer.Ordinal);
    // every one-word surname and each of its one-letter deletions -> the surnames: "merke" -> merkel (and a "merkle" finds it)
    private readonly Dictionary<string, List<string>> _deletions = new(StringComparer.Ordinal);
    private readonly Dictionary<Person, string[][]> _names = [];

    public NameVariants(IEnumerable<Person> people)
    {
        foreach (var person in people)
        {
            var names = new List<string[]>();
            foreach (var name in person.Aliases.Prepend(person.Name))
            {
                var words = NameTokenizer.Tokenize(name).Where(t => t.IsWord).Select(t => t.Key).ToArray();
                if (words.Length == 0) continue;
                names.Add(words);
                foreach (var word in words) Add(_byWord, word, person);
            }
            _names[person] = [.. names];
            foreach (var surname in person.Surnames)
            {
                Add(_bySurname, surname, person);
                Add(_byFoldedSurname, Fold(surname), person);
                if (surname.Length < MinimumLength || surname.Contains(' ', StringComparison.Ordinal)) continue;
                AddDeletion(surname, surname);
                for (int i = 0; i < surname.Length; i++) AddDeletion(surname.Remove(i, 1), surname);
            }
        }
    }

    private static void Add(Dictionary<string, List<Person>> index, string key, Person person)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(person)) list.Add(person);
    }

    private void AddDeletion(string deletion, string surname)
    {
        if (!_deletions.TryGetValue(deletion, out var list)) _deletions[deletion] = list = [];
        if (!list.Contains(surname, StringComparer.Ordinal)) list.Add(surname);
    }

    /// <summary>The people a one-word surname written <paramref name="key"/> can stand for: the same, a transliteration variant or a misspelling of theirs.</summary>
    public List<Person> Surname(string key)
    {
        var found = new List<Person>();
        void AddAll(List<Person>? people)
        {
            if (people is null) return;
            foreach (var p in people)
                if (!found.Contains(p)) found.Add(p);
        }
        AddAll(_bySurname.GetValueOrDefault(key));
        if (key.Length < MinimumLength) return found;
        AddAll((_byFoldedSurname.GetValueOrDefault(Fold(key)) ?? []).Where(p => p.Surnames.Any(s => s.Length >= MinimumLength && Fold(s) == Fold(key))).ToList());
        foreach (var deletion in Enumerable.Range(0, key.Length).Select(i => key.Remove(i, 1)).Prepend(key))
        {
            if (!_deletions.TryGetValue(deletion, out var surnames)) continue;
            foreach (var surname in surnames)
                if (OneEdit(key, surname)) AddAll(_bySurname[surname]);
        }
        return found;
    }

    /// <summary>
    /// The people a name of several words can stand for: one of their names has as many words, each the
    /// same, a variant or a misspelling of the word written, at least one of them the same or a variant.
    /// </summary>
    public List<Person> FullName(IReadOnlyList<string> keys)
    {
        var found = new List<Person>();
        if (keys.Count < 2) return found;
        foreach (var person in Surname(keys[^1]).Concat(_byWord.GetValueOrDefault(keys[^1]) ?? []))
        {
            if (found.Contains(person)) continue;
            foreach (var name in _names[person])
            {
                if (name.Length != keys.Count) continue;
                bool all = true, close = false;
                for (int i = 0; i < name.Length && all; i++)
                {
                    if (name[i] == keys[i] || (keys[i].Length >= MinimumLength && Fold(name[i]) == Fold(keys[i]))) close = true;
                    else if (!(keys[i].Length >= MinimumLength && OneEdit(keys[i], name[i]))) all = false;
                }
                if (all && close)
                {
                    found.Add(person);
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>
    /// The people one of whose names holds the words written, in order, the last of them not the name's first
    /// word ("Pedro Castillo" in "José Pedro Castillo Terrones").
    /// </summary>
    public List<Person> Partial(IReadOnlyList<string> keys)
    {
        var found = new List<Person>();
        if (keys.Count < 2 || !_byWord.TryGetValue(keys[^1], out var people)) return found;
        foreach (var person in people)
        {
            foreach (var name in _names[person])
            {
                int k = 0;
                for (int i = 0; i < name.Length && k < keys.Count; i++)
                {
                    if (name[i] == keys[k] && (k < keys.Count - 1 || i > 0)) k++;
                }
                if (k == keys.Count)
                {
                    found.Add(person);
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>Whether one of the person's names has <paramref name="key"/> as a word after its first ("castillo" in "José Pedro Castillo Terrones").</summary>
    public bool HasLaterWord(Person person, string key)
    {
        if (!_names.TryGetValue(person, out var names)) return false;
        foreach (var name in names)
        {
            for (int i = 1; i < name.Length; i++)
                if (name[i] == key) return true;
        }
        return false;
    }

    /// <summary>Whether two keys are the same name: equal, or (four letters or more) variants or one edit apart.</summary>
    public static bool Same(string a, string b) =>
        a == b || (a.Length >= MinimumLength && b.Length >= MinimumLength && (Fold(a) == Fold(b) || OneEdit(a, b)));

    /// <summary>The key a name word is compared by: the transliteration rules applied left to right, then doubled letters made single.</summary>
    public static string Fold(string key)
    {
        var result = new System.Text.StringBuilder(key.Length);
        int i = 0;
        while (i < key.Length)
        {
            bool matched = false;
            for (int length = Math.Min(LongestRule, key.Length - i); length >= 1; length--)
            {
                if (!Rules.TryGetValue(key.Substring(i, length), out var to)) continue;
                result.Append(to);
                i += length;
                matched = true;
                break;
            }
            if (matched) continue;
            result.Append(key[i]);
            i++;
        }
        for (int k = result.Length - 1; k > 0; k--)
        {
            if (result[k] == result[k - 1]) result.Remove(k, 1);
        }
        return result.ToString();
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> differ by exactly one letter added, dropped, changed, or two neighbours swapped.</summary>
    public static bool OneEdit(string a, string b)
    {
        if (a == b) return false;
        int la = a.Length, lb = b.Length;
        if (Math.Abs(la - lb) > 1) return false;
        int p = 0;
        while (p < la && p < lb && a[p] == b[p]) p++;
        if (la == lb)
        {
            if (a.AsSpan(p + 1).SequenceEqual(b.AsSpan(p + 1))) return true;
            return p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a.AsSpan(p + 2).SequenceEqual(b.AsSpan(p + 2));
        }
        return la > lb ? a.AsSpan(p + 1).SequenceEqual(b.AsSpan(p)) : a.AsSpan(p).SequenceEqual(b.AsSpan(p + 1));
    }

    internal static FrozenDictionary<string, string> ParseRules(string file, string text)
    {
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, cells) in ActorLexicon.Rows(file, text, 2))
        {
            if (cells[0].Length == 0 || !cells[0].All(char.IsAsciiLetterLower) || !cells[1].All(char.IsAsciiLetterLower))
                throw new InvalidDataException($"{file}:{line}: a rule rewrites lower-case letters to lower-case letters: '{cells[0]}' -> '{cells[1]}'");
            if (!rules.TryAdd(cells[0], cells[1])) throw new InvalidDataException($"{file}:{line}: duplicate rule for '{cells[0]}'");
        }
        return rules.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
