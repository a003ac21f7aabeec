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

    /// <summary>--follow-links, for commands that walk folders and globs as `ingest` does.</summary>
    public static Option<bool> FollowLinks() =>
        new("--follow-links") { Description = "Follow links to folders inside the folders and globs given (each folder is read once; without it such links are reported and skipped)." };

    /// <summary>--jobs N: documents read and coded at once.</summary>
    public static Option<int?> Jobs() => new("--jobs") { Description = "Documents read and coded at once (default: one per core)." };
}

/// <summary>The options of commands that read URLs: --allow-private, --timeout, --max-mb, --max-redirects.</summary>
internal sealed class WebOptions
{
    private readonly Option<bool> _allowPrivate = new("--allow-private") { Description = "Allow URLs on loopback, private and link-local addresses." };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds to wait for one URL.", DefaultValueFactory = _ => 30 };
    private readonly Option<double> _maxMegabytes = new("--max-mb") { Description = "Size limit for one document or response, in MB.", DefaultValueFactory = _ => 16 };
    private readonly Option<int> _maxRedirects = new("--max-redirects") { Description = "Redirects followed for one URL (at most 5).", DefaultValueFactory = _ => 5 };

    public void AddTo(Command command)
    {
        _maxRedirects.Validators.Add(r =>
        {
            if (r.GetValue(_maxRedirects) is < 0 or > 5) r.AddError("--max-redirects must be between 0 and 5");
        });
        _timeout.Validators.Add(r =>
        {
            if (r.GetValue(_timeout) <= 0) r.AddError("--timeout must be positive");
        });
        _maxMegabytes.Validators.Add(r =>
        {
            if (r.GetValue(_maxMegabytes) <= 0) r.AddError("--max-mb must be positive");
        });
        command.Options.Add(_allowPrivate);
        command.Options.Add(_timeout);
        command.Options.Add(_maxMegabytes);
        command.Options.Add(_maxRedirects);
    }

    public Dyad.Ingest.Web.FetchOptions Fetch(ParseResult parse) => new()
    {
        AllowPrivate = parse.GetValue(_allowPrivate),
        Timeout = TimeSpan.FromSeconds(parse.GetValue(_timeout)),
        MaxBytes = Bytes(parse),
        MaxRedirects = parse.GetValue(_maxRedirects),
    };

    public Dyad.Ingest.DocumentLoader Loader(ParseResult parse) =>
        parse.GetResult(_maxMegabytes) is null || parse.GetResult(_maxMegabytes)!.Implicit ? Dyad.Ingest.DocumentLoader.Default : new Dyad.Ingest.DocumentLoader(Bytes(parse));

    private long Bytes(ParseResult parse) => (long)(parse.GetValue(_maxMegabytes) * 1024 * 1024);
}
