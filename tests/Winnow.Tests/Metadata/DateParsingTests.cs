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
    public void UrlDates(string url, string? iso)
    {
        Assert.Equal(iso, DateParsing.FromUrl(new Uri(url))?.Iso);
    }
}
