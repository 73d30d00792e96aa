using System.Text.Json;
using AngleSharp.Html.Parser;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

/// <summary>The founding seed page: tests/data/seeds/page.html against tests/data/seeds/expected.json.</summary>
public class SeedMetadataTests
{
    static (ArticleMetadata Meta, JsonElement Expected) Load()
    {
        var html = File.ReadAllText(Path.Combine(TestData.Root, "seeds", "page.html"));
        var doc = new HtmlParser().ParseDocument(html);
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Root, "seeds", "expected.json"))).RootElement;
        return (MetadataReader.Read(doc, new Uri("https://scheerpost.com/2022/07/06/white-house-says-us-wont-push-ukraine-to-negotiate-with-russia/")), expected);
    }

    [Fact]
    public void TitleMatchesCasefolded()
    {
        var (meta, expected) = Load();
        // "with" vs "With" differs between the page and the record: casefolded comparison
        Assert.Equal(expected.GetProperty("title").GetString()!.ToLowerInvariant(), meta.Title?.ToLowerInvariant());
    }

    [Fact]
    public void AuthorIsDaveDeCamp()
    {
        var (meta, expected) = Load();
        Assert.Equal([expected.GetProperty("author").GetString()!], meta.Authors.ToArray());
    }

    [Fact]
    public void AuthorBioIsExact()
    {
        var (meta, expected) = Load();
        Assert.Equal(expected.GetProperty("author_bio").GetString(), meta.AuthorBio);
    }

    [Fact]
    public void DateIsTheSixthOfJuly2022()
    {
        var (meta, expected) = Load();
        Assert.NotNull(meta.Published);
        Assert.StartsWith(expected.GetProperty("date").GetString()!, meta.Published!.Iso);
        Assert.Equal("json-ld:datePublished", meta.Published.Source);
        Assert.Equal(TimeSpan.FromHours(-7), meta.Published.Value!.Value.Offset);
    }

    [Fact]
    public void SiteNameIsScheerPost()
    {
        var (meta, expected) = Load();
        Assert.Equal(expected.GetProperty("site_name").GetString(), meta.SiteName);
    }

    [Fact]
    public void OtherFieldsAndSources()
    {
        var (meta, expected) = Load();
        Assert.Equal(expected.GetProperty("subtitle").GetString()!.TrimEnd('.'), meta.Standfirst?.TrimEnd('.'));
        Assert.Equal("en-US", meta.Language);
        Assert.Equal("https://scheerpost.com/wp-content/uploads/2022/07/kirby-fox.jpg", meta.Image);
        Assert.Equal("json-ld:author", meta.Sources["authors"]);
        Assert.Equal("json-ld:headline", meta.Sources["title"]);
        Assert.Equal("meta:og:site_name", meta.Sources["site_name"]);
        Assert.NotNull(meta.Modified);
    }
}
