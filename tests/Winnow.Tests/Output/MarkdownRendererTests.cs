using System.Collections.Immutable;
using Markdig;
using Winnow.Blocks;
using Winnow.Output;
using static Winnow.Tests.Output.B;

namespace Winnow.Tests.Output;

public class MarkdownRendererTests
{
    static string Body(params Block[] blocks) => MarkdownRenderer.RenderBody([.. blocks]);

    /// <summary>Markdig's plain text of the Markdown equals the block tree's plain text.</summary>
    static void AssertTextRoundTrips(params Block[] blocks)
    {
        var md = Body(blocks);
        var doc = MarkdigView.Parse(md);
        Assert.Empty(MarkdigView.Unexpected(doc));
        var expected = Norm(PlainText.Render([.. blocks]));
        // Markdig's own ToPlainText runs table cells together, so it is compared on other blocks only.
        if (!blocks.Any(b => b is TableBlock))
            Assert.True(expected == Norm(Markdown.ToPlainText(md, MarkdigView.Pipeline)),
                $"Markdown:\n{md}\nMarkdig text: {Norm(Markdown.ToPlainText(md, MarkdigView.Pipeline))}\nExpected:     {expected}");
        Assert.True(expected == Norm(MarkdigView.Text(doc)),
            $"Markdown:\n{md}\nMarkdig text: {Norm(MarkdigView.Text(doc))}\nExpected:     {expected}");
    }

    [Fact]
    public void WholeArticleHasTitleStandfirstBylineBodyAndBio()
    {
        var article = new ArticleMetadata
        {
            Title = "White House Says US Won’t Push Ukraine",
            Standfirst = "The US hasn't shown any interest",
            Authors = ["Dave DeCamp"],
            Published = new PageDate("July 6, 2022", new DateTimeOffset(2022, 7, 6, 0, 0, 0, TimeSpan.Zero), false, "meta"),
            AuthorBio = "Dave DeCamp is the news editor.",
        };
        var md = MarkdownRenderer.Render(Result(article, P("First."), H(2, "Next")));
        Assert.Equal(
            "# White House Says US Won’t Push Ukraine\n\n*The US hasn't shown any interest*\n\nBy Dave DeCamp · 2022-07-06\n\n" +
            "First.\n\n## Next\n\n___\n\nDave DeCamp is the news editor.\n", md);
        Assert.Equal("H1 P P P H2 HR P", MarkdigView.Shape(MarkdigView.Parse(md)));
    }

    [Fact]
    public void BlockStructureParsesBack()
    {
        var md = Body(
            H(1, "Demoted"), H(3, "Three"), H(9, "Clamped"),
            P("Para."),
            Ul(Li("a"), Li(P("b"), Ul(Li("b1"), Li("b2")))),
            Ol(5, Li("five"), Li("six")),
            Q(P("quoted"), Q(P("nested")), Ul(Li("in quote"))),
            Code("x = `y`\n```\nz", "python"),
            Table(Row(Th("h1"), Th("h2")), Row(Td("a"), Td("b")), Row(Td("c"), Td("d"))),
            Fig("https://example.com/a.png", "alt", T("Caption")),
            Hr);
        var doc = MarkdigView.Parse(md);
        Assert.Equal("H2 H3 H6 P Lu[I(P),I(P Lu[I(P),I(P)])] Lo5[I(P),I(P)] Q(P Q(P) Lu[I(P)]) C T3x2 P P HR", MarkdigView.Shape(doc));
        var code = MarkdigView.All<Markdig.Syntax.FencedCodeBlock>(doc).Single();
        Assert.Equal("python", code.Info);
        Assert.Equal("x = `y`\n```\nz", code.Lines.ToString());
        Assert.Equal(["image https://example.com/a.png"], MarkdigView.Urls(doc));
    }

    [Fact]
    public void QuotePrefixesEveryLineIncludingNestedBlocksAndCode()
    {
        var md = Body(Q(P(T("a"), Br, T("b")), Code("x\n\ny"), Q(P("deep"))));
        Assert.Equal("> a\\\n> b\n>\n> ```\n> x\n>\n> y\n> ```\n>\n> > deep\n", md);
    }

    [Fact]
    public void ListsNestAndKeepTheirStart()
    {
        // A paragraph with a list under it keeps the list tight...
        var tight = Body(Ul(Li("a"), Li(P("b"), Ol(1, Li("c"), Li("d")))));
        Assert.Equal("- a\n- b\n  1. c\n  2. d\n", tight);
        Assert.Equal("Lu[I(P),I(P Lo1[I(P),I(P)])]", MarkdigView.Shape(MarkdigView.Parse(tight)));
        // ...but an ordered list not starting at 1 cannot interrupt a paragraph: loose.
        var loose = Body(Ul(Li("a"), Li(P("b"), Ol(3, Li("c")))));
        Assert.Equal("- a\n\n- b\n\n  3. c\n", loose);
        Assert.Equal("Lu[I(P),I(P Lo3[I(P)])]", MarkdigView.Shape(MarkdigView.Parse(loose)));
        var md = Body(Ol(9, Li("nine"), Li(P("ten"), P("more"))));
        Assert.Equal("9. nine\n\n10. ten\n\n    more\n", md);
        Assert.Equal("Lo9[I(P),I(P P)]", MarkdigView.Shape(MarkdigView.Parse(md)));
    }

    [Fact]
    public void AdjacentListsOfTheSameKindStayApart()
    {
        var md = Body(Ul(Li("a")), Ul(Li("b")), Ul(Li("c")), Ol(1, Li("d")), Ol(3, Li("e")));
        Assert.Equal("- a\n\n+ b\n\n- c\n\n1. d\n\n3) e\n", md);
        Assert.Equal("Lu[I(P)] Lu[I(P)] Lu[I(P)] Lo1[I(P)] Lo3[I(P)]", MarkdigView.Shape(MarkdigView.Parse(md)));
    }

    [Fact]
    public void CodeFenceIsLongerThanAnyBacktickRunInside()
    {
        var md = Body(Code("````\ninside\n`````", "c#"));
        Assert.StartsWith("``````c#\n", md);
        var code = MarkdigView.All<Markdig.Syntax.FencedCodeBlock>(MarkdigView.Parse(md)).Single();
        Assert.Equal("````\ninside\n`````", code.Lines.ToString());
        // An info string that would break the fence is dropped, not written.
        Assert.StartsWith("```\n", Body(Code("x", "a`b")));
        Assert.StartsWith("```\n", Body(Code("x", "two words")));
    }

    [Fact]
    public void TablesArePipeTablesOnlyWhenRectangular()
    {
        var md = Body(Table(Row(Th("a|b"), Th("c")), Row(Td(T("1 "), St(T("2"))), Td(""))));
        Assert.Equal("| a\\|b | c |\n| --- | --- |\n| 1 **2** |  |\n", md);
        Assert.Equal("T2x2", MarkdigView.Shape(MarkdigView.Parse(md)));
        var ragged = Body(Table(Row(Th("a"), Th("b")), Row(Td("only one"))));
        Assert.Equal("a | b\n\nonly one\n", ragged);
        // A '|' in a code span or a URL cannot be escaped the same way by every parser.
        Assert.Equal("P P", MarkdigView.Shape(MarkdigView.Parse(Body(Table(Row(Td(C("a|b"))), Row(Td("x")))))));
        AssertTextRoundTrips(Table(Row(Th("a|b"), Th("c")), Row(Td("1"), Td(""))));
        AssertTextRoundTrips(Table(Row(Th("a"), Th("b")), Row(Td(C("x|y")))));
    }

    [Fact]
    public void FigureIsAnImageAndACaption()
    {
        var md = Body(Fig("https://x.test/a b (1).png", "An [alt] *text*", T("The caption")));
        Assert.Equal("![An \\[alt\\] \\*text\\*](<https://x.test/a b (1).png>)\n\nThe caption\n", md);
        var doc = MarkdigView.Parse(md);
        Assert.Equal(["image https://x.test/a b (1).png"], MarkdigView.Urls(doc));
        Assert.Equal("An [alt] *text*", Markdown.ToPlainText(md.Split("\n\n")[0], MarkdigView.Pipeline).Trim());
        // No usable source: only the caption; a data: URI is dropped.
        Assert.Equal("Only caption\n", Body(Fig("data:image/png;base64,AAAA", "alt", T("Only caption"))));
    }

    [Theory]
    [InlineData("Use * and _ and ** and __ literally")]
    [InlineData("# not a heading")]
    [InlineData("## not either #")]
    [InlineData("1. not a list")]
    [InlineData("2024) neither")]
    [InlineData("- not a bullet")]
    [InlineData("+ nor this")]
    [InlineData("* nor this")]
    [InlineData("> not a quote")]
    [InlineData("---")]
    [InlineData("***")]
    [InlineData("___")]
    [InlineData("=")]
    [InlineData("`code` not code, ``` not a fence")]
    [InlineData("[brackets](not-a-link) and [ref]")]
    [InlineData("[ref]: /url \"title\"")]
    [InlineData("<div>not html</div> <b>nor this</b> <!-- nor this -->")]
    [InlineData("<https://not.an.autolink> <a@b.c>")]
    [InlineData("AT&T &amp; &#35; &copy; &x")]
    [InlineData("back\\slash \\* \\\\ end\\")]
    [InlineData("snake_case_name and _leading and trailing_")]
    [InlineData("~~not struck~~ ~nor~")]
    [InlineData("|:-|:-:|")]
    [InlineData("    four spaces of indent")]
    [InlineData("\ttab indent")]
    [InlineData("!important")]
    [InlineData("price: $5 * 3 = $15 (approx.)")]
    [InlineData("emoji 😀 and é and —")]
    public void TrickyTextRoundTrips(string text)
    {
        AssertTextRoundTrips(P(text));
        AssertTextRoundTrips(H(2, text));
        AssertTextRoundTrips(Ul(Li(text)));
        AssertTextRoundTrips(Q(P(text)));
        AssertTextRoundTrips(P(T("a"), Br, T(text)));
        AssertTextRoundTrips(P(Em(T(text))));
        AssertTextRoundTrips(P(T("x "), St(T(text)), T(" y")));
        AssertTextRoundTrips(P(A("https://example.com/", T(text))));
        AssertTextRoundTrips(Table(Row(Th(text), Th("b")), Row(Td("c"), Td(text))));
    }

    [Fact]
    public void TextBeforeALinkDoesNotMakeItAnImage()
    {
        var md = Body(P(T("Wow!"), A("https://x.test/", T("link"))));
        Assert.Equal("Wow\\![link](https://x.test/)\n", md);
        Assert.Equal(["link https://x.test/"], MarkdigView.Urls(MarkdigView.Parse(md)));
    }

    [Theory]
    [InlineData("https://en.wikipedia.org/wiki/Foo_(bar)")]
    [InlineData("https://x.test/a b")]
    [InlineData("https://x.test/unbalanced)")]
    [InlineData("https://x.test/(unbalanced")]
    [InlineData("https://x.test/q?a=1&amp;b=2&c=3")]
    [InlineData("https://x.test/back\\slash")]
    [InlineData("https://x.test/<angle>")]
    [InlineData("/relative/path?x=\"q\"")]
    [InlineData("mailto:someone@example.com")]
    public void LinkUrlsRoundTrip(string url)
    {
        var md = Body(P(T("see "), A(url, T("this")), T(".")));
        var doc = MarkdigView.Parse(md);
        Assert.Equal(["link " + url], MarkdigView.Urls(doc));
        Assert.Equal("see this.", Norm(Markdown.ToPlainText(md, MarkdigView.Pipeline)));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JaVaScRiPt:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("vbscript:msgbox")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData(null)]
    public void UnsafeOrMissingLinksKeepOnlyTheirText(string? href)
    {
        var md = Body(P(A(href, T("click"))));
        Assert.Equal("click\n", md);
    }

    [Fact]
    public void EmphasisIsWrittenWithCorrectFlanking()
    {
        // Spaces at the edges move outside the delimiters.
        Assert.Equal("a *b* c\n", Body(P(T("a"), Em(T(" b ")), T("c"))));
        Assert.Equal("**Note:** text\n", Body(P(St(T("Note:")), T(" text"))));
        Assert.Equal("(*foo*)\n", Body(P(T("("), Em(T("foo")), T(")"))));
        // Touching siblings: the second switches to underscores.
        var touching = Body(P(Em(T("a")), St(T("b"))));
        Assert.Equal("*a*__b__\n", touching);
        Assert.Equal((1, 1), MarkdigView.EmphasisCounts(MarkdigView.Parse(touching)));
        // Same kind touching: one emphasis. Nested same kind: one emphasis.
        Assert.Equal("*ab*\n", Body(P(Em(T("a")), Em(T("b")))));
        Assert.Equal("*ab*\n", Body(P(Em(T("a"), Em(T("b"))))));
        // A closer after punctuation, followed by a letter, cannot close: the formatting goes, the text stays.
        Assert.Equal("Price:10\n", Body(P(St(T("Price:")), T("10"))));
        // Empty emphasis disappears.
        Assert.Equal("a b\n", Body(P(T("a"), Em(T(" ")), T("b"))));
        // Nested different kinds.
        var nested = Body(P(St(T("bold "), Em(T("both")), T(" bold"))));
        Assert.Equal("**bold *both* bold**\n", nested);
        Assert.Equal((1, 1), MarkdigView.EmphasisCounts(MarkdigView.Parse(nested)));
    }

    [Fact]
    public void InlineCodeUsesEnoughBackticks()
    {
        Assert.Equal("`a`\n", Body(P(C("a"))));
        Assert.Equal("``a`b``\n", Body(P(C("a`b"))));
        Assert.Equal("`` `a ``\n", Body(P(C("`a"))));
        Assert.Equal("`a``b`\n", Body(P(C("a``b"))));
        Assert.Equal("`  x  `\n", Body(P(C(" x "))));
        foreach (var code in new[] { "`", "``", "a`b``c", " x ", "  ", "x  ", "<b>", "\\*" })
        {
            var md = Body(P(T("code "), C(code)));
            var parsed = MarkdigView.All<Markdig.Syntax.Inlines.CodeInline>(MarkdigView.Parse(md)).Single();
            Assert.Equal(code, parsed.Content);
        }
    }

    [Fact]
    public void LineBreaksAreBackslashNewlineAndNeverTrailing()
    {
        Assert.Equal("a\\\nb\n", Body(P(T("a "), Br, T(" b"))));
        Assert.Equal("a\n", Body(P(Br, T("a"), Br)));
        // A line after a break is a line start: escaped as one.
        Assert.Equal("a\\\n\\# b\n", Body(P(T("a"), Br, T("# b"))));
        // Headings and table cells are one line.
        Assert.Equal("## a b\n", Body(new HeadingBlock(2, [T("a"), Br, T("b")])));
    }

    [Fact]
    public void EmptyBlocksAreLeftOut()
    {
        Assert.Equal("", Body(P(""), P(T(" "), Br), H(2, ""), Code("\n\n"), new ListBlock(false, []), Table(), Fig(null, null)));
    }

    [Fact]
    public void TitleWithHashesAndStandfirstWithMarkup()
    {
        var md = MarkdownRenderer.Render(Result(new ArticleMetadata { Title = "C# tips #1", Standfirst = "*Really* _good_" }));
        Assert.Equal("# C\\# tips \\#1\n\n*\\*Really\\* \\_good\\_*\n", md);
        var doc = MarkdigView.Parse(md);
        Assert.Equal("H1 P", MarkdigView.Shape(doc));
        Assert.Equal("C# tips #1\n\n*Really* _good_", MarkdigView.Text(doc));
    }

    [Fact]
    public void CodeSpansNeverTouch()
    {
        // Adjacent code spans would make one backtick run of their fences: they merge.
        var md = Body(P(C("a"), C("b")));
        Assert.Equal("`ab`\n", md);
        // Also when an emphasis between them had to go.
        AssertTextRoundTrips(P(C("a"), Em(C("b")), T("c")));
        // A backtick right before a code span is written as an entity (Markdig would read "\`" as part of the fence).
        md = Body(P(T("x`"), C("y")));
        Assert.Equal("x&#96;`y`\n", md);
        AssertTextRoundTrips(P(T("x`"), C("y")));
    }

    [Fact]
    public void AParagraphNeverStartsALinkReferenceDefinition()
    {
        // "[" + code span with "]: " would read as a definition; the link is given up, its text kept.
        var blocks = new Block[] { P(A("https://x.test/", C("]: /u")), T(" rest")) };
        var md = Body(blocks);
        Assert.Equal("`]: /u` rest\n", md);
        AssertTextRoundTrips(blocks);
        // Elsewhere in a paragraph the link stays.
        Assert.Equal("a [`]: /u`](https://x.test/)\n", Body(P(T("a "), A("https://x.test/", C("]: /u")))));
    }

    [Fact]
    public void TextSplitByDroppedEmphasisIsEscapedAsOne()
    {
        // "42" + "10. x" make "4210. x" at a line start once the emphasis cannot be kept.
        AssertTextRoundTrips(P(T("42"), Em(T("10.")), T(" x")));
        AssertTextRoundTrips(P(T("&amp"), St(T(";")), T("x")));
    }

    [Fact]
    public void ThematicBreakInsideAListItemAfterItsFirstBlockIsLeftOut()
    {
        var md = Body(Ul(Li(P("a"), Hr, P("b")), Li(Hr)));
        Assert.Equal("- a\n\n  b\n\n- ___\n", md);
        Assert.Equal("Lu[I(P P),I(HR)]", MarkdigView.Shape(MarkdigView.Parse(md)));
    }
}
