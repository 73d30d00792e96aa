using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Winnow.Blocks;
using Winnow.Output;
using static Winnow.Tests.Output.B;

namespace Winnow.Tests.Output;

public class HtmlRendererTests
{
    static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    static readonly HashSet<string> AllowedAttributes = ["class", "href", "rel", "src", "alt", "start", "datetime", "lang", "charset", "http-equiv", "content", "name"];

    /// <summary>No script, style or embedding element, no attribute outside the small set the
    /// renderer writes (so no event handler, no style), no URL with a scheme that can run code.</summary>
    static void AssertSafe(string html)
    {
        var doc = Parse(html);
        foreach (var tag in new[] { "script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "base", "frame", "noscript", "template" })
            Assert.Empty(doc.QuerySelectorAll(tag));
        foreach (var el in doc.All)
        {
            foreach (var attr in el.Attributes)
            {
                Assert.DoesNotMatch("^on", attr.Name);
                Assert.Contains(attr.Name, AllowedAttributes);
                if (attr.Name is "href" or "src")
                {
                    // What a browser's URL parser sees: no leading/trailing controls or spaces, no tabs or newlines.
                    var url = new string(attr.Value.Trim('\0', ' ', '\t', '\n', '\r', '\f').Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).ToLowerInvariant();
                    Assert.False(url.StartsWith("javascript:") || url.StartsWith("vbscript:") || url.StartsWith("data:"), $"unsafe URL {attr.Value}");
                    int colon = url.IndexOf(':');
                    int slash = url.IndexOfAny(['/', '?', '#']);
                    if (colon >= 0 && (slash < 0 || colon < slash))
                        Assert.Contains(url[..colon], new[] { "http", "https", "mailto" });
                }
            }
            if (el.LocalName == "meta" && el.GetAttribute("http-equiv") is { } equiv)
                Assert.Equal("Content-Security-Policy", equiv);
        }
    }

    [Fact]
    public void FullDocumentHasHeaderBodyAndFooter()
    {
        var article = new ArticleMetadata
        {
            Title = "White House Says US Won’t Push Ukraine",
            Standfirst = "The US hasn't shown any interest",
            Authors = ["Dave DeCamp", "A. N. Other"],
            Published = new PageDate("July 6, 2022", new DateTimeOffset(2022, 7, 6, 0, 0, 0, TimeSpan.Zero), false, "meta"),
            AuthorBio = "Dave DeCamp is the news editor.\nFollow him.",
            Language = "en-US",
            CanonicalUrl = "https://example.com/story",
        };
        var html = HtmlRenderer.Render(Result(article, P("First."), H(2, "Next")));
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-US\">", html);
        var doc = Parse(html);
        Assert.Equal("White House Says US Won’t Push Ukraine", doc.Title);
        Assert.Equal("https://example.com/story", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var a = doc.QuerySelector("body > article")!;
        Assert.Equal("White House Says US Won’t Push Ukraine", a.QuerySelector("header > h1")!.TextContent);
        Assert.Equal("The US hasn't shown any interest", a.QuerySelector("header > p.standfirst")!.TextContent);
        Assert.Equal(["Dave DeCamp", "A. N. Other"], a.QuerySelectorAll("p.byline span.author").Select(e => e.TextContent));
        var time = a.QuerySelector("p.byline time")!;
        Assert.Equal("2022-07-06", time.GetAttribute("datetime"));
        Assert.Equal("July 6, 2022", time.TextContent);
        Assert.Equal(["p", "h2"], a.Children.Where(e => e.LocalName is not ("header" or "footer")).Select(e => e.LocalName));
        Assert.Equal("Dave DeCamp is the news editor.Follow him.", a.QuerySelector("footer > p.author-bio")!.TextContent.Replace("\n", ""));
        AssertSafe(html);
    }

    [Fact]
    public void FragmentIsTheArticleAlone()
    {
        var html = HtmlRenderer.Render(Result(P("Only.")), fullDocument: false);
        Assert.Equal("<article>\n<p>Only.</p>\n</article>\n", html);
    }

    [Fact]
    public void EveryBlockKindMapsToItsSemanticTag()
    {
        var html = HtmlRenderer.Render(Result(
            H(1, "Demoted"), H(4, "Four"), H(9, "Clamped"),
            P(T("a "), Em(T("em")), T(" "), St(T("strong")), T(" "), C("code"), Br, A("https://x.test/?a=1&b=2", T("link"))),
            Ul(Li("one"), Li(P("two"), Ol(3, Li("three")))),
            Q(P("quoted")),
            Code("if (a < b) {\n  x();\n}", "c#"),
            Table(Row(Th("h1"), Th("h2")), Row(Td("a"), Td("b"))),
            Table(Row(Td("no"), Td("header"))),
            Fig("https://x.test/i.png", "Alt \"text\"", T("Caption")),
            Hr), fullDocument: false);
        var a = Parse(html).QuerySelector("article")!;
        Assert.Equal(["h2", "h4", "h6", "p", "ul", "blockquote", "pre", "table", "table", "figure", "hr"], a.Children.Select(e => e.LocalName));
        var p = a.QuerySelector("p")!;
        Assert.Equal("a <em>em</em> <strong>strong</strong> <code>code</code><br><a href=\"https://x.test/?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">link</a>", p.InnerHtml);
        Assert.Equal("3", a.QuerySelector("ul > li > ol")!.GetAttribute("start"));
        Assert.Equal("two", a.QuerySelector("ul > li > p")!.TextContent);
        Assert.Equal("language-c#", a.QuerySelector("pre > code")!.ClassName);
        Assert.Equal("if (a < b) {\n  x();\n}", a.QuerySelector("pre > code")!.TextContent);
        Assert.Equal(["h1", "h2"], a.QuerySelectorAll("table:first-of-type thead th").Select(e => e.TextContent));
        Assert.Equal(["a", "b"], a.QuerySelectorAll("table:first-of-type tbody td").Select(e => e.TextContent));
        Assert.Empty(a.QuerySelectorAll("table:nth-of-type(2) thead"));
        var img = a.QuerySelector("figure > img")!;
        Assert.Equal("Alt \"text\"", img.GetAttribute("alt"));
        Assert.Equal("Caption", a.QuerySelector("figure > figcaption")!.TextContent);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("&#x6A;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("\u00A0javascript:alert(1)")]
    [InlineData("java\u0000script:alert(1)")]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("' onmouseover='alert(1)")]
    public void HostileLinksAndImagesAreDroppedOrNeutralised(string url)
    {
        var html = HtmlRenderer.Render(Result(
            P(A(url, T("click me"))),
            Fig(url, "alt", T("cap"))));
        AssertSafe(html);
        var doc = Parse(html);
        Assert.Contains("click me", doc.Body!.TextContent);
        // Whatever survived is inert: every href is one of the allowed forms (checked above)
        // and, for these inputs, never the raw string with a scheme that can run code.
        foreach (var a in doc.QuerySelectorAll("a"))
            Assert.DoesNotContain(":alert", a.GetAttribute("href")!.Replace("&colon;", ""));
    }

    [Fact]
    public void HostileTextIsEscaped()
    {
        const string evil = "<script>alert(1)</script><img src=x onerror=alert(1)><style>*{}</style>&lt;b&gt;";
        var article = new ArticleMetadata
        {
            Title = "</title><script>alert(1)</script>",
            Standfirst = evil,
            Authors = [evil],
            AuthorBio = evil,
            Language = "en\" onload=\"alert(1)",
            CanonicalUrl = "javascript:alert(1)",
            Published = new PageDate(evil, null, false, "x"),
        };
        var html = HtmlRenderer.Render(Result(article,
            P(T(evil), Em(T(evil)), C(evil)),
            H(2, evil),
            Code(evil, "\"><script>alert(1)</script>"),
            Table(Row(Th(evil)), Row(Td(evil))),
            Fig("https://x.test/a.png", evil, T(evil)),
            Ul(Li(evil)), Q(P(evil))));
        AssertSafe(html);
        var doc = Parse(html);
        Assert.Equal("</title><script>alert(1)</script>", doc.Title);
        Assert.Null(doc.DocumentElement.GetAttribute("lang"));
        Assert.Empty(doc.QuerySelectorAll("link"));
        Assert.Empty(doc.QuerySelectorAll("article img:not([src='https://x.test/a.png'])"));
        Assert.Equal(evil, doc.QuerySelector("p.standfirst")!.TextContent);
        Assert.Equal(evil, doc.QuerySelector("pre > code")!.TextContent);
        Assert.Null(doc.QuerySelector("pre > code")!.GetAttribute("class"));
        Assert.Equal(evil, doc.QuerySelector("figure img")!.GetAttribute("alt"));
    }

    [Fact]
    public void ControlCharactersAreReplaced()
    {
        var html = HtmlRenderer.Render(Result(P("a\u0000b\u0008c\u007Fd\te")), fullDocument: false);
        Assert.Contains("a\uFFFDb\uFFFDc\uFFFDd\te", html);
    }

    [Fact]
    public void NestedLinksKeepOnlyTheOuterOne()
    {
        var html = HtmlRenderer.Render(Result(P(A("https://a.test/", T("x "), A("https://b.test/", T("y"))))), fullDocument: false);
        Assert.Contains("<a href=\"https://a.test/\" rel=\"nofollow noopener noreferrer\">x y</a>", html);
        // Inside an unsafe link, a safe one stays a link.
        var inner = HtmlRenderer.Render(Result(P(A("javascript:x", T("x "), A("https://b.test/", T("y"))))), fullDocument: false);
        Assert.Contains("x <a href=\"https://b.test/\" rel=\"nofollow noopener noreferrer\">y</a>", inner);
    }

    [Fact]
    public void RandomTreesAreSafeAndKeepTheirText()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var r = Result(new ArticleMetadata { Title = "T" }, [.. new RandomTrees(seed).Blocks()]);
            var html = HtmlRenderer.Render(r);
            AssertSafe(html);
            var article = Parse(html).QuerySelector("article")!;
            var chunks = new List<string>();
            foreach (var child in article.Children.Where(c => c.LocalName != "header")) Collect(child, chunks);
            var expected = Norm(PlainText.Render(r.Body, includeCaptions: true));
            var actual = Norm(string.Join("\n\n", chunks));
            Assert.True(expected == actual, $"seed {seed}\nexpected: {expected}\nactual:   {actual}\n{html}");
        }
    }

    /// <summary>The text of HTML blocks laid out as PlainText does: one chunk per paragraph,
    /// heading, code block, list item paragraph, table row (cells with text joined by " | ").</summary>
    static void Collect(IElement e, List<string> chunks)
    {
        switch (e.LocalName)
        {
            case "p" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "figcaption":
                chunks.Add(Text(e));
                break;
            case "tr":
                chunks.Add(string.Join(" | ", e.Children.Select(Text).Select(s => s.Trim()).Where(s => s.Length > 0)));
                break;
            case "li" when !e.Children.Any(c => c.LocalName is "p" or "ul" or "ol" or "blockquote" or "pre" or "table" or "figure" or "hr" or "h2" or "h3" or "h4" or "h5" or "h6"):
                chunks.Add(Text(e));
                break;
            default:
                foreach (var c in e.Children) Collect(c, chunks);
                break;
        }
    }

    static string Text(INode n)
    {
        var sb = new StringBuilder();
        foreach (var c in n.ChildNodes)
        {
            if (c is IText t) sb.Append(t.Data);
            else if (c is IElement { LocalName: "br" }) sb.Append('\n');
            else sb.Append(Text(c));
        }
        return sb.ToString();
    }
}
