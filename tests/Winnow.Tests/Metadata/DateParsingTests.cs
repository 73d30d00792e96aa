using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

public class DateParsingTests
{
    [Theory]
    [InlineData("2022-07-06", "2022-07-06")]
    [InlineData("2022-07-06T14:15:08-07:00", "2022-07-06T14:15:08-07:00")]
    [InlineData("2022-07-06T14:15:08Z", "2022-07-06T14:15:08+00:00")]
    [InlineData("2022-07-06T14:15:08.123+0200", "2022-07-06T14:15:08+02:00")]
    [InlineData("2022-07-06 14:15", "2022-07-06T14:15:00+00:00")]
    [InlineData("20220706", "2022-07-06")]
    [InlineData("Wed, 06 Jul 2022 14:15:08 GMT", "2022-07-06T14:15:08+00:00")]
    [InlineData("Wed, 06 Jul 2022 14:15:08 +0100", "2022-07-06T14:15:08+01:00")]
    [InlineData("July 6, 2022", "2022-07-06")]
    [InlineData("July 6, 2022 at 10:42 pm", "2022-07-06T22:42:00+00:00")]
    [InlineData("Jul. 6th, 2022", "2022-07-06")]
    [InlineData("6 July 2022", "2022-07-06")]
    [InlineData("2022/07/06", "2022-07-06")]
    [InlineData("06.07.2022", "2022-07-06")]
    [InlineData("7/6/2022", "2022-07-06")]
    [InlineData("25/12/2021", "2021-12-25")]
    [InlineData("3. März 2021", "2021-03-03")]
    [InlineData("3. Maerz 2021, 14:30 Uhr", "2021-03-03T14:30:00+00:00")]
    [InlineData("le 5 juin 2020", "2020-06-05")]
    [InlineData("Publié le 1er août 2020 à 10h30", "2020-08-01T10:30:00+00:00")]
    [InlineData("5 de junio de 2020", "2020-06-05")]
    [InlineData("6 luglio 2022", "2022-07-06")]
    [InlineData("6 de julho de 2022", "2022-07-06")]
    [InlineData("6 juli 2022", "2022-07-06")]
    [InlineData("12 mrt 2019", "2019-03-12")]
    [InlineData("2022年7月6日", "2022-07-06")]
    [InlineData("Posted by admin on December 24, 2019", "2019-12-24")]
    // the languages of issue 3, with abbreviations and genitive forms
    [InlineData("3. Mär. 2021", "2021-03-03")]
    [InlineData("12. Jänner 2022", "2022-01-12")]
    [InlineData("Dienstag, 28. April 2020", "2020-04-28")]
    [InlineData("5 févr. 2020", "2020-02-05")]
    [InlineData("Mise en ligne le 23 mai 2019", "2019-05-23")]
    [InlineData("Miércoles 4 de Mayo de 2022", "2022-05-04")]
    [InlineData("5 giugno 2020", "2020-06-05")]
    [InlineData("5 set 2020", "2020-09-05")]
    [InlineData("5 de março de 2020", "2020-03-05")]
    [InlineData("5 juni 2020", "2020-06-05")]
    [InlineData("5 okt. 2020", "2020-10-05")]
    [InlineData("5 maja 2020", "2020-05-05")]
    [InlineData("5 maj 2020", "2020-05-05")]
    [InlineData("17 września 2021 r.", "2021-09-17")]
    [InlineData("3 października 2019", "2019-10-03")]
    [InlineData("5 мая 2020", "2020-05-05")]
    [InlineData("15 августа 2016, 13:43", "2016-08-15T13:43:00+00:00")]
    [InlineData("1 сент. 2019 г.", "2019-09-01")]
    [InlineData("2021年3月5日", "2021-03-05")]
    [InlineData("2021 年 3 月 5 日 10:20", "2021-03-05T10:20:00+00:00")]
    [InlineData("23.09.22", "2022-09-23")]
    [InlineData("November 8, 2023 at 11:30 p.m.", "2023-11-08T23:30:00+00:00")]
    public void ParsesDateForms(string raw, string iso)
    {
        var d = DateParsing.Parse(raw, "test");
        Assert.NotNull(d);
        Assert.Equal(iso, d!.Iso);
    }

    [Theory]
    [InlineData("March 2021")]
    [InlineData("März 2021")]
    [InlineData("2021-03")]
    public void PartialDatesAreNotCompleted(string raw)
    {
        var d = DateParsing.Parse(raw, "test");
        Assert.NotNull(d);
        Assert.Null(d!.Value);
        Assert.Null(d.Iso);
    }

    [Theory]
    [InlineData("vor 2 Tagen")]
    [InlineData("3 hours ago")]
    [InlineData("yesterday")]
    [InlineData("gestern, 14:30 Uhr")]
    [InlineData("il y a 3 jours")]
    [InlineData("hace 2 días")]
    [InlineData("2 дня назад")]
    [InlineData("Today at 10:42 am")]
    public void RelativeDatesAreRejected(string raw)
    {
        // no anchoring: a relative date says nothing without the moment the page was read, which
        // the reader does not know; the parser returns no date at all (not even a partial one)
        Assert.Null(DateParsing.Parse(raw, "test"));
    }

    [Theory]
    [InlineData("2022-07-06T14:15:08Z", true, true)]
    [InlineData("2022-07-06T14:15:08+02:00", true, true)]
    [InlineData("Sat, 19 Oct 2019 00:04:00 +0200", true, true)]
    [InlineData("November 8, 2023 at 11:30 p.m.", true, false)]
    [InlineData("2023-11-08 23:30:59", true, false)]
    [InlineData("2022-07-06", false, false)]
    public void ReportsWhetherAZoneWasWritten(string raw, bool hasTime, bool hasZone)
    {
        var r = DateParsing.Scan(raw);
        Assert.NotNull(r.Value);
        Assert.Equal(hasTime, r.HasTime);
        Assert.Equal(hasZone, r.HasZone);
    }

    [Theory]
    [InlineData("Mai 2021")]
    [InlineData("maja 2021")]
    [InlineData("мая 2021")]
    [InlineData("juin 2020")]
    public void PartialDatesInOtherLanguagesAreNotCompleted(string raw)
    {
        // partial = month precision is not representable in PageDate.Value: Value stays null, Raw keeps the text
        var d = DateParsing.Parse(raw, "test");
        Assert.NotNull(d);
        Assert.Null(d!.Value);
        Assert.Equal(raw, d.Raw);
    }

    [Theory]
    [InlineData("1970-01-01")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("2021-02-30")]
    [InlineData("2999-01-01")]
    [InlineData("not a date")]
    [InlineData("")]
    public void RejectsImplausibleOrInvalid(string raw)
    {
        Assert.Null(DateParsing.Parse(raw, "test")?.Value);
    }

    [Fact]
    public void TomorrowIsPlausibleButNotNextWeek()
    {
        Assert.True(DateParsing.IsPlausible(DateTimeOffset.UtcNow.AddHours(12)));
        Assert.False(DateParsing.IsPlausible(DateTimeOffset.UtcNow.AddDays(7)));
    }

    [Theory]
    [InlineData("https://x.test/2022/07/06/slug/", "2022-07-06")]
    [InlineData("https://x.test/news/2022-07-06-slug", "2022-07-06")]
    [InlineData("https://x.test/2021/02/30/slug", null)]
    [InlineData("https://x.test/2021/13/01/slug", null)]
    [InlineData("https://x.test/2021/07/slug", null)]
    [InlineData("https://x.test/id/12345678", null)]
    [InlineData("https://x.test/news/2012-06/04/content_1.htm", "2012-06-04")]
    [InlineData("https://x.test/texte/22/20220127-gedenkstunde.html", "2022-01-27")]
    [InlineData("https://x.test/texte/22/20220230-gedenkstunde.html", null)]
    [InlineData("https://x.test/newsroom/23-01-2022-slug/17-378.html", "2022-01-23")]
    [InlineData("https://x.test/newsroom/31-02-2022-slug/", null)]
    [InlineData("https://x.test/1990/01/02/too-early", null)]
    public void UrlDates(string url, string? iso)
    {
        Assert.Equal(iso, DateParsing.FromUrl(new Uri(url))?.Iso);
    }
}
