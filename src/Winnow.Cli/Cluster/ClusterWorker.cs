using System.Diagnostics;
using System.Globalization;
using Winnow.Cli.Batch;
using Winnow.Dedup;

namespace Winnow.Cli.Cluster;

/// <summary>
/// What one worker run did, and where its time went: extracting (the batch engine on the tasks), the queue's own
/// statements (claims, completions) and recording the documents in the band index (reading the task's output back
/// and the COPY inside the completion).
/// </summary>
public sealed record WorkerCounts(int TasksDone, int TasksFailed, int LeasesLost, long Pages,
    TimeSpan Extracting = default, TimeSpan Queue = default, TimeSpan Index = default);

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

    /// <summary>How fingerprints are computed when a line has none (batch lines carry theirs).</summary>
    public DedupOptions Dedup { get; init; } = DedupOptions.Default;

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
        var times = new TaskTimes();
        WorkerCounts Counts() => new(done, failed, lost, pages, times.Extracting, times.Queue, times.Index);
        while (!token.IsCancellationRequested)
        {
            var claimStart = Stopwatch.GetTimestamp();
            var task = queue.Claim(Owner, Lease, MaxAttempts);
            times.Queue += Stopwatch.GetElapsedTime(claimStart);
            if (task is null)
            {
                // --until-empty stops when the job is finished, not merely when nothing is claimable now: a task held
                // by a worker that dies comes back when its lease runs out, and someone must be there to take it
                if (untilEmpty && !queue.AnyUnfinished()) break;
                token.WaitHandle.WaitOne(untilEmpty ? Min(IdleWait, Lease / 4) : IdleWait);
                continue;
            }
            switch (RunTask(task, token, times, out var counts))
            {
                case Outcome.Done: done++; pages += counts.Read; break;
                case Outcome.Failed: failed++; break;
                case Outcome.LeaseLost: lost++; break;
                case Outcome.Released: return Counts();
            }
        }
        return Counts();
    }

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    sealed class TaskTimes
    {
        public TimeSpan Extracting, Queue, Index;
    }

    enum Outcome { Done, Failed, LeaseLost, Released }

    Outcome RunTask(ClaimedTask task, CancellationToken stop, TaskTimes times, out BatchCounts counts)
    {
        counts = new BatchCounts();
        var final = OutputFor(outDir, task.Id);
        var work = Path.Combine(outDir, $"task-{task.Id}.attempt-{task.Attempt}.jsonl");
        // this attempt's files, and what earlier attempts of the task left (a killed worker's partial output)
        // (never a later attempt's: a stalled worker that lost its lease must not delete the files of the one that took over)
        var prefix = $"task-{task.Id}.attempt-";
        foreach (var p in Directory.EnumerateFiles(outDir, prefix + "*").ToList())
        {
            var name = Path.GetFileName(p);
            var end = name.IndexOf('.', prefix.Length);
            if (end > prefix.Length && int.TryParse(name.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) && attempt <= task.Attempt)
                File.Delete(p);
        }
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
            var options = new BatchOptions { Files = task.Inputs, Output = work, Threads = threads, Extraction = extraction, Restart = true };
            var started = Stopwatch.GetTimestamp();
            counts = new BatchRunner(options, sources).Run(null, both.Token);
            var extracting = Stopwatch.GetElapsedTime(started);
            times.Extracting += extracting;
            renewal.Change(Timeout.Infinite, Timeout.Infinite);
            // the documents for the band index, read back from the output the clustering of `batch --dedup` would read
            var indexStart = Stopwatch.GetTimestamp();
            var documents = TaskDocuments.Read(work, Dedup);
            var reading = Stopwatch.GetElapsedTime(indexStart);
            File.Move(work, final, overwrite: true);
            File.Move(BatchRunner.ErrorsPathFor(work), BatchRunner.ErrorsPathFor(final), overwrite: true);
            File.Delete(BatchCheckpoint.PathFor(work));
            var completeStart = Stopwatch.GetTimestamp();
            var completed = queue.Complete(task, counts.Extracted, counts.Failed + counts.Skipped, documents);
            var completing = Stopwatch.GetElapsedTime(completeStart);
            times.Index += reading;
            times.Queue += completing;
            if (completed)
            {
                log.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "winnow worker: task {0} done ({1:N0} records) in {2:F2} s; completion {3:F0} ms with {4:N0} documents indexed, reading them back {5:F0} ms: {6}",
                    task.Id, counts.Read, extracting.TotalSeconds, completing.TotalMilliseconds, documents.Count, reading.TotalMilliseconds, task.Input.Path));
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
