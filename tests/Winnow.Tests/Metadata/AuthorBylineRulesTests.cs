using AngleSharp.Html.Parser;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

/// <summary>Unclassed bylines (label + name, date line), middle initials, layout-excluded bylines, affiliation lists.</summary>
public class AuthorBylineRulesTests
{
    static ArticleMetadata Read(string html) => MetadataReader.Read(new HtmlParser().ParseDocument(html), null);

    static string Page(string head, string body) => $"<!doctype html><html><head>{head}</head><body>{body}</body></html>";

    const string Head = "<title>Wir waren fast 40 Tage in Quarantäne</title><meta property=\"og:title\" content=\"Wir waren fast 40 Tage in Quarantäne\">";

    // ------------------------------------------------------------ a label element, then the name

    [Fact]
    public void LabelHeadingThenNameLink()
    {
        var m = Read(Page(Head, "<article><h1>Wir waren fast 40 Tage in Quarantäne</h1><section><h4>Autor</h4><p><a href=\"/profil/nh\">Nikolai Huke</a></p></section><p>Der Text beginnt hier und ist lang genug.</p></article>"));
        Assert.Equal(["Nikolai Huke"], m.Authors.ToArray());
        Assert.Equal("byline:label", m.Sources["authors"]);
    }

    [Fact]
    public void LabelThenSomethingThatIsNotAName()
    {
        var m = Read(Page(Head, "<article><h1>Wir waren fast 40 Tage in Quarantäne</h1><h4>Autor</h4><p>Mehr zum thema finden sie hier</p></article>"));
        Assert.Empty(m.Authors);
    }

    [Fact]
    public void LabelInSidebarIsIgnored()
    {
        var m = Read(Page(Head, "<article><h1>Wir waren fast 40 Tage in Quarantäne</h1><p>Text.</p></article><aside><h4>Autor</h4><p>Jane Doe</p></aside>"));
        Assert.Empty(m.Authors);
    }

    [Theory]
    [InlineData("Autor", true)]
    [InlineData("Autorin:", true)]
    [InlineData("Written by", true)]
    [InlineData("Text:", true)]
    [InlineData("Text", false)]
    [InlineData("Von", false)]
    [InlineData("Autor des Monats", false)]
    public void IsLabel(string text, bool expected) => Assert.Equal(expected, LabelledByline.IsLabel(text));

    // ------------------------------------------------------------ a date-and-name line

    [Fact]
    public void DateDashNameUnderHeadline()
    {
        var m = Read(Page("<title>Variablen und ihr Zuhause</title>",
            "<div><h1>Variablen und ihr Zuhause</h1><p class=\"text-muted\">11.12.2019 - Amelie Loevenich</p></div><p>Heute lernen wir Variablen kennen.</p>"));
        Assert.Equal(["Amelie Loevenich"], m.Authors.ToArray());
        Assert.Equal("byline:date-line", m.Sources["authors"]);
    }

    [Theory]
    [InlineData("11.12.2019 - Amelie Loevenich", "Amelie Loevenich")]
    [InlineData("Jane Doe | 2019-12-11", "Jane Doe")]
    [InlineData("11.12.2019 - Neue Regeln für alle", null)]
    [InlineData("11.12.2019 - Berlin", null)]
    [InlineData("Amelie Loevenich", null)]
    public void NameOfDateLine(string line, string? expected) => Assert.Equal(expected, LabelledByline.NameOfDateLine(line));

    // ------------------------------------------------------------ middle initials

    [Fact]
    public void MiddleInitialFromTheArticleSignature()
    {
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Sie muss liefern\",\"author\":{\"@type\":\"Person\",\"name\":\"Christian Stadtfeld\"}}</script>";
        var m = Read(Page(ld, "<article><h1>Sie muss liefern</h1><p>Die Gemeindepolitik bleibt spannend. (Christian P. Stadtfeld) +++</p></article>"));
        Assert.Equal(["Christian P. Stadtfeld"], m.Authors.ToArray());
    }

    [Fact]
    public void NoInitialInTheTextKeepsTheName()
    {
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Sie muss liefern\",\"author\":{\"@type\":\"Person\",\"name\":\"Christian Stadtfeld\"}}</script>";
        var m = Read(Page(ld, "<article><h1>Sie muss liefern</h1><p>Christian Stadtfeld kommentiert. Christian Q Stadtfeld ist jemand anderes.</p></article>"));
        Assert.Equal(["Christian Stadtfeld"], m.Authors.ToArray());
    }

    [Theory]
    [InlineData("Christian Stadtfeld", "(Christian P. Stadtfeld) +++", "Christian P. Stadtfeld")]
    [InlineData("John Smith", "by John F. X. Smith today", "John F. X. Smith")]
    [InlineData("John Smith", "John Smithers P. Smith", null)]
    [InlineData("Anna Meier", "Anna B. Schmidt", null)]
    [InlineData("Anna Lena Meier", "Anna Lena B. Meier", null)]
    [InlineData("John Smith", "John P. Q. R. Smith", null)]
    [InlineData("John Smith", "JohnP. Smith, then John  P.  Smith", "John P. Smith")]
    [InlineData("John Smith", "John P. Smithers", null)]
    [InlineData("John Smith", "Johnny P. Smith and xJohn P. Smith", null)]
    public void WithMiddleInitial(string name, string text, string? expected) =>
        Assert.Equal(expected, AuthorNames.WithMiddleInitial(name, [text]));

    // ------------------------------------------------------------ bylines under a layout class

    [Fact]
    public void BylineUnderLayoutSidebarClassCounts()
    {
        // the page wrapper's class says where the sidebar goes; the article and its byline are inside it
        var m = Read(Page("<title>Staatsanwaltschaft hat Beweise vorgelegt</title>",
            "<div class=\"vw-page-wrapper vw-blog-sidebar-postition-right\"><div class=\"col-md-8\"><article><h1>Staatsanwaltschaft hat Beweise vorgelegt</h1>"
            + "<div class=\"meta\"><a class=\"author-name\" rel=\"author\" href=\"/author/jd\">Jane Doe</a></div><p>Der Text.</p></article></div></div>"));
        Assert.Equal(["Jane Doe"], m.Authors.ToArray());
    }

    [Fact]
    public void BylineInARealSidebarStillExcluded()
    {
        var m = Read(Page("<title>Staatsanwaltschaft hat Beweise vorgelegt</title>",
            "<div class=\"vw-page-wrapper vw-blog-sidebar-postition-right\"><article><h1>Staatsanwaltschaft hat Beweise vorgelegt</h1><p>Der Text.</p></article>"
            + "<div class=\"widget recent-posts\"><a class=\"author-name\" rel=\"author\" href=\"/author/jd\">Jane Doe</a></div></div>"));
        Assert.Empty(m.Authors);
    }

    [Fact]
    public void TitleHeadingAnchorsTheWindowWithoutAnH1()
    {
        var doc = new HtmlParser().ParseDocument(Page("",
            "<div class=\"right-sidebar\"><article><h2>Post title</h2><a rel=\"author\" href=\"/a\">Jane Doe</a><p>Text.</p></article></div>"));
        var scan = PageScan.Run(doc);
        var h2 = scan.H2s[0];
        Assert.Empty(VisibleByline.Read(scan, null).Names);
        Assert.Equal(["Jane Doe"], VisibleByline.Read(scan, null, titleHeading: h2).Names.ToArray());
    }

    [Fact]
    public void AuthorBoxUnderLayoutSidebarClassCompletesAFirstName()
    {
        // JSON-LD names only "Nils"; the author box after the article, inside the same sidebar-classed wrapper, opens with the full name
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"Das Patriarchat als Kulturtechnik\",\"author\":{\"@type\":\"Person\",\"name\":\"Nils\"}}</script>";
        var m = Read(Page(ld + "<meta property=\"og:title\" content=\"Das Patriarchat als Kulturtechnik\">",
            "<div class=\"cb-sidebar-right\"><article><h1>Das Patriarchat als Kulturtechnik</h1><p>Der Text der Kolumne.</p>"
            + "<footer><div class=\"author-box\"><a href=\"/author/nils\">Nils</a><p>Nils Pickert ist freier Autor und Journalist in Hamburg.</p></div></footer></article></div>"));
        Assert.Equal(["Nils Pickert"], m.Authors.ToArray());
    }

    // ------------------------------------------------------------ affiliation lists

    [Theory]
    [InlineData("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project", "Daniel Kahn Gillmor")]
    [InlineData("Jane Doe, John Roe, and Max Muster", "Jane Doe, John Roe, and Max Muster")]
    [InlineData("Jane Doe, Staff Writer", "Jane Doe, Staff Writer")]
    public void CutAffiliationList(string raw, string expected) => Assert.Equal(expected, AuthorNames.CutAffiliationList(raw));

    [Fact]
    public void ByWithAffiliationListParsesOneName() =>
        Assert.Equal(["Daniel Kahn Gillmor"], AuthorNames.Parse("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project").ToArray());
}
