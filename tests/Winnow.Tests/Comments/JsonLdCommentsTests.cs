using Winnow.Comments;

namespace Winnow.Tests.Comments;

/// <summary>Threads stated only in JSON-LD: an article's <c>comment</c> list with replies, a Q&amp;A page's answers; never an FAQ.</summary>
public sealed class JsonLdCommentsTests
{
    const string Article = "<article><h1>Keeping the bridge open</h1><p>The river rose three metres overnight and the council closed the road before dawn, so the town met in the hall at noon to decide what to do about the bridge.</p><p>Engineers said the bridge could stay open if the lower gate was closed first and the cars were moved to the upper car park.</p></article>";

    static ExtractionResult Extract(string jsonLd, string body = Article) =>
        new Extractor().Extract($"<html><head><title>Bridge</title><script type=\"application/ld+json\">{jsonLd}</script></head><body>{body}</body></html>");

    [Fact]
    public void AnArticlesStatedCommentsWithRepliesAreTheThread()
    {
        var r = Extract("""
            {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Keeping the bridge open",
             "comment":[
              {"@type":"Comment","@id":"#c1","text":"<p>We moved our cars at six.</p><p>The water &amp; the mud stayed below.</p>","author":{"@type":"Person","name":"Ann","url":"https://example.org/ann"},"dateCreated":"2021-03-05T10:00:00+01:00","upvoteCount":4,
               "comment":[{"@type":"Comment","text":"Same here, thanks for the tip.","author":"Bob","dateCreated":"2021-03-05T11:30:00+01:00"}]},
              {"@type":"Comment","text":"Will the road open tomorrow?","author":{"name":"Carol"}}]}]}
            """);
        var t = r.Thread.Comments;
        Assert.Equal(3, t.Length);
        Assert.Equal(["Ann", "Bob", "Carol"], t.Select(c => c.Author));
        Assert.Equal([null, 0, null], t.Select(c => c.Parent));
        Assert.Equal([0, 1, 0], t.Select(c => c.Depth));
        Assert.Equal("We moved our cars at six.\n\nThe water & the mud stayed below.", t[0].PlainText);
        Assert.Equal(new DateTimeOffset(2021, 3, 5, 10, 0, 0, TimeSpan.FromHours(1)), t[0].Date?.Value);
        Assert.Equal(4, t[0].Score);
        Assert.Equal("https://example.org/ann", t[0].AuthorUrl);
        Assert.Equal("#c1", t[0].Id);
        Assert.DoesNotContain("cars at six", r.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void AQaPagesAnswersAreTheThreadWithTheAcceptedOneMarked()
    {
        var r = Extract("""
            {"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"Keeping the bridge open","text":"How?","answerCount":2,
             "acceptedAnswer":{"@type":"Answer","text":"Close the lower gate first.","upvoteCount":"12","author":{"@type":"Person","name":"Ann"}},
             "suggestedAnswer":[{"@type":"Answer","text":"Ask the engineers.","upvoteCount":1,"author":{"@type":"Person","name":"Bob"},
               "comment":{"@type":"Comment","text":"They came two days later.","author":{"@type":"Person","name":"Dan"}}}]}}
            """);
        var t = r.Thread.Comments;
        Assert.Equal(["Close the lower gate first.", "Ask the engineers.", "They came two days later."], t.Select(c => c.PlainText));
        Assert.Equal([true, false, false], t.Select(c => c.IsAccepted));
        Assert.Equal([12, 1, null], t.Select(c => c.Score));
        Assert.Equal([null, null, 1], t.Select(c => c.Parent));
    }

    [Fact]
    public void AnFaqIsNotAThread()
    {
        var r = Extract("""
            {"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Is the bridge open?","acceptedAnswer":{"@type":"Answer","text":"Yes, from Sunday."}}]}
            """);
        Assert.Equal(0, r.Thread.Count);
    }

    [Fact]
    public void TheMarkupsThreadWinsOverTheStatedOne()
    {
        var body = Article + """
            <ol class="comment-list"><li id="comment-1" class="comment"><div class="comment-author"><cite class="fn">Eve</cite></div>
            <div class="comment-meta"><a href="#comment-1">5. März 2021 um 10:00</a></div><div class="comment-content"><p>Great news for the whole town, thanks.</p></div></li></ol>
            """;
        var r = Extract("""{"@type":"NewsArticle","comment":[{"@type":"Comment","text":"A stated comment.","author":"Zed"}]}""", body);
        Assert.Equal(["Eve"], r.Thread.Comments.Select(c => c.Author));
    }

    [Theory]
    [InlineData("""{"@type":"NewsArticle","comment":[{"@type":"Comment","text":""")]
    [InlineData("""{"@type":"NewsArticle","comment":"not a list"}""")]
    [InlineData("""{"@type":"NewsArticle","comment":[{"@type":"Comment"},{"text":7},null,[]]}""")]
    [InlineData("""[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{"comment":{"text":"deep"}}]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]""")]
    public void MalformedStatementsGiveNoThreadAndNoError(string json) =>
        Assert.Equal(0, JsonLdComments.Read([json]).Count);

    [Fact]
    public void FieldsOfTheWrongKindAreIgnored()
    {
        var t = JsonLdComments.Read(["""{"@type":"NewsArticle","comment":[{"text":"Still a comment.","upvoteCount":{"a":1},"author":[1,{"name":5},"Ann"],"dateCreated":123}]}"""]);
        var c = Assert.Single(t.Comments);
        Assert.Equal("Still a comment.", c.PlainText);
        Assert.Equal("Ann", c.Author);
        Assert.Null(c.Score);
        Assert.Null(c.Date);
    }
}
