using Winnow.Cli;
using Winnow.Tests.Cli;

namespace Winnow.Tests.Cluster;

/// <summary>The commands end to end: <c>cluster init</c>, <c>submit</c> (twice), <c>worker --until-empty</c>, <c>status</c>.</summary>
[Collection(nameof(PostgresCollection))]
public sealed class ClusterCommandTests(PostgresServer server) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("winnow-cluster-cli-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task InitSubmitWorkStatus()
    {
        var db = server.NewDatabase();
        var pages = Directory.CreateDirectory(Path.Combine(_dir, "pages")).FullName;
        foreach (var f in TestData.CorpusHtmlFiles("scrapinghub").Take(3)) File.Copy(f, Path.Combine(pages, Path.GetFileName(f)));
        var output = Path.Combine(_dir, "out");

        var init = await CliRunner.RunAsync("cluster", "init", "--db", db);
        Assert.True(init.ExitCode == ExitCodes.Ok, init.ToString());
        // an HTML directory is submitted in chunks: three pages, two a task
        var submit = await CliRunner.RunAsync("cluster", "submit", "--db", db, pages, "--chunk", "2");
        Assert.Contains("2 tasks added, 0 already submitted", submit.Stdout);
        var again = await CliRunner.RunAsync("cluster", "submit", "--db", db, pages, "--chunk", "2");
        Assert.Contains("0 tasks added, 2 already submitted", again.Stdout);
        var worker = await CliRunner.RunAsync("worker", "--db", db, "--out", output, "--until-empty", "--threads", "1");
        Assert.True(worker.ExitCode == ExitCodes.Ok, worker.ToString());
        Assert.Contains("2 tasks done (3 records)", worker.Stderr);
        var outputs = Directory.GetFiles(output, "task-*.jsonl").Where(f => !f.EndsWith(".errors.jsonl", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, outputs.Count);
        Assert.Equal(3, outputs.Sum(f => File.ReadLines(f).Count(l => l.Length > 0)));
        var status = await CliRunner.RunAsync("cluster", "status", "--db", db);
        Assert.Contains("done 2", status.Stdout);
        Assert.Contains("3 extracted", status.Stdout);
        Assert.Contains("queued 0", status.Stdout);
    }

    [Fact]
    public async Task NoDatabaseIsAUsageError()
    {
        var saved = Environment.GetEnvironmentVariable("WINNOW_DB");
        Environment.SetEnvironmentVariable("WINNOW_DB", null);
        try
        {
            var run = await CliRunner.RunAsync("cluster", "status");
            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("--db", run.Stderr);
        }
        finally { Environment.SetEnvironmentVariable("WINNOW_DB", saved); }
    }
}
