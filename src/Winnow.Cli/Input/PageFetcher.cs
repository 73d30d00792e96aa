using System.Net;
using System.Reflection;

namespace Winnow.Cli.Input;

/// <summary>A page fetched over HTTP.</summary>
/// <param name="Bytes">The body, decompressed (gzip, deflate, brotli), as served.</param>
/// <param name="FinalUrl">The URL after redirects: the page's URL.</param>
/// <param name="ContentType">The response's <c>Content-Type</c> header, charset included, or null.</param>
public sealed record FetchedPage(byte[] Bytes, Uri FinalUrl, string? ContentType);

/// <summary>Fetches one page over http(s) with a time limit and a size cap.</summary>
public static class PageFetcher
{
    /// <summary>The User-Agent sent: <c>Winnow/&lt;version&gt;</c>.</summary>
    public static string UserAgent { get; } = $"Winnow/{CliVersion.Value}";

    // 20 redirects: the limit of Chromium and Firefox (network.http.redirection-limit); .NET's default is 50.
    const int MaxRedirects = 20;

    /// <summary>Fetches <paramref name="url"/>.</summary>
    /// <exception cref="CliException">
    /// DNS, connection, TLS or HTTP ≥ 400 failure (<see cref="ExitCodes.FetchFailed"/>), a binary Content-Type
    /// (<see cref="ExitCodes.NotHtml"/>), a body over <paramref name="maxBytes"/> (<see cref="ExitCodes.TooLarge"/>),
    /// the time limit reached (<see cref="ExitCodes.Timeout"/>).
    /// </exception>
    public static async Task<FetchedPage> FetchAsync(Uri url, TimeSpan timeout, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            UseCookies = true,
        };
        // The time limit covers the whole fetch, body included, so it is a token, not HttpClient.Timeout
        // (which stops counting once the headers are in when reading with ResponseHeadersRead).
        using var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        using var timer = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var token = linked.Token;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(UserAgent);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            var status = (int)response.StatusCode;
            if (status >= 400)
                throw new CliException(ExitCodes.FetchFailed, $"fetching {finalUrl} failed: HTTP {status} {response.ReasonPhrase}".TrimEnd() + ".");
            if (status >= 300)
                throw new CliException(ExitCodes.FetchFailed, $"fetching {url} failed: HTTP {status} {response.ReasonPhrase} at {finalUrl} (a redirect without a usable Location, or more than {MaxRedirects} redirects).");

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (BinarySniffer.DescribeMediaType(mediaType) is { } what)
                throw new CliException(ExitCodes.NotHtml, $"{finalUrl} is {what} (Content-Type: {mediaType}), not an HTML page.");
            if (response.Content.Headers.ContentLength is long declared && declared > maxBytes)
                throw new CliException(ExitCodes.TooLarge, $"{finalUrl} is {declared:N0} bytes (Content-Length), over the limit of {maxBytes:N0} bytes (ExtractionOptions.MaxInputBytes).");

            await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            var bytes = await ReadCappedAsync(body, finalUrl, maxBytes, token).ConfigureAwait(false);
            return new FetchedPage(bytes, finalUrl, response.Content.Headers.ContentType?.ToString());
        }
        catch (OperationCanceledException e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Timeout, $"fetching {url} took longer than the limit of {timeout.TotalSeconds:0.#} s (--timeout).", e);
        }
        catch (HttpRequestException e)
        {
            throw new CliException(ExitCodes.FetchFailed, $"cannot fetch {url}: {Describe(e)}", e);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.FetchFailed, $"cannot fetch {url}: the connection failed while reading the response ({e.Message}).", e);
        }
    }

    static string Describe(HttpRequestException e)
    {
        var kind = e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved (DNS)",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.SecureConnectionError => "the TLS connection failed",
            HttpRequestError.ResponseEnded => "the server closed the connection early",
            HttpRequestError.InvalidResponse => "the server sent an invalid HTTP response",
            HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
            _ => "the request failed",
        };
        // The innermost message is the specific one (e.g. "Connection refused (127.0.0.1:9)").
        var inner = e.InnerException?.Message ?? e.Message;
        return $"{kind}: {inner}";
    }

    static async Task<byte[]> ReadCappedAsync(Stream body, Uri url, long maxBytes, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        // 81,920 bytes: Stream.CopyTo's default buffer size, the largest that stays off the large-object heap.
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw PageReader.TooLarge(url.ToString(), maxBytes);
        }
        return buffer.ToArray();
    }
}

/// <summary>The CLI's version, as in the project file (without the source-revision suffix).</summary>
public static class CliVersion
{
    public static string Value { get; } = Read();

    static string Read()
    {
        var assembly = typeof(CliVersion).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+');
            return plus >= 0 ? informational[..plus] : informational;
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
