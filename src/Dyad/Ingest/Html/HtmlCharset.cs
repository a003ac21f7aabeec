using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Ingest.Html;

/// <summary>
/// Pages that are not UTF-8 but declare a single-byte charset (ISO-8859-1, windows-1252, as older
/// sites do) are decoded as Latin-1; any other undecodable page stays an error.
/// </summary>
internal static partial class HtmlCharset
{
    [GeneratedRegex(@"charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Declared();

    public static string? Fallback(ReadOnlySpan<byte> bytes)
    {
        string head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var match = Declared().Match(head);
        if (!match.Success) return null;
        string charset = match.Groups["cs"].Value.ToLowerInvariant();
        if (charset is not ("iso-8859-1" or "latin1" or "latin-1" or "windows-1252" or "cp1252" or "us-ascii")) return null;
        return Encoding.Latin1.GetString(bytes);
    }
}
