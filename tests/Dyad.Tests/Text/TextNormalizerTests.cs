using Dyad.Text;

namespace Dyad.Tests.Text;

public sealed class TextNormalizerTests
{
    // Each case: input, normalised output.
    [Theory]
    [InlineData("a\r\nb\rc", "a\nb\nc")]                     // line ends
    [InlineData("Kim\u00A0Jong-Un", "Kim Jong-Un")]           // no-break space
    [InlineData("Pyong\u200Byang", "Pyongyang")]              // zero-width space
    [InlineData("co\u00ADoperation", "cooperation")]          // soft hyphen
    [InlineData("Mu\u0308nchen", "München")]                  // combining diaeresis composed (NFC)
    [InlineData("plain ascii", "plain ascii")]                // untouched
    public void Normalises(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input).Text);
    }

    [Fact]
    public void Offsets_map_back_to_the_original()
    {
        const string input = "Pyong\u200Byang\r\nMu\u0308nchen met Seoul";
        var (text, map) = TextNormalizer.Normalize(input);
        Assert.Equal("Pyongyang\nMünchen met Seoul", text);
        int seoul = text.IndexOf("Seoul", StringComparison.Ordinal);
        Assert.Equal("Seoul", input.Substring(map.ToSource(seoul), 5));
        int munchen = text.IndexOf("München", StringComparison.Ordinal);
        Assert.Equal(input.IndexOf("Mu", StringComparison.Ordinal), map.ToSource(munchen));
        Assert.Equal(0, map.ToSource(0));
    }
}
