using System.Text.Json;
using Npgsql;
using Winnow.Cli.Batch;
using Winnow.Cli.Cluster;

namespace Winnow.Tests.Cluster;

/// <summary>The task table on a real PostgreSQL: idempotent submission, leases, attempts, parking, and workers that
/// together write every record exactly once.</summary>
[Collection(nameof(PostgresCollection))]
public sealed class ClusterQueueTests(PostgresServer server) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("winnow-cluster-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    TaskQueue NewQueue(out NpgsqlDataSource source)
    {
        source = ClusterConnection.Open(server.NewDatabase());
        var q = new TaskQueue(source);
        q.Init();
        q.Init(); // a second init changes nothing
        return q;
    }

    /// <summary>Input files: corpus pages, each its own task.</summary>
    List<InputFile> Pages(int count)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "pages")).FullName;
        foreach (var f in TestData.CorpusHtmlFiles("scrapinghub").Take(count))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)), overwrite: true);
        return BatchInputs.Expand([dir], BatchInputs.DefaultIncludes, null);
    }

    [Fact]
    public void SubmittingTwiceAddsNothing()
    {
        var q = NewQueue(out var source);
        using var _ = source;
        var files = Pages(5);
        Assert.Equal(5, q.Submit(files));
        Assert.Equal(0, q.Submit(files));
        Assert.Equal(0, q.Submit(files.Take(2)));
        Assert.Equal(5, q.Status().ByState["queued"]);
    }

    [Fact]
    public void AnExpiredLeaseIsClaimedAgainAndTheLateWorkerCannotComplete()
    {
        var q = NewQueue(out var source);
        using var _ = source;
        q.Submit(Pages(1));
        // 1 s: ample for the next statement on a loaded CI machine, short for the test
        var first = q.Claim("a", TimeSpan.FromSeconds(1), maxAttempts: 3)!;
        Assert.Null(q.Claim("b", TimeSpan.FromSeconds(30), 3)); // held
        Thread.Sleep(1300);
        var second = q.Claim("b", TimeSpan.FromSeconds(30), 3)!;
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Attempt + 1, second.Attempt);
        Assert.False(q.Renew(first, TimeSpan.FromSeconds(30)));
        Assert.False(q.Complete(first, 1, 0));
        Assert.True(q.Complete(second, 1, 0));
        Assert.Equal(1, q.Status().ByState["done"]);
    }

    [Fact]
    public void ATaskFailingItsLastAttemptIsParkedWithItsError()
    {
        var q = NewQueue(out var source);
        using var _ = source;
        q.Submit(Pages(1));
        for (int i = 1; i <= 2; i++)
        {
            var t = q.Claim("w", TimeSpan.FromSeconds(30), maxAttempts: 2)!;
            Assert.Equal(i, t.Attempt);
            Assert.True(q.Fail(t, "boom " + i, maxAttempts: 2));
        }
        Assert.Null(q.Claim("w", TimeSpan.FromSeconds(30), 2));
        Assert.Equal(1, q.Status().ByState["parked"]);
        using var cmd = source.CreateCommand("SELECT error FROM winnow_task");
        Assert.Equal("boom 2", cmd.ExecuteScalar());
    }

    [Fact]
    public void AReleasedTaskIsQueuedAgainWithoutSpendingAnAttempt()
    {
        var q = NewQueue(out var source);
        using var _ = source;
        q.Submit(Pages(1));
        var t = q.Claim("w", TimeSpan.FromSeconds(30), 3)!;
        Assert.True(q.Release(t));
        Assert.Equal(1, q.Claim("w", TimeSpan.FromSeconds(30), 3)!.Attempt);
    }

    static List<string> RecordIds(IEnumerable<string> files) =>
        files.SelectMany(File.ReadLines).Where(l => l.Length > 0)
            .Select(l => { using var d = JsonDocument.Parse(l); return d.RootElement.GetProperty("source").GetProperty("record_id").GetString()!; })
            .ToList();

    [Fact]
    public async Task TwoWorkersTogetherWriteEveryRecordOnceAsOneBatchDoes()
    {
        var q = NewQueue(out var source);
        using var _ = source;
        var files = Pages(8);
        q.Submit(files);
        var outDir = Path.Combine(_dir, "out");
        // one worker claims a task and dies (its lease runs out); the two others take everything, that task included
        var dead = q.Claim("killed", TimeSpan.FromMilliseconds(300), 3)!;
        Thread.Sleep(400);
        var workers = Enumerable.Range(0, 2).Select(i => Task.Run(() =>
            new ClusterWorker(q, outDir, 1, ExtractionOptions.Default, TextWriter.Null) { Lease = TimeSpan.FromSeconds(30) }.Run(untilEmpty: true, CancellationToken.None))).ToArray();
        var results = await Task.WhenAll(workers);
        Assert.Equal(files.Count, results.Sum(r => r.TasksDone));
        Assert.False(q.Complete(dead, 1, 0));

        var single = Path.Combine(_dir, "single.jsonl");
        var sources = new Dictionary<InputKind, IRecordSource> { [InputKind.Html] = new HtmlFileSource(ExtractionOptions.Default.MaxInputBytes) };
        new BatchRunner(new BatchOptions { Files = files, Output = single, Threads = 2 }, sources).Run(null, CancellationToken.None);

        var union = RecordIds(Directory.GetFiles(outDir, "task-*.jsonl").Where(f => !f.EndsWith(".errors.jsonl", StringComparison.Ordinal)));
        var expected = RecordIds([single]);
        Assert.Equal(union.Count, union.Distinct().Count()); // nothing twice
        Assert.Equal(expected.Order(StringComparer.Ordinal), union.Order(StringComparer.Ordinal)); // nothing lost
        Assert.Empty(Directory.GetFiles(outDir, "*.attempt-*")); // no half-written attempt left
        var status = q.Status();
        Assert.Equal(files.Count, status.ByState["done"]);
        Assert.Equal(expected.Count, status.Pages);
    }

    [Fact]
    public void HtmlFilesAreChunkedAndAWarcFileIsATaskOfItsOwn()
    {
        InputFile Html(string n) => new($"/in/{n}.html", InputKind.Html, 10);
        var tasks = TaskQueue.Plan([Html("a"), Html("b"), Html("c"), new InputFile("/in/x.warc.gz", InputKind.Warc, 99), Html("d")], htmlPerTask: 2);
        Assert.Equal(4, tasks.Count);
        Assert.Equal(["/in/a.html", "/in/b.html"], tasks[0].Files!.Select(f => f.Path));
        Assert.Equal(20, tasks[0].Size);
        Assert.Equal(["/in/c.html"], tasks[1].Files!.Select(f => f.Path)); // a WARC file between ends the chunk
        Assert.Null(tasks[2].Files);
        Assert.Equal(InputKind.Warc, tasks[2].Kind);
        Assert.Equal(["/in/d.html"], tasks[3].Files!.Select(f => f.Path));
        // the same inputs give the same keys: submitting again adds nothing
        Assert.Equal(tasks.Select(t => t.Key), TaskQueue.Plan([Html("a"), Html("b"), Html("c"), new InputFile("/in/x.warc.gz", InputKind.Warc, 99), Html("d")], 2).Select(t => t.Key));
    }

    [Fact]
    public void AChunkTaskIsClaimedWithItsFiles()
    {
        var q = NewQueue(out var source);
        using var _ = source;
        var files = Pages(5);
        Assert.Equal(3, q.Submit(files, htmlPerTask: 2));
        Assert.Equal(0, q.Submit(files, htmlPerTask: 2));
        var first = q.Claim("w", TimeSpan.FromSeconds(30), 3)!;
        Assert.Equal(files.Take(2).Select(f => Path.GetFullPath(f.Path)), first.Inputs.Select(f => f.Path));
        Assert.Equal(files.Take(2).Select(f => f.Size), first.Inputs.Select(f => f.Size));
    }

    [Fact]
    public void AnUnreachableDatabaseIsOneClearErrorWithoutThePassword()
    {
        const string Cs = "Host=127.0.0.1;Port=1;Username=u;Password=secret-pw;Database=d;Timeout=2";
        using var source = ClusterConnection.Open(Cs);
        var e = Assert.Throws<Winnow.Cli.CliException>(() => ClusterConnection.Guard(Cs, () => { new TaskQueue(source).Init(); return 0; }));
        Assert.DoesNotContain("secret-pw", e.Message);
        Assert.Contains("***", e.Message);
    }
}
