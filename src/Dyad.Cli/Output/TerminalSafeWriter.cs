using System.Globalization;
using System.Text;

namespace Dyad.Cli.Output;

/// <summary>
/// The writer of the command line's messages: control characters inside a message (a newline or an ESC in a file
/// name) are written as escapes (\n, \e, \u0007...), so a message stays one line and sends no terminal codes; each
/// WriteLine still ends its own line. Standard output carries data as it is (tabs, names); its status lines that name
/// a file (export's --out, ingest's database) escape the name with <see cref="Escape(string?)"/>.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    // Text written in pieces keeps its line ends; a whole line (WriteLine) has every control character escaped.
    public override void Write(char value) => inner.Write(value == '\n' ? "\n" : Escape(value));

    public override void Write(string? value) => inner.Write(string.Join('\n', (value ?? "").Split('\n').Select(part => Escape(part))));

    public override void WriteLine(string? value) => inner.WriteLine(Escape(value));

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsControl)) return text ?? "";
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text) builder.Append(IsControl(c) ? Escape(c) : c.ToString());
        return builder.ToString();
    }

    private static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\x1b' => "\\e",
        _ when IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };

    // C0 and C1 controls and DEL; tab counts too, so a message's columns stay where they are.
    private static bool IsControl(char c) => c < ' ' || c is >= '\x7f' and <= '\x9f';
}
