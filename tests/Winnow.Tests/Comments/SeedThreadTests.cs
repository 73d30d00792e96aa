using System.Text.Json;

namespace Winnow.Tests.Comments;

/// <summary>The founding example's thread (tests/data/seeds/expected.json): 13 top-level comments and 5 replies, each
/// under its parent, with the authors, dates and texts as shown.</summary>
public class SeedThreadTests
{
    static readonly string SeedDir = Path.Combine(TestData.Root, "seeds");

    [Fact]
    public void ThreadEqualsTheExpectedOne()
    {
        var result = new Extractor().Extract(File.ReadAllBytes(Path.Combine(SeedDir, "page.html")));
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SeedDir, "expected.json")));
        var gold = expected.RootElement.GetProperty("thread").EnumerateArray().ToList();
        var thread = result.Thread.Comments;

        Assert.Equal(gold.Count, thread.Length);
        Assert.Equal(13, thread.Count(c => c.Parent is null));
        for (int i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            Assert.Equal(g.GetProperty("author").GetString(), thread[i].Author);
            Assert.Equal(g.GetProperty("date").GetString(), thread[i].Date?.Raw);
            Assert.Equal(g.GetProperty("text").GetString(), thread[i].PlainText);
            int? parent = g.GetProperty("parent").ValueKind == JsonValueKind.Null ? null : g.GetProperty("parent").GetInt32();
            Assert.Equal(parent, thread[i].Parent);
        }
        Assert.False(result.Thread.IsPartial);
    }
}
