using AngleSharp.Html.Parser;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

/// <summary>
/// JSON-LD as pages write it, valid and broken: every shape is read without an exception, and
/// the author (and headline where the shape has one) comes out as the page means it.
/// </summary>
public class AuthorJsonLdShapesTests
{
    static ArticleMetadata Read(params string[] scripts)
    {
        var head = string.Concat(scripts.Select(s => $"<script type=\"application/ld+json\">{s}</script>"));
        return MetadataReader.Read(new HtmlParser().ParseDocument($"<!doctype html><html><head>{head}</head><body></body></html>"), null);
    }

    public static TheoryData<string, string, string[]> Shapes => new()
    {
        // valid shapes
        { "single object, author object", """{"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"Jane Doe"}}""", ["Jane Doe"] },
        { "author as a plain string", """{"@type":"Article","headline":"H","author":"Jane Doe"}""", ["Jane Doe"] },
        { "author array of strings and objects", """{"@type":"Article","author":["Jane Doe",{"@type":"Person","name":"John Roe"}]}""", ["Jane Doe", "John Roe"] },
        { "author array inside a string", """{"@type":"Article","author":"[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Person\",\"name\":\"John Roe\"}]"}""", ["Jane Doe", "John Roe"] },
        { "givenName and familyName", """{"@type":"BlogPosting","author":{"@type":"Person","givenName":"Jane","familyName":"Doe"}}""", ["Jane Doe"] },
        { "name as an array", """{"@type":"Article","author":{"@type":"Person","name":["Jane Doe","John Roe"]}}""", ["Jane Doe", "John Roe"] },
        { "@graph with author by @id", """{"@context":"https://schema.org","@graph":[{"@type":"Article","headline":"H","author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Jane Doe"}]}""", ["Jane Doe"] },
        { "missing @type on the article", """{"headline":"H","author":{"name":"Jane Doe"}}""", ["Jane Doe"] },
        { "@type as an array", """{"@type":["NewsArticle","Article"],"author":{"@type":"Person","name":"Jane Doe"}}""", ["Jane Doe"] },
        // broken shapes
        { "trailing commas", """{"@type":"Article","author":{"@type":"Person","name":"Jane Doe",},}""", ["Jane Doe"] },
        { "HTML comment around the JSON", """<!--{"@type":"Article","author":"Jane Doe"}-->""", ["Jane Doe"] },
        { "CDATA around the JSON", "//<![CDATA[\n{\"@type\":\"Article\",\"author\":\"Jane Doe\"}\n//]]>", ["Jane Doe"] },
        { "raw newline inside a string", "{\"@type\":\"Article\",\"headline\":\"Line one\nline two\",\"author\":\"Jane\nDoe\"}", ["Jane Doe"] },
        { "two objects concatenated", """{"@type":"WebSite","name":"Planet"}{"@type":"Article","author":"Jane Doe"}""", ["Jane Doe"] },
        { "cut off mid-object", """{"@type":"Article","author":{"@type":"Person","name":"Jane""", [] },
        { "not JSON at all", "var x = {author: 'Jane Doe'};", [] },
        { "empty script", "", [] },
        { "nested arrays and nulls", """[[null,{"@type":"Article","author":[null,{"@type":"Person","name":"Jane Doe"}]}]]""", ["Jane Doe"] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryShapeIsReadWithoutThrowing(string shape, string json, string[] authors)
    {
        var m = Read(json);
        Assert.True(authors.SequenceEqual(m.Authors), $"{shape}: got [{string.Join(", ", m.Authors)}]");
    }

    [Fact]
    public void OrganizationAuthorIsUsedOnlyWithoutAPersonAndIsMarked()
    {
        var org = Read("""{"@type":"NewsArticle","author":{"@type":"Organization","name":"Planet Newsroom"}}""");
        Assert.Equal(["Planet Newsroom"], org.Authors.ToArray());
        Assert.True(org.AuthorsAreOrganizations);

        var both = Read("""{"@type":"NewsArticle","author":[{"@type":"Organization","name":"Planet Newsroom"},{"@type":"Person","name":"Jane Doe"}]}""");
        Assert.Equal(["Jane Doe"], both.Authors.ToArray());
        Assert.False(both.AuthorsAreOrganizations);
    }

    [Fact]
    public void AuthorNamedLikeTheSiteIsTheOrganisation()
    {
        // a "Person" that is the site's name plus an editor code: the publisher, not a person
        var m = Read("""{"@type":"Article","author":{"@type":"Person","name":"Planet Magazin /PP"},"publisher":{"@type":"Organization","name":"Planet Magazin"}}""");
        Assert.Equal(["Planet Magazin /PP"], m.Authors.ToArray());
        Assert.True(m.AuthorsAreOrganizations);
    }

    [Fact]
    public void LoginHandleIsWrittenAsAName()
    {
        var m = Read("""{"@type":"Article","author":{"@type":"Person","name":"robert.stitz"}}""");
        Assert.Equal(["Robert Stitz"], m.Authors.ToArray());
    }
}
