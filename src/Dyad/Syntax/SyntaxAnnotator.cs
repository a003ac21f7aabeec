using System.Collections.Immutable;
using Dyad.Documents;

namespace Dyad.Syntax;

/// <summary>
/// The syntax stage: splits each sentence of a document into words and gives every word its tags,
/// lemma, features, head and relation. Built once over a model; thread-safe.
/// </summary>
public sealed class SyntaxAnnotator
{
    private static readonly Lazy<SyntaxAnnotator> Lazy = new(() => new SyntaxAnnotator(SyntaxModel.Default));

    private readonly SyntaxModel _model;
    private readonly IReadOnlySet<string>? _vocabulary;

    /// <summary>An annotator over <paramref name="model"/>; <paramref name="vocabulary"/> names lemmas (lower case) the lemmatiser may produce besides the treebank's.</summary>
    public SyntaxAnnotator(SyntaxModel model, IReadOnlySet<string>? vocabulary = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _vocabulary = vocabulary;
    }

    /// <summary>The annotator over the model that ships inside the library.</summary>
    public static SyntaxAnnotator Default => Lazy.Value;

    public ImmutableArray<ParsedSentence> Annotate(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = ImmutableArray.CreateBuilder<ParsedSentence>(document.Sentences.Length);
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sentences.Add(Parse(document.Text, sentence.Span));
        }
        return sentences.MoveToImmutable();
    }

    /// <summary>Tokenises and parses one sentence of <paramref name="text"/>.</summary>
    public ParsedSentence Parse(string text, TextSpan sentence) => Parse(text, sentence, WordTokenizer.Tokenize(text, sentence));

    /// <summary>Parses a sentence whose words are given (spans into <paramref name="text"/>).</summary>
    public ParsedSentence Parse(string text, TextSpan sentence, IReadOnlyList<TextSpan> words)
    {
        var forms = new string[words.Count];
        for (int i = 0; i < forms.Length; i++) forms[i] = words[i].Slice(text);
        return new ParsedSentence(sentence, Analyse(forms, words));
    }

    /// <summary>Analyses words given as forms; spans as the caller has them (or empty).</summary>
    public ImmutableArray<SyntaxToken> Analyse(IReadOnlyList<string> forms, IReadOnlyList<TextSpan> spans)
    {
        if (forms.Count == 0) return [];
        var a = _model.Analyse(forms, _vocabulary);
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>(forms.Count);
        var tagger = _model.Tagger;
        for (int i = 0; i < forms.Count; i++)
        {
            tokens.Add(new SyntaxToken(spans[i], forms[i], a.Lemmas[i], tagger.Upos[a.Tags[i]], tagger.Xpos[a.Tags[i]], a.Feats[i], a.Heads[i], _model.Parser.Labels[a.Labels[i]]));
        }
        return tokens.MoveToImmutable();
    }
}
