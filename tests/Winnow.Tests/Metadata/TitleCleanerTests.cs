using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

public class TitleCleanerTests
{
    [Theory]
    [InlineData("Story | ScheerPost", "Story")]
    [InlineData("Story - Scheer Post", "Story")]
    [InlineData("Story — SCHEERPOST", "Story")]
    [InlineData("ScheerPost | Story", "Story")]
    [InlineData("Story | News | ScheerPost", "Story | News")]
    [InlineData("Story - with a dash | ScheerPost", "Story - with a dash")]
    [InlineData("Story - Other Site", "Story - Other Site")]
    [InlineData("ScheerPost", "ScheerPost")]
    public void StripsOnlyTheSiteName(string title, string expected)
    {
        Assert.Equal(expected, TitleCleaner.Clean(title, ["ScheerPost"]));
    }

    [Fact]
    public void NoSiteNamesNoChange()
    {
        Assert.Equal("Story | Site", TitleCleaner.Clean("Story | Site", []));
    }

    [Theory]
    [InlineData("https://www.scheerpost.com/x", "scheerpost")]
    [InlineData("https://www.bbc.co.uk/news", "bbc")]
    [InlineData("https://blog.example.org/", "example")]
    public void HostName(string url, string expected)
    {
        Assert.Equal(expected, TitleCleaner.HostName(new Uri(url)));
    }

    [Theory]
    // a breadcrumb arrow or separator left at either end
    [InlineData("» Jens Weber", "Jens Weber")]
    [InlineData("Story |", "Story")]
    // a leading publication date
    [InlineData("23.01.2022 - Dorothea Wierer darf jubeln", "Dorothea Wierer darf jubeln")]
    [InlineData("2022-01-23: Dorothea Wierer darf jubeln", "Dorothea Wierer darf jubeln")]
    // separators inside words and numbers stay
    [InlineData("-5 Grad am Morgen", "-5 Grad am Morgen")]
    [InlineData("9/11 - zehn Jahre danach", "9/11 - zehn Jahre danach")]
    public void TrimsDecoration(string title, string expected)
    {
        Assert.Equal(expected, TitleCleaner.TrimDecoration(title));
    }

    [Fact]
    public void AHeadlineMentioningTheSiteIsNotTheSiteName()
    {
        // the site's name inside a longer headline (trafilatura/caritas): not a logo, not an affix
        Assert.False(TitleCleaner.Resembles("Eva Welskop-Deffaa zur neuen Caritas-Präsidentin gewählt", ["caritas"]));
        Assert.True(TitleCleaner.Resembles("The Guardian", ["guardian"]));
        Assert.True(TitleCleaner.Resembles("MyOOS Community Forum", ["myoos"]));
        Assert.Equal("Was ist Freie Software", TitleCleaner.Clean("Was ist Freie Software - MyOOS Community Forum", ["myoos"]));
    }
}
