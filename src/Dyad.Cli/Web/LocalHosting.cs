using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dyad.Cli.Web;

/// <summary>What the commands that serve pages on this machine share: loopback-only addresses and serving until Ctrl-C.</summary>
internal static class LocalHosting
{
    /// <summary>The addresses as a reader would type them, with a closing slash.</summary>
    internal static string Listing(IEnumerable<string> addresses) => string.Join(", ", addresses.Select(a => a.TrimEnd('/') + "/"));

    /// <summary>Starts <paramref name="app"/>, says where it is, and serves until the command is cancelled (Ctrl-C) or the process is told to stop (SIGTERM).</summary>
    /// <remarks>
    /// <paramref name="message"/> is given the addresses as bound, so a port 0 shows as the port the system chose;
    /// an address that cannot be bound (in use, not on this machine) ends the command with one line.
    /// </remarks>
    internal static async Task ServeUntilStopped(WebApplication app, Func<string, string> message, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            var configured = (app.Configuration[Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
            throw new CliException($"cannot listen on {Listing(configured)}: {(ex.InnerException ?? ex).Message}");
        }
        output.WriteLine(message(Listing(app.Urls)));
        // Ctrl-C reaches the command's token; SIGTERM is taken by the host, which then stops the application.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: stop serving.
        }
        await app.StopAsync(CancellationToken.None);
    }

    /// <summary>
    /// Answers only requests whose Host names this machine: localhost, a loopback address, or a host named in
    /// <paramref name="addresses"/>. Any other name is refused (421), so a page that rebinds its own name to
    /// 127.0.0.1 cannot read what is served here through the user's browser.
    /// </summary>
    internal static void RefuseOtherHosts(WebApplication app, IEnumerable<string> addresses)
    {
        var named = addresses.Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri.Host.Trim('[', ']') : null)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.Use(async (context, next) =>
        {
            string host = context.Request.Host.Host.Trim('[', ']');
            bool local = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || named.Contains(host)
                || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            if (!local)
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("this server answers requests for localhost and loopback addresses only\n");
                return;
            }
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
    }

    /// <summary>Null when every address is an http(s) URL on a loopback host; otherwise why not, with <paramref name="why"/>.</summary>
    internal static string? CheckLoopback(IReadOnlyList<string> addresses, string why)
    {
        if (addresses.Count == 0) return "--urls: give at least one address, e.g. http://127.0.0.1:5081";
        foreach (var address in addresses)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return $"--urls: {address} is not an http:// or https:// address";
            }
            if (uri.Scheme == Uri.UriSchemeHttps) return $"--urls: {address}: https needs a server certificate, which is not set up here; use http:// on a loopback address";
            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                return $"--urls: {address} has more than a scheme, host and port (e.g. http://127.0.0.1:5080)";
            }
            bool parsed = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip);
            if (parsed && ip!.IsIPv4MappedToIPv6) return $"--urls: {address} is an IPv4 address written as IPv6, which cannot be listened on; use 127.0.0.1 or [::1]";
            bool loopback = uri.Host == "localhost" || (parsed && IPAddress.IsLoopback(ip!));
            if (!loopback) return $"--urls: {address} is not a loopback address; {why} (127.0.0.1, [::1] or localhost)";
        }
        return null;
    }
}
