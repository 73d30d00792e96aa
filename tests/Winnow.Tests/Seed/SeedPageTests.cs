using System.Text.Json;
using Winnow.Evaluation.Metrics;

namespace Winnow.Tests.Seed;

/// <summary>
/// The founding example (tests/data/seeds): the republished story with its 13-comment thread. The
/// body must equal the story, the byline must become the author, the author box the bio, and no
/// comment text may reach the body.
/// </summary>
public class SeedPageTests
{
    static readonly string SeedDir = Path.Combine(TestData.Root, "seeds");
    static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SeedDir, "expected.json"))).RootElement;
    static readonly ExtractionResult Result = new Extractor().Extract(File.ReadAllBytes(Path.Combine(SeedDir, "page.html")));

    static string Gold(string key) => Expected.GetProperty(key).GetString()!;

    [Fact]
    public void BodyMatchesTheStoryWithF1AtLeast099()
    {
        var t = ShMetric.Counts(Gold("body"), Result.BodyText);
        double p = ShMetric.Precision(t), r = ShMetric.Recall(t);
        double f1 = 2 * p * r / (p + r);
        Assert.True(f1 >= 0.99, $"body F1 {f1:F4} (P {p:F4}, R {r:F4})");
    }

    [Fact]
    public void NoCommentTextReachesTheBody()
    {
        var body = Result.BodyText;
        foreach (var c in Expected.GetProperty("thread").EnumerateArray())
        {
            var text = c.GetProperty("text").GetString()!;
            // Each comment's first 60 characters (long enough to be unique; the comments quote the story only later).
            var probe = text.Length > 60 ? text[..60] : text;
            Assert.DoesNotContain(probe, body);
        }
        Assert.True(Result.Diagnostics.CommentRegions >= 1);
    }

    [Fact]
    public void StandfirstIsTheSubtitle()
        => Assert.Equal(Gold("subtitle"), Result.Article.Standfirst);

    [Fact]
    public void TitleAuthorBioDateAndSiteAreRight()
    {
        Assert.Equal(Gold("title").ToLowerInvariant(), Result.Article.Title?.ToLowerInvariant()); // "with"/"With" both acceptable
        Assert.Equal(new[] { Gold("author") }, Result.Article.Authors.ToArray());
        Assert.Equal(Gold("author_bio"), Result.Article.AuthorBio);
        Assert.Equal(Gold("date"), Result.Article.Published?.Value?.ToString("yyyy-MM-dd"));
        Assert.Equal(Gold("site_name"), Result.Article.SiteName);
    }

    [Fact]
    public void TheTextRecordHasTheSeedsShape()
    {
        var record = Winnow.Output.TextRecordRenderer.Render(Result);
        Assert.Contains("\n\nAuthor: Dave DeCamp\n\n" + Gold("author_bio"), record);
        Assert.StartsWith(Result.Article.Title + "\n\n" + Gold("subtitle") + "\n\nJohn Kirby", record);
    }
}
