using System.Text.Json;
using Winnow.Comments;
using Winnow.Output;

namespace Winnow.Tests.Comments;

/// <summary>The comment thread on small pages, one markup convention or trap each.</summary>
public class CommentThreadTests
{
    const string Article = """
        <article class="post"><h1>A story about rivers</h1>
        <div class="entry-content">
        <p>The river rose three metres overnight and the old bridge at the mill was closed to traffic before dawn, the council said.</p>
        <p>Residents of the lower town were asked to move their cars to higher ground and to keep away from the embankment until the water falls.</p>
        <p>Engineers will inspect the bridge once the level drops; the council expects that to take at least two days, longer if it rains again.</p>
        </div></article>
        """;

    static ExtractionResult Extract(string comments, ExtractionOptions? options = null)
        => new Extractor(options).Extract($"<html><body><main>{Article}{comments}</main></body></html>");

    static string WpComment(int id, string author, string date, string text, string cls = "comment", string children = "")
        => $"""
        <li id="comment-{id}" class="{cls}"><article id="div-comment-{id}" class="comment-body">
        <footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" src="a.png"><b class="fn"><a href="https://example.org/{author}" class="url">{author}</a></b> <span class="says">says:</span></div>
        <div class="comment-metadata"><a href="#comment-{id}"><time datetime="2022-07-06T10:42:00+00:00">{date}</time></a></div></footer>
        <div class="comment-content"><p>{text}</p></div>
        <div class="reply"><a class="comment-reply-link" href="?replytocom={id}#respond">Reply</a></div>
        </article>{children}</li>
        """;

    [Fact]
    public void NestedListsGiveEachReplyItsParent()
    {
        var r = Extract($"""
            <div id="comments" class="comments-area"><h2>3 thoughts</h2><ol class="comment-list">
            {WpComment(1, "Ann", "July 6, 2022 at 10:42 am", "First comment with its own words.", children: $"<ol class=\"children\">{WpComment(2, "Bob", "July 6, 2022 at 11:00 am", "A reply to Ann, nested in her item.")}</ol>")}
            {WpComment(3, "Cid", "July 7, 2022 at 9:00 am", "Another top-level comment here.")}
            </ol></div>
            """);
        var t = r.Thread.Comments;
        Assert.Equal(3, t.Length);
        Assert.Equal(["Ann", "Bob", "Cid"], t.Select(c => c.Author));
        Assert.Equal([null, 0, null], t.Select(c => c.Parent));
        Assert.Equal([0, 1, 0], t.Select(c => c.Depth));
        Assert.Equal("A reply to Ann, nested in her item.", t[1].PlainText);
        Assert.Equal("https://example.org/Ann", t[0].AuthorUrl);
        Assert.Equal("July 6, 2022 at 10:42 am", t[0].Date?.Raw);
        Assert.Equal("2022-07-06T10:42:00+00:00", t[0].Date?.Iso);
        Assert.Equal("comment-1", t[0].Id);
        Assert.DoesNotContain("Reply", t[0].PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("nested in her item", r.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("its own words", r.BodyText, StringComparison.Ordinal);
        Assert.Contains("The river rose", r.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void DepthClassesNestRepliesPlacedAfterTheirParent()
    {
        // The reply list is not inside the parent's item: only the depth classes tell who answers whom.
        var r = Extract($"""
            <div id="comments"><ol class="commentlist">
            {WpComment(1, "Ann", "1 May", "Top comment number one.", "comment depth-1")}
            {WpComment(2, "Bob", "2 May", "Reply to the first one.", "comment depth-2")}
            {WpComment(3, "Cid", "3 May", "Reply to the reply itself.", "comment depth-3")}
            {WpComment(4, "Dee", "4 May", "Second reply to the first.", "comment depth-2")}
            {WpComment(5, "Eve", "5 May", "Top comment number two.", "comment depth-1")}
            </ol></div>
            """);
        Assert.Equal([null, 0, 1, 0, null], r.Thread.Comments.Select(c => c.Parent));
    }

    [Fact]
    public void IndentedContainersAfterTheParentNestReplies()
    {
        static string Drupal(int id, string who, string text) => $"""
            <article id="comment-{id}" class="js-comment comment"><footer><span class="username">{who}</span> <span class="date">21. April 2020</span></footer>
            <div class="field--name-comment-body"><p>{text}</p></div></article>
            """;
        var r = Extract($"""
            <section class="comments">{Drupal(1, "Ann", "The first Drupal comment.")}<div class="indented">{Drupal(2, "Bob", "Bob answers Ann here.")}</div>{Drupal(3, "Cid", "A new top-level comment.")}</section>
            """);
        Assert.Equal(["Ann", "Bob", "Cid"], r.Thread.Comments.Select(c => c.Author));
        Assert.Equal([null, 0, null], r.Thread.Comments.Select(c => c.Parent));
    }

    [Fact]
    public void UnknownSystemsAreReadFromRepeatedAuthorDateTextStructures()
    {
        // No class says "comment" on the items: only the region does; each item carries a name, a date and text.
        static string Note(string who, string when, string text, string replies = "")
            => $"<div class=\"note\"><b class=\"name\">{who}</b> <span class=\"date\">{when}</span><p>{text}</p>{replies}</div>";
        var r = Extract($"""
            <div id="comments"><h3>Reactions</h3>
            {Note("Ann", "3 May 2020", "A first reaction from a reader.", Note("Bob", "4 May 2020", "Bob answers Ann below her note."))}
            {Note("Cid", "5 May 2020", "A second top-level reaction.")}
            </div>
            """);
        Assert.Equal(["Ann", "Bob", "Cid"], r.Thread.Comments.Select(c => c.Author));
        Assert.Equal([null, 0, null], r.Thread.Comments.Select(c => c.Parent));
        Assert.Equal("3 May 2020", r.Thread.Comments[0].Date?.Raw);
        Assert.Equal("A first reaction from a reader.", r.Thread.Comments[0].PlainText);
    }

    [Fact]
    public void PingbacksAreNotComments()
    {
        var r = Extract($"""
            <div id="comments"><ol class="commentlist">
            {WpComment(1, "Ann", "1 May", "A real reader comment.")}
            <li id="comment-2" class="pingback"><div class="comment-body">Pingback: <a href="https://other.example/post">Some other blog links here</a></div></li>
            {WpComment(3, "Cid", "3 May", "Another real comment.")}
            </ol></div>
            """);
        Assert.Equal(["Ann", "Cid"], r.Thread.Comments.Select(c => c.Author));
    }

    [Fact]
    public void RecentCommentsWidgetIsNotTheThread()
    {
        var r = Extract("""
            <aside class="sidebar"><section id="recent-comments-2" class="widget widget_recent_comments"><h2>Recent comments</h2>
            <ul id="recentcomments"><li class="recentcomments"><span class="comment-author-link">Zed</span> on <a href="/other#comment-9">Another post</a></li>
            <li class="recentcomments"><span class="comment-author-link">Yan</span> on <a href="/third#comment-8">A third post</a></li></ul></section></aside>
            """);
        Assert.Equal(0, r.Thread.Count);
    }

    [Fact]
    public void AnEmptyReplyFormAndADisqusPlaceholderAreNotComments()
    {
        var r = Extract("""
            <div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
            <form id="commentform" class="comment-form"><p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment"></textarea></p>
            <p class="comment-form-author"><label for="author">Name *</label><input id="author"></p><input type="submit" value="Post Comment"></form></div>
            <div id="disqus_thread"></div><noscript>Please enable JavaScript to view the comments powered by Disqus.</noscript>
            """);
        Assert.Equal(0, r.Thread.Count);
    }

    [Fact]
    public void ACutCommentLosesItsMoreLinkAndPagedThreadsSaySo()
    {
        var r = Extract($"""
            <div id="comments"><ol class="commentlist">
            <li id="comment-1" class="comment"><div class="comment-author">Ann</div><div class="comment-text"><p>This long comment is cut off by the system after a while …<a class="readmore" href="#">more</a></p></div></li>
            {WpComment(2, "Bob", "2 May", "A short one.")}
            </ol><div class="navigation"><a href="/post/comment-page-2/#comments">Older comments</a></div></div>
            """);
        Assert.Equal("This long comment is cut off by the system after a while", r.Thread.Comments[0].PlainText);
        Assert.True(r.Thread.IsPartial);
    }

    [Fact]
    public void WithoutCommentsTheThreadIsEmptyAndTheBodyStillClean()
    {
        var r = Extract($"<div id=\"comments\"><ol class=\"commentlist\">{WpComment(1, "Ann", "1 May", "Words of a reader comment.")}</ol></div>",
            ExtractionOptions.Default with { IncludeComments = false });
        Assert.Equal(0, r.Thread.Count);
        Assert.DoesNotContain("Words of a reader", r.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderersCarryTheThreadApartFromTheBody()
    {
        var r = Extract($"""
            <div id="comments"><ol class="comment-list">
            {WpComment(1, "Ann", "1 May", "Ann wrote this comment.", children: $"<ol class=\"children\">{WpComment(2, "Bob", "2 May", "Bob replied to Ann.")}</ol>")}
            </ol></div>
            """);

        var markdown = MarkdownRenderer.Render(r);
        int heading = markdown.IndexOf("## Comments", StringComparison.Ordinal);
        Assert.True(heading > markdown.IndexOf("The river rose", StringComparison.Ordinal));
        Assert.Contains("- **Ann · 1 May**", markdown, StringComparison.Ordinal);
        Assert.Contains("\n  - **Bob · 2 May**", markdown, StringComparison.Ordinal); // the reply is a list inside Ann's item

        Assert.DoesNotContain("Ann wrote", TextRecordRenderer.Render(r), StringComparison.Ordinal);
        var record = TextRecordRenderer.Render(r, includeComments: true);
        Assert.Contains("Comments\n\nAnn · 1 May\nAnn wrote this comment.\n\n   Bob · 2 May\n   Bob replied to Ann.", record, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(JsonRenderer.Render(r));
        var thread = json.RootElement.GetProperty("thread");
        Assert.Equal(2, thread.GetArrayLength());
        Assert.Equal(0, thread[1].GetProperty("parent").GetInt32());
        Assert.Equal("Bob", json.RootElement.GetProperty("thread_nested")[0].GetProperty("replies")[0].GetProperty("author").GetString());
        Assert.DoesNotContain("Ann wrote", json.RootElement.GetProperty("text").GetString()!, StringComparison.Ordinal);

        Assert.Contains("<section class=\"comments\">", HtmlRenderer.Render(r), StringComparison.Ordinal);
    }

    [Fact]
    public void NestedFormMatchesTheParentIndexes()
    {
        var thread = new CommentThread([
            new Comment(null, null, 0, "A", null, null, [], null),
            new Comment(null, 0, 1, "B", null, null, [], null),
            new Comment(null, 1, 2, "C", null, null, [], null),
            new Comment(null, null, 0, "D", null, null, [], null),
        ], false);
        var nested = thread.Nested();
        Assert.Equal(["A", "D"], nested.Select(n => n.Comment.Author));
        Assert.Equal("C", nested[0].Replies[0].Replies[0].Comment.Author);
    }
}
