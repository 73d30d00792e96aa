using AngleSharp.Html.Parser;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

/// <summary>The visible headline against meta titles: kickers, logos, h2 headlines, typography.</summary>
public class TitleChooserTests
{
    static ArticleMetadata Read(string head, string body, string? url = null) =>
        MetadataReader.Read(new HtmlParser().ParseDocument($"<!doctype html><html><head>{head}</head><body>{body}</body></html>"), url is null ? null : new Uri(url));

    [Theory]
    // a kicker element in the h1, marked by its class or a <small>
    [InlineData("<h1><span class=\"dachzeile\">Interne Unterlagen im Netz</span> <span class=\"headline\">Daten von Rheinmetall gehackt</span></h1>")]
    [InlineData("<h1><span class=\"post-title\"><small>Interne Unterlagen</small><br>Daten von Rheinmetall gehackt</span></h1>")]
    [InlineData("<h1><div class=\"topic-label\">Interne Unterlagen</div> Daten von Rheinmetall gehackt</h1>")]
    public void KickerInTheH1IsCutOff(string h1)
    {
        var m = Read("<title>Interne Unterlagen im Netz: Daten von Rheinmetall gehackt | Planet</title><meta property=\"og:title\" content=\"Daten von Rheinmetall gehackt - Interne Unterlagen im Netz\">", "<article>" + h1 + "<p>Text.</p></article>");
        Assert.Equal("Daten von Rheinmetall gehackt", m.Title);
    }

    [Fact]
    public void AnUnmarkedFirstPartStaysWhenNoMetaTitleSaysTheRestAlone()
    {
        var m = Read("<title>Ein langer Titel in zwei Teilen</title>", "<article><h1><span>Ein langer Titel</span> <span>in zwei Teilen</span></h1></article>");
        Assert.Equal("Ein langer Titel in zwei Teilen", m.Title);
    }

    [Fact]
    public void LogoH1LinkingHomeGivesWayToTheH2Headline()
    {
        var m = Read("<title>Time 4 talks » Blog Archiv » Weitere Digitalisierung der Schweizer Kinos</title>",
            "<h1><a href=\"https://www.time4talks.example/\">Time 4 talks</a></h1><div class=\"post\"><h2><a href=\"/2013/kinos\">Weitere Digitalisierung der Schweizer Kinos</a></h2><p>Text.</p></div>");
        Assert.Equal("Weitere Digitalisierung der Schweizer Kinos", m.Title);
        Assert.Equal("h2", m.Sources["title"]);
    }

    [Fact]
    public void AnH2ThatIsOnlyPartOfATitleSegmentIsNotTheHeadline()
    {
        var m = Read("<meta property=\"og:title\" content=\"The Open Journalism Project: Better Student Journalism\">",
            "<article><h2>Open Journalism Project:</h2><p>Text.</p></article>");
        Assert.Equal("The Open Journalism Project: Better Student Journalism", m.Title);
    }

    [Fact]
    public void DashesAndApostrophesAsTheH1ShowsThem()
    {
        var m = Read("<meta property=\"og:title\" content=\"FUTURE of HOPE - Island's Film\">", "<article><h1>FUTURE of HOPE – Island’s Film</h1></article>");
        Assert.Equal("FUTURE of HOPE – Island’s Film", m.Title);
        Assert.Equal("h1", m.Sources["title"]);
    }

    [Fact]
    public void QuotationMarksAsTheMetaTitleWritesThem()
    {
        var m = Read("<meta property=\"og:title\" content=\"Student says &quot;Burned Her Up&quot;\">", "<article><h1>Student says “Burned Her Up”</h1></article>");
        Assert.Equal("Student says \"Burned Her Up\"", m.Title);
    }

    [Fact]
    public void SoftHyphensAreNotText()
    {
        var m = Read("<title>Messengerdienste sind kein rechtsfreier Raum</title>", "<article><h1>Mes\u00ADsen\u00ADger\u00ADdiens\u00ADte sind kein rechtsfreier Raum</h1></article>");
        Assert.Equal("Messengerdienste sind kein rechtsfreier Raum", m.Title);
    }

    [Fact]
    public void CommentaryIsTheArticlesGenreNotTheComments()
    {
        var m = Read("<meta property=\"og:title\" content=\"Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer\">",
            "<div class=\"article subjective commentary\"><h4>Siemens und die Kohlemine Adani</h4><h1>Kaeser verarscht Neubauer</h1><p>Text.</p></div>");
        Assert.Equal("Kaeser verarscht Neubauer", m.Title);
    }

    [Fact]
    public void SiteTitleH1IsNotTheHeadline()
    {
        var m = Read("<title>Über uns | 2gewinnt | Kabarett | Satire</title><meta property=\"og:site_name\" content=\"2gewinnt | Kabarett | Satire\"><meta property=\"og:title\" content=\"Über uns\">",
            "<h1 class=\"site-title\">2gewinnt | Kabarett | Satire</h1><article><h1 class=\"page-title\">Über uns</h1></article>");
        Assert.Equal("Über uns", m.Title);
    }
}
