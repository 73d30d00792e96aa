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
    // a role before the name (one hyphenated word) or after it without a comma is not the name
    [InlineData("FOCUS-Online-Experte Robin Tschöpe", "Robin Tschöpe")]
    [InlineData("Ingo Arzt Redakteur für Wirtschaft und Umwelt", "Ingo Arzt")]
    // "Disko Von …": a section label before a capitalised by-marker
    [InlineData("Disko Von Ernst Lohoff", "Ernst Lohoff")]
    // digits inside a handle are no date
    [InlineData("Bo2man", "Bo2man")]
    [InlineData("Beitrag von r23 » 21.01.2009, 05:42", "r23")]
    // CMS credit lines
    [InlineData("Gespeichert von rasos am 24. Juli 2017 - 18:55", "rasos")]
    [InlineData("Submitted by rasos on Mon, 12/02/2013 - 10:21", "rasos")]
    [InlineData("Posted by Konstantin @ 12:00 am", "Konstantin")]
    // a company form is one name
    [InlineData("DHU-Arzneimittel GmbH & Co. KG", "DHU-Arzneimittel GmbH & Co. KG")]
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
    [InlineData("Von dem „Bikepark Feeling“")]
    [InlineData("Email the author")]
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

    [Theory]
    [InlineData("robert.stitz", "Robert Stitz")]
    [InlineData("gabor_munier", "Gabor Munier")]
    [InlineData("katholisch.at", "katholisch.at")]
    [InlineData("planet.com", "planet.com")]
    [InlineData("j.doe", "j.doe")]
    [InlineData("Jane Doe", "Jane Doe")]
    public void LoginHandlesBecomeNames(string raw, string expected)
    {
        Assert.Equal(expected, AuthorNames.FromHandle(raw));
    }
}
