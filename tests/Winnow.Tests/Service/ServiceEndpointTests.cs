using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Winnow.Service;
using Winnow.Service.Limits;
using Winnow.Tests.Cli;

namespace Winnow.Tests.Service;

/// <summary>Every endpoint of the service, and every error status it promises, on the ASP.NET test server.</summary>
public class ServiceEndpointTests
{
    static readonly byte[] SeedPage = File.ReadAllBytes(Path.Combine(TestData.Root, "seeds", "page.html"));
    const string SeedTitle = "White House Says US Won’t Push Ukraine to Negotiate with Russia";

    static ByteArrayContent Html(byte[] bytes, string contentType = "text/html; charset=utf-8")
    {
        var c = new ByteArrayContent(bytes);
        c.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return c;
    }

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    static async Task<JsonElement> Problem(HttpResponseMessage r, int status)
    {
        Assert.Equal(status, (int)r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal(status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("detail").GetString()));
        return doc.RootElement.Clone();
    }

    // ------------------------------------------------------------ success

    [Fact]
    public async Task PostHtmlReturnsTheArticleAsJson()
    {
        await using var host = new ServiceHost();
        var r = await host.Client.PostAsync("/v1/extract?url=https://scheerpost.com/story", Html(SeedPage));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal("winnow/1", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal(SeedTitle, doc.RootElement.GetProperty("title").GetString());
        Assert.Equal("https://scheerpost.com/story", doc.RootElement.GetProperty("url").GetString());
        Assert.Contains("John Kirby", doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostJsonWithHtmlAndUrl()
    {
        await using var host = new ServiceHost();
        var body = JsonSerializer.Serialize(new { html = Encoding.UTF8.GetString(SeedPage), url = "https://example.org/a" });
        var r = await host.Client.PostAsync("/v1/extract", Json(body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal(SeedTitle, doc.RootElement.GetProperty("title").GetString());
        Assert.Equal("https://example.org/a", doc.RootElement.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("?format=markdown", null, "text/markdown", "# White House")]
    [InlineData("?format=text", null, "text/plain", "White House Says")]
    [InlineData("?format=html", null, "text/html", "<h1>")]
    [InlineData("", "text/markdown", "text/markdown", "# White House")]
    [InlineData("", "text/plain, application/json;q=0.5", "text/plain", "White House Says")]
    [InlineData("", "*/*", "application/json", "\"schema\"")]
    public async Task FormatFromQueryOrAccept(string query, string? accept, string mediaType, string expected)
    {
        await using var host = new ServiceHost();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/extract" + query) { Content = Html(SeedPage) };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var r = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(mediaType, r.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OptionsReachTheExtractor()
    {
        await using var host = new ServiceHost();
        var page = Encoding.UTF8.GetBytes("<html><body><article><h1>T</h1><p>Intro with <a href=\"https://x.test/\">a link</a> in a sentence long enough to be a paragraph of the body.</p><p>Another paragraph of the article body that is long enough as well.</p></article></body></html>");
        var with = await (await host.Client.PostAsync("/v1/extract?format=markdown", Html(page))).Content.ReadAsStringAsync();
        var without = await (await host.Client.PostAsync("/v1/extract?format=markdown&links=false", Html(page))).Content.ReadAsStringAsync();
        Assert.Contains("](https://x.test/)", with);
        Assert.DoesNotContain("](https://x.test/)", without);
        Assert.Contains("a link", without);
    }

    [Fact]
    public async Task GetFetchesThePage()
    {
        using var server = new TinyHttpServer(_ => TinyResponse.Html(Encoding.UTF8.GetString(SeedPage)));
        await using var host = new ServiceHost(null, server.Port);
        var r = await host.Client.GetAsync("/v1/extract?format=text&url=" + Uri.EscapeDataString(server.Url("/story")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.StartsWith(SeedTitle, await r.Content.ReadAsStringAsync());
        Assert.Contains(server.Requests, q => q.Headers.TryGetValue("user-agent", out var ua) && ua.StartsWith("Winnow/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransientUpstreamFailureIsRetried()
    {
        int calls = 0;
        using var server = new TinyHttpServer(_ => Interlocked.Increment(ref calls) == 1
            ? new TinyResponse(503, "Service Unavailable", [])
            : TinyResponse.Html("<html><head><title>Back</title></head><body><h1>Back</h1><p>It works again after one failure.</p></body></html>"));
        await using var host = new ServiceHost(null, server.Port);
        var r = await host.Client.GetAsync("/v1/extract?url=" + Uri.EscapeDataString(server.Url("/")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task HealthMetricsOpenApiAndReaderPage()
    {
        await using var host = new ServiceHost();
        Assert.Equal("ok\n", await host.Client.GetStringAsync("/healthz"));
        await host.Client.PostAsync("/v1/extract", Html(SeedPage));
        await host.Client.PostAsync("/v1/extract", Json("{"));

        var metrics = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("winnow_requests_total{route=\"/v1/extract\",status=\"200\"} 1", metrics);
        Assert.Contains("winnow_requests_total{route=\"/v1/extract\",status=\"400\"} 1", metrics);
        Assert.Contains("winnow_pages_extracted_total 1", metrics);
        Assert.Contains("winnow_errors_total{kind=\"bad_request\"} 1", metrics);
        Assert.Contains("winnow_request_duration_seconds_count", metrics);

        using var openapi = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi.json"));
        Assert.StartsWith("3.", openapi.RootElement.GetProperty("openapi").GetString());
        var paths = openapi.RootElement.GetProperty("paths");
        foreach (var p in new[] { "/v1/extract", "/healthz", "/metrics", "/openapi.json", "/" }) Assert.True(paths.TryGetProperty(p, out _), p);
        var get = paths.GetProperty("/v1/extract").GetProperty("get").GetProperty("responses");
        foreach (var status in new[] { "200", "400", "403", "413", "422", "502", "503", "504" }) Assert.True(get.TryGetProperty(status, out _), status);

        var reader = await host.Client.GetAsync("/");
        Assert.Equal("text/html", reader.Content.Headers.ContentType?.MediaType);
        var html = await reader.Content.ReadAsStringAsync();
        Assert.Contains("<form", html);
        Assert.Contains("/v1/extract", html);
    }

    // ------------------------------------------------------------ errors

    [Theory]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("{\"url\":\"https://x.test/\"}")]
    [InlineData("{\"html\":42}")]
    [InlineData("{\"html\":\"<p>x</p>\",\"url\":7}")]
    public async Task MalformedJsonOrMissingFieldIs400(string body)
    {
        await using var host = new ServiceHost();
        await Problem(await host.Client.PostAsync("/v1/extract", Json(body)), 400);
    }

    [Fact]
    public async Task ForumRepliesOptionPutsTheRepliesInTheBody()
    {
        await using var host = new ServiceHost();
        var page = TestData.ReadCorpusHtml(Path.Combine(TestData.CorpusDir, "trafilatura", "reddit.com.init.html.gz"));
        foreach (var (query, inBody) in new[] { ("", false), ("?forum_replies=thread", false), ("?forum_replies=body", true) })
        {
            var r = await host.Client.PostAsync("/v1/extract" + query, Html(page));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
            Assert.Equal(inBody, doc.RootElement.GetProperty("text").GetString()!.Contains("I do similar things.", StringComparison.Ordinal));
            Assert.Equal(inBody, doc.RootElement.GetProperty("thread").GetArrayLength() == 0);
        }
    }

    [Theory]
    [InlineData("/v1/extract?format=pdf")]
    [InlineData("/v1/extract?focus=everything")]
    [InlineData("/v1/extract?comments=maybe")]
    [InlineData("/v1/extract?forum_replies=sideways")]
    public async Task BadOptionIs400(string path)
    {
        await using var host = new ServiceHost();
        await Problem(await host.Client.PostAsync(path, Html(SeedPage)), 400);
    }

    [Theory]
    [InlineData("/v1/extract")]
    [InlineData("/v1/extract?url=")]
    [InlineData("/v1/extract?url=not%20a%20url")]
    [InlineData("/v1/extract?url=ftp%3A%2F%2Fexample.org%2Ffile")]
    [InlineData("/v1/extract?url=file%3A%2F%2F%2Fetc%2Fpasswd")]
    public async Task GetWithoutAnHttpUrlIs400(string path)
    {
        await using var host = new ServiceHost();
        await Problem(await host.Client.GetAsync(path), 400);
    }

    [Fact]
    public async Task BodyOverTheLimitIs413WhetherDeclaredOrNot()
    {
        await using var host = new ServiceHost(ServiceOptions.Default with { MaxBodyBytes = 10_000 });
        await Problem(await host.Client.PostAsync("/v1/extract", Html(new byte[10_001])), 413);
        // no Content-Length (chunked): caught while reading
        var streamed = new StreamContent(new MemoryStream(new byte[50_000]));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/extract") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        await Problem(await host.Client.SendAsync(request), 413);
    }

    [Fact]
    public async Task FiftyMegabyteBodyIs413WithoutReadingItAll()
    {
        await using var host = new ServiceHost();
        var fifty = new CountingStream(50_000_000);
        var content = new StreamContent(fifty);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/extract") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await Problem(await host.Client.SendAsync(request), 413);
        // the cap is 20 MB: the service stopped reading soon after it (the test server buffers a little ahead)
        Assert.True(fifty.Served < 30_000_000, $"{fifty.Served:N0} bytes were read");
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task UnsupportedMediaTypeIs415(string contentType)
    {
        await using var host = new ServiceHost();
        await Problem(await host.Client.PostAsync("/v1/extract", Html([1, 2, 3], contentType)), 415);
    }

    [Fact]
    public async Task BinaryBytesAreNotHtml422()
    {
        await using var host = new ServiceHost();
        var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' };
        await Problem(await host.Client.PostAsync("/v1/extract", Html(png)), 422);
    }

    [Fact]
    public async Task UpstreamErrorOrUnreachableIs502()
    {
        using var server = new TinyHttpServer(_ => new TinyResponse(404, "Not Found", []));
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var host = new ServiceHost(ServiceOptions.Default with { FetchRetries = 0 }, server.Port, closedPort);
        await Problem(await host.Client.GetAsync("/v1/extract?url=" + Uri.EscapeDataString(server.Url("/missing"))), 502);
        await Problem(await host.Client.GetAsync($"/v1/extract?url=http%3A%2F%2F127.0.0.1%3A{closedPort}%2F"), 502);
    }

    [Fact]
    public async Task SlowUpstreamIs504()
    {
        using var server = new TinyHttpServer(_ => TinyResponse.Html("<p>late</p>") with { Delay = TimeSpan.FromSeconds(5) });
        await using var host = new ServiceHost(ServiceOptions.Default with { FetchTimeout = TimeSpan.FromMilliseconds(300) }, server.Port);
        var e = await Problem(await host.Client.GetAsync("/v1/extract?url=" + Uri.EscapeDataString(server.Url("/"))), 504);
        Assert.Contains("took longer", e.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ExtractionOverItsBudgetIs504()
    {
        await using var host = new ServiceHost(ServiceOptions.Default with { ExtractionTimeout = TimeSpan.FromTicks(1) });
        await Problem(await host.Client.PostAsync("/v1/extract", Html(SeedPage)), 504);
    }

    [Fact]
    public async Task FullQueueIs503WithRetryAfter()
    {
        await using var host = new ServiceHost(ServiceOptions.Default with { MaxConcurrentExtractions = 1, MaxQueuedExtractions = 0 });
        var gate = host.App.Services.GetRequiredService<ExtractionGate>();
        using (var held = await gate.EnterAsync(CancellationToken.None))
        {
            Assert.NotNull(held);
            var r = await host.Client.PostAsync("/v1/extract", Html(SeedPage));
            await Problem(r, 503);
            Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("/v1/extract", Html(SeedPage))).StatusCode);
    }

    /// <summary>A stream of zeros that counts what was read from it.</summary>
    sealed class CountingStream(long length) : Stream
    {
        public long Served { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Served);
            Array.Clear(buffer, offset, n);
            Served += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
