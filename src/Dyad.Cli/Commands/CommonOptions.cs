using System.CommandLine;

namespace Dyad.Cli.Commands;

/// <summary>Options shared by several commands, so they are spelled and documented once.</summary>
internal static class CommonOptions
{
    public static Option<string> Format(string defaultFormat, params string[] others)
    {
        var option = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => defaultFormat };
        option.AcceptOnlyFromAmong([defaultFormat, .. others]);
        return option;
    }
}
