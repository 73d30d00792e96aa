using System.IO.Compression;

namespace Winnow.Tests;

/// <summary>The repository's test data (tests/data), found from the test binaries' folder.</summary>
internal static class TestData
{
    /// <summary>The tests/data folder, found by walking up from <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The evaluation corpus: <c>Root/corpus/&lt;dataset&gt;/&lt;id&gt;.html.gz</c> + <c>&lt;id&gt;.json</c>.</summary>
    public static string CorpusDir { get; } = Path.Combine(Root, "corpus");

    /// <summary>A corpus page's bytes: <paramref name="path"/> is the full path of a <c>.html.gz</c> (gunzipped) or <c>.html</c> file.</summary>
    public static byte[] ReadCorpusHtml(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllBytes(path);
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gz.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Full paths of the corpus pages (<c>.html.gz</c> or <c>.html</c>), of one dataset or all, in ordinal order.</summary>
    public static IEnumerable<string> CorpusHtmlFiles(string? dataset = null)
    {
        var dir = dataset is null ? CorpusDir : Path.Combine(CorpusDir, dataset);
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".html.gz", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data");
            if (Directory.Exists(Path.Combine(candidate, "corpus"))) return candidate;
        }
        throw new DirectoryNotFoundException($"no tests/data/corpus folder above {AppContext.BaseDirectory}");
    }
}
