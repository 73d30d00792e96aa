using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Winnow.Output;

namespace Winnow.Cli.Batch;

/// <summary>The settings of one batch run.</summary>
public sealed record BatchOptions
{
    public required IReadOnlyList<InputFile> Files { get; init; }
    public required string Output { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public ExtractionOptions Extraction { get; init; } = ExtractionOptions.Default;
    /// <summary>Commit the output and save the checkpoint at least this often.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>… or after this many records, whichever comes first.</summary>
    public int CommitRecords { get; init; } = 500;
    /// <summary>Start over: ignore and replace an existing checkpoint and output.</summary>
    public bool Restart { get; init; }
}

/// <summary>
/// Runs a batch: reads the records of every input file in order, extracts them on
/// <see cref="BatchOptions.Threads"/> threads, and writes one JSON line per page to the output, or
/// one line with the reason to <c>OUT.errors.jsonl</c>, in input order (deterministic whatever the
/// thread count). At most 4 records per thread are in flight between the reader and the writer, so
/// memory stays flat whatever the corpus size. Output is committed with a checkpoint
/// (<see cref="BatchCheckpoint"/>) every second: a killed run restarted with the same command
/// continues where it stopped.
/// </summary>
public sealed class BatchRunner(BatchOptions options, IReadOnlyDictionary<InputKind, IRecordSource> sources)
{
    // 4 records in flight per thread: enough to keep every thread busy while the writer waits on
    // a slow page at the head of the order, little enough that memory stays flat (4 × 20 MB worst case).
    const int InFlightPerThread = 4;

    public static string ErrorsPathFor(string output)
    {
        var o = output.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? output[..^3] : output;
        var stem = o.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? o[..^6] : o;
        return stem + ".errors.jsonl" + (output.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ".gz" : "");
    }

    /// <summary>A hash naming the job: the input files in order, and the options that shape the output.</summary>
    public string JobKey()
    {
        var sb = new StringBuilder();
        foreach (var f in options.Files) sb.Append(f.Path).Append('\n');
        sb.Append(options.Extraction with { Timeout = TimeSpan.Zero });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    sealed record Work(long Seq, int FileIndex, long RecordIndex, PageRecord? Record);
    sealed record Done(long Seq, int FileIndex, long RecordIndex, PageRecord? Record, byte[]? Line, byte[]? ErrorLine, string? Kind);

    public BatchCounts Run(BatchProgress? progress, CancellationToken token)
    {
        var checkpointPath = BatchCheckpoint.PathFor(options.Output);
        var errorsPath = ErrorsPathFor(options.Output);
        var job = JobKey();
        var cp = options.Restart ? null : BatchCheckpoint.Load(checkpointPath);
        if (cp is not null && cp.Job != job)
            throw new CliException(ExitCodes.Usage, $"'{checkpointPath}' belongs to another job (other inputs or options); use --restart to start over, or another --out.");
        if (cp is null)
        {
            if (!options.Restart && File.Exists(options.Output) && new FileInfo(options.Output).Length > 0)
                throw new CliException(ExitCodes.Usage, $"'{options.Output}' exists and has no checkpoint; use --restart to replace it, or another --out.");
            cp = new BatchCheckpoint { Job = job };
        }
        if (cp.Complete)
        {
            progress?.Finish(cp.Counts, alreadyComplete: true);
            return cp.Counts;
        }

        using var output = new RecordSink(options.Output, cp.OutBytes);
        using var errors = new RecordSink(errorsPath, cp.ErrorBytes);
        var extractor = new Extractor(options.Extraction);
        int threads = Math.Max(1, options.Threads);
        using var inFlight = new SemaphoreSlim(InFlightPerThread * threads);
        var work = Channel.CreateBounded<Work>(new BoundedChannelOptions(InFlightPerThread * threads) { SingleWriter = true });
        var done = new BlockingCollection<Done>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var ct = stop.Token;

        var reader = Task.Run(async () =>
        {
            long seq = 0;
            try
            {
                for (int fi = cp.NextFile; fi < options.Files.Count; fi++)
                {
                    var file = options.Files[fi];
                    long ri = 0, skip = fi == cp.NextFile ? cp.NextRecord : 0;
                    foreach (var rec in sources[file.Kind].Read(file, ct))
                    {
                        if (ri < skip) { ri++; continue; }
                        await inFlight.WaitAsync(ct).ConfigureAwait(false);
                        await work.Writer.WriteAsync(new Work(seq++, fi, ri++, rec), ct).ConfigureAwait(false);
                    }
                    // end-of-file marker: moves the checkpoint to the next file
                    await inFlight.WaitAsync(ct).ConfigureAwait(false);
                    await work.Writer.WriteAsync(new Work(seq++, fi, ri, null), ct).ConfigureAwait(false);
                }
                work.Writer.Complete();
            }
            catch (Exception e)
            {
                work.Writer.Complete(e);
            }
        }, ct);

        var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
        {
            await foreach (var w in work.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                done.Add(Process(extractor, w), ct);
        }, ct)).ToArray();
        var finished = Task.WhenAll(workers).ContinueWith(_ => done.CompleteAdding(), TaskScheduler.Default);

        // the writer: this thread, in sequence order
        var counts = cp.Counts;
        var byKind = new Dictionary<string, long>(counts.ByKind);
        long read = counts.Read, extracted = counts.Extracted, failed = counts.Failed, skipped = counts.Skipped, bytes = counts.Bytes, sourceBytes = counts.SourceBytes;
        var pending = new Dictionary<long, Done>();
        long next = 0;
        int nextFile = cp.NextFile;
        long nextRecord = cp.NextRecord;
        int sinceCommit = 0;
        var lastCommit = Stopwatch.GetTimestamp();
        BatchCounts Snapshot() => new() { Read = read, Extracted = extracted, Failed = failed, Skipped = skipped, Bytes = bytes, SourceBytes = sourceBytes, ByKind = new(byKind) };
        void Commit(bool complete)
        {
            var cpNew = new BatchCheckpoint
            {
                Job = job, NextFile = nextFile, NextRecord = nextRecord, Complete = complete,
                OutBytes = output.Commit(), ErrorBytes = errors.Commit(), Counts = Snapshot(),
            };
            cpNew.Save(checkpointPath);
            sinceCommit = 0;
            lastCommit = Stopwatch.GetTimestamp();
        }

        try
        {
            foreach (var d in done.GetConsumingEnumerable(ct))
            {
                pending[d.Seq] = d;
                while (pending.Remove(next, out var r))
                {
                    next++;
                    inFlight.Release();
                    if (r.Record is null)
                    {
                        nextFile = r.FileIndex + 1;
                        nextRecord = 0;
                        continue;
                    }
                    read++;
                    bytes += r.Record.Size;
                    sourceBytes += r.Record.SourceBytes;
                    if (r.Line is not null)
                    {
                        output.WriteLine(r.Line);
                        extracted++;
                    }
                    else
                    {
                        errors.WriteLine(r.ErrorLine!);
                        if (r.Kind is "skipped" or "not_html") skipped++; else failed++;
                        byKind[r.Kind!] = byKind.GetValueOrDefault(r.Kind!) + 1;
                    }
                    nextFile = r.FileIndex;
                    nextRecord = r.RecordIndex + 1;
                    sinceCommit++;
                    progress?.Update(Snapshot());
                }
                if (sinceCommit >= options.CommitRecords || (sinceCommit > 0 && Stopwatch.GetElapsedTime(lastCommit) >= options.CommitInterval))
                    Commit(false);
            }
            finished.GetAwaiter().GetResult();
            reader.GetAwaiter().GetResult();
            // a reader failure surfaces through the channel's completion
            work.Reader.Completion.GetAwaiter().GetResult();
            nextFile = options.Files.Count;
            nextRecord = 0;
            Commit(true);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // graceful stop: what is written is committed; the rest is done by the next run
            stop.Cancel();
            Commit(false);
            throw;
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        var final = Snapshot();
        progress?.Finish(final, alreadyComplete: false);
        return final;
    }

    [ThreadStatic] static ArrayBufferWriter<byte>? _lineBuffer;

    Done Process(Extractor extractor, Work w)
    {
        var rec = w.Record;
        if (rec is null) return new Done(w.Seq, w.FileIndex, w.RecordIndex, null, null, null, null);
        if (rec.Bytes is not { } bytes)
            return Error(w, rec, rec.SkipKind ?? "skipped", rec.SkipReason ?? "not extracted");
        try
        {
            var result = extractor.Extract(bytes.Span, rec.Url, rec.ContentType);
            // one buffer per worker thread, reused: growing a new one by doubling was a sixth of the line's rendering (profile)
            var buffer = _lineBuffer ??= new ArrayBufferWriter<byte>(64 * 1024);
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, JsonRenderer.Options(result)))
                JsonRenderer.Write(writer, result, rec.Url, extra: wr =>
                {
                    Source(wr, rec);
                    // the body's MinHash, so `winnow dedup` (or batch --dedup) clusters without extracting again
                    wr.WriteString("fingerprint", Winnow.Dedup.MinHashFingerprint.Compute(result.BodyText)?.ToString());
                });
            var line = buffer.WrittenSpan.ToArray();
            // a huge page's buffer is not kept for the thread's later pages (4 MB: 190 times the 21 KB average line of the batch benchmark)
            if (buffer.Capacity > 4 * 1024 * 1024) _lineBuffer = null;
            return new Done(w.Seq, w.FileIndex, w.RecordIndex, rec, line, null, null);
        }
        catch (NotHtmlException e) { return Error(w, rec, "not_html", e.Message); }
        catch (PageTooLargeException e) { return Error(w, rec, "too_large", e.Message); }
        catch (ExtractionTimeoutException e) { return Error(w, rec, "timeout", e.Message); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // a bug, but the record is not lost: it is logged with the exception
            return Error(w, rec, "internal", $"{e.GetType().Name}: {e.Message}");
        }
    }

    static Done Error(Work w, PageRecord rec, string kind, string reason)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            Source(writer, rec);
            writer.WriteString("kind", kind);
            writer.WriteString("reason", reason);
            writer.WriteEndObject();
        }
        return new Done(w.Seq, w.FileIndex, w.RecordIndex, rec, null, buffer.WrittenSpan.ToArray(), kind);
    }

    static void Source(Utf8JsonWriter w, PageRecord rec)
    {
        w.WriteStartObject("source");
        w.WriteString("file", rec.File);
        w.WriteString("record_id", rec.Id);
        w.WriteNumber("offset", rec.Offset);
        w.WriteString("url", rec.Url);
        w.WriteString("fetch_date", rec.FetchDate);
        w.WriteEndObject();
    }
}
