using System.Diagnostics;
using System.Text;
using Winnow.Dom;

namespace Winnow.Tests.Dom;

/// <summary>Timed tests run alone: in parallel with the corpus tests they would time the other tests too.</summary>
[CollectionDefinition(nameof(TimedTests), DisableParallelization = true)]
public sealed class TimedTests;

/// <summary>
/// The robustness bar of the issue: each of these pages returns (a result or a clear error) within
/// 2 seconds, through the parser and through the whole <see cref="Extractor"/>, without crashing.
/// </summary>
[Collection(nameof(TimedTests))]
public class HostileInputTests
{
    /// <summary>The bar for one hostile page.</summary>
    static readonly TimeSpan Bar = TimeSpan.FromSeconds(2);

    const int Limit = 512; // ExtractionOptions.MaxTreeDepth's default

    static HostileInputTests()
    {
        // JIT warm-up, so the bar measures the input's cost and not the first call's compilation.
        PageParser.Parse("<div><p>warm <b>up</b></p><table><td>x</table></div>", Limit);
        TryExtract(Encoding.UTF8.GetBytes("<html><head><title>t</title></head><body><p>warm up</p></body></html>"));
    }

    internal static string NestedDivs(int depth, string inner)
    {
        var sb = new StringBuilder(depth * 11 + inner.Length);
        for (int i = 0; i < depth; i++) sb.Append("<div>");
        sb.Append(inner);
        for (int i = 0; i < depth; i++) sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>Runs the whole pipeline; a <see cref="WinnowException"/> is an accepted answer.</summary>
    static (ExtractionResult? Result, WinnowException? Error) TryExtract(byte[] bytes)
    {
        try { return (new Extractor().Extract(bytes), null); }
        catch (WinnowException e) { return (null, e); }
    }

    static (ExtractionResult? Result, WinnowException? Error, TimeSpan Elapsed) TimedExtract(byte[] bytes)
    {
        var sw = Stopwatch.StartNew();
        var (result, error) = TryExtract(bytes);
        return (result, error, sw.Elapsed);
    }

    [Fact]
    public void HundredThousandNestedDivs_ParseFast_Limited_InnermostTextKept()
    {
        var html = NestedDivs(100_000, "the innermost words");

        var sw = Stopwatch.StartNew();
        var page = PageParser.Parse(html, Limit);
        sw.Stop();

        Assert.True(sw.Elapsed < Bar, $"parse took {sw.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(page.DepthLimited);
        Assert.Contains("the innermost words", page.Document.Body!.TextContent);
        Assert.True(ElementWalk.MaxDepth(page.Document.DocumentElement) + 1 <= Limit);
    }

    [Fact]
    public void HundredThousandNestedDivs_ThroughExtractor()
    {
        var bytes = Encoding.UTF8.GetBytes(NestedDivs(100_000, "the innermost words"));

        var (result, error, elapsed) = TimedExtract(bytes);

        Assert.True(elapsed < Bar, $"extraction took {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(result is not null || error is not null);
    }

    [Fact]
    public void TwentyMegabytePage_ThroughExtractor()
    {
        const string paragraph =
            "<p>The council met on Tuesday to discuss the <a href=\"https://example.org/budget\">new budget</a>, "
            + "which <b>raises</b> spending on schools and roads by four percent while holding taxes flat; "
            + "several residents spoke against the plan, citing the <em>cost of repairs</em> to the old bridge.</p>\n";
        var sb = new StringBuilder(20 * 1024 * 1024 + 1024);
        sb.Append("<!DOCTYPE html><html><head><title>A long page</title></head><body><article><h1>A long page</h1>");
        while (sb.Length < 20 * 1024 * 1024) sb.Append(paragraph);
        sb.Append("</article></body></html>");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(bytes.Length >= 20 * 1024 * 1024);

        var (result, error, elapsed) = TimedExtract(bytes);

        Assert.True(elapsed < Bar, $"extraction took {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(result is not null || error is not null);
    }

    [Fact]
    public void EmptyInput_Returns()
    {
        var (result, error, elapsed) = TimedExtract([]);

        Assert.True(elapsed < Bar);
        Assert.True(result is not null || error is not null);
        Assert.False(PageParser.Parse("", Limit).DepthLimited);
    }

    [Fact]
    public void OneMegabyteOfRandomBytes_Returns()
    {
        var bytes = new byte[1024 * 1024];
        new Random(20240611).NextBytes(bytes);

        var (result, error, elapsed) = TimedExtract(bytes);

        Assert.True(elapsed < Bar, $"extraction took {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(result is not null || error is not null);
    }

    [Theory]
    [InlineData("span")]          // phrasing
    [InlineData("b")]             // formatting: list of active formatting elements
    [InlineData("x-widget")]      // custom element
    [InlineData("blockquote")]    // closes p, block end tag
    [InlineData("object")]        // scope boundary and marker
    public void HundredThousandNestedElements_ParseFast(string tag)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) sb.Append('<').Append(tag).Append('>');
        sb.Append("the innermost words");
        for (int i = 0; i < 100_000; i++) sb.Append("</").Append(tag).Append('>');

        var sw = Stopwatch.StartNew();
        var page = PageParser.Parse(sb.ToString(), Limit);
        sw.Stop();

        Assert.True(sw.Elapsed < Bar, $"parse took {sw.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(page.DepthLimited);
        Assert.Contains("the innermost words", page.Document.Body!.TextContent);
    }

    [Fact]
    public void DeepSvg_IsBoundedToo()
    {
        var sb = new StringBuilder("<svg>");
        for (int i = 0; i < 100_000; i++) sb.Append("<g>");
        sb.Append("<text>the innermost words</text>");
        for (int i = 0; i < 100_000; i++) sb.Append("</g>");
        sb.Append("</svg>");

        var sw = Stopwatch.StartNew();
        var page = PageParser.Parse(sb.ToString(), Limit);
        sw.Stop();

        Assert.True(sw.Elapsed < Bar, $"parse took {sw.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(page.DepthLimited);
        Assert.Contains("the innermost words", page.Document.Body!.TextContent);
    }

    [Fact]
    public void ReopenedFormattingElements_AreBudgeted()
    {
        // Each paragraph reopens every formatting element still on the list: without a budget this
        // page makes the parser build over a million elements from 20,000 tags.
        var sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) sb.Append("<p><b id=b").Append(i).Append(">word").Append(i).Append("</p>");

        var sw = Stopwatch.StartNew();
        var page = PageParser.Parse(sb.ToString(), Limit);
        sw.Stop();

        Assert.True(sw.Elapsed < Bar, $"parse took {sw.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(page.DepthLimited);
        var text = page.Document.Body!.TextContent;
        Assert.Contains("word0", text);
        Assert.Contains("word19999", text);
        // 20,000 p + 20,000 b + at most the budget of reopened elements (+ html, head, body).
        Assert.True(page.Document.All.Length <= 40_000 + DepthPrepass.ReopenBudget + 3, $"{page.Document.All.Length} elements");
    }
}
