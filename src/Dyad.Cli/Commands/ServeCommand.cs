using System.CommandLine;
using Dyad.Cli.Web;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary>`dyad serve [--db FILE | --pg CONNSTR] [--urls http://127.0.0.1:5080]`: the local web application, until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = new StoreOptionsCli();
        var urls = new Option<string>("--urls") { Description = "Where to listen; loopback addresses only (127.0.0.1, [::1], localhost).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Serve the store's dyads, briefs, timelines and documents as web pages on this machine, until stopped.") { urls };
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string[] addresses = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (LocalHosting.CheckLoopback(addresses, "the store is served on this machine only") is { } problem) throw new CliException(problem, 2);
            var location = store.Location(parse);
            // Fail now, with the store's own words, rather than on the first page.
            using (var probe = store.Open(parse, readOnly: true)) probe.Counts();
            await using var app = DyadWeb.Build(location, addresses);
            await LocalHosting.ServeUntilStopped(app, listing => $"Dyad at {listing} reading {location.Display} (Ctrl-C stops)",
                parse.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }
}
