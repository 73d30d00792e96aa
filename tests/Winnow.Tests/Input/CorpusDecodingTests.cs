using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Winnow.Input;
using Xunit.Abstractions;

namespace Winnow.Tests.Input;

/// <summary>Decodes the real pages of tests/data/corpus and checks the result against their gold text.</summary>
public partial class CorpusDecodingTests(ITestOutputHelper output)
{
    /// <summary>
    /// Highest mojibake score a decoded corpus page may have. Some pages carry a few mis-encoded strings
    /// in their own bytes (e.g. "RÃ¶mer" in a shop's URLs, "nÃ£o" in a script comment), which no
    /// decoder can undo: the most on one page of this corpus is 6. Reading one of its UTF-8 pages with
    /// 100+ non-ASCII characters as windows-1252 scores at least 100 (see
    /// <see cref="MisdecodingAUtf8PageWouldBreakTheBound"/>), so 10 still separates right from wrong.
    /// </summary>
    const int MojibakeBound = 10;

    [Fact]
    public void NonUtf8PagesDecodeToTheirGoldText()
    {
        int pages = 0, pagesChecked = 0, snippetsChecked = 0;
        var failures = new List<string>();
        foreach (var path in TestData.CorpusHtmlFiles())
        {
            var bytes = TestData.ReadCorpusHtml(path);
            var declaredLabels = DeclaredLabels(bytes);
            bool invalidUtf8 = !Utf8.IsValid(bytes);
            bool declaresLegacy = declaredLabels.Any(l => EncodingLabels.Lookup(l) is { } e && e != WebEncoding.Utf8);
            if (!invalidUtf8 && !declaresLegacy) continue;
            pages++;

            var decoded = HtmlDecoder.Decode(bytes);
            var ours = PageTextVariants(decoded.Text);

            // The page "contains" a gold text when any plausible decoding of it shows the text: UTF-8,
            // windows-1252 or any encoding a charset= anywhere in the page names. Whatever the page
            // contains, our single decoding must show.
            var candidates = declaredLabels.Select(EncodingLabels.Lookup).OfType<WebEncoding>()
                .Append(WebEncoding.Utf8).Append(WebEncoding.Windows1252).Distinct()
                .Select(e => PageTextVariants(e.Decode(bytes))).ToList();

            int before = snippetsChecked;
            foreach (var gold in GoldTexts(path).Where(HasNonAsciiLetter).Select(Normalize).Distinct())
            {
                if (!candidates.Any(variants => variants.Any(v => v.Contains(gold, StringComparison.Ordinal)))) continue;
                snippetsChecked++;
                if (!ours.Any(v => v.Contains(gold, StringComparison.Ordinal)))
                    failures.Add($"{Path.GetFileName(path)} ({decoded.EncodingName}, {decoded.Source}): \"{gold}\"");
            }
            if (snippetsChecked > before) pagesChecked++;
            output.WriteLine($"{Path.GetRelativePath(TestData.CorpusDir, path)}: {decoded.EncodingName} ({decoded.Source}), " +
                $"{snippetsChecked - before} gold texts with non-ASCII letters checked");
        }

        output.WriteLine($"{pages} pages not plainly UTF-8; {pagesChecked} with checkable gold; {snippetsChecked} gold texts checked.");
        Assert.Empty(failures);
        // The corpus has 28 such pages, 25 of them with findable gold text holding umlauts, Polish or
        // Chinese letters (166 texts). Far fewer would mean the selection or the search broke and the
        // test proved nothing; the minimums leave room for corpus edits.
        Assert.True(pagesChecked >= 15, $"only {pagesChecked} pages had checkable gold text");
        Assert.True(snippetsChecked >= 50, $"only {snippetsChecked} gold texts were checked");
    }

    [Fact]
    public void EveryPageDecodesWithoutMojibake()
    {
        int pages = 0;
        var failures = new List<string>();
        foreach (var path in TestData.CorpusHtmlFiles())
        {
            var bytes = TestData.ReadCorpusHtml(path);
            var decoded = HtmlDecoder.Decode(bytes);
            pages++;
            int ours = HtmlDecoder.MojibakeScore(decoded.Text);
            int naive = HtmlDecoder.MojibakeScore(Encoding.UTF8.GetString(bytes));
            if (ours > naive || ours > MojibakeBound)
                failures.Add($"{Path.GetFileName(path)}: {decoded.EncodingName} scores {ours} (naive UTF-8: {naive})");
        }
        // The corpus holds 778 pages; far fewer means the data was not found, not that all is well.
        Assert.True(pages > 700, $"expected the whole corpus, found {pages} pages");
        Assert.Empty(failures);
    }

    [Fact]
    public void MisdecodingAUtf8PageWouldBreakTheBound()
    {
        // The bound means something only if a wrong decoding exceeds it: every UTF-8 page with a fair
        // amount of non-ASCII text must score above it when read as windows-1252.
        int pages = 0;
        foreach (var path in TestData.CorpusHtmlFiles())
        {
            var bytes = TestData.ReadCorpusHtml(path);
            var decoded = HtmlDecoder.Decode(bytes);
            if (decoded.EncodingName != "utf-8") continue;
            // 100 non-ASCII characters: enough that a page is clearly not English-only.
            if (decoded.Text.Count(c => c > 0x7F) < 100) continue;
            pages++;
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            int misread = HtmlDecoder.MojibakeScore(WebEncoding.Windows1252.Decode(bytes.AsSpan(start)));
            Assert.True(misread > MojibakeBound, $"{Path.GetFileName(path)} read as windows-1252 scores only {misread}");
        }
        // About half the corpus qualifies; a handful would make the check meaningless.
        Assert.True(pages > 100, $"only {pages} UTF-8 pages with non-ASCII text");
    }

    /// <summary>Every charset=label in the page, found naively (no HTML parsing): the candidates to try.</summary>
    static List<string> DeclaredLabels(byte[] bytes) =>
        CharsetPattern().Matches(Encoding.Latin1.GetString(bytes)).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>The page's text with tags removed two ways (a tag between letters may or may not separate words).</summary>
    static string[] PageTextVariants(string html)
    {
        var withoutComments = CommentPattern().Replace(html, " ");
        return
        [
            Normalize(WebUtility.HtmlDecode(TagPattern().Replace(withoutComments, " "))),
            Normalize(WebUtility.HtmlDecode(TagPattern().Replace(withoutComments, ""))),
        ];
    }

    /// <summary>Whitespace (including no-break spaces) collapsed to single spaces, as the corpus scorer compares.</summary>
    static string Normalize(string text) => WhitespacePattern().Replace(text, " ").Trim();

    static bool HasNonAsciiLetter(string text) => text.Any(c => c > 0x7F && char.IsLetter(c));

    /// <summary>Title, author, body paragraphs, must-have and must-not-have snippets, comment snippets and thread texts.</summary>
    static IEnumerable<string> GoldTexts(string htmlPath)
    {
        var jsonPath = htmlPath.EndsWith(".gz", StringComparison.Ordinal)
            ? htmlPath[..^".html.gz".Length] + ".json"
            : htmlPath[..^".html".Length] + ".json";
        using var json = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var root = json.RootElement;
        var texts = new List<string>();
        void AddString(JsonElement parent, string name)
        {
            if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) texts.Add(value.GetString()!);
        }
        void AddArray(string name)
        {
            if (root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
                foreach (var item in array.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String) texts.Add(item.GetString()!);
        }
        AddString(root, "title");
        AddString(root, "author");
        AddArray("with");
        AddArray("without");
        AddArray("comments_with");
        if (root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
            texts.AddRange(body.GetString()!.Split("\n\n", StringSplitOptions.RemoveEmptyEntries));
        if (root.TryGetProperty("thread", out var thread) && thread.ValueKind == JsonValueKind.Array)
            foreach (var comment in thread.EnumerateArray())
            {
                AddString(comment, "author");
                AddString(comment, "text");
            }
        return texts;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex WhitespacePattern();
}
