using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dyad.Syntax;

/// <summary>A word line of a CoNLL-U file (multiword-token and empty-node lines are kept apart).</summary>
public sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Relation, string Misc)
{
    public bool SpaceAfter => !Misc.Split('|').Contains("SpaceAfter=No");
}

/// <summary>A multiword token ("don't" over the words "do" and "n't"): its range of word indices, 0-based, inclusive.</summary>
public sealed record ConlluRange(int First, int Last, string Form, string Misc)
{
    public bool SpaceAfter => !Misc.Split('|').Contains("SpaceAfter=No");
}

/// <summary>
/// A sentence of a CoNLL-U file: its comments (`# sent_id`, `# text`, ...), words with 0-based heads
/// (-1 for the root) and multiword tokens.
/// </summary>
public sealed record ConlluSentence(ImmutableArray<string> Comments, ImmutableArray<ConlluWord> Words, ImmutableArray<ConlluRange> Ranges)
{
    public string? Comment(string key)
    {
        string prefix = "# " + key + " = ";
        foreach (var c in Comments) if (c.StartsWith(prefix, StringComparison.Ordinal)) return c[prefix.Length..];
        return null;
    }

    public string? Text => Comment("text");

    public string? Id => Comment("sent_id");
}

/// <summary>Reads and writes CoNLL-U (UD's ten tab-separated columns); a malformed line is reported with its number.</summary>
public static class Conllu
{
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        foreach (var s in Read(reader, path)) yield return s;
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader, string name)
    {
        var comments = ImmutableArray.CreateBuilder<string>();
        var words = ImmutableArray.CreateBuilder<ConlluWord>();
        var ranges = ImmutableArray.CreateBuilder<ConlluRange>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (words.Count > 0 || comments.Count > 0) yield return new ConlluSentence(comments.ToImmutable(), words.ToImmutable(), ranges.ToImmutable());
                comments.Clear(); words.Clear(); ranges.Clear();
                continue;
            }
            if (line[0] == '#') { comments.Add(line); continue; }
            var cols = line.Split('\t');
            if (cols.Length != 10) throw new FormatException($"{name}:{lineNumber}: expected 10 tab-separated columns, found {cols.Length}");
            string id = cols[0];
            if (id.Contains('.')) continue; // empty nodes belong to enhanced graphs only
            int dash = id.IndexOf('-');
            if (dash > 0)
            {
                if (!int.TryParse(id.AsSpan(0, dash), out int first) || !int.TryParse(id.AsSpan(dash + 1), out int last) || last < first)
                    throw new FormatException($"{name}:{lineNumber}: bad token range '{id}'");
                ranges.Add(new ConlluRange(first - 1, last - 1, cols[1], cols[9]));
                continue;
            }
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index != words.Count + 1)
                throw new FormatException($"{name}:{lineNumber}: word id '{id}' out of sequence");
            int head = -1;
            if (cols[6] != "_" && (!int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out head)))
                throw new FormatException($"{name}:{lineNumber}: bad head '{cols[6]}'");
            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], cols[5] == "_" ? "" : cols[5], head - 1, cols[7], cols[9]));
        }
        if (words.Count > 0) yield return new ConlluSentence(comments.ToImmutable(), words.ToImmutable(), ranges.ToImmutable());
    }

    /// <summary>
    /// Character offsets of each word within the sentence's `# text` (words of a multiword token share its
    /// span where their forms do not spell it out); null when the text is missing or does not match.
    /// </summary>
    public static (int Start, int End)[]? WordOffsets(ConlluSentence sentence)
    {
        string? text = sentence.Text;
        if (text is null) return null;
        var result = new (int, int)[sentence.Words.Length];
        int pos = 0;
        int w = 0;
        int r = 0;
        while (w < sentence.Words.Length)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
            if (r < sentence.Ranges.Length && sentence.Ranges[r].First == w)
            {
                var range = sentence.Ranges[r++];
                if (string.CompareOrdinal(text, pos, range.Form, 0, range.Form.Length) != 0) return null;
                int start = pos;
                int inner = pos;
                bool spelled = true;
                for (int k = range.First; k <= range.Last; k++)
                {
                    string form = sentence.Words[k].Form;
                    if (spelled && string.CompareOrdinal(text, inner, form, 0, form.Length) == 0 && inner + form.Length <= start + range.Form.Length)
                    {
                        result[k] = (inner, inner + form.Length);
                        inner += form.Length;
                    }
                    else spelled = false;
                }
                if (!spelled || inner != start + range.Form.Length)
                    for (int k = range.First; k <= range.Last; k++) result[k] = (start, start + range.Form.Length);
                pos = start + range.Form.Length;
                w = range.Last + 1;
                continue;
            }
            string f = sentence.Words[w].Form;
            if (string.CompareOrdinal(text, pos, f, 0, f.Length) != 0) return null;
            result[w] = (pos, pos + f.Length);
            pos += f.Length;
            w++;
        }
        return result;
    }

    /// <summary>Writes one sentence: its comments, multiword tokens before their words, heads 1-based.</summary>
    public static void Write(TextWriter writer, IEnumerable<string> comments, IReadOnlyList<ConlluWord> words, IReadOnlyList<ConlluRange>? ranges = null)
    {
        foreach (var c in comments) writer.WriteLine(c);
        int r = 0;
        for (int i = 0; i < words.Count; i++)
        {
            if (ranges is not null && r < ranges.Count && ranges[r].First == i)
            {
                var range = ranges[r++];
                writer.WriteLine($"{range.First + 1}-{range.Last + 1}\t{range.Form}\t_\t_\t_\t_\t_\t_\t_\t{Empty(range.Misc)}");
            }
            var w = words[i];
            writer.Write(i + 1); writer.Write('\t');
            writer.Write(w.Form); writer.Write('\t');
            writer.Write(w.Lemma); writer.Write('\t');
            writer.Write(w.Upos); writer.Write('\t');
            writer.Write(Empty(w.Xpos)); writer.Write('\t');
            writer.Write(Empty(w.Feats)); writer.Write('\t');
            writer.Write((w.Head + 1).ToString(CultureInfo.InvariantCulture)); writer.Write('\t');
            writer.Write(w.Relation); writer.Write('\t');
            writer.Write('_'); writer.Write('\t');
            writer.WriteLine(Empty(w.Misc));
        }
        writer.WriteLine();
    }

    private static string Empty(string s) => s.Length == 0 ? "_" : s;
}
