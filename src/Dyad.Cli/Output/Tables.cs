using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dyad.Cli.Output;

/// <summary>Renders Spectre.Console widgets as plain text (no colour, no terminal probing) to the command's output writer.</summary>
internal static class Tables
{
    public static void Write(TextWriter output, IRenderable renderable, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        console.Write(renderable);
    }
}
