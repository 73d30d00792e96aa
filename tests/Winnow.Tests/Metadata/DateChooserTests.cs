using AngleSharp.Html.Parser;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

/// <summary>Which published / modified date the reader chooses among the page's sources.</summary>
public class DateChooserTests
{
    static ArticleMetadata Read(string html, string? url = null) =>
        MetadataReader.Read(new HtmlParser().ParseDocument(html), url is null ? null : new Uri(url));

    static string Page(string head, string body = "") => $"<!doctype html><html><head>{head}</head><body>{body}</body></html>";

    static string Ld(string json) => $"<script type=\"application/ld+json\">{json}</script>";

    // ------------------------------------------------------------ URL

    [Fact]
    public void UrlNeverOverridesAStatedDate()
    {
        var m = Read(Page("<meta property=\"article:published_time\" content=\"2020-02-02T10:00:00+01:00\">"), "https://x.test/2020/03/03/story");
        Assert.Equal("2020-02-02T10:00:00+01:00", m.Published?.Iso);
        Assert.Equal("meta:article:published_time", m.Published?.Source);
    }

    [Fact]
    public void UrlNeverOverridesAVisibleDate()
    {
        var m = Read(Page("<title>Story</title>", "<article><h1>Story</h1><time datetime=\"2020-02-02\">2. Februar 2020</time><p>Text</p></article>"), "https://x.test/2020/03/03/story");
        Assert.Equal("2020-02-02", m.Published?.Iso);
    }

    [Fact]
    public void UrlWithAnImpossibleDayGivesNoDate()
    {
        Assert.Null(Read(Page(""), "https://x.test/2021/02/29/story").Published);
        Assert.Equal("2020-02-29", Read(Page(""), "https://x.test/2020/02/29/story").Published?.Iso);
    }

    [Fact]
    public void UrlWithMonthOnlyIsNotCompletedWithADay()
    {
        Assert.Null(Read(Page(""), "https://x.test/2021/07/story").Published?.Value);
    }

    // ------------------------------------------------------------ partial dates

    [Fact]
    public void PartialStatedDateKeepsItsRawTextAndNoValue()
    {
        // month precision: Value null (no day is invented), Raw kept for the caller
        var m = Read(Page("<meta name=\"dc.date\" content=\"Juni 2020\">"));
        Assert.NotNull(m.Published);
        Assert.Null(m.Published!.Value);
        Assert.Equal("Juni 2020", m.Published.Raw);
    }

    [Fact]
    public void AFullVisibleDateBeatsAPartialStatedOne()
    {
        var m = Read(Page("<title>Story</title><meta name=\"dc.date\" content=\"Juni 2020\">", "<h1>Story</h1><p class=\"date\">5. Juni 2020</p>"));
        Assert.Equal("2020-06-05", m.Published?.Iso);
    }

    // ------------------------------------------------------------ published vs modified

    [Fact]
    public void StatedModifiedIsNotPublished()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","dateModified":"2021-05-05T10:00:00+02:00"}""")));
        Assert.Null(m.Published);
        Assert.Equal("2021-05-05T10:00:00+02:00", m.Modified?.Iso);
    }

    [Fact]
    public void VisibleUpdatedLineIsModifiedNotPublished()
    {
        var m = Read(Page("<title>Story</title>", "<h1>Story</h1><div class=\"date\">Updated Mar 12, 2020 @ 10:42 am</div><p>Text.</p>"));
        Assert.Null(m.Published);
        Assert.Equal("2020-03-12", m.Modified?.Value?.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("<div class=\"date\">Aktualisiert am 17.01.2021</div><div class=\"date\">Veröffentlicht am 12.01.2021</div>")]
    [InlineData("<p class=\"meta\">PUBLISHED: <time datetime=\"2021-01-12\">January 12, 2021</time> | UPDATED: <time datetime=\"2021-01-17\">January 17, 2021</time></p>")]
    [InlineData("<p class=\"meta\">Zuletzt aktualisiert: <time datetime=\"2021-01-17\">17.01.2021</time></p><p>Erschienen <time datetime=\"2021-01-12\">12.01.2021</time></p>")]
    public void VisiblePublishedAndUpdatedAreTold(string line)
    {
        var m = Read(Page("<title>Story</title>", "<article><h1>Story</h1>" + line + "<p>Text.</p></article>"));
        Assert.Equal("2021-01-12", m.Published?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal("2021-01-17", m.Modified?.Value?.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void ModifiedBeforePublishedIsKeptAsStated()
    {
        // a scheduled post is last edited before it goes out: both stamps are kept as the page states them
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","datePublished":"2022-12-25T11:00:00+01:00","dateModified":"2022-12-07T09:10:52+01:00"}""")));
        Assert.Equal("2022-12-25", m.Published?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal("2022-12-07", m.Modified?.Value?.ToString("yyyy-MM-dd"));
    }

    // ------------------------------------------------------------ relative dates

    [Theory]
    [InlineData("vor 2 Tagen")]
    [InlineData("3 hours ago")]
    [InlineData("yesterday at 10:42 am")]
    [InlineData("gestern")]
    public void RelativeVisibleDatesAreRejected(string text)
    {
        var m = Read(Page("<title>Story</title>", $"<article><h1>Story</h1><span class=\"date\">{text}</span><p>Text.</p></article>"));
        Assert.Null(m.Published);
    }

    // ------------------------------------------------------------ JSON-LD shapes

    [Theory]
    [InlineData("""{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},{"@type":"NewsArticle","headline":"H","datePublished":"2021-03-04T05:06:07+01:00"}]}""", "2021-03-04T05:06:07+01:00")]
    [InlineData("""[{"@type":"Organization","name":"S"},{"@type":"BlogPosting","headline":"H","datePublished":"2021-03-04"}]""", "2021-03-04")]
    [InlineData("""{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"H","datePublished":"2021-03-04"}}""", "2021-03-04")]
    [InlineData("""{"@type":["NewsArticle","Article"],"headline":"H","datePublished":["2021-03-04","2021-03-05"]}""", "2021-03-04")]
    [InlineData("""{"@type":"Article","headline":"H","datePublished":{"@value":"2021-03-04","@type":"Date"}}""", "2021-03-04")]
    [InlineData("""{"@type":"Article","headline":"H","dateCreated":"2021-03-04"}""", "2021-03-04")]
    [InlineData("""{"@type":"Article","headline":"H","datePublished":"Thu, 04 Mar 2021 05:06:07 GMT"}""", "2021-03-04T05:06:07+00:00")]
    [InlineData("""{"@type":"Article","headline":"H","datePublished":"2021-3-4 22:17:36"}""", "2021-03-04T22:17:36+00:00")]
    public void JsonLdDateShapes(string json, string iso)
    {
        Assert.Equal(iso, Read(Page(Ld(json))).Published?.Iso);
    }

    [Theory]
    [InlineData("<span itemprop=\"datePublished\" content=\"2021-03-04\">4. März</span>", "itemprop:datePublished")]
    [InlineData("<span property=\"schema:datePublished\" content=\"2021-03-04\">4. März</span>", "rdfa:schema:datePublished")]
    [InlineData("<span property=\"dc:date\">2021-03-04</span>", "rdfa:dc:date")]
    public void MicrodataAndRdfaDates(string element, string source)
    {
        var m = Read(Page("<title>Story</title>", "<article><h1>Story</h1>" + element + "<p>Text.</p></article>"));
        Assert.Equal("2021-03-04", m.Published?.Iso);
        Assert.Equal(source, m.Published?.Source);
    }

    [Fact]
    public void JsonLdDateOfARelatedArticleIsNotTheDate()
    {
        var m = Read(Page(Ld("""{"@type":"WebPage","hasPart":{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"Article","headline":"Other","datePublished":"2019-01-01"}}]},"datePublished":"2021-03-04"}""")));
        Assert.Equal("2021-03-04", m.Published?.Iso);
    }

    // ------------------------------------------------------------ the page's own time zone

    [Fact]
    public void UtcInstantTakesTheOffsetAnotherSourceStates()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"H","datePublished":"2019-10-18T22:04:00Z"}""") + "<meta name=\"date\" content=\"Sat, 19 Oct 2019 00:04:00 +0200\">"));
        Assert.Equal("2019-10-19T00:04:00+02:00", m.Published?.Iso);
        Assert.StartsWith("json-ld:", m.Published?.Source);
    }

    [Fact]
    public void UtcInstantTakesTheOffsetTheVisibleWallTimeShows()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"Story","datePublished":"2023-11-09T05:30:59Z"}"""),
            "<article><h1>Story</h1><div class=\"time\">PUBLISHED: <time datetime=\"2023-11-08 23:30:59\">November 8, 2023 at 11:30 p.m.</time></div><p>Text.</p></article>"));
        Assert.Equal("2023-11-08T23:30:59-06:00", m.Published?.Iso);
    }

    [Fact]
    public void UtcInstantTakesTheDayOfAVisibleTimeElement()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"Story","datePublished":"Wed, 04 May 2022 00:25:56 GMT"}"""),
            "<article><h1>Story</h1><time class=\"com-date\" datetime=\"3 de mayo de 2022\">3 de mayo de 2022</time><p>Text.</p></article>"));
        Assert.Equal("2022-05-03", m.Published?.Iso);
    }

    [Fact]
    public void SlashedDayFirstWallTimeIsReadTheWayTheInstantConfirms()
    {
        // "3/5/2022 22:41" parses month-first (5 March); day-first it is 3 May 22:41 = 4 May 02:41 UTC at −04:00
        var m = Read(Page(Ld("""{"@type":"Article","headline":"Story","datePublished":"Wed, 04 May 2022 02:41:00 GMT"}"""),
            "<article><h1>Story</h1><h6><a href=\"/a\"><strong>Autor</strong></a><span>3/5/2022 22:41</span></h6><p>Text.</p></article>"));
        Assert.Equal("2022-05-03T22:41:00-04:00", m.Published?.Iso);
    }

    [Fact]
    public void StatedOffsetIsNeverChanged()
    {
        var m = Read(Page(Ld("""{"@type":"Article","headline":"Story","datePublished":"2022-02-03T20:17:12+01:00"}"""),
            "<article><h1>Story</h1><time datetime=\"2022-02-04\">4. Februar 2022</time><p>Text.</p></article>"));
        Assert.Equal("2022-02-03T20:17:12+01:00", m.Published?.Iso);
    }

    [Fact]
    public void UnrelatedVisibleDateDoesNotMoveTheUtcDay()
    {
        // two days off: no time zone explains it; the stated instant stays
        var m = Read(Page(Ld("""{"@type":"Article","headline":"Story","datePublished":"2022-05-04T00:25:56Z"}"""),
            "<article><h1>Story</h1><time datetime=\"2022-05-02\">2. Mai 2022</time><p>Text.</p></article>"));
        Assert.Equal("2022-05-04T00:25:56+00:00", m.Published?.Iso);
    }

    // ------------------------------------------------------------ where the visible date is

    [Fact]
    public void CommentDatesAreNotThePostDate()
    {
        var m = Read(Page("<title>Story</title>", "<div class=\"content right-sidebar\"><h1>Story</h1><p>Text.</p><ol class=\"comment-list\"><li><span class=\"comment-date\">April 19, 2019</span></li></ol></div>"));
        Assert.Null(m.Published);
    }

    [Fact]
    public void LayoutClassOnTheWrapperDoesNotHideTheDateLine()
    {
        var m = Read(Page("<title>Story</title>", "<div class=\"content right-sidebar\"><h1>Story</h1><span class=\"meta\">April 19, 2019</span><p>Text.</p><ol class=\"comment-list\"><li><span class=\"comment-date\">Mai 05, 2019</span></li></ol></div>"));
        Assert.Equal("2019-04-19", m.Published?.Iso);
    }

    [Fact]
    public void PostTitleHeadingAnchorsTheDateWhenTheH1IsTheSiteName()
    {
        var m = Read(Page("<title>Tach auch!</title><meta property=\"og:title\" content=\"Tach auch!\">",
            "<header><h1>Mein Blog</h1></header><p>Blogroll</p><div class=\"posts\"><h2 class=\"date-header\">Dienstag, 28. April 2020</h2><h3 class=\"post-title\">Tach auch!</h3><p>Text.</p></div>"));
        Assert.Equal("2020-04-28", m.Published?.Iso);
    }

    [Fact]
    public void PressDatelineOpeningTheTextIsTheDate()
    {
        var m = Read(Page("<title>Story</title>", "<h1>Story</h1><p>Von Claudia L.</p><p>Berlin, 27.1.2022 - Bei der Erinnerung an die Verfolgten des NS-Regimes in Deutschland stehen …</p>"));
        Assert.Equal("2022-01-27", m.Published?.Iso);
    }

    [Fact]
    public void DateInsideASentenceIsNotTheDate()
    {
        var m = Read(Page("<title>Story</title>", "<h1>Story</h1><p>Am 27.1.2022 wurde in Berlin der Opfer gedacht, und viele kamen zu der Feier.</p>"));
        Assert.Null(m.Published);
    }

    [Fact]
    public void RegistrationDateOfAForumUserIsNotThePostDate()
    {
        var m = Read(Page("<title>Was ist Freie Software</title>",
            "<div class=\"post\"><dl class=\"postprofile\"><dd><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl><h3>Was ist Freie Software</h3><p class=\"author\"><span>von r23 »</span>21.01.2009, 05:42</p><div>Text.</div></div>"));
        Assert.Equal("2009-01-21T05:42:00+00:00", m.Published?.Iso);
    }
}
