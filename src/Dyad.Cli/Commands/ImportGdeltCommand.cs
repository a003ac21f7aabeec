using System.CommandLine;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>`dyad import-gdelt FILE...`: GDELT 2.0 event files into the store, marked as GDELT's, beside Dyad's events.</summary>
internal static class ImportGdeltCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "GDELT 2.0 event files (61 tab-separated columns, no header)." };
        var store = new StoreOptionsCli();
        var command = new Command("import-gdelt", "Import GDELT 2.0 events; a malformed line is reported with its number and skipped.") { files };
        store.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var db = store.Open(parse, readOnly: false);
            int imported = 0, read = 0, skipped = 0, mended = 0, failedFiles = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    error.WriteLine($"dyad: {file}: no such file");
                    failedFiles++;
                    continue;
                }
                using var stream = File.OpenRead(file);
                var rows = new List<EventRow>();
                foreach (var (row, problem) in GdeltFormat.Read(stream))
                {
                    if (problem is { Skipped: true })
                    {
                        error.WriteLine($"dyad: {file}:{problem.Line}: {problem.Reason}; line skipped");
                        skipped++;
                    }
                    else if (problem is not null)
                    {
                        error.WriteLine($"dyad: {file}:{problem.Line}: {problem.Reason}");
                        mended++;
                    }
                    else rows.Add(row!);
                }
                read += rows.Count;
                imported += StoreOptionsCli.Run(() => db.ImportEvents(rows, cancellationToken));
            }
            if (imported > 0) StoreOptionsCli.Run(() => { db.Optimize(); return 0; });
            string invalid = mended > 0 ? $", {mended} with invalid UTF-8 read" : "";
            output.WriteLine($"imported {imported} GDELT events ({read - imported} already stored, {skipped} malformed lines skipped{invalid})");
            // A line read with U+FFFD in it is not what the file meant to say: the import is not clean.
            return Task.FromResult(skipped == 0 && mended == 0 && failedFiles == 0 ? 0 : 1);
        });
        return command;
    }
}
