using System.Text.Json;

namespace Winnow.Tests.Forum;

/// <summary>
/// The forum pages of the dev corpus (tests/data/corpus/trafilatura: a Reddit thread and a phpBB topic) and the
/// articles of the comments dataset, which must not be taken for forums.
/// </summary>
public class ForumCorpusTests
{
    static (ExtractionResult Result, JsonElement Gold) Run(string dataset, string id, ExtractionOptions? options = null)
    {
        var dir = Path.Combine(TestData.CorpusDir, dataset);
        var html = TestData.ReadCorpusHtml(Path.Combine(dir, id + ".html.gz"));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, id + ".json")));
        var gold = doc.RootElement.Clone();
        return (new Extractor(options).Extract(html, gold.GetProperty("url").GetString()), gold);
    }

    static IEnumerable<string> Strings(JsonElement gold, string key)
        => gold.TryGetProperty(key, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(e => e.GetString()!) : [];

    [Fact]
    public void RedditThreadOpeningPostIsTheBodyAndTheCommentsTheThread()
    {
        var (r, gold) = Run("trafilatura", "reddit.com.init");
        Assert.Equal(PageType.Forum, r.Article.PageType);
        Assert.Equal("markup:reddit", r.Article.Sources["page_type"]);
        foreach (var s in Strings(gold, "with")) Assert.Contains(s, r.BodyText, StringComparison.Ordinal);
        foreach (var s in Strings(gold, "without")) Assert.DoesNotContain(s, r.BodyText, StringComparison.Ordinal);
        var comments = r.Thread.JoinedText;
        foreach (var s in Strings(gold, "comments_with")) Assert.DoesNotContain(s, r.BodyText, StringComparison.Ordinal);
        // Two of the three gold comment snippets; the third ("IMO it makes things") is only in the page's script data.
        Assert.Equal(2, Strings(gold, "comments_with").Count(s => comments.Contains(s, StringComparison.Ordinal)));
        var t = r.Thread.Comments;
        Assert.Equal(19, t.Length); // the 19 comments the static page shows ("Continue this thread" links stand for the rest)
        // "Continue this thread" links stand for replies the page does not hold: the thread says it is partial
        Assert.True(r.Thread.IsPartial);
        // the archived post's "Posted by" line names no one: no commenter is taken for the page's author
        Assert.Empty(r.Article.Authors);
        // "level 1" / "level 2" nest the replies; the vote counts are the "39 points" lines; none of that chrome is text.
        Assert.Equal([null, 0, 0, 0, null], t.Take(5).Select(c => c.Parent));
        Assert.Equal([39, 10, 4, 2, 22], t.Take(5).Select(c => c.Score));
        Assert.Equal("6 years ago", t[0].Date?.Raw);
        Assert.All(t, c => Assert.DoesNotContain("level 1", c.PlainText, StringComparison.Ordinal));
        Assert.All(t, c => Assert.DoesNotContain("points", c.PlainText[..Math.Min(20, c.PlainText.Length)], StringComparison.Ordinal));
    }

    [Fact]
    public void RedditThreadWithRepliesInTheBody()
    {
        var (r, gold) = Run("trafilatura", "reddit.com.init", ExtractionOptions.Default with { ForumReplies = ForumReplies.Body });
        Assert.Equal(0, r.Thread.Count);
        foreach (var s in Strings(gold, "with")) Assert.Contains(s, r.BodyText, StringComparison.Ordinal);
        Assert.Contains("I do similar things.", r.BodyText, StringComparison.Ordinal); // a reply (gold comment snippet), now in the body
        Assert.Contains("from foo.bar import x, y, z", r.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void PhpBbTopicWithOnePostIsAForumWithAnEmptyThread()
    {
        var (r, gold) = Run("trafilatura", "foren.myoos.de");
        Assert.Equal(PageType.Forum, r.Article.PageType);
        Assert.Equal("forum:phpbb", r.Diagnostics.Strategy);
        foreach (var s in Strings(gold, "with")) Assert.Contains(s, r.BodyText, StringComparison.Ordinal);
        foreach (var s in Strings(gold, "without")) Assert.DoesNotContain(s, r.BodyText, StringComparison.Ordinal);
        Assert.Equal(0, r.Thread.Count);
        Assert.DoesNotContain("Beiträge:", r.BodyText, StringComparison.Ordinal); // the poster's profile box
    }

    [Fact]
    public void NoArticleOfTheCommentsDatasetIsTakenForAForum()
    {
        // 33 articles with reader comments in many systems (some mark comments with schema.org Comment microdata).
        var extractor = new Extractor();
        var forums = new List<string>();
        foreach (var file in TestData.CorpusHtmlFiles("comments"))
        {
            var r = extractor.Extract(TestData.ReadCorpusHtml(file));
            if (r.Article.PageType == PageType.Forum || r.Diagnostics.Strategy!.StartsWith("forum", StringComparison.Ordinal)) forums.Add(Path.GetFileName(file));
        }
        Assert.Empty(forums);
    }
}
