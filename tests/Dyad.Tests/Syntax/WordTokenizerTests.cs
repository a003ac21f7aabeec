using Dyad.Documents;
using Dyad.Syntax;
using Xunit;

namespace Dyad.Tests.Syntax;

public sealed class WordTokenizerTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var lines = File.ReadAllLines(TestPaths.Data("syntax", "tokens.txt")).Where(l => !l.StartsWith('#')).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0) continue;
            data.Add(lines[i], lines[i + 1].Trim());
            i++;
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitsAsTheTreebanksDo(string text, string expected)
    {
        var words = WordTokenizer.Tokenize(text, new TextSpan(0, text.Length));
        Assert.Equal(expected, string.Join(" | ", words.Select(w => w.Slice(text))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WordsCoverEveryCharacterButSpaces(string text, string expected)
    {
        Assert.NotEmpty(expected);
        // Offsets into a larger text: the sentence sits after a prefix that must not be read.
        string prefix = "Ignored prefix. ";
        string full = prefix + text + " Ignored suffix.";
        var words = WordTokenizer.Tokenize(full, new TextSpan(prefix.Length, prefix.Length + text.Length));
        int at = prefix.Length;
        foreach (var w in words)
        {
            Assert.True(w.Start >= at && w.End > w.Start, $"word {w} out of order");
            Assert.True(full.AsSpan(at, w.Start - at).IsWhiteSpace(), $"characters skipped before {w.Slice(full)}");
            Assert.DoesNotContain(w.Slice(full), char.IsWhiteSpace);
            at = w.End;
        }
        Assert.True(full.AsSpan(at, prefix.Length + text.Length - at).IsWhiteSpace());
    }
}
