using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dyad.Tests.Web;

/// <summary>
/// A small HTTP server on 127.0.0.1 for tests: each path answers with a fixed status, content type,
/// body and headers, optionally after a delay. Started by the test, stopped on dispose.
/// </summary>
internal sealed class LocalWebServer : IDisposable
{
    public sealed record Route(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalWebServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public LocalWebServer Add(string path, string contentType, string body, TimeSpan delay = default) =>
        Add(path, new Route(200, contentType, Encoding.UTF8.GetBytes(body), null, delay));

    public LocalWebServer Redirect(string path, string location) =>
        Add(path, new Route(302, "text/plain", [], new Dictionary<string, string> { ["Location"] = location }));

    public LocalWebServer Add(string path, Route route)
    {
        lock (_routes) _routes[path] = route;
        return this;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Route? route;
        lock (_routes) _routes.TryGetValue(context.Request.Url!.PathAndQuery, out route);
        route ??= new Route(404, "text/plain", "not found"u8.ToArray());
        try
        {
            if (route.Delay > TimeSpan.Zero) await Task.Delay(route.Delay, _stop.Token);
            context.Response.StatusCode = route.Status;
            context.Response.ContentType = route.ContentType;
            foreach (var (name, value) in route.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            context.Response.ContentLength64 = route.Body.Length;
            await context.Response.OutputStream.WriteAsync(route.Body, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away or the server is stopping.
        }
    }

    internal static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Stopping.
        }
        _stop.Dispose();
    }
}
