using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Text;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dyad.Ingest;

/// <summary>
/// Reads a Markdown document with Markdig: YAML front matter into metadata, Markdown footnotes
/// ([^1] and [^1]: ...) into citations, and the rendered plain text — emphasis and link syntax
/// gone, headings and list items as lines of their own — into the body, mapped back to the source.
/// </summary>
public static partial class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UseFootnotes().Build();

    [GeneratedRegex(@"^\[\^[^\]]+\]:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteLabel();

    /// <summary>Quotes and lists nested deeper than this on one line are refused before parsing: no real document
    /// nests them so, and the parser spends time on every later line for each open level.</summary>
    public const int MaxNesting = 32;

    /// <summary>The deepest run of container markers ("&gt;", "-", "*", "+", "1.") opening a line, a list item's indentation counting a level per two columns.</summary>
    public static int NestingEstimate(string text)
    {
        int deepest = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            int depth = 0, i = 0, indent = 0;
            while (i < line.Length)
            {
                char c = line[i];
                // a nested list item is indented by about two columns per level
                if (c is ' ' or '\t') { indent += c == '\t' ? 4 : 1; i++; continue; }
                if (indent > 0 && (c is '-' or '*' or '+' || char.IsAsciiDigit(c))) depth += indent / 2;
                indent = 0;
                if (c == '>') { depth++; i++; continue; }
                if (c is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] is ' ' or '\t') { depth++; i += 2; continue; }
                int digits = i;
                while (digits < line.Length && digits - i < 9 && char.IsAsciiDigit(line[digits])) digits++;
                if (digits > i && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] is ' ' or '\t') { depth++; i = digits + 2; continue; }
                break;
            }
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    public static Document Read(string name, string decoded)
    {
        var (text, normalMap) = TextNormalizer.Normalize(decoded);
        var markdown = Markdown.Parse(text, Pipeline);
        var walker = new Walker(text);
        var metadata = DocumentMetadata.Empty;
        string? headingTitle = null;
        var citations = ImmutableArray.CreateBuilder<Citation>();
        foreach (var block in markdown)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    metadata = ParseYaml(yaml.Lines.ToString());
                    break;
                case FootnoteGroup group:
                    foreach (var footnote in group.OfType<Footnote>())
                    {
                        string note = text[footnote.Span.Start..Math.Min(text.Length, footnote.Span.End + 1)];
                        citations.Add(CitationParser.Parse(Label(footnote), FootnoteLabel().Replace(note.Trim(), "")));
                    }
                    break;
                case HeadingBlock { Level: 1 } heading when headingTitle is null:
                    // The first top-level heading is the title; it leaves the body unless front matter named another title.
                    headingTitle = walker.InlineText(heading.Inline);
                    if (metadata.Title is not null && !string.Equals(metadata.Title, headingTitle, StringComparison.OrdinalIgnoreCase)) walker.Block(block);
                    break;
                default:
                    walker.Block(block);
                    break;
            }
        }
        if (metadata.Title is null && headingTitle is not null) metadata = metadata with { Title = headingTitle };
        var (body, bodyMap) = walker.Build();
        return DocumentAssembler.Assemble(name, DocumentFormat.Markdown, metadata, body, bodyMap.Then(normalMap), citations.ToImmutable(), walker.Markers.ToImmutable());
    }

    /// <summary>A footnote's marker as the body writes it inside "[^...]": "1" for [^1].</summary>
    private static string Label(Footnote footnote) =>
        footnote.Label?.TrimStart('^') ?? footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DocumentMetadata ParseYaml(string yaml)
    {
        string? title = null, publisher = null, language = null, url = null;
        DateOnly? published = null;
        var authors = ImmutableArray.CreateBuilder<string>();
        string? listKey = null;
        foreach (string rawLine in yaml.Split('\n'))
        {
            string line = rawLine.TrimEnd();
            if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal) && listKey is "author" or "authors")
            {
                authors.Add(Unquote(line.TrimStart()[2..]));
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0])) continue;
            string key = line[..colon].Trim().ToLowerInvariant();
            string value = Unquote(line[(colon + 1)..].Trim());
            listKey = value.Length == 0 ? key : null;
            switch (key)
            {
                case "title": title = value; break;
                case "author" or "authors" when value.Length > 0:
                    authors.AddRange(value.Trim('[', ']').Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Unquote));
                    break;
                case "publisher" or "organisation" or "organization" or "source": publisher = value; break;
                case "date" or "published" or "pubdate": published = DateText.ParseWhole(value); break;
                case "lang" or "language": language = value.Length > 0 ? value : null; break;
                case "url" or "link": url = value; break;
            }
        }
        return new DocumentMetadata(title, authors.ToImmutable(), publisher, published, language, url);
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'').Trim();

    /// <summary>Renders blocks and inlines to plain text, recording where each piece came from.</summary>
    private sealed class Walker(string source)
    {
        private readonly MappedTextBuilder _builder = new();
        private int _sourceEnd;

        public ImmutableArray<CitationMarker>.Builder Markers { get; } = ImmutableArray.CreateBuilder<CitationMarker>();

        public (string Text, OffsetMap Map) Build()
        {
            _builder.TrimEnd();
            return _builder.Build();
        }

        public void Block(Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    Inlines(heading.Inline);
                    EndBlock(block, "\n\n");
                    break;
                case ParagraphBlock paragraph:
                    Inlines(paragraph.Inline);
                    EndBlock(block, block.Parent is ListItemBlock ? "\n" : "\n\n");
                    break;
                case ListBlock list:
                    foreach (var item in list) Block(item);
                    EndBlock(block, "\n\n");
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Block(child);
                    break;
                case CodeBlock or HtmlBlock or ThematicBreakBlock:
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    Inlines(leaf.Inline);
                    EndBlock(block, "\n\n");
                    break;
            }
        }

        public string InlineText(ContainerInline? inline)
        {
            var walker = new Walker(source);
            walker.Inlines(inline);
            return walker.Build().Text.Trim();
        }

        private void EndBlock(Block block, string separator)
        {
            if (_builder.Length == 0) return;
            _builder.TrimEnd();
            _builder.AppendReplacement(separator, Math.Min(source.Length, block.Span.End + 1));
        }

        private void Inlines(ContainerInline? container)
        {
            if (container is null) return;
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        _builder.Append(literal.Content.Text, literal.Content.Start, literal.Content.End + 1);
                        _sourceEnd = literal.Content.End + 1;
                        break;
                    case FootnoteLink { IsBackLink: false } link:
                        // Markdig gives footnote links no source span: find the marker after the text before it.
                        string label = Label(link.Footnote);
                        string written = "[^" + label + "]";
                        int at = source.IndexOf(written, _sourceEnd, StringComparison.Ordinal);
                        int start = _builder.Length;
                        if (at >= 0)
                        {
                            _builder.Append(source, at, at + written.Length);
                            _sourceEnd = at + written.Length;
                        }
                        else
                        {
                            _builder.AppendReplacement(written, _sourceEnd);
                        }
                        Markers.Add(new CitationMarker(label, new TextSpan(start, _builder.Length)));
                        break;
                    case LinkInline { IsImage: true }:
                        break;
                    case CodeInline code:
                        _builder.AppendReplacement(code.Content, code.Span.Start);
                        break;
                    case AutolinkInline autolink:
                        _builder.AppendReplacement(autolink.Url, autolink.Span.Start);
                        break;
                    case HtmlEntityInline entity:
                        _builder.AppendReplacement(entity.Transcoded.ToString(), entity.Span.Start);
                        break;
                    case LineBreakInline lineBreak:
                        _builder.AppendReplacement(lineBreak.IsHard ? "\n" : " ", lineBreak.Span.Start);
                        break;
                    case ContainerInline child:
                        Inlines(child);
                        break;
                }
            }
        }
    }
}
