using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Winnow.Dom;
using Winnow.Input;

namespace Winnow.Bench;

/// <summary>
/// Parse only (decode + <see cref="PageParser.Parse"/>) against full extraction, over every page of
/// a directory: <c>WINNOW_BENCH_DIR</c>, or <c>tests/data/corpus/scrapinghub</c> under the repository
/// root (found by walking up to <c>Winnow.sln</c>). One invocation is one pass over all pages;
/// pages/s = page count / mean time. The bar: Extract at ≥ 40 % of ParseOnly's pages/s.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    /// <summary>The environment variable naming the page directory.</summary>
    public const string DirectoryVariable = "WINNOW_BENCH_DIR";

    byte[][] _pages = [];
    Extractor _extractor = new();

    [GlobalSetup]
    public void Setup()
    {
        var dir = PageDirectory();
        _pages = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToArray();
        if (_pages.Length == 0) throw new InvalidOperationException($"No .html or .html.gz files under {dir}.");
        _extractor = new Extractor();
        Console.WriteLine($"// {_pages.Length} pages, {_pages.Sum(p => (long)p.Length):N0} bytes from {dir}");
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        var maxDepth = _extractor.Options.MaxTreeDepth;
        var sink = 0;
        foreach (var page in _pages)
            sink += PageParser.Parse(HtmlDecoder.Decode(page).Text, maxDepth).Document.ChildElementCount;
        return sink;
    }

    [Benchmark]
    public int Extract()
    {
        var sink = 0;
        foreach (var page in _pages)
        {
            try { sink += _extractor.Extract(page).Body.Length; }
            catch (WinnowException) { sink--; }
        }
        return sink;
    }

    static byte[] Load(string file)
    {
        if (!file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(file);
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    static string PageDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : throw new DirectoryNotFoundException($"{DirectoryVariable}={fromEnv}: no such directory.");
        // BenchmarkDotNet runs the benchmark from a generated project under bin/, so walk up from there and from the working directory.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Winnow.sln")))
                    return Path.Combine(d.FullName, "tests", "data", "corpus", "scrapinghub");
            }
        }
        throw new DirectoryNotFoundException($"Cannot find the repository root (Winnow.sln) above {AppContext.BaseDirectory}; set {DirectoryVariable}.");
    }
}
