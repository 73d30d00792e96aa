using System.Diagnostics;
using System.Globalization;

namespace Winnow.Cli.Batch;

/// <summary>
/// Reports a batch's progress on standard error: on a terminal, one live line redrawn in place
/// (a bar by bytes read, pages, pages/s, MB/s, errors, ETA); otherwise a plain line every
/// <see cref="PlainInterval"/>, for logs. At the end, the counts.
/// </summary>
public sealed class BatchProgress(TextWriter error, bool terminal, long totalBytes, TimeSpan? plainInterval = null)
{
    /// <summary>Every 10 s: a log line per 10 s is readable and costs nothing.</summary>
    public TimeSpan PlainInterval { get; } = plainInterval ?? TimeSpan.FromSeconds(10);

    // A live line redrawn more than 4 times a second flickers and costs terminal time for nothing.
    static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(250);

    readonly long _start = Stopwatch.GetTimestamp();
    long _last = Stopwatch.GetTimestamp();
    long _startRead = -1, _startBytes, _startSource;

    public void Update(BatchCounts c)
    {
        // a resumed run measures its own speed, not the earlier run's
        if (_startRead < 0) { _startRead = c.Read - 1; _startBytes = c.Bytes; _startSource = c.SourceBytes; }
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_last, now) < (terminal ? TerminalInterval : PlainInterval)) return;
        _last = now;
        var line = Line(c, Stopwatch.GetElapsedTime(_start, now));
        if (terminal) error.Write("\r" + line.PadRight(100));
        else error.WriteLine("winnow batch: " + line);
        error.Flush();
    }

    string Line(BatchCounts c, TimeSpan elapsed)
    {
        var ci = CultureInfo.InvariantCulture;
        double secs = Math.Max(elapsed.TotalSeconds, 1e-3);
        double pagesPerSec = (c.Read - Math.Max(0, _startRead)) / secs;
        double mbPerSec = (c.Bytes - _startBytes) / 1e6 / secs;
        double fraction = totalBytes > 0 ? Math.Min(1, c.SourceBytes / (double)totalBytes) : 0;
        double sourcePerSec = (c.SourceBytes - _startSource) / secs;
        string eta = sourcePerSec > 0 && totalBytes > c.SourceBytes ? Format(TimeSpan.FromSeconds((totalBytes - c.SourceBytes) / sourcePerSec)) : totalBytes > 0 ? "0:00" : "?";
        const int width = 24;
        int filled = (int)(fraction * width);
        var bar = terminal ? "[" + new string('#', filled) + new string('.', width - filled) + "] " : "";
        return string.Format(ci, "{0}{1,5:P0}  {2:N0} pages  {3:F1} pages/s  {4:F2} MB/s  errors {5:N0}  ETA {6}",
            bar, fraction, c.Read, pagesPerSec, mbPerSec, c.Failed + c.Skipped, eta);
    }

    static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";

    public void Finish(BatchCounts c, bool alreadyComplete)
    {
        if (terminal) error.Write("\r" + new string(' ', 100) + "\r");
        var kinds = c.ByKind.Count == 0 ? "" : " (" + string.Join(", ", c.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value:N0}")) + ")";
        error.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "winnow batch: {0}{1:N0} records read: {2:N0} extracted, {3:N0} failed, {4:N0} skipped{5}; {6:N0} + {3:N0} + {4:N0} = {1:N0}.",
            alreadyComplete ? "already complete. " : "", c.Read, c.Extracted, c.Failed, c.Skipped, kinds, c.Extracted));
        error.Flush();
    }
}
