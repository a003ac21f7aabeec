using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Ingest;

/// <summary>
/// Reads a plain-text document: front matter into metadata, footnote and endnote blocks (wherever
/// they stand between paragraphs, or in a closing "Notes"/"Sources" section) into citations, and the
/// rest into the body text, with paragraphs split by a page break rejoined.
/// </summary>
public static partial class PlainTextReader
{
    private readonly record struct Block(int Start, int End);

    // A note starts with its marker: superscript digits, [12], [^12]:, ^12, or 12. / 12) inside a notes section.
    [GeneratedRegex(@"^(?:(?<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s|\[\^?(?<num>\d{1,3})\]:?\s|\^(?<num>\d{1,3})\s)", RegexOptions.CultureInvariant)]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"^(?:(?<num>\d{1,3})[.)]\s|\((?<num>\d{1,3})\)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedNoteStart();

    [GeneratedRegex(@"^(?:#+\s*)?(?:notes|endnotes|footnotes|references|sources|bibliography|works cited)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotesHeading();

    [GeneratedRegex(@"^\s*<?https?://\S+?>?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlOnly();

    public static Document Read(string name, string decoded)
    {
        var (text, normalMap) = TextNormalizer.Normalize(decoded);
        var blocks = Paragraphs(text);
        int frontCount = FrontMatterLength(text, blocks);
        var metadata = FrontMatter.Parse(blocks.Take(frontCount).SelectMany(b => text[b.Start..b.End].Split('\n')).ToList());

        var citations = ImmutableArray.CreateBuilder<Citation>();
        var body = new List<Block>();
        bool inNotes = false;
        for (int b = frontCount; b < blocks.Count; b++)
        {
            var block = blocks[b];
            string blockText = text[block.Start..block.End];
            if (NotesHeading().IsMatch(blockText))
            {
                inNotes = true;
                continue;
            }
            if (UrlOnly().IsMatch(blockText) && citations.Count > 0 && citations[^1].Url is null)
            {
                // A note whose URL was pushed into a paragraph of its own.
                var note = citations[^1];
                citations[^1] = CitationParser.Parse(note.Marker, note.Text + "\n" + blockText);
                continue;
            }
            var notes = SplitNotes(blockText, inNotes);
            if (notes.Count > 0 && (inNotes || notes.All(n => LooksLikeReference(n.Text))))
            {
                citations.AddRange(notes.Select(n => CitationParser.Parse(n.Marker, n.Text)));
                continue;
            }
            if (inNotes && body.Count > 0 && !LooksLikeProse(blockText))
            {
                // Loose lines in a notes section continue the previous note rather than the body.
                continue;
            }
            body.Add(block);
        }

        var builder = new MappedTextBuilder();
        for (int k = 0; k < body.Count; k++)
        {
            if (k > 0)
            {
                // A paragraph broken by a page break ends mid-sentence and the next starts in lower case: rejoin it.
                char last = text[body[k - 1].End - 1];
                char next = text[body[k].Start];
                builder.AppendReplacement(char.IsLower(next) && (char.IsLetter(last) || last == ',') ? " " : "\n\n", body[k].Start);
            }
            builder.Append(text, body[k].Start, body[k].End);
        }
        var (bodyText, bodyMap) = builder.Build();
        var known = citations.Select(c => c.Marker).ToHashSet(StringComparer.Ordinal);
        var markers = MarkerScanner.Scan(bodyText, known);
        var format = name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Markdown : DocumentFormat.Text;
        return DocumentAssembler.Assemble(name, format, metadata, bodyText, bodyMap.Then(normalMap), Deduplicate(citations), markers);
    }

    private static ImmutableArray<Citation> Deduplicate(ImmutableArray<Citation>.Builder citations) =>
        citations.GroupBy(c => c.Marker, StringComparer.Ordinal).Select(g => g.First()).ToImmutableArray();

    private static List<Block> Paragraphs(string text)
    {
        var blocks = new List<Block>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            int end = i;
            while (i < text.Length)
            {
                int lineEnd = text.IndexOf('\n', i);
                if (lineEnd < 0) lineEnd = text.Length;
                if (string.IsNullOrWhiteSpace(text[i..lineEnd])) break;
                end = lineEnd;
                i = lineEnd + 1;
            }
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            blocks.Add(new Block(start, end));
        }
        return blocks;
    }

    /// <summary>How many leading blocks are front matter: short lines before the first prose paragraph.</summary>
    private static int FrontMatterLength(string text, List<Block> blocks)
    {
        int limit = Math.Min(blocks.Count - 1, 15);
        for (int b = 0; b < limit; b++)
        {
            string block = text[blocks[b].Start..blocks[b].End];
            if (LooksLikeProse(block) || NoteStart().IsMatch(block)) return b;
            if (block.Split('\n').Any(line => line.Length > 200)) return b;
        }
        return 0;
    }

    private static bool LooksLikeProse(string block)
    {
        int words = block.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        string trimmed = block.TrimEnd('*', '_', ' ');
        if (trimmed.Length == 0) return false;
        char last = trimmed[^1];
        bool terminal = last is '.' or '!' or '?' or '"' or '”' or '’' or '¹' or '²' or '³' || (last >= '⁰' && last <= '⁹');
        return (words >= 12 && terminal) || words >= 30;
    }

    private static bool LooksLikeReference(string note) =>
        note.Contains("http", StringComparison.Ordinal) || note.Contains('"') || note.Contains('“') ||
        DateText.FindAll(note).Any() || note.Contains("Ibid", StringComparison.OrdinalIgnoreCase);

    private readonly record struct Note(string Marker, string Text);

    /// <summary>The notes a block holds when it starts with a note marker: each marked line opens a note, other lines continue it.</summary>
    private static List<Note> SplitNotes(string block, bool inNotesSection)
    {
        var notes = new List<Note>();
        string? marker = null;
        var current = new System.Text.StringBuilder();
        foreach (string line in block.Split('\n'))
        {
            string trimmed = line.TrimStart();
            var start = NoteStart().Match(trimmed);
            if (!start.Success && inNotesSection) start = NumberedNoteStart().Match(trimmed);
            if (start.Success)
            {
                if (marker is not null) notes.Add(new Note(marker, current.ToString()));
                marker = start.Groups["sup"].Success ? MarkerScanner.FromSuperscript(start.Groups["sup"].Value) : start.Groups["num"].Value;
                current.Clear().Append(trimmed[start.Length..]);
            }
            else if (marker is null)
            {
                return [];
            }
            else
            {
                current.Append('\n').Append(trimmed);
            }
        }
        if (marker is not null) notes.Add(new Note(marker, current.ToString()));
        return notes;
    }
}
