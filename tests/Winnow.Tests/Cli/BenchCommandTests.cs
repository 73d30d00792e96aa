using Winnow.Cli;
using Winnow.Cli.Bench;

namespace Winnow.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public async Task BenchOnTwoPagesPrintsBothRatesAndTheRatio()
    {
        using var dir = new TempDir();
        File.Copy(RepoPaths.SeedPage, dir.File("one.html"));
        Directory.CreateDirectory(dir.File("sub"));
        File.WriteAllBytes(Path.Combine(dir.File("sub"), "two.html.gz"),
            Bytes.Gzip(Bytes.Utf8("<html><head><title>Two</title></head><body><p>Second page.</p></body></html>")));
        File.WriteAllText(dir.File("notes.txt"), "not a page"); // ignored

        var run = await CliRunner.RunAsync("bench", dir.Path, "--repeat", "2", "--warmup", "1");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("2 pages", run.Stdout);
        Assert.Matches(@"parse only\s+\d+(\.\d+)? pages/s\s+\d+(\.\d+)? MB/s", run.Stdout);
        Assert.Matches(@"full extraction\s+\d+(\.\d+)? pages/s\s+\d+(\.\d+)? MB/s", run.Stdout);
        Assert.Matches(@"full/parse ratio\s+\d+\.\d\d", run.Stdout);
        Assert.Matches(@"p50 \d+\.\d\d ms\s+p95 \d+\.\d\d ms\s+max \d+\.\d\d ms\s+\(4 samples\)", run.Stdout);
    }

    [Fact]
    public void LoadPagesFindsHtmlAndGzipUnderSubfolders()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.html"), "<p>a</p>");
        Directory.CreateDirectory(dir.File("x"));
        File.WriteAllBytes(Path.Combine(dir.File("x"), "b.html.gz"), Bytes.Gzip(Bytes.Utf8("<p>b</p>")));
        File.WriteAllText(dir.File("c.json"), "{}");

        var pages = ThroughputBenchmark.LoadPages(dir.Path);

        Assert.Equal(["a.html", Path.Combine("x", "b.html.gz")], pages.Select(p => p.Name));
        Assert.Equal("<p>b</p>", System.Text.Encoding.UTF8.GetString(pages[1].Bytes)); // decompressed
    }

    [Fact]
    public void ResultArithmetic()
    {
        // 10 pages of 100,000 bytes, 2 rounds: parse 1 s, full 2 s; latencies 1..20 ms.
        var r = new ThroughputResult(10, 1_000_000, 2, 1.0, 2.0, Enumerable.Range(1, 20).Select(i => (double)i).ToArray(), 0);
        Assert.Equal(20.0, r.ParsePagesPerSecond, 9);
        Assert.Equal(10.0, r.FullPagesPerSecond, 9);
        Assert.Equal(2.0, r.ParseMBPerSecond, 9);
        Assert.Equal(1.0, r.FullMBPerSecond, 9);
        Assert.Equal(0.5, r.Ratio, 9);
        Assert.Equal(10.0, r.P50Ms);  // nearest rank: ceil(0.50 × 20) = 10th
        Assert.Equal(19.0, r.P95Ms);  // ceil(0.95 × 20) = 19th
        Assert.Equal(20.0, r.MaxMs);
        Assert.Contains(ThroughputBenchmark.Report(r), l => l.Contains("met"));
    }

    [Fact]
    public void ReportGivesAllocationPerPageByStage()
    {
        // 10 pages, 2 rounds: 20 full extractions; parse 20 × 100 KB, content 20 × 50 KB
        var r = new ThroughputResult(10, 1_000_000, 2, 1.0, 2.0, [1.0], 0)
        {
            StageBytes = [new("decode", 0), new("parse", 20 * 102_400), new("content", 20 * 51_200)],
        };
        var line = Assert.Single(ThroughputBenchmark.Report(r), l => l.StartsWith("allocated"));
        Assert.Contains("150 KB/page", line);
        Assert.Contains("parse 100 KB", line);
        Assert.Contains("content 50 KB", line);
        Assert.DoesNotContain("decode", line.Replace("(decoding not counted)", ""));
    }

    [Fact]
    public async Task MissingDirectoryExits3()
    {
        using var dir = new TempDir();
        var missing = dir.File("nope");
        var run = await CliRunner.RunAsync("bench", missing);
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains(missing, run.Stderr);
    }

    [Fact]
    public async Task DirectoryWithoutPagesExits3()
    {
        using var dir = new TempDir();
        var run = await CliRunner.RunAsync("bench", dir.Path);
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains(".html", run.Stderr);
    }
}
