using System.CommandLine;

namespace Dyad.Cli.Commands;

internal static class ReadCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files to read." };
        var format = CommonOptions.Format("table", "jsonl");
        var command = new Command("read", "Read documents and print their text, metadata, sentences and citations.") { files, format };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var file in parse.GetValue(files)!) output.WriteLine(file);
            return 0;
        });
        return command;
    }
}
