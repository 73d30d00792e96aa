using System.CommandLine;
using System.Globalization;
using Winnow.Cli.Batch;
using Winnow.Cli.Cluster;

namespace Winnow.Cli.Commands;

/// <summary>
/// <c>winnow cluster init|submit|status --db CONNSTRING</c> and <c>winnow worker --db … --out DIR</c>: the batch job
/// fanned out over any number of machines through a task table on PostgreSQL (see <see cref="TaskQueue"/>).
/// </summary>
public static class ClusterCommand
{
    static Option<string?> DbOption() => new("--db")
    {
        HelpName = "CONNSTRING",
        Description = $"PostgreSQL connection string (default: the {ClusterConnection.EnvironmentVariable} environment variable).",
    };

    /// <summary>HTML files per task unless <c>--chunk</c> says otherwise.</summary>
    // 1,000 pages: about 5 s of one core (bench/cluster: 194 pages/s a worker), the task size whose queue overhead was
    // measured at 1.1 % (docs/scale.md); one task per HTML file would spend more on the queue than on some pages.
    public const int DefaultHtmlPerTask = 1000;

    public static Command Create(CliConsole console)
    {
        var cluster = new Command("cluster", "The task table of a batch job spread over many workers (PostgreSQL).");

        var db = DbOption();
        var init = new Command("init", "Create the task table, or bring it up to date.") { db };
        init.SetAction((parse, _) => WinnowCli.Guard(console, () =>
        {
            var cs = ClusterConnection.Resolve(parse.GetValue(db));
            using var source = ClusterConnection.Open(cs);
            ClusterConnection.Guard(cs, () => { new TaskQueue(source).Init(); return 0; });
            console.Error.WriteLine($"winnow cluster: schema ready at {ClusterConnection.Redacted(cs)}");
            return Task.FromResult(ExitCodes.Ok);
        }));

        var db2 = DbOption();
        var inputs = new Argument<string[]>("inputs") { HelpName = "INPUT", Arity = ArgumentArity.OneOrMore, Description = "WARC / WARC.gz files, HTML files or directories: a task per WARC file, a task per chunk of HTML files." };
        var chunk = new Option<int>("--chunk")
        {
            HelpName = "N",
            Description = "HTML files per task (default 1000: a few seconds of one core, so the queue's own work per task stays near 1 %).",
            DefaultValueFactory = _ => DefaultHtmlPerTask,
        };
        chunk.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--chunk must be at least 1.");
        });
        var submit = new Command("submit", "Enqueue the tasks of the inputs; tasks already submitted add nothing.") { db2, inputs, chunk };
        submit.SetAction((parse, _) => WinnowCli.Guard(console, () =>
        {
            var cs = ClusterConnection.Resolve(parse.GetValue(db2));
            var files = BatchInputs.Expand(parse.GetValue(inputs)!, BatchInputs.DefaultIncludes, null);
            var tasks = TaskQueue.Plan(files, parse.GetValue(chunk));
            using var source = ClusterConnection.Open(cs);
            var added = ClusterConnection.Guard(cs, () => new TaskQueue(source).Submit(tasks));
            console.Out.WriteLine($"{added} tasks added, {tasks.Count - added} already submitted");
            return Task.FromResult(ExitCodes.Ok);
        }));

        var db3 = DbOption();
        var status = new Command("status", "Tasks by state, pages and pages/s across workers, the slowest tasks.") { db3 };
        status.SetAction((parse, _) => WinnowCli.Guard(console, () =>
        {
            var cs = ClusterConnection.Resolve(parse.GetValue(db3));
            using var source = ClusterConnection.Open(cs);
            var s = ClusterConnection.Guard(cs, () => new TaskQueue(source).Status());
            var c = CultureInfo.InvariantCulture;
            console.Out.WriteLine("tasks   " + string.Join("  ", s.ByState.Select(kv => $"{kv.Key} {kv.Value}")));
            console.Out.WriteLine(string.Format(c, "pages   {0:N0} extracted, {1:N0} errors, {2:F1} pages/s across workers", s.Pages, s.Errors, s.PagesPerSecond));
            foreach (var (id, input, seconds) in s.Slowest)
                console.Out.WriteLine(string.Format(c, "slow    task {0}  {1:F1} s  {2}", id, seconds, input));
            return Task.FromResult(ExitCodes.Ok);
        }));

        var db4 = DbOption();
        var clustersOut = new Option<string>("--out", "-o") { HelpName = "CLUSTERS.jsonl", Required = true, Description = "Where to write one JSON line per cluster of near-duplicates (- for standard output)." };
        var threshold = new Option<double>("--threshold")
        {
            HelpName = "T",
            Description = $"Least estimated Jaccard similarity of two bodies to count as near-duplicates (default {Winnow.Dedup.DedupOptions.Default.Threshold.ToString(CultureInfo.InvariantCulture)}, as batch --dedup).",
            DefaultValueFactory = _ => Winnow.Dedup.DedupOptions.Default.Threshold,
        };
        threshold.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0 && value <= 1)) result.AddError($"--threshold must be above 0 and at most 1, not '{value.ToString(CultureInfo.InvariantCulture)}'.");
        });
        var dedup = new Command("dedup", "Cluster the near-duplicates among the finished tasks' documents (the clusters batch --dedup finds on the same inputs).") { db4, clustersOut, threshold };
        dedup.SetAction((parse, token) => WinnowCli.Guard(console, () =>
        {
            var cs = ClusterConnection.Resolve(parse.GetValue(db4));
            var options = Winnow.Dedup.DedupOptions.Default with { Threshold = parse.GetValue(threshold) };
            using var source = ClusterConnection.Open(cs);
            var (clusters, documents) = ClusterConnection.Guard(cs, () => ClusterDedup.Run(source, options, token));
            var path = parse.GetValue(clustersOut)!;
            if (path == "-")
            {
                var buffer = new MemoryStream();
                ClusterDedup.Write(clusters, buffer);
                console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                console.Out.Flush();
            }
            else
            {
                // written under a temporary name, then renamed: a reader never sees half a file
                var tmp = path + ".tmp";
                using (var file = File.Create(tmp)) ClusterDedup.Write(clusters, file);
                File.Move(tmp, path, overwrite: true);
            }
            console.Error.WriteLine($"winnow cluster dedup: {documents:N0} documents, {clusters.Count:N0} clusters of near-duplicates, {clusters.Sum(c => c.Members.Count - 1):N0} near-duplicates of another");
            return Task.FromResult(ExitCodes.Ok);
        }));

        cluster.Subcommands.Add(init);
        cluster.Subcommands.Add(submit);
        cluster.Subcommands.Add(status);
        cluster.Subcommands.Add(dedup);
        return cluster;
    }

    public static Command CreateWorker(CliConsole console)
    {
        var db = DbOption();
        var output = new Option<string>("--out", "-o") { HelpName = "DIR", Required = true, Description = "Folder for the tasks' JSON lines (task-ID.jsonl, task-ID.errors.jsonl)." };
        var threads = new Option<int>("--threads", "-t") { Description = "Extraction threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Stop when the job is finished: no task queued, none running (otherwise wait for more)." };
        var leaseSeconds = new Option<double>("--lease") { HelpName = "SECONDS", Description = "Lease on a claimed task, renewed while it runs (default 60).", DefaultValueFactory = _ => 60 };
        var worker = new Command("worker", "Claim tasks from the cluster's table and run the batch engine on each, until stopped.") { db, output, threads, untilEmpty, leaseSeconds };
        worker.SetAction((parse, token) => WinnowCli.Guard(console, () =>
        {
            var cs = ClusterConnection.Resolve(parse.GetValue(db));
            var n = parse.GetValue(threads);
            if (n < 1) throw new CliException(ExitCodes.Usage, "--threads must be at least 1.");
            var lease = parse.GetValue(leaseSeconds);
            if (!(lease >= 1)) throw new CliException(ExitCodes.Usage, "--lease must be at least 1 second.");
            using var source = ClusterConnection.Open(cs);
            var w = new ClusterWorker(new TaskQueue(source), parse.GetValue(output)!, n, ExtractionOptions.Default, console.Error) { Lease = TimeSpan.FromSeconds(lease) };
            // SIGTERM / Ctrl-C cancel the token: the current task is given back and the worker stops
            var counts = ClusterConnection.Guard(cs, () => w.Run(parse.GetValue(untilEmpty), token));
            console.Error.WriteLine($"winnow worker: {counts.TasksDone} tasks done ({counts.Pages:N0} records), {counts.TasksFailed} failed, {counts.LeasesLost} lost to an expired lease");
            if (counts.Extracting > TimeSpan.Zero)
                console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "winnow worker: extracting {0:F1} s; queue statements {1:F3} s ({2:F2} % of it); band index (reading the output back) {3:F3} s ({4:F2} %)",
                    counts.Extracting.TotalSeconds, counts.Queue.TotalSeconds, 100 * counts.Queue / counts.Extracting,
                    counts.Index.TotalSeconds, 100 * counts.Index / counts.Extracting));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return worker;
    }
}
