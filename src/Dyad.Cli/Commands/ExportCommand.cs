using System.CommandLine;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>`dyad export --format csv|jsonl|parquet|gdelt [--out FILE]`: stored events for other tools.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format("csv", "jsonl", "parquet", "gdelt");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output (required for parquet)." };
        var store = new StoreOptionsCli();
        var filters = new EventFilterOptions();
        var command = new Command("export", "Export stored events as CSV, JSON Lines, Parquet or GDELT 2.0 event lines (61 tab-separated columns).") { format, output };
        filters.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true);
            string? path = parse.GetValue(output);
            if (chosen == ExportFormat.Parquet && path is null) throw new CliException("parquet is binary: name the file with --out FILE");
            if (path is not null) CheckOut(path);
            var query = filters.Query(parse);
            IReadOnlyList<EventRow> events;
            IReadOnlyList<long> ids;
            using (var db = store.Open(parse, readOnly: true))
            {
                events = StoreOptionsCli.Run(() => db.Events(query));
                ids = StoreOptionsCli.Run(() => db.EventIds(query));
            }
            var now = TimeProvider.System.GetUtcNow();
            int written;
            if (path is null)
            {
                written = EventExport.WriteText(chosen, events, ids, parse.InvocationConfiguration.Output, now, cancellationToken);
            }
            else
            {
                // Written beside the target and moved into place, so a failed export never leaves half a file.
                string temporary = path + ".partial";
                try
                {
                    await using (var stream = File.Create(temporary))
                    {
                        written = await EventExport.WriteAsync(chosen, events, ids, stream, now, cancellationToken).ConfigureAwait(false);
                    }
                    File.Move(temporary, path, overwrite: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    File.Delete(temporary);
                    throw new CliException($"--out {path}: cannot write: {ex.Message}");
                }
            }
            int skipped = events.Count - written;
            if (skipped > 0) parse.InvocationConfiguration.Error.WriteLine($"dyad: {skipped} events without a date left out (GDELT requires one)");
            if (path is not null) parse.InvocationConfiguration.Output.WriteLine($"exported {written} events to {Output.TerminalSafeWriter.Escape(path)}");
            return 0;
        });
        return command;
    }

    /// <summary>Refuses, before the store is read, an --out that names a folder or lies in a folder that does not exist.</summary>
    private static void CheckOut(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"--out {path} is a directory; name a file");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) throw new CliException($"--out {path}: folder {folder} does not exist");
    }
}
