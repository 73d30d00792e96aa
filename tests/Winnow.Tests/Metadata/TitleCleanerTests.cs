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
}
