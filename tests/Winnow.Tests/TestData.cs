using System.IO.Compression;

namespace Winnow.Tests;

/// <summary>Locates the repository's tests/data folder from the test assembly and reads corpus pages.</summary>
internal static class TestData
{
    /// <summary>The tests/data folder: the first ancestor of the test assembly's folder that contains tests/data.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Root/corpus: one folder per dataset, each page as &lt;id&gt;.html.gz (or .html) with &lt;id&gt;.json beside it.</summary>
    public static string CorpusDir { get; } = Path.Combine(Root, "corpus");

    /// <summary>The raw bytes of a corpus page, gunzipped when the file is a .gz.</summary>
    public static byte[] ReadCorpusHtml(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(path);
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Full paths of the corpus pages (.html.gz or .html), of one dataset or all, in ordinal order.</summary>
    public static IEnumerable<string> CorpusHtmlFiles(string? dataset = null)
    {
        var dir = dataset is null ? CorpusDir : Path.Combine(CorpusDir, dataset);
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
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
