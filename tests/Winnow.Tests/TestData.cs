using System.IO.Compression;

namespace Winnow.Tests;

/// <summary>Where the test data lives, and how to read the corpus pages.</summary>
internal static class TestData
{
    /// <summary>The tests/data folder, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Root/corpus: one folder per dataset, each page as &lt;id&gt;.html.gz.</summary>
    public static string CorpusDir { get; } = Path.Combine(Root, "corpus");

    /// <summary>The raw bytes of a page, from its full path (.html.gz is gunzipped, .html read as is).</summary>
    public static byte[] ReadCorpusHtml(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(path);
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Full paths of the corpus pages (all datasets, or one), in a stable order.</summary>
    public static IEnumerable<string> CorpusHtmlFiles(string? dataset = null)
    {
        var folders = dataset is null
            ? Directory.GetDirectories(CorpusDir).Order(StringComparer.Ordinal)
            : new[] { Path.Combine(CorpusDir, dataset) }.AsEnumerable();
        foreach (var folder in folders)
        {
            var pages = Directory.GetFiles(folder)
                .Where(f => f.EndsWith(".html.gz", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var page in pages) yield return page;
        }
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No tests/data folder above {AppContext.BaseDirectory}.");
    }
}
