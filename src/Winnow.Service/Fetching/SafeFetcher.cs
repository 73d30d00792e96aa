using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using Polly;
using Polly.Retry;

namespace Winnow.Service.Fetching;

/// <summary>A page fetched by the service.</summary>
/// <param name="Bytes">The body, decompressed (gzip, deflate, brotli).</param>
/// <param name="FinalUrl">The URL after redirects.</param>
/// <param name="ContentType">The response's Content-Type (its charset is the decoder's hint), or null.</param>
public sealed record FetchedPage(byte[] Bytes, Uri FinalUrl, string? ContentType);

/// <summary>The upstream server could not be reached or answered with an error.</summary>
public sealed class FetchFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The fetch did not finish within its time budget.</summary>
public sealed class FetchTimeoutException(string message) : Exception(message);

/// <summary>The URL is not one the service fetches (not http/https, no host).</summary>
public sealed class BadTargetException(string message) : Exception(message);

/// <summary>
/// Fetches pages for the service, safely: every connection's resolved address must pass the
/// <see cref="AddressGuard"/> (checked in the socket connect callback, so DNS tricks and every
/// redirect hop are covered), redirects are followed by hand up to a limit (each target's scheme
/// checked), connect and total time limits, a body size cap, gzip/deflate/brotli, transient
/// failures retried with Polly. One instance serves all requests (thread-safe, pooled connections).
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    /// <summary>The User-Agent sent: <c>Winnow/&lt;version&gt; (+service)</c>.</summary>
    public static string UserAgent { get; } =
        $"Winnow/{typeof(SafeFetcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"}";

    readonly ServiceOptions _options;
    readonly HttpClient _client;
    readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public SafeFetcher(ServiceOptions options) : this(options, null) { }

    /// <param name="options">The service's settings.</param>
    /// <param name="allow">Which endpoints may be connected to; default: public addresses only, or any with <see cref="ServiceOptions.AllowPrivateTargets"/>.</param>
    internal SafeFetcher(ServiceOptions options, Func<IPEndPoint, bool>? allow)
    {
        _options = options;
        allow ??= options.AllowPrivateTargets ? _ => true : ep => AddressGuard.IsPublic(ep.Address);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.FetchConnectTimeout,
            // re-resolve names now and then: a pooled connection must not outlive a DNS change for long
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            UseCookies = false,
            ConnectCallback = (context, token) => ConnectAsync(context, allow, token),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        // Polly refuses a retry strategy of zero attempts: no retries is simply no strategy
        if (options.FetchRetries > 0) pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.FetchRetries,
                // 200 ms, then 400 ms: a restarting upstream or a dropped connection recovers in that time;
                // longer waits would eat the fetch budget of a client waiting for an answer
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>(e => !IsForbidden(e))
                    .HandleResult(r => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
            });
        _retry = pipeline.Build();
    }

    static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, Func<IPEndPoint, bool> allow, CancellationToken token)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, token).ConfigureAwait(false);
        var allowed = addresses.Where(a => allow(new IPEndPoint(a, context.DnsEndPoint.Port))).ToArray();
        if (allowed.Length == 0)
            throw new ForbiddenTargetException(addresses.Length == 0
                ? $"'{host}' does not resolve to any address."
                : $"'{host}' resolves to {addresses[0]}, which is not a public address; the service does not fetch loopback, private, link-local or metadata addresses.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static bool IsForbidden(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is ForbiddenTargetException) return true;
        return false;
    }

    /// <summary>Fetches <paramref name="url"/>, following redirects.</summary>
    /// <exception cref="BadTargetException">Not an http(s) URL.</exception>
    /// <exception cref="ForbiddenTargetException">The target (or a redirect's) is not a public address.</exception>
    /// <exception cref="FetchFailedException">DNS, connection, TLS failure, HTTP ≥ 400, too many redirects.</exception>
    /// <exception cref="FetchTimeoutException">The fetch budget ran out.</exception>
    /// <exception cref="PageTooLargeException">The body is over <see cref="ServiceOptions.MaxBodyBytes"/>.</exception>
    public async Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(_options.FetchTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var token = linked.Token;
        var current = url;
        try
        {
            for (int hop = 0; ; hop++)
            {
                CheckScheme(current);
                using var response = await _retry.ExecuteAsync(async t =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, current);
                    request.Headers.UserAgent.ParseAdd(UserAgent);
                    request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
                    return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, t).ConfigureAwait(false);
                }, token).ConfigureAwait(false);

                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                        throw new FetchFailedException($"{current} answered HTTP {status} without a Location.");
                    if (hop >= _options.MaxRedirects)
                        throw new FetchFailedException($"{url} redirected more than {_options.MaxRedirects} times.");
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (status >= 400)
                    throw new FetchFailedException($"{current} answered HTTP {status} {response.ReasonPhrase}".TrimEnd() + ".");
                var bytes = await ReadCappedAsync(response.Content, current, token).ConfigureAwait(false);
                return new FetchedPage(bytes, current, response.Content.Headers.ContentType?.ToString());
            }
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchTimeoutException($"fetching {url} took longer than {_options.FetchTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e) when (IsForbidden(e))
        {
            throw new ForbiddenTargetException($"refused to fetch {current}: {Innermost<ForbiddenTargetException>(e)!.Message}");
        }
        catch (HttpRequestException e)
        {
            throw new FetchFailedException($"fetching {current} failed: {e.Message}", e);
        }
    }

    static T? Innermost<T>(Exception e) where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is T t) return t;
        return null;
    }

    static void CheckScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
            throw new BadTargetException($"'{url}' is not an http or https URL.");
    }

    async Task<byte[]> ReadCappedAsync(HttpContent content, Uri url, CancellationToken token)
    {
        var cap = _options.MaxBodyBytes;
        if (content.Headers.ContentLength is long declared && declared > cap) throw new PageTooLargeException(declared, cap);
        await using var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap) throw new PageTooLargeException(buffer.Length + read, cap);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
