using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using Winnow.Dom;
using Winnow.Input;

namespace Winnow.Cli.Bench;

/// <summary>One page loaded for a benchmark: its raw bytes, decompressed when stored as .gz.</summary>
public sealed record BenchPage(string Name, byte[] Bytes);

/// <summary>What one <see cref="ThroughputBenchmark"/> run measured.</summary>
/// <param name="Pages">Pages per round.</param>
/// <param name="Bytes">Bytes per round (decompressed page bytes).</param>
/// <param name="Rounds">Measured rounds (warm-up rounds excluded).</param>
/// <param name="ParseSeconds">Total time of the parse-only phases.</param>
/// <param name="FullSeconds">Total time of the full-extraction phases.</param>
/// <param name="FullLatenciesMs">Each page's full-extraction time, every measured round, sorted ascending.</param>
/// <param name="Failures">Full extractions that threw a <see cref="WinnowException"/> (counted in the time).</param>
public sealed record ThroughputResult(int Pages, long Bytes, int Rounds, double ParseSeconds, double FullSeconds, double[] FullLatenciesMs, int Failures)
{
    /// <summary>Milliseconds per stage summed over the measured full passes (from each result's
    /// <see cref="ExtractionDiagnostics.Timings"/>), in stage order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> StageMs { get; init; } = [];

    /// <summary>Bytes allocated per stage summed over the measured full passes, in stage order (the decoder's are not counted).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> StageBytes { get; init; } = [];

    /// <summary>How much some stages add to the rest of the extraction: their time over the time of all other stages.</summary>
    public double StageAdds(params string[] stages)
    {
        double total = StageMs.Sum(kv => kv.Value), own = StageMs.Where(kv => stages.Contains(kv.Key)).Sum(kv => kv.Value);
        return total - own <= 0 ? 0 : own / (total - own);
    }

    // 1 MB = 10^6 bytes, as BenchmarkDotNet and most throughput figures use.
    const double BytesPerMB = 1_000_000;

    public double ParsePagesPerSecond => Pages * (double)Rounds / ParseSeconds;
    public double FullPagesPerSecond => Pages * (double)Rounds / FullSeconds;
    public double ParseMBPerSecond => Bytes * (double)Rounds / BytesPerMB / ParseSeconds;
    public double FullMBPerSecond => Bytes * (double)Rounds / BytesPerMB / FullSeconds;

    /// <summary>Total time of the full-extraction phases without the comment thread
    /// (<see cref="ExtractionOptions.IncludeComments"/> off); 0 when not measured.</summary>
    public double NoThreadSeconds { get; init; }

    /// <summary>Total time of the full extractions timed page by page next to <see cref="NoThreadSeconds"/>.</summary>
    public double PairedFullSeconds { get; init; }

    /// <summary>Total time of the full extractions without the metadata (<see cref="ExtractionOptions.IncludeMetadata"/> off),
    /// timed page by page next to <see cref="PairedFullSeconds"/>; 0 when not measured.</summary>
    public double NoMetadataSeconds { get; init; }

    /// <summary>What reading the metadata (language identification included) adds to the full extraction time; null when not measured.</summary>
    public double? MetadataCost => NoMetadataSeconds > 0 && PairedFullSeconds > 0 ? PairedFullSeconds / NoMetadataSeconds - 1 : null;

    /// <summary>What building the comment thread adds to the full extraction time (0.05 = 5 %); null when not measured.</summary>
    public double? ThreadCost => NoThreadSeconds > 0 && PairedFullSeconds > 0 ? PairedFullSeconds / NoThreadSeconds - 1 : null;

    /// <summary>Full-extraction pages/s over parse-only pages/s (1 = extraction costs no more than parsing).</summary>
    public double Ratio => FullPagesPerSecond / ParsePagesPerSecond;

    public double P50Ms => Percentile(0.50);
    public double P95Ms => Percentile(0.95);
    public double MaxMs => FullLatenciesMs.Length == 0 ? 0 : FullLatenciesMs[^1];

    // Nearest-rank percentile over the sorted samples.
    double Percentile(double p)
    {
        if (FullLatenciesMs.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * FullLatenciesMs.Length);
        return FullLatenciesMs[Math.Clamp(rank - 1, 0, FullLatenciesMs.Length - 1)];
    }
}

/// <summary>
/// Single-thread throughput of the extractor against the bare parser, measured in the same run:
/// each round times a parse-only pass (decode + <see cref="PageParser.Parse"/>) and a full pass
/// (<see cref="Extractor.Extract(byte[], string?, string?, CancellationToken)"/>) over every page,
/// the two passes alternating which goes first, so that a noisy shared machine slows both alike.
/// A full garbage collection runs before each pass, so neither pays for the other's garbage.
/// </summary>
public sealed class ThroughputBenchmark(Extractor extractor)
{
    /// <summary>The bar: full extraction at no less than 40 % of parse-only pages/s (ScrapingHub pages, Release).</summary>
    public const double RatioBar = 0.40;

    /// <summary>Issue 4's bar: the comment thread adds at most 10 % to the full extraction time (ScrapingHub pages, Release).</summary>
    public const double ThreadCostBar = 0.10;

    /// <summary>The same extractor without the comment thread, timed in its own pass for <see cref="ThroughputResult.ThreadCost"/>.</summary>
    readonly Extractor _noThread = new(extractor.Options with { IncludeComments = false });

    /// <summary>The same extractor without the metadata, timed beside the full one for <see cref="ThroughputResult.MetadataCost"/>.</summary>
    readonly Extractor _noMetadata = new(extractor.Options with { IncludeMetadata = false });

    /// <summary>Loads every <c>.html</c> and <c>.html.gz</c> file under <paramref name="directory"/> (recursively, sorted by path) into memory.</summary>
    public static IReadOnlyList<BenchPage> LoadPages(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var pages = new List<BenchPage>(files.Count);
        foreach (var file in files)
        {
            byte[] bytes;
            if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                gzip.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else bytes = File.ReadAllBytes(file);
            pages.Add(new BenchPage(Path.GetRelativePath(directory, file), bytes));
        }
        return pages;
    }

    /// <summary>Whether the library was compiled without optimisations (a Debug build): its numbers mean little.</summary>
    public static bool LibraryIsDebugBuild =>
        typeof(Extractor).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;

    /// <summary>Runs <paramref name="warmup"/> untimed rounds, then <paramref name="repeat"/> timed ones, on the calling thread.</summary>
    public ThroughputResult Run(IReadOnlyList<BenchPage> pages, int repeat, int warmup, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        if (pages.Count == 0) throw new ArgumentException("No pages to measure.", nameof(pages));

        var parseTicks = new long[pages.Count];
        var fullTicks = new long[pages.Count];
        var noThreadTicks = new long[pages.Count];
        var noMetadataTicks = new long[pages.Count];
        var pairedTicks = new long[pages.Count];
        long parseTotal = 0, fullTotal = 0, noThreadTotal = 0, noMetadataTotal = 0, pairedTotal = 0;
        var latencies = new List<double>(pages.Count * repeat);
        var failures = 0;
        var stages = new List<KeyValuePair<string, double>>();
        var stageBytes = new List<KeyValuePair<string, double>>();

        for (var round = 0; round < warmup + repeat; round++)
        {
            var measured = round >= warmup;
            // Alternate the order (parse first on even rounds, full first on odd ones) so drift hits both phases alike.
            var roundStages = measured ? stages : null;
            var roundBytes = measured ? stageBytes : null;
            if (round % 2 == 0) { ParsePass(pages, parseTicks); FullPass(pages, fullTicks, ref failures, measured, roundStages, roundBytes); }
            else { FullPass(pages, fullTicks, ref failures, measured, roundStages, roundBytes); ParsePass(pages, parseTicks); }
            // The thread's cost in a pass of its own: with and without the thread page by page (order alternating per
            // page), so a loaded machine slows both alike and their ratio stays the thread's cost.
            PairedPass(pages, pairedTicks, noThreadTicks, noMetadataTicks, round);
            if (!measured)
            {
                progress?.Invoke($"warm-up round {round + 1}/{warmup} done");
                continue;
            }
            parseTotal += parseTicks.Sum();
            fullTotal += fullTicks.Sum();
            noThreadTotal += noThreadTicks.Sum();
            noMetadataTotal += noMetadataTicks.Sum();
            pairedTotal += pairedTicks.Sum();
            foreach (var t in fullTicks) latencies.Add(t * 1000.0 / Stopwatch.Frequency);
            progress?.Invoke($"round {round - warmup + 1}/{repeat} done");
        }

        latencies.Sort();
        long bytes = pages.Sum(p => (long)p.Bytes.Length);
        return new ThroughputResult(pages.Count, bytes, repeat,
            parseTotal / (double)Stopwatch.Frequency, fullTotal / (double)Stopwatch.Frequency,
            latencies.ToArray(), failures)
        {
            StageMs = stages,
            StageBytes = stageBytes,
            NoThreadSeconds = noThreadTotal / (double)Stopwatch.Frequency,
            NoMetadataSeconds = noMetadataTotal / (double)Stopwatch.Frequency,
            PairedFullSeconds = pairedTotal / (double)Stopwatch.Frequency,
        };
    }

    void ParsePass(IReadOnlyList<BenchPage> pages, long[] ticks)
    {
        FullCollect();
        var maxDepth = extractor.Options.MaxTreeDepth;
        var sink = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var decoded = HtmlDecoder.Decode(pages[i].Bytes);
            var parsed = PageParser.Parse(decoded.Text, maxDepth);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            sink += parsed.Document.ChildElementCount; // keeps the work observable
        }
        GC.KeepAlive(sink);
    }

    void FullPass(IReadOnlyList<BenchPage> pages, long[] ticks, ref int failures, bool measured,
        List<KeyValuePair<string, double>>? stages, List<KeyValuePair<string, double>>? stageBytes)
    {
        FullCollect();
        var sink = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var result = extractor.Extract(pages[i].Bytes);
                sink += result.Body.Length;
                if (stages is not null) AddStages(stages, result.Diagnostics.Timings, t => t.Milliseconds);
                if (stageBytes is not null) AddStages(stageBytes, result.Diagnostics.Timings, t => t.AllocatedBytes);
            }
            catch (WinnowException)
            {
                if (measured) failures++;
            }
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        GC.KeepAlive(sink);
    }

    // The thread's and the metadata's costs in a pass of their own: each page extracted in full, without the
    // thread and without the metadata, one after the other in an order that rotates per page and round, so a
    // loaded machine slows the three alike and their ratios stay the costs.
    void PairedPass(IReadOnlyList<BenchPage> pages, long[] fullTicks, long[] noThreadTicks, long[] noMetadataTicks, int round)
    {
        FullCollect();
        var sink = 0;
        var ignored = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                switch ((i + round + k) % 3)
                {
                    case 0: fullTicks[i] = Time(extractor, pages[i], ref sink, ref ignored, false); break;
                    case 1: noThreadTicks[i] = Time(_noThread, pages[i], ref sink, ref ignored, false); break;
                    default: noMetadataTicks[i] = Time(_noMetadata, pages[i], ref sink, ref ignored, false); break;
                }
            }
        }
        GC.KeepAlive(sink);
    }

    static void AddStages(List<KeyValuePair<string, double>> into, System.Collections.Immutable.ImmutableArray<StageTiming> timings, Func<StageTiming, double> value)
    {
        foreach (var t in timings)
        {
            int i = into.FindIndex(kv => kv.Key == t.Stage);
            if (i < 0) into.Add(new(t.Stage, value(t)));
            else into[i] = new(t.Stage, into[i].Value + value(t));
        }
    }

    /// <summary>The bar: metadata extraction adds at most 15 % to the rest of the full extraction (ScrapingHub pages).</summary>
    public const double MetadataBar = 0.15;

    static long Time(Extractor extractor, BenchPage page, ref int sink, ref int failures, bool measured)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            sink += extractor.Extract(page.Bytes).Body.Length;
        }
        catch (WinnowException)
        {
            if (measured) failures++;
        }
        return Stopwatch.GetTimestamp() - start;
    }

    static void FullCollect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>The result as the lines <c>winnow bench</c> prints.</summary>
    public static IEnumerable<string> Report(ThroughputResult r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Format(c, "parse only       {0,9:F1} pages/s  {1,8:F2} MB/s", r.ParsePagesPerSecond, r.ParseMBPerSecond);
        yield return string.Format(c, "full extraction  {0,9:F1} pages/s  {1,8:F2} MB/s", r.FullPagesPerSecond, r.FullMBPerSecond);
        yield return string.Format(c, "full/parse ratio {0,9:F2}          (bar: >= {1:F2}, {2})",
            r.Ratio, RatioBar, r.Ratio >= RatioBar ? "met" : "NOT met");
        yield return string.Format(c, "full latency     p50 {0:F2} ms   p95 {1:F2} ms   max {2:F2} ms   ({3} samples)",
            r.P50Ms, r.P95Ms, r.MaxMs, r.FullLatenciesMs.Length);
        if (r.StageMs.Count > 0)
        {
            double total = r.StageMs.Sum(kv => kv.Value);
            yield return "stages           " + string.Join("  ", r.StageMs.Select(kv => string.Format(c, "{0} {1:F1}%", kv.Key, 100 * kv.Value / total)));
            // language identification is part of the metadata (the page's language), run once the body is known
            var meta = r.StageAdds("metadata", "language");
            yield return string.Format(c, "metadata share   {0,8:F1}%          of the other stages' time (metadata + language, stage clock; a GC pause counts where it falls)", 100 * meta);
        }
        if (r.StageBytes.Count > 0)
        {
            var perPage = r.Pages * (double)r.Rounds;
            yield return string.Format(c, "allocated        {0,9:F0} KB/page  ", r.StageBytes.Sum(kv => kv.Value) / perPage / 1024) +
                string.Join("  ", r.StageBytes.Where(kv => kv.Value > 0).Select(kv => string.Format(c, "{0} {1:F0} KB", kv.Key, kv.Value / perPage / 1024))) +
                "  (decoding not counted)";
        }
        if (r.MetadataCost is { } metaCost)
            yield return string.Format(c, "without metadata {0,9:F1} pages/s  metadata adds {1:+0.0;-0.0} % to full extraction  (language included; bar: <= {2:F0} %, {3})",
                r.Pages * (double)r.Rounds / r.NoMetadataSeconds, metaCost * 100, MetadataBar * 100, metaCost <= MetadataBar ? "met" : "NOT met");
        if (r.ThreadCost is { } cost)
            yield return string.Format(c, "without thread   {0,9:F1} pages/s  thread adds {1:+0.0;-0.0} % to full extraction  (bar: <= {2:F0} %, {3})",
                r.Pages * (double)r.Rounds / r.NoThreadSeconds, cost * 100, ThreadCostBar * 100, cost <= ThreadCostBar ? "met" : "NOT met");
        if (r.Failures > 0)
            yield return string.Format(c, "failures         {0} extractions threw a WinnowException (their time is counted)", r.Failures);
    }
}
