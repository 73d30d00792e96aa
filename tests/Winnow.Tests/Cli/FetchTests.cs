using System.Net;
using System.Net.Sockets;
using Winnow.Cli;
using Winnow.Cli.Input;

namespace Winnow.Tests.Cli;

/// <summary>URL fetching, against a server on 127.0.0.1 started by each test (no network).</summary>
public class FetchTests
{
    static readonly string SeedHtml = File.ReadAllText(RepoPaths.SeedPage);

    [Fact]
    public async Task FetchesAPageAndSendsAWinnowUserAgent()
    {
        using var server = new TinyHttpServer(_ => TinyResponse.Html(SeedHtml));
        var run = await CliRunner.RunAsync("extract", server.Url("/story.html"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/story.html", request.Path);
        Assert.StartsWith("Winnow/", request.Headers["User-Agent"]);
        Assert.Contains("gzip", request.Headers["Accept-Encoding"]);
        Assert.Contains("br", request.Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task GzipContentEncodingIsDecompressed()
    {
        using var server = new TinyHttpServer(_ => new TinyResponse(200, "OK", Bytes.Gzip(Bytes.Utf8(SeedHtml)),
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]));
        var run = await CliRunner.RunAsync("extract", server.Url("/"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
    }

    [Fact]
    public async Task FollowsRedirectsAndReportsTheFinalUrlAndContentType()
    {
        // The page is served in windows-1252 and says so only in the header: the charset must reach the decoder.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var legacyBytes = System.Text.Encoding.GetEncoding(1252).GetBytes(SeedHtml);
        using var server = new TinyHttpServer(r => r.Path == "/old"
            ? new TinyResponse(301, "Moved Permanently", [], [("Location", "/new/page.html")])
            : new TinyResponse(200, "OK", legacyBytes, [("Content-Type", "text/html; charset=windows-1252")]));
        var page = await PageFetcher.FetchAsync(new Uri(server.Url("/old")), TimeSpan.FromSeconds(10), ExtractionOptions.Default.MaxInputBytes);
        Assert.Equal(server.Url("/new/page.html"), page.FinalUrl.AbsoluteUri);
        Assert.Equal("text/html; charset=windows-1252", page.ContentType);
        Assert.Equal(legacyBytes, page.Bytes);
        Assert.Equal(["/old", "/new/page.html"], server.Requests.Select(r => r.Path));

        var run = await CliRunner.RunAsync("extract", server.Url("/old"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
    }

    [Fact]
    public async Task Http404Exits5WithTheStatus()
    {
        using var server = new TinyHttpServer(_ => new TinyResponse(404, "Not Found", Bytes.Utf8("<h1>Not here</h1>"), [("Content-Type", "text/html")]));
        var run = await CliRunner.RunAsync("extract", server.Url("/missing"));
        Assert.Equal(ExitCodes.FetchFailed, run.ExitCode);
        Assert.Contains("404", run.Stderr);
        Assert.Contains(server.Url("/missing"), run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Http500Exits5()
    {
        using var server = new TinyHttpServer(_ => new TinyResponse(500, "Internal Server Error", []));
        var run = await CliRunner.RunAsync("extract", server.Url("/"));
        Assert.Equal(ExitCodes.FetchFailed, run.ExitCode);
        Assert.Contains("500", run.Stderr);
    }

    [Fact]
    public async Task ConnectionRefusedExits5()
    {
        // A port that was just free: bind, read it, release it; nothing listens there now.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var run = await CliRunner.RunAsync("extract", $"http://127.0.0.1:{port}/page.html");
        Assert.Equal(ExitCodes.FetchFailed, run.ExitCode);
        Assert.Contains("connection", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Theory]
    [InlineData("image/png", true)]
    [InlineData("application/pdf", false)]
    public async Task BinaryContentTypeExits4(string contentType, bool pngBody)
    {
        var body = pngBody ? Bytes.Png : Bytes.Utf8("%PDF-1.4\n");
        using var server = new TinyHttpServer(_ => new TinyResponse(200, "OK", body, [("Content-Type", contentType)]));
        var run = await CliRunner.RunAsync("extract", server.Url("/file"));
        Assert.Equal(ExitCodes.NotHtml, run.ExitCode);
        Assert.Contains(contentType, run.Stderr);
    }

    [Fact]
    public async Task PngServedAsOctetStreamExits4()
    {
        using var server = new TinyHttpServer(_ => new TinyResponse(200, "OK", Bytes.Png, [("Content-Type", "application/octet-stream")]));
        var run = await CliRunner.RunAsync("extract", server.Url("/file"));
        Assert.Equal(ExitCodes.NotHtml, run.ExitCode);
        Assert.Contains("PNG", run.Stderr);
    }

    [Fact]
    public async Task DeclaredLengthOverTheLimitExits6()
    {
        var tooMany = (ExtractionOptions.Default.MaxInputBytes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The server announces the length and sends nothing: the client must refuse on the header alone.
        using var server = new TinyHttpServer(_ => new TinyResponse(200, "OK", [], [("Content-Type", "text/html"), ("Content-Length", tooMany)]));
        var run = await CliRunner.RunAsync("extract", server.Url("/huge"));
        Assert.Equal(ExitCodes.TooLarge, run.ExitCode);
        Assert.Contains("limit", run.Stderr);
    }

    [Fact]
    public async Task BodyOverTheLimitIsCutOff()
    {
        var body = new byte[4096];
        Array.Fill(body, (byte)'a');
        using var server = new TinyHttpServer(_ => new TinyResponse(200, "OK", body, [("Content-Type", "text/html")]));
        var e = await Assert.ThrowsAsync<CliException>(() =>
            PageFetcher.FetchAsync(new Uri(server.Url("/")), TimeSpan.FromSeconds(10), maxBytes: 1000));
        Assert.Equal(ExitCodes.TooLarge, e.ExitCode);
    }

    [Fact]
    public async Task SlowServerExits7()
    {
        using var server = new TinyHttpServer(_ => TinyResponse.Html(SeedHtml) with { Delay = TimeSpan.FromSeconds(10) });
        var run = await CliRunner.RunAsync("extract", server.Url("/slow"), "--timeout", "0.5");
        Assert.Equal(ExitCodes.Timeout, run.ExitCode);
        Assert.Contains("0.5 s", run.Stderr);
    }

    [Fact]
    public async Task UrlOptionOverridesTheFetchedUrl()
    {
        using var server = new TinyHttpServer(_ => TinyResponse.Html(SeedHtml));
        var run = await CliRunner.RunAsync("extract", server.Url("/"), "--url", "https://example.org/story");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
    }
}
