using System.IO.Compression;
using System.Text.Json;
using Winnow.Cli;

namespace Winnow.Tests.Cli;

public class ExtractCommandTests
{
    [Fact]
    public async Task ExtractOfTheSeedPagePrintsItsTitle()
    {
        var run = await CliRunner.RunAsync("extract", RepoPaths.SeedPage);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("json")]
    public async Task EachFormatPrintsTheArticle(string format)
    {
        var run = await CliRunner.RunAsync("extract", RepoPaths.SeedPage, "--format", format);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.EndsWith("\n", run.Stdout);
        // ASCII-only part of the title: an HTML or JSON renderer may escape the apostrophe.
        Assert.Contains("Push Ukraine to Negotiate with Russia", run.Stdout);
        Assert.Contains("The US hasn", run.Stdout); // the standfirst / first words of the story
        switch (format)
        {
            case "json":
                using (var json = JsonDocument.Parse(run.Stdout))
                    Assert.Contains(Strings(json.RootElement), s => s.Contains(RepoPaths.SeedTitle));
                break;
            case "html":
                Assert.Contains("<", run.Stdout);
                Assert.Contains("</", run.Stdout);
                break;
            case "markdown":
                Assert.Contains("# ", run.Stdout);
                break;
        }
    }

    static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task FormatAliasAndAllContentFlagsAreAccepted()
    {
        var run = await CliRunner.RunAsync("extract", RepoPaths.SeedPage, "-f", "markdown", "--focus", "precision",
            "--no-comments", "--no-tables", "--no-images", "--no-links", "--timeout", "5", "--url", "https://example.org/a/b.html");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
    }

    [Fact]
    public async Task NoMetadataGivesTheBodyWithoutTitleOrAuthors()
    {
        var full = await CliRunner.RunAsync("extract", RepoPaths.SeedPage, "-f", "json");
        var bare = await CliRunner.RunAsync("extract", RepoPaths.SeedPage, "-f", "json", "--no-metadata");
        Assert.True(bare.ExitCode == ExitCodes.Ok, bare.ToString());
        using var f = JsonDocument.Parse(full.Stdout);
        using var b = JsonDocument.Parse(bare.Stdout);
        Assert.Equal(RepoPaths.SeedTitle, f.RootElement.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, b.RootElement.GetProperty("title").ValueKind);
        Assert.Equal(f.RootElement.GetProperty("text").GetString(), b.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ForumRepliesGoToTheThreadOrTheBody()
    {
        var page = Path.Combine(TestData.CorpusDir, "trafilatura", "reddit.com.init.html.gz");
        const string Reply = "I do similar things.";
        foreach (var (mode, inBody) in new[] { ("thread", false), ("body", true) })
        {
            var run = await CliRunner.RunAsync("extract", page, "-f", "json", "--forum-replies", mode);
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            using var doc = JsonDocument.Parse(run.Stdout);
            Assert.Equal("forum", doc.RootElement.GetProperty("page_type").GetString());
            Assert.Equal(inBody, doc.RootElement.GetProperty("text").GetString()!.Contains(Reply, StringComparison.Ordinal));
            Assert.Equal(inBody ? 0 : 19, doc.RootElement.GetProperty("thread").GetArrayLength());
        }
        var bad = await CliRunner.RunAsync("extract", page, "--forum-replies", "sideways");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
    }

    [Fact]
    public async Task StdinDashReadsThePageAsBytes()
    {
        var run = await CliRunner.RunAsync(File.ReadAllBytes(RepoPaths.SeedPage), "extract", "-");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
    }

    [Fact]
    public async Task StdinMayBeGzipped()
    {
        var run = await CliRunner.RunAsync(Bytes.Gzip(File.ReadAllBytes(RepoPaths.SeedPage)), "extract", "-");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
    }

    [Fact]
    public async Task GzippedFileIsDecompressed()
    {
        using var dir = new TempDir();
        var path = dir.File("page.html.gz");
        File.WriteAllBytes(path, Bytes.Gzip(File.ReadAllBytes(RepoPaths.SeedPage)));
        var run = await CliRunner.RunAsync("extract", path);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(RepoPaths.SeedTitle, run.Stdout);
    }

    [Fact]
    public async Task MissingFileExits3NamingTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("no-such-page.html");
        var run = await CliRunner.RunAsync("extract", path);
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains(path, run.Stderr);
        Assert.Contains("no such file", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr); // no stack trace
    }

    [Fact]
    public async Task DirectoryInsteadOfFileExits3()
    {
        using var dir = new TempDir();
        var run = await CliRunner.RunAsync("extract", dir.Path);
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("directory", run.Stderr);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbled")]
    public async Task CorruptGzipExits3(string damage)
    {
        using var dir = new TempDir();
        var path = dir.File("broken.html.gz");
        var gz = Bytes.Gzip(File.ReadAllBytes(RepoPaths.SeedPage));
        if (damage == "truncated") gz = gz.AsSpan(0, gz.Length / 2).ToArray();
        else for (var i = 20; i < 40; i++) gz[i] ^= 0x5A; // inside the first deflate block
        File.WriteAllBytes(path, gz);
        var run = await CliRunner.RunAsync("extract", path);
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("gzip", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task PngFileExits4()
    {
        using var dir = new TempDir();
        var path = dir.File("picture.html"); // the name says HTML; the bytes say PNG
        File.WriteAllBytes(path, Bytes.Png);
        var run = await CliRunner.RunAsync("extract", path);
        Assert.Equal(ExitCodes.NotHtml, run.ExitCode);
        Assert.Contains("PNG", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task PdfOnStdinExits4()
    {
        var run = await CliRunner.RunAsync(Bytes.Utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"), "extract", "-");
        Assert.Equal(ExitCodes.NotHtml, run.ExitCode);
        Assert.Contains("PDF", run.Stderr);
    }

    [Fact]
    public async Task GzipThatInflatesPastTheLimitExits6()
    {
        using var dir = new TempDir();
        var path = dir.File("bomb.html.gz");
        // One byte more than ExtractionOptions.MaxInputBytes once inflated; about 65 KB on disk.
        var limit = ExtractionOptions.Default.MaxInputBytes;
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written <= limit; written += chunk.Length)
                gzip.Write(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - written));
        }
        Assert.True(new FileInfo(path).Length < limit / 100);
        var run = await CliRunner.RunAsync("extract", path);
        Assert.Equal(ExitCodes.TooLarge, run.ExitCode);
        Assert.Contains("limit", run.Stderr);
    }
}
