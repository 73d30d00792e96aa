namespace Winnow.Tests;

public class SmokeTests
{
    [Fact]
    public void ExtractsSomethingFromASimplePage()
    {
        var result = new Extractor().Extract("<html><head><title>T</title></head><body><p>Hello world.</p></body></html>");
        Assert.Equal("T", result.Article.Title);
        Assert.Contains("Hello world.", result.BodyText);
    }
}
