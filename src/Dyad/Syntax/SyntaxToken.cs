using System.Collections.Immutable;
using Dyad.Documents;

namespace Dyad.Syntax;

/// <summary>
/// A word of a sentence as the syntax stage annotates it, in Universal Dependencies terms: its span in the
/// document's body text, the form as written there, lemma, universal and language-specific part of speech,
/// morphological features (UD's `Feat=Value|...`, empty when none), and its head — the index of the
/// governing word within the same sentence, -1 for the root — with the relation that links them.
/// </summary>
public readonly record struct SyntaxToken(
    TextSpan Span,
    string Form,
    string Lemma,
    string Upos,
    string Xpos,
    string Feats,
    int Head,
    string Relation)
{
    /// <summary>The relation without its subtype ("nsubj" for "nsubj:pass").</summary>
    public string BaseRelation => Relation.IndexOf(':') is var colon and > 0 ? Relation[..colon] : Relation;

    public bool IsRoot => Head < 0;

    public override string ToString() => $"{Form}/{Upos}";
}

/// <summary>A sentence of the body text with its words, tags and dependency tree.</summary>
public sealed record ParsedSentence(TextSpan Span, ImmutableArray<SyntaxToken> Tokens)
{
    /// <summary>The index of the root word (the first root when a repair left more than one).</summary>
    public int Root
    {
        get
        {
            for (int i = 0; i < Tokens.Length; i++) if (Tokens[i].Head < 0) return i;
            return -1;
        }
    }

    /// <summary>The dependents of word <paramref name="head"/>, in sentence order.</summary>
    public IEnumerable<int> Dependents(int head)
    {
        for (int i = 0; i < Tokens.Length; i++) if (Tokens[i].Head == head) yield return i;
    }
}
