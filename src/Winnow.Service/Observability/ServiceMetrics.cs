using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Winnow.Service.Observability;

/// <summary>
/// The service's counters, written in the Prometheus text exposition format (version 0.0.4) at
/// <c>/metrics</c>: requests by route and status, request latency as a histogram, pages
/// extracted, errors by kind, and the extraction queue. Lock-free counters; thread-safe.
/// </summary>
public sealed class ServiceMetrics
{
    // Latency buckets in seconds: extraction takes 2–20 ms a page, fetching adds 50 ms–seconds.
    static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    readonly ConcurrentDictionary<(string Route, int Status), long[]> _requests = new();
    readonly ConcurrentDictionary<string, long[]> _errors = new();
    readonly long[] _bucketCounts = new long[Buckets.Length];
    long _latencyCount;
    long _latencySumMicros;
    long _pages;

    public void Request(string route, int status, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _requests.GetOrAdd((route, status), _ => new long[1])[0]);
        var s = elapsed.TotalSeconds;
        for (int i = 0; i < Buckets.Length; i++)
            if (s <= Buckets[i]) { Interlocked.Increment(ref _bucketCounts[i]); break; }
        Interlocked.Increment(ref _latencyCount);
        Interlocked.Add(ref _latencySumMicros, (long)(elapsed.TotalMilliseconds * 1000));
    }

    public void PageExtracted() => Interlocked.Increment(ref _pages);

    public void Error(string kind) => Interlocked.Increment(ref _errors.GetOrAdd(kind, _ => new long[1])[0]);

    public long PagesExtracted => Interlocked.Read(ref _pages);

    public string ToPrometheus(int queueWaiting)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("# HELP winnow_requests_total HTTP requests by route and status.\n# TYPE winnow_requests_total counter\n");
        foreach (var ((route, status), v) in _requests.OrderBy(kv => kv.Key.Route, StringComparer.Ordinal).ThenBy(kv => kv.Key.Status))
            sb.Append(c, $"winnow_requests_total{{route=\"{route}\",status=\"{status}\"}} {Interlocked.Read(ref v[0])}\n");
        sb.Append("# HELP winnow_request_duration_seconds Request latency.\n# TYPE winnow_request_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < Buckets.Length; i++)
        {
            cumulative += Interlocked.Read(ref _bucketCounts[i]);
            sb.Append(c, $"winnow_request_duration_seconds_bucket{{le=\"{Buckets[i]}\"}} {cumulative}\n");
        }
        var count = Interlocked.Read(ref _latencyCount);
        sb.Append(c, $"winnow_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}\n");
        sb.Append(c, $"winnow_request_duration_seconds_sum {Interlocked.Read(ref _latencySumMicros) / 1e6}\n");
        sb.Append(c, $"winnow_request_duration_seconds_count {count}\n");
        sb.Append("# HELP winnow_pages_extracted_total Pages extracted.\n# TYPE winnow_pages_extracted_total counter\n");
        sb.Append(c, $"winnow_pages_extracted_total {PagesExtracted}\n");
        sb.Append("# HELP winnow_errors_total Failed requests by kind.\n# TYPE winnow_errors_total counter\n");
        foreach (var (kind, v) in _errors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sb.Append(c, $"winnow_errors_total{{kind=\"{kind}\"}} {Interlocked.Read(ref v[0])}\n");
        sb.Append("# HELP winnow_queue_waiting Requests waiting for an extraction slot.\n# TYPE winnow_queue_waiting gauge\n");
        sb.Append(c, $"winnow_queue_waiting {queueWaiting}\n");
        return sb.ToString();
    }
}
