using System.Text;

namespace Dyad.Ingest;

/// <summary>
/// Turns a file's bytes into text: UTF-8 with or without a byte-order mark, UTF-16 (LE/BE, with a
/// mark or recognisable by its zero bytes), UTF-32 with a mark. Binary and undecodable input is
/// reported, not guessed at; a few stray NUL or control characters in a textual file are removed.
/// </summary>
public static class TextDecoder
{
    public readonly record struct Decoded(string? Text, string? Error, string Encoding);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Decoded Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return new(null, "file is empty", "none");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8(bytes[3..], "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return Strict(new UTF32Encoding(false, true, true), bytes[4..], "utf-32le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return Strict(new UTF32Encoding(true, true, true), bytes[4..], "utf-32be");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(new UnicodeEncoding(false, false, true), bytes[2..], "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(new UnicodeEncoding(true, false, true), bytes[2..], "utf-16be");
        if (LooksLikeUtf16WithoutMark(bytes, out bool bigEndian))
        {
            return Strict(new UnicodeEncoding(bigEndian, false, true), bytes, bigEndian ? "utf-16be" : "utf-16le");
        }
        if (Sniff.LooksBinary(bytes)) return new(null, Sniff.DescribeBinary(bytes), "binary");
        return Utf8(bytes, "utf-8");
    }

    private static Decoded Utf8(ReadOnlySpan<byte> bytes, string name)
    {
        int invalid = FirstInvalidUtf8(bytes);
        if (invalid >= 0) return new(null, $"invalid UTF-8 at byte {invalid} (0x{bytes[invalid]:X2}); save the file as UTF-8 or UTF-16", name);
        return Finish(StrictUtf8.GetString(bytes), name);
    }

    private static Decoded Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return Finish(encoding.GetString(bytes), name);
        }
        catch (DecoderFallbackException ex)
        {
            return new(null, $"invalid {name.ToUpperInvariant()} at byte {ex.Index}", name);
        }
    }

    private static Decoded Finish(string text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(null, "file holds no text (only whitespace)", name);
        int controls = 0, nuls = 0, stray = 0;
        foreach (char c in text)
        {
            if (c == '\0') nuls++;
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f') controls++;
            if (IsStray(c)) stray++;
        }
        if (!Sniff.FewZeros(nuls, text.Length)) return new(null, "file holds NUL characters: it looks binary, not text", name);
        if (controls > text.Length / 20) return new(null, "file is mostly control characters: it looks binary, not text", name);
        // A few NUL and other C0 control characters in an otherwise textual file are debris: removed.
        if (stray > 0) text = string.Create(text.Length - stray, text, static (span, source) =>
        {
            int at = 0;
            foreach (char c in source) if (!IsStray(c)) span[at++] = c;
        });
        return new(text, null, name);
    }

    private static bool IsStray(char c) => c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f';

    /// <summary>Offset of the first byte that is not part of a valid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return -1;
    }

    private static bool LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        int sample = Math.Min(bytes.Length, 4096) & ~1;
        if (sample < 4) return false;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        int pairs = sample / 2;
        // ASCII-heavy UTF-16 text has a zero in one byte of almost every pair and almost never in the other.
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return true;
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }
}

/// <summary>Recognises binary content by its magic numbers and its zero bytes (more than one in a thousand).</summary>
public static class Sniff
{
    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (IsPdf(bytes) || KnownBinary(bytes) is not null) return true;
        int sample = Math.Min(bytes.Length, 8192);
        if (bytes[..sample].IndexOf((byte)0) < 0) return false;
        // Zero bytes early on mark a binary file, unless the whole file holds only a few of them.
        return !FewZeros(bytes.Count((byte)0), bytes.Length);
    }

    /// <summary>
    /// Whether <paramref name="zeros"/> NUL bytes in <paramref name="length"/> are few enough for a
    /// textual file (at most one in a thousand): stray debris, not the zeros of a binary format.
    /// </summary>
    public static bool FewZeros(int zeros, int length) => zeros == 0 || zeros * 1000L <= length;

    public static string DescribeBinary(ReadOnlySpan<byte> bytes) => KnownBinary(bytes) switch
    {
        { } kind => $"file is binary ({kind}), not a text document",
        null => "file is binary (it holds zero bytes), not a text document",
    };

    private static string? KnownBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8)) return "PDF";
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return "a ZIP archive or office document";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "PNG image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (bytes.StartsWith("GIF8"u8)) return "GIF image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "gzip archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])) return "executable";
        if (bytes.StartsWith("SQLite format 3"u8)) return "SQLite database";
        return null;
    }
}
