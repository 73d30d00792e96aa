namespace Winnow.Tests;

/// <summary><see cref="ExtractionOptions.IncludeMetadata"/> off: the body alone, the same body.</summary>
public class MetadataSwitchTests
{
    static readonly string SeedPage = File.ReadAllText(Path.Combine(TestData.Root, "seeds", "page.html"));

    [Fact]
    public void WithoutMetadataTheBodyComesAloneAndUnchanged()
    {
        var full = new Extractor().Extract(SeedPage);
        var bare = new Extractor(ExtractionOptions.Default with { IncludeMetadata = false }).Extract(SeedPage);
        Assert.NotNull(full.Article.Title);
        Assert.Null(bare.Article.Title);
        Assert.Empty(bare.Article.Authors);
        Assert.Null(bare.Article.Language);
        Assert.Null(bare.Article.Published);
        // the seed's body does not lean on the metadata: the same paragraphs either way
        Assert.Equal(full.BodyText, bare.BodyText);
        Assert.Equal(full.Thread.Count, bare.Thread.Count);
    }
}
