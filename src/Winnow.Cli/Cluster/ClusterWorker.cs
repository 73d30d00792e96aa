using Winnow.Cli.Batch;

namespace Winnow.Cli.Cluster;

/// <summary>What one worker run did.</summary>
public sealed record WorkerCounts(int TasksDone, int TasksFailed, int LeasesLost, long Pages);

/// <summary>
/// Claims tasks one at a time and runs the batch engine on each: the task's lines go to a file named by
/// the attempt, renamed to <c>task-ID.jsonl</c> (and <c>task-ID.errors.jsonl</c>) when complete, so a rerun
/// replaces and never duplicates; only then is the task marked done, and only if this attempt still holds
/// its lease. The lease is renewed while the task runs; a renewal refused (the lease ran out and another
/// worker took the task) stops the work on it.
/// </summary>
public sealed class ClusterWorker(TaskQueue queue, string outDir, int threads, ExtractionOptions extraction, TextWriter log)
{
    /// <summary>How long a claim holds without renewal: a killed worker's task is claimable again after it.</summary>
    // 60 s: renewed every 20 s, so three renewals must fail in a row (a long GC or a slow database) before another takes it
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts before a task is parked.</summary>
    // 3: a crash from the page content repeats; a killed machine rarely dies twice on the same task
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Pause between claims when the queue is empty (without --until-empty).</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Who holds a lease (shown by <c>cluster status</c>): machine, process and a random part.</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>The output file of a task.</summary>
    public static string OutputFor(string dir, long id) => Path.Combine(dir, $"task-{id}.jsonl");

    public WorkerCounts Run(bool untilEmpty, CancellationToken token)
    {
        Directory.CreateDirectory(outDir);
        int done = 0, failed = 0, lost = 0;
        long pages = 0;
        while (!token.IsCancellationRequested)
        {
            var task = queue.Claim(Owner, Lease, MaxAttempts);
            if (task is null)
            {
                if (untilEmpty) break;
                token.WaitHandle.WaitOne(IdleWait);
                continue;
            }
            switch (RunTask(task, token, out var counts))
            {
                case Outcome.Done: done++; pages += counts.Read; break;
                case Outcome.Failed: failed++; break;
                case Outcome.LeaseLost: lost++; break;
                case Outcome.Released: return new WorkerCounts(done, failed, lost, pages);
            }
        }
        return new WorkerCounts(done, failed, lost, pages);
    }

    enum Outcome { Done, Failed, LeaseLost, Released }

    Outcome RunTask(ClaimedTask task, CancellationToken stop, out BatchCounts counts)
    {
        counts = new BatchCounts();
        var final = OutputFor(outDir, task.Id);
        var work = Path.Combine(outDir, $"task-{task.Id}.attempt-{task.Attempt}.jsonl");
        foreach (var p in new[] { work, BatchRunner.ErrorsPathFor(work), BatchCheckpoint.PathFor(work) })
            if (File.Exists(p)) File.Delete(p);
        using var lost = new CancellationTokenSource();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stop, lost.Token);
        // renewed at a third of the lease: two renewals may fail before the lease runs out
        using var renewal = new Timer(_ =>
        {
            try { if (!queue.Renew(task, Lease)) lost.Cancel(); }
            catch (Exception e) { log.WriteLine($"winnow worker: renewing task {task.Id} failed: {e.Message}"); }
        }, null, Lease / 3, Lease / 3);
        try
        {
            var maxBytes = extraction.MaxInputBytes;
            var sources = new Dictionary<InputKind, IRecordSource>
            {
                [InputKind.Html] = new HtmlFileSource(maxBytes),
                [InputKind.Warc] = new WarcFileSource(maxBytes),
            };
            var options = new BatchOptions { Files = [task.Input], Output = work, Threads = threads, Extraction = extraction, Restart = true };
            counts = new BatchRunner(options, sources).Run(null, both.Token);
            renewal.Change(Timeout.Infinite, Timeout.Infinite);
            File.Move(work, final, overwrite: true);
            File.Move(BatchRunner.ErrorsPathFor(work), BatchRunner.ErrorsPathFor(final), overwrite: true);
            File.Delete(BatchCheckpoint.PathFor(work));
            if (queue.Complete(task, counts.Extracted, counts.Failed + counts.Skipped))
            {
                log.WriteLine($"winnow worker: task {task.Id} done ({counts.Read:N0} records) {task.Input.Path}");
                return Outcome.Done;
            }
            log.WriteLine($"winnow worker: task {task.Id} finished after its lease ran out; another attempt owns it");
            return Outcome.LeaseLost;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            log.WriteLine($"winnow worker: task {task.Id} lost its lease; stopped");
            return Outcome.LeaseLost;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            queue.Release(task);
            log.WriteLine($"winnow worker: stopping; task {task.Id} given back");
            return Outcome.Released;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            queue.Fail(task, $"{e.GetType().Name}: {e.Message}", MaxAttempts);
            log.WriteLine($"winnow worker: task {task.Id} failed: {e.Message}");
            return Outcome.Failed;
        }
        finally
        {
            renewal.Change(Timeout.Infinite, Timeout.Infinite);
        }
    }
}
