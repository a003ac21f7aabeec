using System.CommandLine;
using Dyad.Cli.Web;
using Dyad.Scale;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Dyad.Cli.Commands;

/// <summary>`dyad dashboard --pg CONNSTR [--urls http://127.0.0.1:5081]`: the job engine's web dashboard, on loopback only.</summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var pg = StoreOptionsCli.PgOnly();
        var urls = new Option<string>("--urls") { Description = "Where to listen; loopback addresses only (127.0.0.1, [::1], localhost).", DefaultValueFactory = _ => "http://127.0.0.1:5081" };
        var command = new Command("dashboard", "Serve the job engine's dashboard for a shared store's coding queue, on this machine only, until stopped.") { pg, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string connection = StoreOptionsCli.Postgres(parse.GetValue(pg), "dyad dashboard");
            string[] addresses = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (Check(addresses) is { } problem) throw new CliException(problem);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(addresses);
            var storage = CodingEngine.Storage(connection);
            builder.Services.AddHangfire(c => c.UseStorage(storage));
            await using var app = builder.Build();
            LocalHosting.RefuseOtherHosts(app, addresses);
            // The default authorization admits local requests only; binding to loopback keeps it that way.
            app.UseHangfireDashboard("", new DashboardOptions { DashboardTitle = "Dyad coding queue" }, storage);
            await LocalHosting.ServeUntilStopped(app, listing => $"dashboard at {listing} (Ctrl-C stops)", parse.InvocationConfiguration.Output, cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Null when every address is an http(s) URL on a loopback host; otherwise why not.</summary>
    internal static string? Check(IReadOnlyList<string> addresses) =>
        LocalHosting.CheckLoopback(addresses, "the dashboard can change jobs and is served on this machine only");
}
