using Spectre.Console;

namespace Dyad.Cli.Output;

/// <summary>Spectre consoles over the command's injected writer, so tables go where the command's output goes.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Output to a file or pipe has no width of its own; wide enough for a timeline row.
        if (!terminal) console.Profile.Width = 140;
        return console;
    }
}
