using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Winnow.Cli;
using Winnow.Cli.Batch;
using Winnow.Tests.Cli;

namespace Winnow.Tests.Batch;

/// <summary>
/// The batch engine: every record read ends in the output or the errors file, output order does
/// not depend on the thread count, and a run stopped at any point (even with a half-written line,
/// as after <c>kill -9</c>) and restarted gives exactly the output of an uninterrupted run.
/// </summary>
public sealed class BatchRunnerTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("winnow-batch-").FullName;
    readonly string _pages;

    public BatchRunnerTests()
    {
        // 16 real pages (gzip, as stored) plus three that must fail: binary bytes, an empty file, a page over the size limit
        _pages = Directory.CreateDirectory(Path.Combine(_dir, "pages")).FullName;
        foreach (var f in TestData.CorpusHtmlFiles("scrapinghub").Take(16))
            File.Copy(f, Path.Combine(_pages, Path.GetFileName(f)));
        File.WriteAllBytes(Path.Combine(_pages, "image.html"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(_pages, "empty.html"), []);
        File.WriteAllText(Path.Combine(_pages, "huge.html"), "<p>" + new string('x', 4_000_000) + "</p>");
        File.WriteAllText(Path.Combine(_pages, "notes.txt"), "not a page: not included by the default globs");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    // over the largest of the 16 pages (about 1 MB), under huge.html
    static readonly ExtractionOptions Small = ExtractionOptions.Default with { MaxInputBytes = 3_500_000 };

    BatchCounts Run(string output, int threads, CancellationToken token = default, bool restart = false, ExtractionOptions? extraction = null)
    {
        var files = BatchInputs.Expand([_pages], BatchInputs.DefaultIncludes, null);
        var options = new BatchOptions
        {
            Files = files, Output = output, Threads = threads, Restart = restart,
            Extraction = extraction ?? Small,
            // commit after every record, so a stop lands anywhere
            CommitRecords = 1,
        };
        var sources = new Dictionary<InputKind, IRecordSource> { [InputKind.Html] = new HtmlFileSource(options.Extraction.MaxInputBytes) };
        return new BatchRunner(options, sources).Run(null, token);
    }

    static string[] Lines(string path)
    {
        using var s = File.OpenRead(path);
        using Stream r = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(s, CompressionMode.Decompress) : s;
        using var reader = new StreamReader(r, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    static string RecordId(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("source").GetProperty("record_id").GetString()!;
    }

    [Fact]
    public void EveryRecordEndsInTheOutputOrTheErrorsWithAReason()
    {
        var output = Path.Combine(_dir, "out.jsonl");
        var counts = Run(output, threads: 2);
        Assert.Equal(19, counts.Read);
        Assert.Equal(counts.Read, counts.Extracted + counts.Failed + counts.Skipped);
        var lines = Lines(output);
        var errors = Lines(BatchRunner.ErrorsPathFor(output));
        Assert.Equal(counts.Extracted, lines.Length);
        Assert.Equal(counts.Failed + counts.Skipped, errors.Length);
        Assert.Equal(17, counts.Extracted); // 16 pages + the empty file (an empty page is a page with no content)
        var kinds = errors.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("kind").GetString()!).Order().ToArray();
        Assert.Equal(["not_html", "too_large"], kinds);
        foreach (var e in errors) Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(e).RootElement.GetProperty("reason").GetString()));
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("winnow/1", first.RootElement.GetProperty("schema").GetString());
        Assert.EndsWith(".html.gz", first.RootElement.GetProperty("source").GetProperty("file").GetString());
        Assert.True(first.RootElement.GetProperty("text").GetString()!.Length > 100);
    }

    [Fact]
    public void OutputOrderDoesNotDependOnTheThreadCount()
    {
        var one = Path.Combine(_dir, "one.jsonl");
        var four = Path.Combine(_dir, "four.jsonl");
        Run(one, threads: 1);
        Run(four, threads: 4);
        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(four));
        Assert.Equal(File.ReadAllBytes(BatchRunner.ErrorsPathFor(one)), File.ReadAllBytes(BatchRunner.ErrorsPathFor(four)));
        // sorted by path, as the inputs were enumerated
        var ids = Lines(one).Select(RecordId).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal).ToArray(), ids);
    }

    [Theory]
    [InlineData("out.jsonl", 3)]
    [InlineData("out.jsonl", 11)]
    [InlineData("out.jsonl.gz", 7)]
    public void StoppedAndKilledRunsResumeToTheSameOutput(string name, int stopAfter)
    {
        var reference = Path.Combine(_dir, "ref-" + name);
        Run(reference, threads: 2);

        var output = Path.Combine(_dir, name);
        // 1. stop after some records (a graceful stop: what was written is committed)
        using (var cts = new CancellationTokenSource())
        {
            var files = BatchInputs.Expand([_pages], BatchInputs.DefaultIncludes, null);
            var stopping = new StoppingSource(new HtmlFileSource(Small.MaxInputBytes), stopAfter, cts);
            var options = new BatchOptions { Files = files, Output = output, Threads = 2, Extraction = Small, CommitRecords = 1 };
            Assert.ThrowsAny<OperationCanceledException>(() => new BatchRunner(options, new Dictionary<InputKind, IRecordSource> { [InputKind.Html] = stopping }).Run(null, cts.Token));
        }
        var partial = Lines(output).Length + Lines(BatchRunner.ErrorsPathFor(output)).Length;
        Assert.InRange(partial, 0, 18);
        // 2. as if killed (-9) while writing: half a line after the committed end of both files
        foreach (var p in new[] { output, BatchRunner.ErrorsPathFor(output) })
            using (var f = new FileStream(p, FileMode.Append)) f.Write("{\"schema\":\"winnow/1\",\"half"u8);
        // 3. the same command again finishes the job
        var counts = Run(output, threads: 2);
        Assert.Equal(19, counts.Read);
        Assert.Equal(Lines(reference), Lines(output));
        Assert.Equal(Lines(BatchRunner.ErrorsPathFor(reference)), Lines(BatchRunner.ErrorsPathFor(output)));
        // 4. and once more: nothing to do, nothing added
        var again = Run(output, threads: 2);
        Assert.Equal(counts, again with { ByKind = counts.ByKind });
        Assert.Equal(Lines(reference).Length, Lines(output).Length);
    }

    [Fact]
    public void ACheckpointOfAnotherJobIsRefused()
    {
        var output = Path.Combine(_dir, "out.jsonl");
        Run(output, threads: 1);
        var e = Assert.Throws<CliException>(() => Run(output, threads: 1, extraction: Small with { IncludeLinks = false }));
        Assert.Contains("another job", e.Message);
        var restarted = Run(output, threads: 1, restart: true, extraction: Small with { IncludeLinks = false });
        Assert.Equal(19, restarted.Read);
    }

    [Fact]
    public void ShardsSplitTheInputsWithoutOverlap()
    {
        var files = BatchInputs.Expand([TestData.CorpusDir], BatchInputs.DefaultIncludes, null);
        var shards = Enumerable.Range(1, 3).Select(k => files.Where(f => BatchInputs.InShard(f, k, 3)).Select(f => f.Path).ToHashSet()).ToArray();
        Assert.Equal(files.Count, shards.Sum(s => s.Count));
        Assert.Equal(files.Count, shards.SelectMany(s => s).Distinct().Count());
        // roughly a third each (778 files: each shard within 25-42%)
        Assert.All(shards, s => Assert.InRange(s.Count, files.Count / 4, files.Count * 42 / 100));
    }

    [Fact]
    public async Task CommandLineReadsPathsFromStdinAndPrintsTheCounts()
    {
        var list = string.Join('\n', Directory.GetFiles(_pages, "*.gz").Order(StringComparer.Ordinal).Take(3)) + "\n";
        var output = Path.Combine(_dir, "cli.jsonl.gz");
        var run = await CliRunner.RunAsync(Encoding.UTF8.GetBytes(list), "batch", "-", "--out", output, "--threads", "2");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("3 records read: 3 extracted, 0 failed, 0 skipped", run.Stderr);
        Assert.Equal(3, Lines(output).Length);
        var bad = await CliRunner.RunAsync("batch", Path.Combine(_dir, "missing"), "--out", Path.Combine(_dir, "x.jsonl"));
        Assert.Equal(ExitCodes.Unreadable, bad.ExitCode);
        var shard = await CliRunner.RunAsync("batch", _pages, "--out", Path.Combine(_dir, "y.jsonl"), "--shard", "4/3");
        Assert.Equal(ExitCodes.Usage, shard.ExitCode);
    }

    /// <summary>Reads through another source and cancels the run once it has handed out <c>after</c> records.</summary>
    sealed class StoppingSource(IRecordSource inner, int after, CancellationTokenSource cts) : IRecordSource
    {
        int _given;
        public IEnumerable<PageRecord> Read(InputFile file, CancellationToken token)
        {
            foreach (var r in inner.Read(file, token))
            {
                if (Interlocked.Increment(ref _given) > after) cts.Cancel();
                yield return r;
            }
        }
    }
}

/// <summary><c>winnow batch</c> over web archives and with <c>--dedup</c>, end to end through the command line.</summary>
public sealed class BatchArchiveAndDedupTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("winnow-batch-warc-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    static string WarcDir => Path.Combine(TestData.Root, "warc");

    [Fact]
    public async Task WarcRecordsAllEndInOutputOrErrorsWithOffsets()
    {
        var output = Path.Combine(_dir, "warc.jsonl");
        var run = await CliRunner.RunAsync("batch", WarcDir, "--out", output, "--threads", "2");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        // the response and resource records of the 11 archives matched by the default globs (counted in tests/data/warc/README.md),
        // one of them an image, plus the damaged stretch of example-trunc.warc
        Assert.Contains("15 records read: 13 extracted, 1 failed, 1 skipped", run.Stderr);
        Assert.Contains("request 17", run.Stderr);
        var lines = File.ReadAllLines(output);
        Assert.Equal(13, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var source = doc.RootElement.GetProperty("source");
            Assert.EndsWith("warc" + (source.GetProperty("file").GetString()!.EndsWith(".gz", StringComparison.Ordinal) ? ".gz" : ""), source.GetProperty("file").GetString());
            Assert.StartsWith("<urn:uuid:", source.GetProperty("record_id").GetString());
            Assert.False(string.IsNullOrEmpty(source.GetProperty("fetch_date").GetString()));
        }
        var errors = File.ReadAllLines(BatchRunner.ErrorsPathFor(output));
        Assert.Contains(errors, e => e.Contains("\"kind\":\"damaged\"") && e.Contains("\"offset\":2560"));
        Assert.Contains(errors, e => e.Contains("\"kind\":\"not_html\""));
    }

    [Fact]
    public async Task DedupPutsTheSeedPairInOneClusterAndOthersApart()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_dir, "pages")).FullName;
        File.Copy(Path.Combine(TestData.Root, "seeds", "page.html"), Path.Combine(pages, "a-syndicated.html"));
        var record = File.ReadAllText(Path.Combine(TestData.Root, "seeds", "article-record.txt"));
        File.WriteAllText(Path.Combine(pages, "b-original.html"), Winnow.Tests.Dedup.Retemplater.RecordPage(record, "https://original.example/story", "2022-07-05"));
        foreach (var f in TestData.CorpusHtmlFiles("scrapinghub").Take(3)) File.Copy(f, Path.Combine(pages, "c-" + Path.GetFileName(f)));
        var output = Path.Combine(_dir, "dedup.jsonl.gz");
        var run = await CliRunner.RunAsync("batch", pages, "--out", output, "--dedup");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(output), System.IO.Compression.CompressionMode.Decompress))
            .ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(5, lines.Length);
        var clusters = lines.Select(l => l.GetProperty("cluster").GetInt32()).ToArray();
        Assert.Equal(clusters[0], clusters[1]);
        Assert.Equal(5 - 1, clusters.Distinct().Count());
        Assert.Single(lines.Take(2), l => l.GetProperty("canonical").GetBoolean());
        Assert.All(lines, l => Assert.StartsWith("mh1:", l.GetProperty("fingerprint").GetString()));
    }
}
