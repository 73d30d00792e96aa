using System.Diagnostics;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Winnow.Cli;

/// <summary>One page of an evaluation corpus: <c>&lt;dir&gt;/&lt;id&gt;.html</c> (or <c>.html.gz</c>) with its gold <c>&lt;id&gt;.json</c> beside it.</summary>
/// <param name="Id">The file name without <c>.html</c> / <c>.html.gz</c>.</param>
/// <param name="RelativeDir">The page's folder relative to the corpus folder ("" for the corpus folder itself).</param>
/// <param name="HtmlPath">Full path of the page's HTML file.</param>
/// <param name="GoldPath">Full path of the gold <c>&lt;id&gt;.json</c>, or null when there is none.</param>
public sealed record CorpusPage(string Id, string RelativeDir, string HtmlPath, string? GoldPath)
{
    /// <summary>The prediction's path relative to the output folder: the gold file's relative path.</summary>
    public string PredictionRelativePath => Path.Combine(RelativeDir, Id + ".json");
}

/// <summary>What <see cref="CorpusRunner.WritePredictions"/> did.</summary>
public sealed record CorpusRunSummary(int Pages, int Failed, TimeSpan Elapsed);

/// <summary>Runs the extractor over a corpus folder and writes one prediction file per page, in the format score.py reads.</summary>
public static class CorpusRunner
{
    const string Html = ".html", HtmlGz = ".html.gz";

    static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // predictions are files, not HTML: keep the text readable
    };

    /// <summary>
    /// Every <c>*.html</c> and <c>*.html.gz</c> under <paramref name="corpusDir"/> (recursively), in ordinal order of
    /// their relative paths. When a folder holds both forms of one id, the <c>.html</c> file is used.
    /// </summary>
    public static IReadOnlyList<CorpusPage> FindPages(string corpusDir)
    {
        if (!Directory.Exists(corpusDir)) throw new DirectoryNotFoundException($"no such folder: {corpusDir}");
        var pages = new Dictionary<string, CorpusPage>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        foreach (var path in Directory.EnumerateFiles(corpusDir, "*", options))
        {
            string name = Path.GetFileName(path);
            string? id = name.EndsWith(HtmlGz, StringComparison.Ordinal) ? name[..^HtmlGz.Length]
                : name.EndsWith(Html, StringComparison.Ordinal) ? name[..^Html.Length]
                : null;
            if (string.IsNullOrEmpty(id)) continue;
            string dir = Path.GetDirectoryName(path)!;
            string relDir = Path.GetRelativePath(corpusDir, dir);
            if (relDir == ".") relDir = "";
            string gold = Path.Combine(dir, id + ".json");
            var page = new CorpusPage(id, relDir, path, File.Exists(gold) ? gold : null);
            string key = Path.Combine(relDir, id);
            if (!pages.TryGetValue(key, out var seen) || (seen.HtmlPath.EndsWith(HtmlGz, StringComparison.Ordinal) && !name.EndsWith(HtmlGz, StringComparison.Ordinal)))
                pages[key] = page;
        }
        return pages.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
    }

    /// <summary>The page's bytes, gunzipped when the file ends in <c>.gz</c>.</summary>
    public static byte[] ReadHtml(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllBytes(path);
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gz.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The "url" string of the page's gold file, or null (no gold file, unreadable, no such key, or not a string).</summary>
    public static string? ReadGoldUrl(CorpusPage page)
    {
        if (page.GoldPath is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(page.GoldPath));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                ? url.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Extracts every page of <paramref name="corpusDir"/> with up to <paramref name="threads"/> pages at a time and writes
    /// <c>&lt;outDir&gt;/&lt;relative dir&gt;/&lt;id&gt;.json</c>. A page that fails still gets a prediction (empty body, its error under
    /// "error"), and its error goes to <paramref name="errors"/>; the run never stops on a page. Files and messages do not
    /// depend on the thread count: messages are written after the run, in page order.
    /// </summary>
    public static CorpusRunSummary WritePredictions(Extractor extractor, string corpusDir, string outDir, int threads, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var clock = Stopwatch.StartNew();
        var pages = FindPages(corpusDir);
        var failures = new string?[pages.Count];
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var page = pages[i];
            Dictionary<string, object?> prediction;
            try
            {
                var result = extractor.Extract(ReadHtml(page.HtmlPath), ReadGoldUrl(page), null, CancellationToken.None);
                prediction = ToPrediction(result);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures[i] = $"{page.PredictionRelativePath}: {e.GetType().Name}: {e.Message}";
                prediction = new Dictionary<string, object?> { ["body"] = "", ["error"] = $"{e.GetType().Name}: {e.Message}" };
            }
            string target = Path.Combine(outDir, page.PredictionRelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, Serialize(prediction));
        });
        int failed = 0;
        foreach (var failure in failures)
        {
            if (failure is null) continue;
            failed++;
            errors.WriteLine("error: " + failure);
        }
        return new CorpusRunSummary(pages.Count, failed, clock.Elapsed);
    }

    /// <summary>
    /// The prediction record score.py reads: body (the article's text as a reader sees it: the visible standfirst,
    /// then the body — what the benchmarks annotate as main text), title, author (authors joined with ", " as bylines display them), date (ISO 8601),
    /// site_name, language; null where the extractor found nothing.
    /// </summary>
    public static Dictionary<string, object?> ToPrediction(ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var article = result.Article;
        return new Dictionary<string, object?>
        {
            ["body"] = result.ArticleText,
            ["title"] = article.Title,
            ["author"] = article.Authors.IsDefaultOrEmpty ? null : string.Join(", ", article.Authors),
            ["date"] = article.Published?.Iso,
            ["site_name"] = article.SiteName,
            ["language"] = article.Language,
            // not scored by score.py; kept so the corpus's categories / tags / page_license gold can be compared
            ["categories"] = article.Categories.IsDefault ? Array.Empty<string>() : article.Categories.ToArray(),
            ["tags"] = article.Tags.IsDefault ? Array.Empty<string>() : article.Tags.ToArray(),
            ["license"] = article.License,
            ["page_type"] = Output.JsonRenderer.PageTypeName(article.PageType),
            // The readers' comment thread in the format score.py's (iv) reads (document order, parent = index in the
            // list), and its texts joined for the trafilatura benchmark's comment snippets.
            ["thread"] = result.Thread.Comments.Select(c => (object?)new Dictionary<string, object?>
            {
                ["author"] = c.Author,
                ["date"] = c.Date?.Raw,
                ["text"] = c.PlainText,
                ["parent"] = c.Parent,
            }).ToList(),
            ["comments"] = result.Thread.Count == 0 ? null : result.Thread.JoinedText,
        };
    }

    /// <summary>The prediction as indented UTF-8 JSON (lone surrogates, which JSON writers refuse, become U+FFFD).</summary>
    public static byte[] Serialize(Dictionary<string, object?> prediction)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteValue(writer, prediction);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(Sanitize(s)); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(Sanitize(key));
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"cannot write a {value.GetType().Name} into a prediction");
        }
    }

    static string Sanitize(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (!char.IsSurrogate(s[i])) continue;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            var chars = s.ToCharArray();
            for (int j = i; j < chars.Length; j++)
            {
                if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1])) { j++; continue; }
                if (char.IsSurrogate(chars[j])) chars[j] = '\uFFFD';
            }
            return new string(chars);
        }
        return s;
    }
}
