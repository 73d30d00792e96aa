using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

public class AuthorNamesTests
{
    [Theory]
    [InlineData("By Dave DeCamp", "Dave DeCamp")]
    [InlineData("by Dave DeCamp", "Dave DeCamp")]
    [InlineData("Von Max Muster", "Max Muster")]
    [InlineData("Par Jean Dupont", "Jean Dupont")]
    [InlineData("Written by: Jane Doe", "Jane Doe")]
    [InlineData("Autor: Max Muster", "Max Muster")]
    [InlineData("Jane Doe, Staff Writer", "Jane Doe")]
    [InlineData("Jane Doe, Senior Correspondent for the Planet", "Jane Doe")]
    [InlineData("Jane Doe jane@planet.test", "Jane Doe")]
    [InlineData("Jane Doe (AP)", "Jane Doe")]
    [InlineData("By Jane Doe | July 6, 2022", "Jane Doe")]
    [InlineData("By Dave DeCamp July 6, 2022", "Dave DeCamp")]
    [InlineData("Jane Doe Email the author", "Jane Doe")]
    [InlineData("Posted on 6 July 2022 by Jane Doe", "Jane Doe")]
    [InlineData("R. R.", "R. R.")]
    public void SingleName(string raw, string expected)
    {
        Assert.Equal([expected], AuthorNames.Parse(raw).ToArray());
    }

    [Theory]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Max Muster und Erika Muster", new[] { "Max Muster", "Erika Muster" })]
    [InlineData("Jane Doe & John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Jane Doe; John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Stella Kim, Jennifer Jett", new[] { "Stella Kim", "Jennifer Jett" })]
    [InlineData("Jane Doe, John Roe and Max Muster", new[] { "Jane Doe", "John Roe", "Max Muster" })]
    public void Lists(string raw, string[] expected)
    {
        Assert.Equal(expected, AuthorNames.Parse(raw).ToArray());
    }

    [Theory]
    [InlineData("https://planet.test/author/jane")]
    [InlineData("Staff")]
    [InlineData("admin")]
    [InlineData("")]
    [InlineData("this is a whole sentence about something that is not a name at all")]
    public void NoName(string raw)
    {
        Assert.Empty(AuthorNames.Parse(raw));
    }

    [Fact]
    public void OneWordNameMatchingTheSiteIsSuspicious()
    {
        Assert.True(AuthorNames.IsSuspiciousSingleWord("Planet", ["Planet News"]));
        Assert.False(AuthorNames.IsSuspiciousSingleWord("Fatima", ["Planet News"]));
        Assert.False(AuthorNames.IsSuspiciousSingleWord("Jane Doe", ["Jane Doe"]));
    }
}
