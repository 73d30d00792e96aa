using AngleSharp.Html.Parser;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

/// <summary>Categories, tags, license and page type: each source, and what must not count.</summary>
public class TaxonomyLicensePageTypeTests
{
    static ArticleMetadata Read(string html) => MetadataReader.Read(new HtmlParser().ParseDocument(html), null);

    static string Page(string head, string body = "") => $"<!doctype html><html><head>{head}</head><body>{body}</body></html>";

    static string Ld(string json) => $"<script type=\"application/ld+json\">{json}</script>";

    // ------------------------------------------------------------ categories and tags

    [Fact]
    public void WordPressCategoryAndTagLinksAreSeparated()
    {
        var m = Read(Page("", """
            <article><h1>Post</h1><p>Text.</p>
              <footer class="entry-meta">Posted in <a href="/c/a" rel="category tag">Alpha</a>, <a href="/c/b" rel="category tag">Beta</a>
              Tagged <a href="/t/x" rel="tag">#xray</a> <a href="/t/y" rel="tag">„yankee”</a> <a href="/t/x2" rel="tag">XRAY</a></footer></article>
            """));
        Assert.Equal(["Alpha", "Beta"], m.Categories.ToArray());
        Assert.Equal(["xray", "yankee"], m.Tags.ToArray());
        Assert.Equal("rel:category", m.Sources["categories"]);
        Assert.Equal("rel:tag", m.Sources["tags"]);
    }

    [Fact]
    public void TagCloudInASidebarIsNotThePostsTags()
    {
        var m = Read(Page("""<meta property="article:tag" content="Real Tag">""", """
            <article><h1>Post</h1><p>Text.</p></article>
            <aside class="sidebar"><div class="widget tagcloud"><a href="/t/1" rel="tag">Cloud One</a><a href="/t/2" rel="tag">Cloud Two</a></div></aside>
            """));
        Assert.Equal(["Real Tag"], m.Tags.ToArray());
        Assert.Equal("meta:article:tag", m.Sources["tags"]);
    }

    [Fact]
    public void CategoryArchiveLinkCountsOnlyInsideTheArticle()
    {
        var inArticle = Read(Page("", """<nav><a href="/category/menu/">Menu Item</a></nav><article><h1>T</h1><span class="cat"><a href="/category/politik/">Politik</a></span></article>"""));
        Assert.Equal(["Politik"], inArticle.Categories.ToArray());
        var menuOnly = Read(Page("", """<div class="menu"><a href="/category/menu/">Menu Item</a></div><article><h1>T</h1><p>x</p></article>"""));
        Assert.Empty(menuOnly.Categories);
    }

    [Fact]
    public void ArticleSectionAndBreadcrumbs()
    {
        var section = Read(Page(Ld("""{"@type":"NewsArticle","headline":"H","articleSection":["Science","Space"]}""")));
        Assert.Equal(["Science", "Space"], section.Categories.ToArray());

        var crumbs = Read(Page(Ld("""
            {"@type":"BreadcrumbList","itemListElement":[
              {"@type":"ListItem","position":3,"name":"The Headline"},
              {"@type":"ListItem","position":1,"name":"Home","item":"https://x.test/"},
              {"@type":"ListItem","position":2,"name":"Health","item":"https://x.test/health/"}]}
            """) + """<meta property="og:title" content="The Headline">"""));
        Assert.Equal(["Health"], crumbs.Categories.ToArray());
        Assert.Equal("json-ld:BreadcrumbList", crumbs.Sources["categories"]);
    }

    [Fact]
    public void KeywordsSplitOnCommasAndDropSentences()
    {
        var m = Read(Page("""<meta name="keywords" content="alpha, beta ,, This is a whole sentence that somebody put into the keywords field of the page, gamma">"""));
        Assert.Equal(["alpha", "beta", "gamma"], m.Tags.ToArray());
    }

    // ------------------------------------------------------------ license

    [Theory]
    [InlineData("http://creativecommons.org/licenses/by-sa/3.0/de/", "CC BY-SA 3.0 DE")]
    [InlineData("https://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND 4.0")]
    [InlineData("http://creativecommons.org/licenses/by/3.0/deed.de", "CC BY 3.0")]
    [InlineData("https://web.archive.org/web/2016/http://creativecommons.org/licenses/by-nc-sa/3.0/de/", "CC BY-NC-SA 3.0 DE")]
    [InlineData("https://creativecommons.org/licenses/by/4.0/legalcode", "CC BY 4.0")]
    [InlineData("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0")]
    public void CreativeCommonsUrlsBecomeShortNames(string url, string expected) =>
        Assert.Equal(expected, LicenseReader.FromCreativeCommonsUrl(url));

    [Theory]
    [InlineData("CC-BY-SA 2.0", "CC BY-SA 2.0")]
    [InlineData("cc by nc", "CC BY-NC")]
    [InlineData("Creative Commons Attribution-ShareAlike 3.0 License", "CC BY-SA 3.0")]
    [InlineData("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International", "CC BY-NC-ND 4.0")]
    [InlineData("GNU Free Documentation License", "GNU Free Documentation License")]
    public void LicenseNamesAreNormalised(string text, string expected) => Assert.Equal(expected, LicenseReader.FromName(text));

    [Fact]
    public void RelLicenseWinsOverAnImageCreditInTheArticle()
    {
        var m = Read(Page("", """
            <article><h1>T</h1><p>Photo: X, <a href="https://creativecommons.org/licenses/by/2.0/">CC BY 2.0</a></p></article>
            <footer><a rel="license" href="https://creativecommons.org/licenses/by-nc-sa/4.0/">license</a></footer>
            """));
        Assert.Equal("CC BY-NC-SA 4.0", m.License);
        Assert.Equal("rel:license", m.Sources["license"]);
    }

    [Fact]
    public void CreativeCommonsLinkInTheChromeIsTheLicenseWithoutRel()
    {
        var m = Read(Page("", """<article><h1>T</h1><p>x</p></article><div class="site-info">Licensed under <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC</a></div>"""));
        Assert.Equal("CC BY-SA 4.0", m.License);
    }

    [Fact]
    public void CopyrightLineIsNotALicense()
    {
        var m = Read(Page("""<meta name="dc.rights" content="© 2021 Example Media GmbH">""", "<article><h1>T</h1></article>"));
        Assert.Null(m.License);
    }

    // ------------------------------------------------------------ page type

    [Theory]
    [InlineData("""{"@type":"NewsArticle","headline":"H"}""", PageType.Article)]
    [InlineData("""{"@type":"Product","name":"Shoe","offers":{"@type":"Offer","price":"10"}}""", PageType.Product)]
    [InlineData("""[{"@type":"WebPage","name":"x"},{"@type":"Product","name":"Shoe"}]""", PageType.Product)]
    [InlineData("""{"@type":"QAPage","mainEntity":{"@type":"Question","name":"How?"}}""", PageType.Forum)]
    [InlineData("""{"@type":"DiscussionForumPosting","headline":"Thread"}""", PageType.Forum)]
    [InlineData("""{"@type":"CollectionPage","name":"News"}""", PageType.Listing)]
    public void StatedTypes(string json, PageType expected)
    {
        var m = Read(Page(Ld(json)));
        Assert.Equal(expected, m.PageType);
        Assert.Equal("json-ld:@type", m.Sources["page_type"]);
    }

    [Fact]
    public void OgTypeArticle()
    {
        var m = Read(Page("""<meta property="og:type" content="article">"""));
        Assert.Equal(PageType.Article, m.PageType);
        Assert.Equal("meta:og:type", m.Sources["page_type"]);
    }

    [Fact]
    public void ShapeDecidesWhenThePageSaysNothing()
    {
        var extractor = new Extractor();
        var para = string.Concat(Enumerable.Repeat("<p>This is a sentence of running text in a long article body, one of many. It goes on for a while.</p>", 12));
        var article = extractor.Extract($"<html><body><h1>A story</h1><div class=\"content\">{para}</div></body></html>");
        Assert.Equal(PageType.Article, article.Article.PageType);
        Assert.Equal("shape", article.Article.Sources["page_type"]);

        var teasers = string.Concat(Enumerable.Range(1, 8).Select(i => $"<article><h2><a href=\"/p{i}\">Teaser {i}</a></h2><p>A short teaser text for story number {i}.</p></article>"));
        var listing = extractor.Extract($"<html><body><h1>Blog</h1><main>{teasers}</main></body></html>");
        Assert.Equal(PageType.Listing, listing.Article.PageType);

        var empty = extractor.Extract("<html><body><p>Hi.</p></body></html>");
        Assert.Equal(PageType.Other, empty.Article.PageType);
    }
}

public class StageTimingTests
{
    [Fact]
    public void EveryExtractionReportsItsStagesInOrder()
    {
        var r = new Extractor().Extract(System.Text.Encoding.UTF8.GetBytes("<html><head><title>T</title></head><body><h1>T</h1><p>Some text of a body.</p></body></html>"));
        var stages = r.Diagnostics.Timings.Select(t => t.Stage).ToArray();
        Assert.Equal(["decode", "parse", "metadata", "content", "language"], stages);
        Assert.All(r.Diagnostics.Timings, t => Assert.True(t.Milliseconds >= 0));
        // decoded text in: no decode stage
        var fromText = new Extractor().Extract("<p>x</p>");
        Assert.DoesNotContain(fromText.Diagnostics.Timings, t => t.Stage == "decode");
    }

    [Fact]
    public void StagesReportTheBytesTheyAllocated()
    {
        // a page whose parse must allocate: 2,000 paragraphs are at least 2,000 element objects
        var html = "<html><body>" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"<p>Paragraph {i} of the body.</p>")) + "</body></html>";
        var r = new Extractor().Extract(System.Text.Encoding.UTF8.GetBytes(html));
        var parse = Assert.Single(r.Diagnostics.Timings, t => t.Stage == "parse");
        Assert.True(parse.AllocatedBytes > 2000 * 32, $"parse allocated {parse.AllocatedBytes} bytes");
        // the decoder runs before the clock: its allocations are not charged to any stage
        Assert.Equal(0, Assert.Single(r.Diagnostics.Timings, t => t.Stage == "decode").AllocatedBytes);
        Assert.All(r.Diagnostics.Timings, t => Assert.True(t.AllocatedBytes >= 0));
    }
}
