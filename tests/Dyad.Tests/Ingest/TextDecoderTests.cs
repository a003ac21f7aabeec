using System.Text;
using Dyad.Ingest;

namespace Dyad.Tests.Ingest;

public sealed class TextDecoderTests
{
    private const string Sample = "Kim met Putin in Vostochny — September 13, 2023.";

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-16le-no-bom")]
    [InlineData("utf-16be-no-bom")]
    public void Decodes_unicode_encodings(string encoding)
    {
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Sample),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)],
            "utf-16le-no-bom" => Encoding.Unicode.GetBytes(Sample),
            "utf-16be-no-bom" => Encoding.BigEndianUnicode.GetBytes(Sample),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        var decoded = TextDecoder.Decode(bytes);
        Assert.Null(decoded.Error);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(encoding.Replace("-no-bom", "", StringComparison.Ordinal), decoded.Encoding);
    }

    // Each case: bytes that are not a readable text document, and the start of the reason given.
    public static TheoryData<byte[], string> Unreadable => new()
    {
        { [], "file is empty" },
        { Encoding.UTF8.GetBytes("   \n\t  "), "file holds no text" },
        { [0x52, 0x75, 0x73, 0x73, 0x69, 0x61, 0x20, 0xC3, 0x28, 0x20, 0x61], "invalid UTF-8 at byte 7" },
        { [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A], "file is binary (PDF)" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "file is binary (PNG image)" },
        { [0x01, 0x02, 0x00, 0x00, 0x41, 0x00, 0x07, 0x08], "file is binary" },
    };

    [Fact]
    public void A_few_stray_nul_and_control_characters_are_removed()
    {
        // One NUL and one escape character in 2,000 bytes of text: debris, not a binary file.
        string line = new string('a', 998) + "\n";
        byte[] bytes = Encoding.UTF8.GetBytes(line + "\0" + "\u001b" + line[2..]);
        var decoded = TextDecoder.Decode(bytes);
        Assert.Null(decoded.Error);
        Assert.Equal(line + line[2..], decoded.Text);
    }

    [Fact]
    public void Many_nul_characters_still_mark_a_binary_file()
    {
        // Two NULs in 1,000 bytes is more than one in a thousand.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(new string('a', 998)), 0x00, 0x00];
        var decoded = TextDecoder.Decode(bytes);
        Assert.Null(decoded.Text);
        Assert.StartsWith("file is binary (it holds zero bytes)", decoded.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Rejects_what_is_not_text(byte[] bytes, string reason)
    {
        var decoded = TextDecoder.Decode(bytes);
        Assert.Null(decoded.Text);
        Assert.StartsWith(reason, decoded.Error, StringComparison.Ordinal);
    }
}
