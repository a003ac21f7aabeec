using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Dyad.Ingest.Web;

/// <summary>Limits for fetching one URL.</summary>
public sealed record FetchOptions
{
    /// <summary>Allow loopback, private, link-local and other non-public addresses (off by default).</summary>
    public bool AllowPrivate { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    public static FetchOptions Default { get; } = new();
}

/// <summary>What a fetch brought back: the body and where it finally came from, or why there is none.</summary>
public sealed record FetchResult(byte[]? Body, Uri Url, string? MediaType, string? Error)
{
    public bool Succeeded => Body is not null;
}

/// <summary>
/// Fetches http(s) URLs within limits: a timeout for the whole fetch, a size limit checked on the
/// declared length and while reading, at most <see cref="FetchOptions.MaxRedirects"/> redirects
/// (each one checked again), and no connection to a loopback, private, link-local, multicast or
/// reserved address — checked on the addresses the host name resolves to, at connection time, so
/// neither a redirect nor a DNS answer can lead there — unless <see cref="FetchOptions.AllowPrivate"/>.
/// Thread-safe; build one and reuse it.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FetchOptions _options;

    public WebFetcher(FetchOptions? options = null)
    {
        _options = options ?? FetchOptions.Default;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = _options.Timeout,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Dyad", "1.0"));
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5");
    }

    public FetchOptions Options => _options;

    public void Dispose() => _client.Dispose();

    /// <summary>Whether <paramref name="url"/> is an absolute http or https URL.</summary>
    public static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var current = url;
        try
        {
            for (int redirects = 0; ; redirects++)
            {
                if (current.Scheme is not ("http" or "https")) return Fail(current, $"only http and https URLs are read, not {current.Scheme}");
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (redirects >= _options.MaxRedirects) return Fail(current, $"more than {_options.MaxRedirects} redirects");
                    if (response.Headers.Location is not { } location) return Fail(current, $"redirect ({status}) without a location");
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (status is < 200 or > 299) return Fail(current, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
                if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxBytes)
                {
                    return Fail(current, $"response is {Megabytes(declared)}, larger than the {Megabytes(_options.MaxBytes)} limit");
                }
                var body = await ReadLimitedAsync(response.Content, timeout.Token).ConfigureAwait(false);
                if (body is null) return Fail(current, $"response is larger than the {Megabytes(_options.MaxBytes)} limit");
                return new FetchResult(body, current, response.Content.Headers.ContentType?.MediaType, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(current, $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (FindBlocked(ex) is { } blocked)
        {
            return Fail(current, blocked.Message);
        }
        catch (HttpRequestException ex)
        {
            return Fail(current, $"cannot be fetched: {ex.Message}");
        }
    }

    private static BlockedAddressException? FindBlocked(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BlockedAddressException blocked) return blocked;
        }
        return null;
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        IPAddress[] addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0) throw new HttpRequestException($"{endpoint.Host} has no address");
        if (!_options.AllowPrivate)
        {
            foreach (var address in addresses)
            {
                if (AddressPolicy.IsNonPublic(address))
                {
                    throw new BlockedAddressException($"refused: {endpoint.Host} resolves to {address}, a {AddressPolicy.Describe(address)} address (use --allow-private to read it)");
                }
            }
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connect to the addresses just checked, not to a fresh resolution of the name.
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static FetchResult Fail(Uri url, string error) => new(null, url, null, error);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}

/// <summary>A connection refused because the address is not public.</summary>
internal sealed class BlockedAddressException(string message) : Exception(message);

/// <summary>Which IP addresses are not on the public internet.</summary>
public static class AddressPolicy
{
    public static bool IsNonPublic(IPAddress address) => Describe(address) != "public";

    public static string Describe(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return "loopback";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            byte[] b = address.GetAddressBytes();
            return (b[0], b[1]) switch
            {
                (0, _) => "unspecified",
                (10, _) => "private",
                (100, >= 64 and <= 127) => "shared (carrier-grade NAT)",
                (169, 254) => "link-local",
                (172, >= 16 and <= 31) => "private",
                (192, 168) => "private",
                (192, 0) when b[2] == 0 => "reserved",
                (198, 18 or 19) => "benchmarking",
                ( >= 224 and <= 239, _) => "multicast",
                ( >= 240, _) => "reserved",
                _ => "public",
            };
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return "unspecified";
            if (address.IsIPv6LinkLocal) return "link-local";
            if (address.IsIPv6SiteLocal) return "site-local";
            if (address.IsIPv6UniqueLocal) return "private";
            if (address.IsIPv6Multicast) return "multicast";
            byte[] b = address.GetAddressBytes();
            // NAT64 (64:ff9b::/96) embeds an IPv4 address: judge that one.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return Describe(new IPAddress(b[12..16]));
            return "public";
        }
        return "reserved";
    }
}
