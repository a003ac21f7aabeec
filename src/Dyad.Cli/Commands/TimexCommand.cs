using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Time;
using Spectre.Console;

namespace Dyad.Cli.Commands;

/// <summary>`dyad timex FILE --dct YYYY-MM-DD [--format jsonl|table]`: the time expressions of a file, normalised.</summary>
internal static class TimexCommand
{
    private static readonly TimeTagger Tagger = new();

    /// <summary>The time expression record of spec/records.md.</summary>
    internal sealed record TimexRecord(int Start, int End, string Text, string Type, string Value, string? Mod, IntervalRecord? Interval);

    internal sealed record IntervalRecord(string Start, string End);

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A text file (UTF-8)." };
        var dct = new Option<string?>("--dct") { Description = "The document creation time, YYYY-MM-DD, that relative expressions are resolved against." };
        var format = CommonOptions.Format("jsonl", "table");
        var command = new Command("timex", "Find and normalise the time expressions of a file.") { file, dct, format };
        command.SetAction((parse, cancellationToken) =>
        {
            string path = parse.GetValue(file)!;
            DateOnly? documentDate = null;
            if (parse.GetValue(dct) is { } given)
            {
                if (!DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new CliException($"--dct {given}: not a calendar date in the form YYYY-MM-DD", 2);
                documentDate = parsed;
            }
            string text = ReadText(path);
            var expressions = Tagger.Tag(text, documentDate, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "table")
            {
                var table = new Table().AddColumns("start", "end", "text", "type", "value", "mod", "interval");
                foreach (var e in expressions)
                {
                    table.AddRow(
                        e.Span.Start.ToString(CultureInfo.InvariantCulture), e.Span.End.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(e.Text.ReplaceLineEndings(" ")), TypeName(e.Type), Markup.Escape(e.Value), e.Mod ?? "",
                        e.Interval?.ToString() ?? "");
                }
                Tables.Write(output, table);
            }
            else
            {
                foreach (var e in expressions) JsonLines.Write(output, ToRecord(e));
            }
            return Task.FromResult(0);
        });
        return command;
    }

    internal static TimexRecord ToRecord(TimeExpression e) => new(
        e.Span.Start, e.Span.End, e.Text, TypeName(e.Type), e.Value, e.Mod,
        e.Interval is { } i ? new IntervalRecord(i.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);

    private static string TypeName(TimexType type) => type switch
    {
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => "DATE",
    };

    /// <summary>The file as UTF-8 text; a missing, empty, binary or undecodable file is a one-line error naming it.</summary>
    private static string ReadText(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot be read (permission denied or a folder)");
        }
        catch (IOException ex)
        {
            throw new CliException($"{path}: cannot be read ({ex.Message})");
        }
        if (bytes.Length == 0) throw new CliException($"{path}: empty file");
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new CliException($"{path}: binary file, not text");
        try
        {
            var encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new CliException($"{path}: not UTF-8 text");
        }
    }
}
