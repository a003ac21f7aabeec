using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Syntax;

public sealed class SyntaxModelTests
{
    private static readonly SyntaxAnnotator Annotator = SyntaxAnnotator.Default;

    /// <summary>Every sentence of the bundled samples, and some awkward ones, parsed.</summary>
    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "",
            "!!!",
            "Yes.",
            "Russia's foreign minister didn't travel to Pyongyang on 13 September 2023, officials said.",
            "(see https://example.org) -- a \"quoted\" word; and/or 20% of $1,500... ok?!",
            string.Join(" ", Enumerable.Repeat("and", 300)),
        };
        foreach (var file in Directory.GetFiles(TestPaths.Samples(), "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (DocumentLoader.Default.ReadFile(file).Document is { } document) data.Add(document.Text);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EverySentenceIsOneTreeOverItsText(string text)
    {
        foreach (var span in Dyad.Text.SentenceSplitter.Split(text))
        {
            var parsed = Annotator.Parse(text, span);
            var tokens = parsed.Tokens;
            int roots = 0;
            int at = span.Start;
            for (int i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                // offsets slice the text exactly, in order, covering every non-space character
                Assert.Equal(t.Form, t.Span.Slice(text));
                Assert.True(text.AsSpan(at, t.Span.Start - at).IsWhiteSpace(), $"text skipped before '{t.Form}'");
                at = t.Span.End;
                Assert.InRange(t.Head, -1, tokens.Length - 1);
                Assert.NotEqual(i, t.Head);
                if (t.Head < 0) { roots++; Assert.Equal("root", t.Relation); }
                // no cycles: following heads reaches the root within n steps
                int k = i, steps = 0;
                while (k >= 0 && steps++ <= tokens.Length) k = tokens[k].Head;
                Assert.True(k < 0, $"cycle through '{t.Form}'");
                Assert.NotEmpty(t.Upos);
                Assert.NotEmpty(t.Lemma);
            }
            Assert.True(text.AsSpan(at, span.End - at).IsWhiteSpace());
            Assert.Equal(tokens.IsEmpty ? 0 : 1, roots);
        }
    }

    [Theory]
    // subject, object, passive subject and agent, oblique with its case, clausal complement
    [InlineData("Russia invaded Ukraine in 2022.", "Russia nsubj invaded; Ukraine obj invaded; 2022 obl invaded")]
    [InlineData("The talks were hosted by Qatar.", "talks nsubj:pass hosted; Qatar obl:agent hosted; by case Qatar")]
    [InlineData("China said that it would send aid to Sudan.", "China nsubj said; send ccomp said; aid obj send; Sudan obl send")]
    [InlineData("Iran agreed to release the prisoners.", "agreed root -; release xcomp agreed; prisoners obj release")]
    public void FindsTheArguments(string sentence, string expected)
    {
        var parsed = Annotator.Parse(sentence, new TextSpan(0, sentence.Length));
        foreach (var arc in expected.Split("; "))
        {
            var parts = arc.Split(' ');
            var dependent = parsed.Tokens.Single(t => t.Form == parts[0]);
            Assert.Equal(parts[1], dependent.Relation);
            Assert.Equal(parts[2], dependent.Head < 0 ? "-" : parsed.Tokens[dependent.Head].Form);
        }
    }

    [Fact]
    public void ParsingIsDeterministic()
    {
        const string text = "The ministers met in Geneva and signed a ceasefire, which the rebels rejected.";
        var a = Annotator.Parse(text, new TextSpan(0, text.Length));
        var b = new SyntaxAnnotator(SyntaxModel.Default).Parse(text, new TextSpan(0, text.Length));
        Assert.Equal(a.Tokens.ToArray(), b.Tokens.ToArray());
    }

    [Fact]
    public void TheEmbeddedModelWritesBackByteForByte()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-roundtrip-{Guid.NewGuid():N}.model");
        try
        {
            SyntaxModel.Default.Save(path);
            using var embedded = typeof(SyntaxModel).Assembly.GetManifestResourceStream(SyntaxModel.ResourceName)!;
            using var copy = new MemoryStream();
            embedded.CopyTo(copy);
            Assert.Equal(copy.ToArray(), File.ReadAllBytes(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ACorruptModelFileIsReportedWithItsPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-bad-{Guid.NewGuid():N}.model");
        File.WriteAllText(path, "DYADSYN1 not really a model");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => SyntaxModel.Load(path));
            Assert.StartsWith(path + ": not a Dyad syntax model", ex.Message);
        }
        finally { File.Delete(path); }
    }
}
