namespace Dyad.Syntax;

/// <summary>
/// Lemmas and morphological features learned from a treebank: the lemma seen most often for a form and
/// tag, else for its lower-cased form and tag, else (for verbs) the irregular-verb table, else an edit
/// of its ending (strip k letters, add a suffix) learned per tag from the endings seen often enough —
/// the first edit, longest ending first, whose result is a lemma the treebank knows for that tag.
/// Unknown capitalised words keep or lose their capital as most words of their tag do.
/// </summary>
internal sealed class Lemmatizer
{
    private const int MaxSuffix = 6;

    private readonly Dictionary<string, string> _exact;      // form \t tag -> lemma
    private readonly Dictionary<string, LemmaEdit> _lower;   // lower \t tag -> edit
    private readonly Dictionary<string, LemmaEdit[]> _suffix; // tag \t ending -> edits, most frequent first
    private readonly HashSet<string> _known;                 // UPOS \t lower-cased lemma
    private readonly Dictionary<string, string> _feats;      // lower \t tag -> features
    private readonly string[] _tagFeats;                     // tag -> features
    private readonly byte[] _casing;                         // tag * 4 + shape of the form -> LemmaCase of its lemma
    private readonly bool[] _verbs;                          // tag -> VERB or AUX
    private readonly string[] _upos;                         // tag -> its universal part of speech

    private Lemmatizer(Dictionary<string, string> exact, Dictionary<string, LemmaEdit> lower, Dictionary<string, LemmaEdit[]> suffix, HashSet<string> known,
        Dictionary<string, string> feats, string[] tagFeats, byte[] casing, bool[] verbs, string[] upos)
    {
        _upos = upos;
        _exact = exact;
        _lower = lower;
        _suffix = suffix;
        _known = known;
        _feats = feats;
        _tagFeats = tagFeats;
        _casing = casing;
        _verbs = verbs;
    }

    /// <summary>
    /// The lemma of <paramref name="form"/> tagged <paramref name="tag"/>; <paramref name="vocabulary"/>
    /// adds lemmas (lower case) that ending edits may produce besides the treebank's, such as the words a
    /// trigger lexicon names.
    /// </summary>
    public string Lemma(string form, int tag, IReadOnlySet<string>? vocabulary = null)
    {
        // The vocabulary names content words; a function word keeps the treebank's lemma ("of" is no "off").
        if (tag >= _upos.Length || _upos[tag] is not ("VERB" or "NOUN" or "ADJ")) vocabulary = null;
        string lower = form.ToLowerInvariant();
        string? seen = _exact.TryGetValue(form + "\t" + tag, out var lemma) ? lemma
            : _lower.TryGetValue(lower + "\t" + tag, out var edit) ? Cased(edit.Apply(lower), edit.Apply(form), tag, form) : null;
        if (seen is not null)
        {
            // The treebank's lemma, unless it is no word the vocabulary names and an ending edit gives one
            // that it does: treebanks disagree with themselves ("supplies" -> "supplies" and "supply").
            if (vocabulary is null || vocabulary.Contains(seen.ToLowerInvariant())) return seen;
            return Edited(form, lower, tag, vocabulary, vocabularyOnly: true) ?? seen;
        }
        if (tag < _verbs.Length && _verbs[tag] && IrregularVerbs.Base(lower) is { } irregular) return irregular;
        // A base-form tag (its commonest edit is none: VB, NN) keeps a word the vocabulary names as it is.
        if (vocabulary is not null && vocabulary.Contains(lower) && _suffix.TryGetValue(tag + "\t", out var commonest) && commonest[0] is { Cut: 0, Append.Length: 0 })
            return Cased(lower, form, tag, form);
        return Edited(form, lower, tag, vocabulary, vocabularyOnly: false) ?? Cased(lower, form, tag, form);
    }

    // The first ending edit, longest ending first, whose result is a known lemma (the vocabulary's only, when
    // asked); else, unless only the vocabulary counts, the first edit of the longest ending.
    private string? Edited(string form, string lower, int tag, IReadOnlySet<string>? vocabulary, bool vocabularyOnly)
    {
        string? fallback = null;
        string prefix = tag + "\t";
        string knownPrefix = tag < _upos.Length ? _upos[tag] + "\t" : prefix;
        for (int k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            if (!_suffix.TryGetValue(prefix + lower[^k..], out var edits)) continue;
            foreach (var e in edits)
            {
                if (e.Cut > lower.Length) continue;
                string candidate = lower[..(lower.Length - e.Cut)] + e.Append;
                if (vocabulary?.Contains(candidate) == true || (!vocabularyOnly && _known.Contains(knownPrefix + candidate)))
                    return Cased(candidate, form[..(form.Length - e.Cut)] + e.Append, tag, form);
                fallback ??= Cased(candidate, form[..(form.Length - e.Cut)] + e.Append, tag, form);
            }
        }
        return vocabularyOnly ? null : fallback;
    }

    // A lemma in the case the treebank gives lemmas of this tag and this shape of word: "Laughter" -> "laughter",
    // "TEHRAN" -> "Tehran", "IPO" -> "ipo" where the treebank does so.
    private string Cased(string lowerLemma, string formLemma, int tag, string form)
    {
        int index = tag * 4 + (int)ShapeOf(form);
        var casing = index < _casing.Length ? (LemmaCase)_casing[index] : LemmaCase.AsForm;
        return casing switch
        {
            LemmaCase.Lower => lowerLemma,
            LemmaCase.Title => lowerLemma.Length == 0 ? lowerLemma : char.ToUpperInvariant(lowerLemma[0]) + lowerLemma[1..],
            LemmaCase.Upper => lowerLemma.ToUpperInvariant(),
            _ => formLemma,
        };
    }

    private enum WordCase { Lower, Title, Upper, Mixed }

    private enum LemmaCase { AsForm, Lower, Title, Upper }

    private static WordCase ShapeOf(string s)
    {
        bool anyUpper = false, anyLower = false, restLower = true;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i])) { anyUpper = true; if (i > 0) restLower = false; }
            else if (char.IsLower(s[i])) anyLower = true;
        }
        if (!anyUpper) return WordCase.Lower;
        if (!anyLower) return s.Length > 1 ? WordCase.Upper : WordCase.Title;
        return char.IsUpper(s[0]) && restLower ? WordCase.Title : WordCase.Mixed;
    }

    // How a lemma's case relates to its form's: the same shape, or lower, title or upper case whatever the form.
    private static LemmaCase CaseOf(string form, string lemma)
    {
        var shape = ShapeOf(lemma);
        if (shape == ShapeOf(form)) return LemmaCase.AsForm;
        return shape switch
        {
            WordCase.Lower => LemmaCase.Lower,
            WordCase.Title => LemmaCase.Title,
            WordCase.Upper => LemmaCase.Upper,
            _ => LemmaCase.AsForm,
        };
    }

    public string Feats(string form, int tag) =>
        _feats.TryGetValue(form.ToLowerInvariant() + "\t" + tag, out var f) ? f : tag < _tagFeats.Length ? _tagFeats[tag] : "";

    public static Lemmatizer Train(IEnumerable<(string Form, int Tag, string Lemma, string Feats)> words, string[] tagNames)
    {
        int tags = tagNames.Length;
        var exact = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lower = new Dictionary<string, Dictionary<LemmaEdit, int>>(StringComparer.Ordinal);
        var suffix = new Dictionary<string, Dictionary<LemmaEdit, int>>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var feats = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var tagFeats = new Dictionary<string, int>[tags];
        var casing = new Dictionary<LemmaCase, int>[tags * 4];
        for (int c = 0; c < casing.Length; c++) casing[c] = [];
        for (int t = 0; t < tags; t++) tagFeats[t] = new(StringComparer.Ordinal);
        foreach (var (form, tag, lemma, feat) in words)
        {
            string lowerForm = form.ToLowerInvariant();
            Count(exact, form + "\t" + tag, lemma);
            Count(lower, lowerForm + "\t" + tag, LemmaEdit.From(form, lemma));
            // Endings are learned on lower-cased words; the case is decided per tag.
            var edit = LemmaEdit.From(lowerForm, lemma.ToLowerInvariant());
            for (int k = edit.Cut; k <= Math.Min(MaxSuffix, lowerForm.Length); k++) Count(suffix, tag + "\t" + lowerForm[^k..], edit);
            known.Add(Upos(tagNames[tag]) + "\t" + lemma.ToLowerInvariant());
            var lemmaCase = CaseOf(form, lemma);
            var counts = casing[tag * 4 + (int)ShapeOf(form)];
            counts[lemmaCase] = counts.GetValueOrDefault(lemmaCase) + 1;
            Count(feats, lowerForm + "\t" + tag, feat);
            tagFeats[tag][feat] = tagFeats[tag].GetValueOrDefault(feat) + 1;
        }
        return new Lemmatizer(
            exact.ToDictionary(p => p.Key, p => Best(p.Value), StringComparer.Ordinal),
            lower.ToDictionary(p => p.Key, p => Best(p.Value), StringComparer.Ordinal),
            suffix.Where(p => p.Value.Values.Sum() >= 2).ToDictionary(p => p.Key, p => Ranked(p.Value).Take(3).ToArray(), StringComparer.Ordinal),
            known,
            feats.ToDictionary(p => p.Key, p => Best(p.Value), StringComparer.Ordinal),
            [.. tagFeats.Select(d => d.Count == 0 ? "" : Best(d))],
            [.. casing.Select(c => (byte)(c.Count == 0 ? LemmaCase.AsForm : c.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key))],
            [.. tagNames.Select(t => t.StartsWith("VERB ", StringComparison.Ordinal) || t.StartsWith("AUX ", StringComparison.Ordinal))],
            [.. tagNames.Select(Upos)]);
    }

    private static string Upos(string tagName) => tagName[..tagName.IndexOf(' ')];

    private static void Count<T>(Dictionary<string, Dictionary<T, int>> table, string key, T value) where T : notnull
    {
        if (!table.TryGetValue(key, out var counts)) table[key] = counts = [];
        counts[value] = counts.GetValueOrDefault(value) + 1;
    }

    // The most frequent value; ties go to the ordinally first, so training is deterministic.
    private static T Best<T>(Dictionary<T, int> counts) where T : notnull => Ranked(counts).First();

    private static IEnumerable<T> Ranked<T>(Dictionary<T, int> counts) where T : notnull =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => p.Key);

    public void Write(BinaryWriter w)
    {
        WriteTable(w, _exact, (bw, v) => bw.Write(v));
        WriteTable(w, _lower, (bw, v) => v.Write(bw));
        WriteTable(w, _suffix, (bw, v) => { bw.Write(v.Length); foreach (var e in v) e.Write(bw); });
        w.Write(_known.Count);
        foreach (var k in _known.Order(StringComparer.Ordinal)) w.Write(k);
        WriteTable(w, _feats, (bw, v) => bw.Write(v));
        w.Write(_tagFeats.Length);
        for (int t = 0; t < _tagFeats.Length; t++)
        {
            w.Write(_tagFeats[t]);
            for (int c = 0; c < 4; c++) w.Write(_casing[t * 4 + c]);
            w.Write(_verbs[t]);
            w.Write(_upos[t]);
        }
    }

    public static Lemmatizer Read(BinaryReader r)
    {
        var exact = ReadTable(r, br => br.ReadString());
        var lower = ReadTable(r, LemmaEdit.Read);
        var suffix = ReadTable(r, br =>
        {
            var edits = new LemmaEdit[br.ReadInt32()];
            for (int i = 0; i < edits.Length; i++) edits[i] = LemmaEdit.Read(br);
            return edits;
        });
        int knownCount = r.ReadInt32();
        var known = new HashSet<string>(knownCount, StringComparer.Ordinal);
        for (int i = 0; i < knownCount; i++) known.Add(r.ReadString());
        var feats = ReadTable(r, br => br.ReadString());
        int tags = r.ReadInt32();
        var tagFeats = new string[tags];
        var casing = new byte[tags * 4];
        var verbs = new bool[tags];
        var upos = new string[tags];
        for (int t = 0; t < tags; t++)
        {
            tagFeats[t] = r.ReadString();
            for (int c = 0; c < 4; c++) casing[t * 4 + c] = r.ReadByte();
            verbs[t] = r.ReadBoolean();
            upos[t] = r.ReadString();
        }
        return new Lemmatizer(exact, lower, suffix, known, feats, tagFeats, casing, verbs, upos);
    }

    private static void WriteTable<T>(BinaryWriter w, Dictionary<string, T> table, Action<BinaryWriter, T> write)
    {
        w.Write(table.Count);
        foreach (var (k, v) in table.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); write(w, v); }
    }

    private static Dictionary<string, T> ReadTable<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        int count = r.ReadInt32();
        var table = new Dictionary<string, T>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++) { string k = r.ReadString(); table[k] = read(r); }
        return table;
    }
}

/// <summary>How a form becomes its lemma: cut letters from the end, optionally lower the case, append a suffix.</summary>
internal readonly record struct LemmaEdit(int Cut, string Append, bool Lower)
{
    public string Apply(string form)
    {
        string stem = form[..(form.Length - Cut)];
        return (Lower ? stem.ToLowerInvariant() : stem) + Append;
    }

    public static LemmaEdit From(string form, string lemma)
    {
        string lf = form.ToLowerInvariant();
        string ll = lemma.ToLowerInvariant();
        int common = 0;
        while (common < lf.Length && common < ll.Length && lf[common] == ll[common]) common++;
        int cut = form.Length - common;
        // Keep the form's case where the lemma does ("Russia", "American"), else lower it ("The" -> "the").
        bool keep = string.CompareOrdinal(lemma, 0, form, 0, common) == 0;
        string append = keep ? lemma[common..] : ll[common..];
        return new LemmaEdit(cut, append, !keep);
    }

    public override string ToString() => $"{Cut}|{Append}|{(Lower ? 1 : 0)}";

    public void Write(BinaryWriter w)
    {
        w.Write7BitEncodedInt(Cut);
        w.Write(Append);
        w.Write(Lower);
    }

    public static LemmaEdit Read(BinaryReader r) => new(r.Read7BitEncodedInt(), r.ReadString(), r.ReadBoolean());
}
