using System.IO.Compression;

namespace Winnow.Tests;

/// <summary>Finds the repository's tests/data folder and reads the corpus pages.</summary>
internal static class TestData
{
    static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The tests/data folder (found by walking up from the test assembly's folder).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Root/corpus.</summary>
    public static string CorpusDir => Path.Combine(Root, "corpus");

    /// <summary>The page's raw bytes: gunzipped when the path ends in .gz.</summary>
    public static byte[] ReadCorpusHtml(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(path);
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Every page (.html.gz or .html) of one dataset folder, or of all of them, sorted by path.</summary>
    public static IEnumerable<string> CorpusHtmlFiles(string? dataset = null)
    {
        var dir = dataset is null ? CorpusDir : Path.Combine(CorpusDir, dataset);
        if (!Directory.Exists(dir)) return Array.Empty<string>();
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data");
            if (Directory.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("No tests/data folder above " + AppContext.BaseDirectory);
    }
}
