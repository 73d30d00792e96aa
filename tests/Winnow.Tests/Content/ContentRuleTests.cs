using Winnow.Blocks;

namespace Winnow.Tests.Content;

/// <summary>One small inline page per cleaning, selection and tidying rule.</summary>
public class ContentRuleTests
{
    static readonly Extractor Default = new();

    const string Prose = "The committee met on Tuesday to discuss the budget, which has grown by a third since last year, and agreed to publish its findings in the spring.";

    static string Page(string body, string head = "<title>A story</title>") => $"<html><head>{head}</head><body>{body}</body></html>";

    static string Paras(int n, string prefix = "") => string.Concat(Enumerable.Range(1, n).Select(i => $"<p>{prefix}Paragraph {i}. {Prose}</p>"));

    [Fact]
    public void CommentRegionNeverReachesTheBody()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(4)}</div></article>" +
                        "<div id='comments'><ol class='comment-list'><li class='comment'><p>I completely disagree with the committee, and I said so at the meeting, loudly and at length, to everyone.</p></li></ol></div>");
        var r = Default.Extract(html);
        Assert.DoesNotContain("completely disagree", r.BodyText);
        Assert.Contains("Paragraph 4.", r.BodyText);
        Assert.True(r.Diagnostics.CommentRegions >= 1);
    }

    [Fact]
    public void ShareBarInsideTheArticleIsDropped()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(3)}<div class='share-buttons'><a href='/fb'>Facebook</a> <a href='/tw'>Twitter</a> Share this story with your friends today</div></div></article>");
        var r = Default.Extract(html);
        Assert.DoesNotContain("Share this story", r.BodyText);
        Assert.Contains("Paragraph 3.", r.BodyText);
    }

    [Fact]
    public void LinkDenseListInsideTheArticleIsDropped_ButAProseListStays()
    {
        var links = string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href='/story{i}'>Another story number {i} you should read</a></li>"));
        var html = Page($"<article><div class='entry-content'>{Paras(3)}<ul>{links}</ul><ul><li>First, the budget grew by a third.</li><li>Second, the report comes in spring.</li></ul></div></article>");
        var r = Default.Extract(html);
        Assert.DoesNotContain("Another story number", r.BodyText);
        Assert.Contains("Second, the report comes in spring.", r.BodyText);
    }

    [Fact]
    public void ArticleBodySelectorBeatsALongerSidebar()
    {
        var html = Page($"<div class='sidebar'>{Paras(8, "Sidebar ")}</div><div itemprop='articleBody'>{Paras(3, "Body ")}</div>");
        var r = Default.Extract(html);
        Assert.StartsWith("selector:", r.Diagnostics.Strategy);
        Assert.Contains("Body Paragraph 1.", r.BodyText);
        Assert.DoesNotContain("Sidebar Paragraph", r.BodyText);
    }

    [Fact]
    public void ScoringWalkFindsTheBodyWithoutAnyNamedContainer()
    {
        var nav = string.Concat(Enumerable.Range(1, 10).Select(i => $"<a href='/s{i}'>Section {i}</a> "));
        var html = Page($"<div>{nav}</div><div><div>{Paras(5)}</div></div><div><p>Copyright 2024</p></div>");
        var r = Default.Extract(html);
        Assert.Equal("scoring", r.Diagnostics.Strategy);
        Assert.Contains("Paragraph 5.", r.BodyText);
        Assert.DoesNotContain("Section 3", r.BodyText);
    }

    [Fact]
    public void VisibleStandfirstIsKeptApartFromTheBody()
    {
        var html = Page($"<article><h1>A story</h1><h2 class='entry-subtitle'>The committee has not shown any interest in cutting the budget.</h2><div class='entry-content'>{Paras(4)}</div></article>");
        var r = Default.Extract(html);
        Assert.Equal("The committee has not shown any interest in cutting the budget.", r.Article.Standfirst);
        Assert.True(r.Article.IsStandfirstVisible);
        Assert.DoesNotContain("has not shown any interest", r.BodyText);
        Assert.StartsWith("The committee has not shown", r.ArticleText);
    }

    [Fact]
    public void JsonLdArticleBodyRescuesAScriptRenderedPage()
    {
        var body = string.Join(" ", Enumerable.Repeat(Prose, 6));
        var head = "<title>A story</title><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + body + "\"}</script>";
        var r = Default.Extract(Page("<div id='app'>Loading…</div>", head));
        Assert.Equal("structured-data", r.Diagnostics.Strategy);
        Assert.Contains("publish its findings in the spring", r.BodyText);
    }

    [Fact]
    public void RelatedSectionAtTheEndIsCut()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(5)}<h3>Related posts</h3><p>Why budgets grow: a look at ten years of committee spending decisions</p></div></article>");
        var r = Default.Extract(html);
        Assert.DoesNotContain("Related posts", r.BodyText);
        Assert.DoesNotContain("Why budgets grow", r.BodyText);
        Assert.Contains("Paragraph 5.", r.BodyText);
    }

    [Fact]
    public void RepeatedParagraphsAreKept()
    {
        const string Repeated = "Every member of the committee received the same printed copy of the draft report before the meeting began.";
        var p = $"<p>{Repeated}</p>";
        var html = Page($"<article><div class='entry-content'>{Paras(2)}{p}{p}{p}</div></article>");
        var r = Default.Extract(html);
        int count = r.BodyText.Split(Repeated).Length - 1;
        Assert.Equal(3, count);
    }

    [Fact]
    public void BylineAndDateLinesInsideTheArticleAreDropped()
    {
        var html = Page($"<article><div class='entry-content'><div class='byline'>By Jane Doe</div><p class='date'>12.12.2022, 08:30 Uhr</p>{Paras(3)}</div></article>");
        var r = Default.Extract(html);
        Assert.DoesNotContain("Jane Doe", r.BodyText);
        Assert.DoesNotContain("08:30", r.BodyText);
    }

    [Fact]
    public void StructureIsKeptInTheBlockTree()
    {
        var html = Page($"""
            <article><div class='entry-content'>
            {Paras(2)}
            <h2>A <em>section</em></h2>
            <p>Text with <strong>bold</strong>, <em>emphasis</em>, <code>x = 1</code> and <a href='https://example.org/a'>a link</a>.</p>
            <ul><li>one item</li><li>two items</li></ul>
            <ol start='3'><li>third</li></ol>
            <blockquote><p>A quoted sentence from the report.</p></blockquote>
            <pre class='language-csharp'>var x = 1;
              var y = 2;</pre>
            <table><tr><th>Year</th><th>Budget</th></tr><tr><td>2023</td><td>10</td></tr></table>
            <figure><img src='https://example.org/i.jpg' alt='A chart'><figcaption>The budget over time</figcaption></figure>
            </div></article>
            """);
        var blocks = Default.Extract(html).Body;
        var heading = Assert.Single(blocks.OfType<HeadingBlock>());
        Assert.Equal(2, heading.Level);
        Assert.Contains(heading.Inlines, i => i is EmphasisInline);
        var para = blocks.OfType<ParagraphBlock>().Single(p => Winnow.Output.PlainText.Inlines(p.Inlines).StartsWith("Text with"));
        Assert.Contains(para.Inlines, i => i is StrongInline);
        Assert.Contains(para.Inlines, i => i is CodeInline { Code: "x = 1" });
        Assert.Contains(para.Inlines, i => i is LinkInline { Href: "https://example.org/a" });
        var lists = blocks.OfType<ListBlock>().ToList();
        Assert.Equal(2, lists[0].Items.Length);
        Assert.True(lists[1].Ordered);
        Assert.Equal(3, lists[1].Start);
        Assert.Single(blocks.OfType<QuoteBlock>());
        var code = Assert.Single(blocks.OfType<CodeBlock>());
        Assert.Equal("csharp", code.Language);
        Assert.Contains("\n", code.Code);
        var table = Assert.Single(blocks.OfType<TableBlock>());
        Assert.True(table.Rows[0].Cells[0].IsHeader);
        var figure = Assert.Single(blocks.OfType<FigureBlock>());
        Assert.Equal("https://example.org/i.jpg", figure.Source);
        Assert.Equal("The budget over time", Winnow.Output.PlainText.Inlines(figure.Caption));
    }

    [Fact]
    public void OptionsTurnTablesImagesAndLinksOff()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(3)}<p>See <a href='https://example.org'>this</a>.</p><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table><figure><img src='https://example.org/i.jpg'></figure></div></article>");
        var r = new Extractor(new ExtractionOptions { IncludeTables = false, IncludeImages = false, IncludeLinks = false }).Extract(html);
        Assert.Empty(r.Body.OfType<TableBlock>());
        Assert.Empty(r.Body.OfType<FigureBlock>());
        Assert.DoesNotContain(r.Body.OfType<ParagraphBlock>().SelectMany(p => p.Inlines), i => i is LinkInline);
        Assert.Contains("See this.", r.BodyText);
    }

    [Fact]
    public void WhiteSpaceCollapsesButNoBreakSpacesStay()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(3)}<p>  two\n\n   words and\u00A0a no-break <b>bold</b>word </p></div></article>");
        var r = Default.Extract(html);
        Assert.Contains("two words and\u00A0a no-break boldword", r.BodyText);
    }

    [Fact]
    public void TheExtractorIsSafeToShareAcrossThreads()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(6)}</div></article>");
        var expected = Default.Extract(html).BodyText;
        var results = new string[32];
        Parallel.For(0, results.Length, i => results[i] = Default.Extract(html).BodyText);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void SoftHyphensAndZeroWidthSpacesAreNotText()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(3)}<p>Baro\u00ADlo und Bar\u00ADba\u00ADres\u200Bco sind Wei\uFEFFne.</p></div></article>");
        Assert.Contains("Barolo und Barbaresco sind Weine.", Default.Extract(html).BodyText);
    }

    [Fact]
    public void ACaptionLineWithAPhotoCreditIsDropped()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(2)}<p>Schoolchildren on their first day back. Foto: Andina</p>{Paras(2, "More ")}</div></article>");
        var r = Default.Extract(html);
        Assert.DoesNotContain("Foto: Andina", r.BodyText);
        Assert.Contains("More Paragraph 2.", r.BodyText);
    }

    [Fact]
    public void AReadAlsoTeaserInTheMiddleGoesButTheTextAfterItStays()
    {
        var html = Page($"<article><div class='entry-content'>{Paras(2)}<p>Lesen Sie auch: <a href='/other'>Ein ganz anderer Artikel über etwas anderes als dieses Thema hier</a></p>{Paras(4, "Later ")}</div></article>");
        var r = Default.Extract(html);
        Assert.DoesNotContain("Lesen Sie auch", r.BodyText);
        Assert.Contains("Later Paragraph 4.", r.BodyText);
    }

    [Fact]
    public void AnUnclosedNoscriptDoesNotSwallowThePage()
    {
        var html = $"<html><head><title>A story</title></head><body><noscript><img src='pixel.gif'><div><article><div class='entry-content'>{Paras(4)}</div></article></div></body></html>";
        Assert.Contains("Paragraph 4.", Default.Extract(html).BodyText);
    }

    [Fact]
    public void AShortResultCoveringLittleOfThePageIsRetriedWithTheRecallFilters()
    {
        // The body's list is half links: the balanced filters drop it, the recall retry keeps it.
        var items = string.Concat(Enumerable.Range(1, 12).Select(i => $"<li>Step {i}: see <a href='/s{i}'>the detailed guide to step {i}</a> first</li>"));
        // The rest of the page (sidebar, menu, footer) holds most of its text, but no single part of it half.
        var sidebar = string.Concat(Enumerable.Range(1, 8).Select(i => $"<p>Sidebar note {i}. {Prose}</p>"));
        var menu = string.Concat(Enumerable.Range(1, 60).Select(i => $"<a href='/m{i}'>Menu entry {i}</a> "));
        var footer = string.Concat(Enumerable.Range(1, 5).Select(i => $"<p>Footer note {i}. {Prose}</p>"));
        var html = Page($"<nav>{menu}</nav><div itemprop='articleBody'><p>{Prose} {Prose}</p><ul>{items}</ul></div><aside>{sidebar}</aside><footer>{footer}</footer>");
        var r = Default.Extract(html);
        Assert.EndsWith("+recall", r.Diagnostics.Strategy);
        Assert.Contains("Step 12: see the detailed guide", r.BodyText);
        var balancedOnly = r.Diagnostics.Candidates.First(c => c.Strategy.StartsWith("selector", StringComparison.Ordinal));
        Assert.True(balancedOnly.TextLength < r.BodyText.Length);
    }

    [Fact]
    public void TheDensityClassifierFindsProseWhereNoContainerIsNamedAndScoringFails()
    {
        // Paragraphs straight under <body>, separated by link rows: no container to select or score.
        var parts = string.Concat(Enumerable.Range(1, 5).Select(i => $"<p>Paragraph {i}. {Prose}</p><span><a href='/a{i}'>Link A</a> <a href='/b{i}'>Link B</a></span>"));
        var r = Default.Extract($"<html><head><title>T</title></head><body>{parts}</body></html>");
        Assert.Contains("Paragraph 5.", r.BodyText);
        Assert.DoesNotContain("Link A", r.BodyText);
    }

    [Fact]
    public void TheAuthorBoxBecomesTheBioAndLeavesTheBody()
    {
        const string Bio = "Jane Doe is the senior editor of the Globe and writes about courts, budgets and the law.";
        var box = $"<ul><li>Author</li><li>Recent Posts</li></ul><section class='vcard author abh_tab'><a rel='author' href='/author/jane'>Jane Doe</a><p>{Bio}</p></section>";
        var html = Page($"<article><h1>A story</h1><p class='byline'>By <a rel='author' href='/author/jane'>Jane Doe</a></p><div class='entry-content'>{Paras(5)}{box}</div></article>");
        var r = Default.Extract(html);
        Assert.Equal(Bio, r.Article.AuthorBio);
        Assert.DoesNotContain("senior editor", r.BodyText);
        Assert.DoesNotContain("Recent Posts", r.BodyText);
        Assert.Contains("Paragraph 5.", r.BodyText);
    }

    [Fact]
    public void BlockContentInsideNestedInlineElementsIsKeptInOrder()
    {
        // The parser keeps a div inside em and strong (formatting elements), so blocks sit inside inlines.
        var html = Page($"<article><div class='entry-content'>{Paras(3)}<div>Start <strong>bold <em>inner <div>first block</div> middle</em><div>second block</div> after</strong> end</div></div></article>");
        var text = Default.Extract(html).BodyText;
        var tail = System.Text.RegularExpressions.Regex.Replace(text[text.IndexOf("Start", StringComparison.Ordinal)..], @"\s+", " ");
        Assert.Equal("Start bold inner first block middle second block after end", tail);
    }
}
