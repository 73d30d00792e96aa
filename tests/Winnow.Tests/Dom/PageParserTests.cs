using System.Text;
using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Tests.Dom;

public class PageParserTests
{
    const int Limit = 512;

    /// <summary>Parses with the limit and without it; asserts the limit changed nothing.</summary>
    static ParsedPage AssertSameAsUnbounded(string html, int maxDepth = Limit)
    {
        var bounded = PageParser.Parse(html, maxDepth);
        var unbounded = PageParser.Parse(html, int.MaxValue);
        Assert.False(bounded.DepthLimited);
        Assert.Equal(unbounded.Document.DocumentElement.OuterHtml, bounded.Document.DocumentElement.OuterHtml);
        Assert.Same(html, DepthPrepass.Apply(html, maxDepth, default, out _));
        return bounded;
    }

    static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    [Fact]
    public void NormalPage_IsNotLimited_AndEqualsTheUnboundedParse()
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=utf-8><title>A <normal> page</title>")
            .Append("<style>div > p { color: red }</style><script>if (a < b && c > d) document.write('<div><div>');</script></head><body>")
            .Append(HostileInputTests.NestedDivs(50, "fifty levels down"))
            .Append("<ul>").Append(Repeat("<li>an item <a href='/x'>link</a>", 200)).Append("</ul>")
            .Append("<ol><li>one<ol><li>nested<li>again</ol><li>two</ol>")
            .Append("<dl>").Append(Repeat("<dt>term<dd>definition", 100)).Append("</dl>")
            .Append("<table><tr><th>h1<th>h2").Append(Repeat("<tr><td>a<td>b<td><p>c", 300)).Append("</table>")
            .Append(Repeat("<p>a paragraph without an end tag", 300))
            .Append(Repeat("<p><font face=Arial>old style text", 100))
            .Append(Repeat("<h2><a name=x>anchor never closed</h2><p>text", 100))
            .Append("<p><b>bold <i>both</b> italic</i> plain")
            .Append("<select>").Append(Repeat("<option>choice", 100)).Append("</select>")
            .Append("<svg viewBox='0 0 10 10'>").Append(Repeat("<path d='M0 0L10 10'/>", 300)).Append("<g><circle r=1/></g></svg>")
            .Append("<math><mi>x</mi><mo>=</mo><mn>1</mn></math>")
            .Append("<!-- a comment with <div><div><div> inside -->")
            .Append("<textarea><div><div></textarea><title-like data-x=\"a>b\">attribute quoting</title-like>")
            .Append("<noscript><img src=lazy.jpg></noscript>")
            .Append("</body></html>")
            .ToString();

        var page = AssertSameAsUnbounded(html);

        Assert.Contains("fifty levels down", page.Document.Body!.TextContent);
    }

    [Fact]
    public void Noscript_IsParsedAsMarkup()
    {
        // IsScripting is off: the real <img> of a lazy-loaded image is an element, not text.
        var page = PageParser.Parse("<body><noscript><img src=real.jpg></noscript></body>", Limit);

        var img = page.Document.QuerySelector("noscript > img");
        Assert.NotNull(img);
        Assert.Equal("real.jpg", img!.GetAttribute("src"));
    }

    [Theory]
    [InlineData("<script>var s = '<div><div><div><div><div><div><div><div><div><div>';</script>")]
    [InlineData("<script><!--<script>x</script><div><div><div><div><div><div><div><div><div>--></script>")]
    [InlineData("<style>/* <div><div><div><div><div><div><div><div><div><div> */</style>")]
    [InlineData("<textarea><div><div><div><div><div><div><div><div><div><div></textarea>")]
    [InlineData("<title><div><div><div><div><div><div><div><div><div><div></title>")]
    [InlineData("<!-- <div><div><div><div><div><div><div><div><div><div> -->")]
    [InlineData("<p title='<div><div><div><div><div><div><div><div><div><div>'>quoted</p>")]
    [InlineData("<svg><path/><path/><path/><path/><path/><path/><path/><path/><path/><path/></svg>")]
    [InlineData("<svg><![CDATA[<div><div><div><div><div><div><div><div><div><div>]]></svg>")]
    [InlineData("<p>1<p>2<p>3<p>4<p>5<p>6<p>7<p>8<p>9<p>10<p>11<p>12")]
    [InlineData("<li>1<li>2<li>3<li>4<li>5<li>6<li>7<li>8<li>9<li>10<li>11")]
    [InlineData("<table><tr><td>1<td>2<tr><td>3<td>4<tr><td>5<td>6<tr><td>7<td>8<tr><td>9</table>")]
    [InlineData("<select><option>1<option>2<option>3<option>4<option>5<option>6<option>7<option>8</select>")]
    [InlineData("<a href=1>1<a href=2>2<a href=3>3<a href=4>4<a href=5>5<a href=6>6<a href=7>7<a href=8>8")]
    [InlineData("<p><font>1<p><font>2<p><font>3<p><font>4<p><font>5<p><font>6<p><font>7<p><font>8<p>9")]
    [InlineData("<br><br><img><hr><input><br/><wbr><img><img><img><img><img><meta><link>")]
    public void MarkupThatDoesNotNest_IsNotLimited_AtASmallLimit(string body)
    {
        // At a limit of 8 (html, body and 6 levels) each of these would be cut if it were counted as nesting.
        AssertSameAsUnbounded("<html><body>" + body + "<div><div>after</div></div></body></html>", maxDepth: 8);
    }

    [Fact]
    public void DeepMarkup_IsCutAtTheLimit_AndKeepsItsTextInOrder()
    {
        var html = HostileInputTests.NestedDivs(20, "<p>deep one</p><p>deep two</p>");

        var page = PageParser.Parse(html, 8);

        Assert.True(page.DepthLimited);
        Assert.Equal(8, ElementWalk.MaxDepth(page.Document.DocumentElement) + 1);
        var text = page.Document.Body!.TextContent;
        Assert.True(text.IndexOf("deep one", StringComparison.Ordinal) < text.IndexOf("deep two", StringComparison.Ordinal));
    }

    [Fact]
    public void DroppedBlockTags_StillSeparateWords_DroppedInlineTagsDoNot()
    {
        var page = PageParser.Parse("<div>alpha<div>beta<span>gam<b>ma</b></span></div></div>", 3);

        Assert.True(page.DepthLimited);
        var text = page.Document.Body!.TextContent;
        Assert.Contains("alpha beta", text);
        Assert.Contains("gamma", text);
    }

    [Fact]
    public void EndTagsOfDroppedElements_AreDroppedToo()
    {
        // The deep part is cut; what follows it sits where it belongs.
        var html = "<div id=outer>" + HostileInputTests.NestedDivs(30, "deep") + "</div><p id=after>after</p>";

        var page = PageParser.Parse(html, 10);

        Assert.True(page.DepthLimited);
        var after = page.Document.GetElementById("after");
        Assert.NotNull(after);
        Assert.Equal("BODY", after!.ParentElement!.TagName);
    }

    [Fact]
    public void ScriptsAtTheLimit_AreKept_NotTurnedIntoText()
    {
        var html = HostileInputTests.NestedDivs(20, "<script>var secret = 1;</script>visible");

        var page = PageParser.Parse(html, 6);

        Assert.True(page.DepthLimited);
        var script = page.Document.QuerySelector("script");
        Assert.NotNull(script);
        Assert.Contains("secret", script!.TextContent);
        var textOutsideScripts = string.Concat(page.Document.Body!.Descendants<IText>()
            .Where(t => t.ParentElement?.LocalName != "script").Select(t => t.Data));
        Assert.DoesNotContain("secret", textOutsideScripts);
        Assert.Contains("visible", page.Document.Body!.TextContent);
    }

    [Fact]
    public void UnlimitedDepth_ParsesWithoutThePrepass()
    {
        var page = PageParser.Parse(HostileInputTests.NestedDivs(1000, "x"), int.MaxValue);

        Assert.False(page.DepthLimited);
        Assert.Equal(1002, ElementWalk.MaxDepth(page.Document.DocumentElement) + 1);
    }

    [Fact]
    public void TooSmallLimit_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PageParser.Parse("<p>x", 2));
    }

    [Fact]
    public void CancelledToken_StopsTheParse()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PageParser.Parse("<p>x", Limit, cancelled.Token));

        // Cancelled while AngleSharp works on a large page: it checks the token between tokens.
        var big = Repeat("<p>Some text with <b>bold</b> and <a href=x>a link</a>.</p>", 400_000);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => PageParser.Parse(big, Limit, soon.Token));
    }

    [Fact]
    public void SharedParser_GivesTheSameResultsFromManyThreads()
    {
        var pages = TestData.CorpusHtmlFiles().Where((_, i) => i % 20 == 0)
            .Select(f => Encoding.UTF8.GetString(TestData.ReadCorpusHtml(f))).ToArray();
        var expected = pages.Select(p => PageParser.Parse(p, Limit).Document.DocumentElement.OuterHtml).ToArray();

        var actual = new string[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            // Each worker goes through the pages in its own order, so different pages overlap.
            var results = new string[pages.Length];
            for (int k = 0; k < pages.Length; k++)
            {
                int i = (k + worker * 7) % pages.Length;
                var document = PageParser.Parse(pages[i], Limit).Document;
                document.QuerySelectorAll("div > p, a[href]"); // the shared context's selector parser too
                results[i] = document.DocumentElement.OuterHtml;
            }
            actual[worker] = results;
        });

        foreach (var results in actual) Assert.Equal(expected, results);
    }
}
