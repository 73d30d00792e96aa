using AngleSharp.Html.Parser;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

public class MetadataReaderTests
{
    static ArticleMetadata Read(string html, string? url = null) =>
        MetadataReader.Read(new HtmlParser().ParseDocument(html), url is null ? null : new Uri(url));

    static string Page(string head, string body = "") => $"<!doctype html><html><head>{head}</head><body>{body}</body></html>";

    static string Ld(string json) => $"<script type=\"application/ld+json\">{json}</script>";

    // ------------------------------------------------------------ JSON-LD shapes

    [Fact]
    public void JsonLdSingleObject()
    {
        var m = Read(Page(Ld("""{"@context":"https://schema.org","@type":"NewsArticle","headline":"The Headline","datePublished":"2021-03-04T05:06:07Z","author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"Daily Planet"}}""")));
        Assert.Equal("The Headline", m.Title);
        Assert.Equal(["Jane Doe"], m.Authors.ToArray());
        Assert.Equal("2021-03-04", m.Published?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal("Daily Planet", m.SiteName);
        Assert.Equal("json-ld:publisher.name", m.Sources["site_name"]);
    }

    [Fact]
    public void JsonLdTopLevelArray()
    {
        var m = Read(Page(Ld("""[{"@type":"WebSite","name":"Planet"},{"@type":"BlogPosting","headline":"Array Post","author":[{"@type":"Person","name":"A One"},{"@type":"Person","name":"B Two"}]}]""")));
        Assert.Equal("Array Post", m.Title);
        Assert.Equal(["A One", "B Two"], m.Authors.ToArray());
        Assert.Equal("Planet", m.SiteName);
    }

    [Fact]
    public void JsonLdGraphWithAuthorReferenceById()
    {
        var m = Read(Page(Ld("""
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://x.test/p#webpage","name":"Graph Post - Planet"},
              {"@type":["Article","NewsArticle"],"headline":"Graph Post","author":{"@id":"https://x.test/#/person/1"},"datePublished":"2020-01-02"},
              {"@type":"Person","@id":"https://x.test/#/person/1","name":"Ref Erenced"}]}
            """)));
        Assert.Equal("Graph Post", m.Title);
        Assert.Equal(["Ref Erenced"], m.Authors.ToArray());
        Assert.Equal("2020-01-02", m.Published?.Iso);
        Assert.False(m.Published!.HasTime);
    }

    [Fact]
    public void JsonLdGivenAndFamilyName()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","author":{"@type":"Person","givenName":"Ada","familyName":"Lovelace"}}""")));
        Assert.Equal(["Ada Lovelace"], m.Authors.ToArray());
    }

    [Fact]
    public void JsonLdPlainStringAuthorWithList()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","author":"By Jane Doe and John Roe"}""")));
        Assert.Equal(["Jane Doe", "John Roe"], m.Authors.ToArray());
    }

    [Fact]
    public void JsonLdStringThatIsReallyAJsonArray()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","author":"[\"Jane Doe\",\"John Roe\"]","keywords":"[\"alpha\",\"beta\"]"}""")));
        Assert.Equal(["Jane Doe", "John Roe"], m.Authors.ToArray());
        Assert.Equal(["alpha", "beta"], m.Tags.ToArray());
    }

    [Fact]
    public void JsonLdNameArray()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","author":{"@type":"Person","name":["Jane Doe","John Roe"]}}""")));
        Assert.Equal(["Jane Doe", "John Roe"], m.Authors.ToArray());
    }

    [Fact]
    public void JsonLdArticleNestedInWebPage()
    {
        var m = Read(Page(Ld("""{"@type":"WebPage","name":"Page name","mainEntity":{"@type":"NewsArticle","headline":"Nested Article","author":{"@type":"Person","name":"Nes Ted"}}}""")));
        Assert.Equal("Nested Article", m.Title);
        Assert.Equal(["Nes Ted"], m.Authors.ToArray());
    }

    [Fact]
    public void InvalidJsonLdIsSkippedNotThrown()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline": "Broken", author: }""") + Ld("""{"@type":"Article","headline":"Second script","author":{"@type":"Person","name":"Val Id"}}""") + "<title>T</title>"));
        Assert.Equal("Second script", m.Title);
        Assert.Equal(["Val Id"], m.Authors.ToArray());
    }

    [Fact]
    public void JsonLdWithRawNewlinesInStringsIsRepaired()
    {
        var m = Read(Page(Ld("{\"@type\":\"Article\",\"headline\":\"Line one\nline two\",\"author\":{\"@type\":\"Person\",\"name\":\"New Line\"}}")));
        Assert.Equal("Line one line two", m.Title);
        Assert.Equal(["New Line"], m.Authors.ToArray());
    }

    [Fact]
    public void OrganisationAuthorOnlyWhenNoPersonIsNamed()
    {
        var orgOnly = Read(Page(Ld("""{"@type":"Article","headline":"H","author":{"@type":"Organization","name":"Planet Newsroom"}}""")));
        Assert.Equal(["Planet Newsroom"], orgOnly.Authors.ToArray());
        Assert.Equal("json-ld:author(organization)", orgOnly.Sources["authors"]);

        var withMeta = Read(Page(Ld("""{"@type":"Article","headline":"H","author":{"@type":"Organization","name":"Planet Newsroom"}}""") + "<meta name=\"author\" content=\"Jane Doe\">"));
        Assert.Equal(["Jane Doe"], withMeta.Authors.ToArray());

        var withByline = Read(Page(Ld("""{"@type":"Article","headline":"Headline here","author":{"@type":"Organization","name":"Planet Newsroom"}}"""),
            "<article><h1>Headline here</h1><p class=\"byline\">By Clark Kent</p><p>Text.</p></article>"));
        Assert.Equal(["Clark Kent"], withByline.Authors.ToArray());
    }

    // ------------------------------------------------------------ meta tags

    [Fact]
    public void OpenGraphAndArticleMeta()
    {
        var m = Read(Page("""
            <title>Story | Planet</title>
            <meta property="og:title" content="Story">
            <meta property="og:site_name" content="Planet">
            <meta property="og:description" content="A dek.">
            <meta property="og:image" content="/img/a.jpg">
            <meta property="og:url" content="https://planet.test/story">
            <meta property="og:locale" content="en_GB">
            <meta property="article:published_time" content="2019-05-06T07:08:09+02:00">
            <meta property="article:modified_time" content="2019-05-07T07:08:09+02:00">
            <meta property="article:tag" content="Space"><meta property="article:tag" content="Moon">
            <meta property="article:author" content="https://planet.test/author/x">
            """), "https://planet.test/story?x=1");
        Assert.Equal("Story", m.Title);
        Assert.Equal("Planet", m.SiteName);
        Assert.Equal("A dek.", m.Standfirst);
        Assert.Equal("https://planet.test/img/a.jpg", m.Image);
        Assert.Equal("https://planet.test/story", m.CanonicalUrl);
        Assert.Equal("en-GB", m.Language);
        Assert.Equal("2019-05-06T07:08:09+02:00", m.Published?.Iso);
        Assert.Equal("meta:article:published_time", m.Published?.Source);
        Assert.Equal("2019-05-07", m.Modified?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal(["Space", "Moon"], m.Tags.ToArray());
        Assert.Empty(m.Authors); // article:author is a URL: not a name
    }

    [Theory]
    [InlineData("<meta name=\"DC.date.issued\" content=\"2018-02-03\">", "meta:dc.date.issued")]
    [InlineData("<meta name=\"dc:date\" content=\"2018-02-03\">", "meta:dc.date")]
    [InlineData("<meta name=\"parsely-pub-date\" content=\"2018-02-03T10:00:00Z\">", "meta:parsely-pub-date")]
    [InlineData("<meta name=\"sailthru.date\" content=\"Sat, 03 Feb 2018 10:00:00 GMT\">", "meta:sailthru.date")]
    [InlineData("<meta name=\"citation_publication_date\" content=\"2018/02/03\">", "meta:citation_publication_date")]
    [InlineData("<meta name=\"pubdate\" content=\"20180203\">", "meta:pubdate")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2018-02-03\">", "meta:itemprop:datepublished")]
    public void DateMetaFamilies(string tag, string source)
    {
        var m = Read(Page(tag));
        Assert.Equal("2018-02-03", m.Published?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal(source, m.Published?.Source);
    }

    [Theory]
    [InlineData("<meta name=\"author\" content=\"Jane Doe\">", "Jane Doe")]
    [InlineData("<meta name=\"dc.creator\" content=\"Doe, Jane\">", "Doe, Jane")]
    [InlineData("<meta name=\"parsely-author\" content=\"Jane Doe\">", "Jane Doe")]
    [InlineData("<meta name=\"sailthru.author\" content=\"Jane Doe\">", "Jane Doe")]
    [InlineData("<meta name=\"citation_author\" content=\"Jane Doe\">", "Jane Doe")]
    [InlineData("<meta property=\"article:author\" content=\"Jane Doe\">", "Jane Doe")]
    public void AuthorMetaFamilies(string tag, string expected)
    {
        var m = Read(Page(tag));
        Assert.Equal(expected, m.Authors.FirstOrDefault());
    }

    [Fact]
    public void MetaAuthorThatIsTheSiteNameIsOnlyAnOrganisationFallback()
    {
        // the site's own name as the author: kept only because no person is named, and marked as an organisation
        var m = Read(Page("<meta property=\"og:site_name\" content=\"Planet\"><meta name=\"author\" content=\"planet\">"));
        Assert.Equal(["planet"], m.Authors.ToArray());
        Assert.True(m.AuthorsAreOrganizations);
        var withByline = Read(Page("<meta property=\"og:site_name\" content=\"Planet\"><meta name=\"author\" content=\"planet\">",
            "<article><h1>A headline here</h1><p class=\"byline\">By Jane Doe</p></article>"));
        Assert.Equal(["Jane Doe"], withByline.Authors.ToArray());
        Assert.False(withByline.AuthorsAreOrganizations);
        var real = Read(Page("<meta property=\"og:site_name\" content=\"Planet\"><meta name=\"author\" content=\"Fatima\">"));
        Assert.Equal(["Fatima"], real.Authors.ToArray());
    }

    [Fact]
    public void SiteNameFallsBackToApplicationName()
    {
        Assert.Equal("Planet App", Read(Page("<meta name=\"application-name\" content=\"Planet App\">")).SiteName);
    }

    [Fact]
    public void LanguageFromHtmlLangFirst()
    {
        var m = MetadataReader.Read(new HtmlParser().ParseDocument("<html lang=\"de_DE\"><head><meta property=\"og:locale\" content=\"en_US\"></head><body></body></html>"), null);
        Assert.Equal("de-DE", m.Language);
        Assert.Equal("html:lang", m.Sources["language"]);
    }

    [Fact]
    public void CanonicalLinkIsMadeAbsolute()
    {
        var m = Read(Page("<link rel=\"canonical\" href=\"/a/b\"><meta property=\"og:url\" content=\"https://other.test/\">"), "https://planet.test/x/y");
        Assert.Equal("https://planet.test/a/b", m.CanonicalUrl);
    }

    [Fact]
    public void StandfirstSkipsTruncatedFirstSentence()
    {
        var body = "<article><h1>Headline</h1><p>The council voted on Tuesday to close the old bridge for repairs that will take two years.</p></article>";
        var truncated = Read(Page("<meta name=\"description\" content=\"The council voted on Tuesday to close the old bridge for…\"><meta property=\"og:description\" content=\"The council voted on Tuesday to close the old bridge for…\">", body));
        Assert.Null(truncated.Standfirst);
        var real = Read(Page("<meta name=\"description\" content=\"A bridge closes for two years.\">", body));
        Assert.Equal("A bridge closes for two years.", real.Standfirst);
    }

    // ------------------------------------------------------------ visible byline

    [Fact]
    public void BylineByXAndY()
    {
        var m = Read(Page("<title>Headline</title>", "<article><h1>Headline</h1><div class=\"byline\">By Jane Doe and John Roe | July 6, 2022</div><p>Text</p></article>"));
        Assert.Equal(["Jane Doe", "John Roe"], m.Authors.ToArray());
        Assert.Equal("byline", m.Sources["authors"]);
    }

    [Fact]
    public void BylineRelAuthorLinks()
    {
        var m = Read(Page("<title>Headline</title>", "<article><h1>Headline</h1><p>Von <a rel=\"author\" href=\"/a\">Max Muster</a> und <a rel=\"author\" href=\"/b\">Erika Muster</a></p><p>Text</p></article>"));
        Assert.Equal(["Max Muster", "Erika Muster"], m.Authors.ToArray());
    }

    [Fact]
    public void BylineBeatsMetaAuthor()
    {
        var m = Read(Page("<meta name=\"author\" content=\"Site Admin\">", "<h1>Headline</h1><span class=\"author-name\">Dave DeCamp</span>"));
        Assert.Equal(["Dave DeCamp"], m.Authors.ToArray());
    }

    [Fact]
    public void CommentAuthorsAndSidebarAreNotBylines()
    {
        var m = Read(Page("", """
            <article><h1>Headline</h1><p>Text of the article.</p></article>
            <aside><span class="author">Sidebar Person</span></aside>
            <ol class="comment-list"><li><div class="comment-author vcard"><b class="fn">Commenter Name</b></div><p>Hi</p></li></ol>
            """));
        Assert.Empty(m.Authors);
    }

    [Fact]
    public void BylineFarFromTheHeadlineIsIgnored()
    {
        var filler = string.Concat(Enumerable.Repeat("<div><span>x</span></div>", 200));
        var m = Read(Page("", $"<h1>Headline</h1>{filler}<span class=\"author\">Far Away</span>"));
        Assert.Empty(m.Authors);
    }

    // ------------------------------------------------------------ author box

    [Fact]
    public void AuthorBoxBioWithoutNameLinesAndHeading()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"Headline","author":{"@type":"Person","name":"Jane Doe"}}"""), """
            <article><h1>Headline</h1><p>Body.</p>
            <div class="about-author"><h3>About the author</h3><div class="name">Jane Doe</div>
            <p>Jane Doe covers science for the <a href="/">Planet</a> and lives in Metropolis.</p>
            <a href="/author/jane">View all posts by Jane Doe</a></div></article>
            """));
        Assert.Equal("Jane Doe covers science for the Planet and lives in Metropolis.", m.AuthorBio);
    }

    [Fact]
    public void NoAuthorBoxNoBio()
    {
        Assert.Null(Read(Page("", "<h1>H</h1><p>Body text here.</p>")).AuthorBio);
    }

    // ------------------------------------------------------------ title

    [Fact]
    public void TitleSuffixStrippedOnlyForTheSiteName()
    {
        Assert.Equal("Story of the day", Read(Page("<title>Story of the day | Planet News</title><meta property=\"og:site_name\" content=\"Planet News\">")).Title);
        Assert.Equal("Story of the day", Read(Page("<title>Story of the day - planet.test</title>"), "https://www.planet.test/s").Title);
        Assert.Equal("Story of the day", Read(Page("<title>Planet News — Story of the day</title><meta property=\"og:site_name\" content=\"Planet News\">")).Title);
        // not the site name: kept
        Assert.Equal("Ukraine - The Long War", Read(Page("<title>Ukraine - The Long War</title><meta property=\"og:site_name\" content=\"Planet News\">")).Title);
    }

    [Fact]
    public void TruncatedJsonLdHeadlineIsReplacedByTheFullOgTitle()
    {
        var full = "A very long headline that goes on and on past the limit of one hundred and ten characters that some plugins cut at";
        var m = Read(Page(Ld($$"""{"@type":"Article","headline":"{{full[..100]}}"}""") + $"<meta property=\"og:title\" content=\"{full}\">"));
        Assert.Equal(full, m.Title);
    }

    [Fact]
    public void H1UsedWhenTitleTagContainsIt()
    {
        var m = Read(Page("<title>Breaking: the h1 story :: Planet</title>", "<header><h1>Planet</h1></header><article><h1>the h1 story</h1></article>"));
        Assert.Equal("the h1 story", m.Title);
        Assert.Equal("h1", m.Sources["title"]);
    }

    // ------------------------------------------------------------ dates

    [Fact]
    public void UrlDateIsValidated()
    {
        Assert.Equal("2021-02-28", Read(Page(""), "https://x.test/2021/02/28/story").Published?.Iso);
        Assert.Equal("url", Read(Page(""), "https://x.test/2021/02/28/story").Published?.Source);
        Assert.Null(Read(Page(""), "https://x.test/2021/02/30/story").Published);
    }

    [Fact]
    public void PartialDateIsNotCompletedWithADay()
    {
        var m = Read(Page("<meta name=\"date\" content=\"March 2021\">"));
        Assert.NotNull(m.Published);
        Assert.Null(m.Published!.Value);
        Assert.Null(m.Published.Iso);
        Assert.Equal("March 2021", m.Published.Raw);
    }

    [Fact]
    public void TimeElementInTheArticle()
    {
        var m = Read(Page("", "<article><h1>H</h1><time datetime=\"2020-06-05T10:00:00+02:00\">5. Juni</time><p>x</p></article><ol class=\"comments\"><li><time datetime=\"2020-07-01\">1 July</time></li></ol>"));
        Assert.Equal("2020-06-05", m.Published?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal("visible:time", m.Published?.Source);
    }

    [Fact]
    public void JsonLdDateBeatsMetaAndUrl()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","datePublished":"2020-01-01"}""") + "<meta property=\"article:published_time\" content=\"2020-02-02\">"), "https://x.test/2020/03/03/s");
        Assert.Equal("2020-01-01", m.Published?.Iso);
    }

    [Fact]
    public void SeedWithoutJsonLdStillFindsBylineAndDate()
    {
        var html = File.ReadAllText(Path.Combine(TestData.Root, "seeds", "page.html"));
        int s = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        int e = html.IndexOf("</script>", s, StringComparison.Ordinal) + "</script>".Length;
        html = html[..s] + html[e..];
        html = html.Replace("<meta name=\"author\" content=\"Dave DeCamp\">", "");
        var m = Read(html);
        Assert.Equal(["Dave DeCamp"], m.Authors.ToArray());
        Assert.StartsWith("byline", m.Sources["authors"]);
        Assert.Equal("2022-07-06", m.Published?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal("Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave.", m.AuthorBio);
    }

    [Fact]
    public void DeeplyNestedPageDoesNotOverflow()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 3000)) + "<h1>Deep</h1><span class=\"byline\">By Deep Diver</span>" + string.Concat(Enumerable.Repeat("</div>", 3000));
        var m = Read(Page("<title>Deep</title>", deep));
        Assert.Equal("Deep", m.Title);
    }

    [Fact]
    public void EmptyDocument()
    {
        var m = Read("");
        Assert.Null(m.Title);
        Assert.Empty(m.Authors);
        Assert.Null(m.Published);
    }
}
