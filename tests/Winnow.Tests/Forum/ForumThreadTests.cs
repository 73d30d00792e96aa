using Winnow.Comments;

namespace Winnow.Tests.Forum;

/// <summary>
/// Forum threads and Q&amp;A pages, one small page per forum system (markup as their public templates write it): the opening
/// post is the body, the replies are the thread, and no reply text is in the body.
/// </summary>
public class ForumThreadTests
{
    const string Question = "How do I keep the bridge open when the river rises three metres overnight and the council closes the road before dawn?";
    const string Reply1 = "Close the lower gate first, then move every car to the upper car park; the water never reached it in twenty years.";
    const string Reply2 = "We had the same flood in the spring and the engineers inspected the bridge two days later, once the level dropped.";
    const string Reply3 = "Thanks, that helped a lot; we moved the cars and the bridge reopened on Sunday afternoon.";

    static ExtractionResult Extract(string body, ExtractionOptions? options = null, string head = "")
        => new Extractor(options).Extract($"<html><head><title>River thread</title>{head}</head><body>{body}</body></html>");

    /// <summary>The common checks: a forum, the question as the body, the replies as the thread, none of them in the body.</summary>
    static Comment[] AssertThread(ExtractionResult r, params string[] replies)
    {
        Assert.Equal(PageType.Forum, r.Article.PageType);
        Assert.Contains(Question, r.BodyText, StringComparison.Ordinal);
        foreach (var reply in replies) Assert.DoesNotContain(reply[..Math.Min(40, reply.Length)], r.BodyText, StringComparison.Ordinal);
        Assert.Equal(replies, r.Thread.Comments.Select(c => c.PlainText));
        return r.Thread.Comments.ToArray();
    }

    [Fact]
    public void StackExchangeQuestionIsTheBodyAndAnswersCarryVotesAndTheAcceptedMark()
    {
        static string Answer(int id, string cls, int votes, string user, string when, string text) => $"""
            <div id="answer-{id}" class="answer js-answer {cls}" data-answerid="{id}" itemprop="{(cls.Contains("accepted") ? "acceptedAnswer" : "suggestedAnswer")}" itemscope itemtype="https://schema.org/Answer">
            <div class="post-layout"><div class="votecell post-layout--left"><div class="js-vote-count" data-value="{votes}" itemprop="upvoteCount">{votes}</div></div>
            <div class="answercell post-layout--right"><div class="s-prose js-post-body" itemprop="text"><p>{text}</p></div>
            <div class="post-signature"><div class="user-action-time">edited <span title="2019-01-01 10:00:00Z" class="relativetime">Jan 1, 2019</span></div><div class="user-details"><a href="/users/9/editor">Editor</a></div></div>
            <div class="post-signature owner"><div class="user-action-time">answered <span title="{when}" class="relativetime">Mar 14, 2013</span></div><div class="user-details" itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/users/{id}/x">{user}</a></div></div>
            </div></div>
            <div class="comments js-comments-container"><ul class="comments-list js-comments-list">
            <li id="comment-{id}1" class="comment js-comment" data-comment-id="{id}1" data-comment-score="{id - 10}">
            <div class="comment-actions"><div class="comment-score"><span title="number of 'useful comment' votes received">{id - 10}</span></div></div>
            <div class="comment-text"><div class="comment-body"><span class="comment-copy">Nice one, answer {id}.</span>
            <div class="d-inline-flex">– <a href="/users/5/carol" class="comment-user">Carol</a></div>
            <span class="comment-date" dir="ltr"><a class="comment-link" href="#comment{id}1_{id}"><span title="2013-03-16 09:00:00Z, License: CC BY-SA 3.0" class="relativetime-clean">Mar 16, 2013 at 9:00</span></a></span></div></div></li>
            </ul></div>
            </div>
            """;
        var r = Extract($"""
            <div id="content"><div id="question-header"><h1 itemprop="name"><a href="/q/1">Keeping the bridge open</a></h1></div>
            <div id="mainbar" role="main"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
            <div class="question js-question" data-questionid="1" id="question"><div class="post-layout">
            <div class="votecell"><div class="js-vote-count" data-value="12">12</div></div>
            <div class="postcell"><div class="s-prose js-post-body" itemprop="text"><p>{Question}</p></div>
            <div class="post-signature owner"><div class="user-details"><a href="/users/1/asker">Asker</a></div></div></div></div>
            <div class="comments js-comments-container"><ul class="comments-list"><li id="comment-100" class="comment js-comment" data-comment-score="0">
            <div class="comment-body"><span class="comment-copy">Which river is it?</span> – <a href="/users/6/dan" class="comment-user">Dan</a></div></li></ul></div></div>
            <div id="answers"><h2>2 Answers</h2>
            {Answer(11, "accepted-answer", 7, "Ann", "2013-03-14 10:05:02Z", Reply1)}
            {Answer(12, "", -1, "Bob", "2013-03-15 08:00:00Z", Reply2)}
            </div></div></div></div>
            """, head: """<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"Keeping the bridge open"}}</script>""");
        // the comments under the question are top-level (the question is the body), those under an answer reply to it
        var t = AssertThread(r, "Which river is it?", Reply1, "Nice one, answer 11.", Reply2, "Nice one, answer 12.");
        Assert.Equal(["Dan", "Ann", "Carol", "Bob", "Carol"], t.Select(c => c.Author));
        Assert.Equal([0, 7, 1, -1, 2], t.Select(c => c.Score));
        Assert.Equal([false, true, false, false, false], t.Select(c => c.IsAccepted));
        Assert.Equal(new DateTimeOffset(2013, 3, 14, 10, 5, 2, TimeSpan.Zero), t[1].Date?.Value);
        Assert.Equal(new DateTimeOffset(2013, 3, 16, 9, 0, 0, TimeSpan.Zero), t[2].Date?.Value);
        Assert.Equal(["comment-100", "answer-11", "comment-111", "answer-12", "comment-121"], t.Select(c => c.Id));
        Assert.Equal([null, null, 1, null, 3], t.Select(c => c.Parent));
        Assert.Equal([0, 0, 1, 0, 1], t.Select(c => c.Depth));
        Assert.DoesNotContain("Nice one", r.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Which river", r.BodyText, StringComparison.Ordinal);
        Assert.Equal("forum:stackexchange", r.Diagnostics.Strategy);
        // the page's author is the one who asked, not an answerer
        Assert.Equal(["Asker"], r.Article.Authors.ToArray());
        Assert.Equal("forum:opening-post", r.Article.Sources["authors"]);
    }

    [Fact]
    public void PhpBbPostsWithProfilesAndSignatures()
    {
        var r = Extract(PhpBbTopic("""<div class="pagination">3 Beiträge &bull; Seite <strong>1</strong> von <strong>1</strong></div>"""));
        var t = AssertThread(r, Reply1, Reply2);
        Assert.Equal(["anna", "bernd"], t.Select(c => c.Author));
        Assert.Equal(["22.01.2009, 10:00", "23.01.2009, 11:30"], t.Select(c => c.Date?.Raw));
        Assert.DoesNotContain("Grüße aus Hagen", r.BodyText, StringComparison.Ordinal);
        Assert.Equal("markup:phpbb", r.Article.Sources["page_type"]);
        Assert.False(r.Thread.IsPartial); // "Seite 1 von 1": the whole thread is here
    }

    [Fact]
    public void APagedTopicSaysItsThreadIsPartial()
    {
        var r = Extract(PhpBbTopic("""<div class="pagination">23 Beiträge &bull; Seite <strong>1</strong> von <strong>3</strong> &bull; <ul><li class="active"><span>1</span></li><li><a href="./viewtopic.php?t=7&amp;start=10" class="button">2</a></li><li><a href="./viewtopic.php?t=7&amp;start=20" class="button">3</a></li></ul></div>"""));
        AssertThread(r, Reply1, Reply2);
        Assert.True(r.Thread.IsPartial);
    }

    static string PhpBbTopic(string pagination)
    {
        static string Post(int id, string user, string when, string text) => $"""
            <div id="p{id}" class="post has-profile bg2"><div class="inner">
            <dl class="postprofile" id="profile{id}"><dt><a href="./memberlist.php?u={id}" class="username">{user}</a></dt>
            <dd class="profile-posts"><strong>Beiträge:</strong> <a href="#">1626</a></dd><dd class="profile-joined"><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl>
            <div class="postbody"><div id="post_content{id}"><h3><a href="#p{id}">Re: Brücke</a></h3>
            <p class="author"><a href="#p{id}"><span title="Beitrag">Beitrag</span></a><span class="responsive-hide">von <strong><a href="./memberlist.php?u={id}" class="username">{user}</a></strong> &raquo; </span>{when}</p>
            <div class="content">{text}</div>
            <div id="sig{id}" class="signature">Grüße aus Hagen und viel Erfolg mit dem Projekt</div></div></div>
            </div></div>
            """;
        return $"""
            <div id="wrap"><div id="page-body"><h2 class="topic-title"><a href="#">Brücke bei Hochwasser</a></h2>
            {pagination}
            {Post(1, "r23", "21.01.2009, 05:42", Question)}
            {Post(2, "anna", "22.01.2009, 10:00", Reply1)}
            {Post(3, "bernd", "23.01.2009, 11:30", Reply2)}
            </div></div>
            """;
    }

    [Fact]
    public void VBulletinPostContainers()
    {
        static string Post(int id, string user, string when, string text) => $"""
            <li class="postbitlegacy postbitim postcontainer old" id="post_{id}">
            <div class="posthead"><span class="postdate old"><span class="date">{when}</span></span></div>
            <div class="postdetails"><div class="userinfo"><a class="username offline popupctrl" href="member.php?u={id}"><strong>{user}</strong></a></div>
            <div class="postbody"><div class="postrow"><div class="content"><div id="post_message_{id}"><blockquote class="postcontent restore">{text}</blockquote></div></div></div>
            <div class="after_content"><blockquote class="signature restore"><div class="signaturecontainer">Signature line of {user}</div></blockquote></div></div></div>
            </li>
            """;
        var r = Extract($"""
            <div id="postlist" class="postlist restrain"><ol id="posts" class="posts">
            {Post(101, "Ann", "03-14-2013, 10:05 AM", Question)}
            {Post(102, "Bob", "03-14-2013, 11:00 AM", Reply1)}
            {Post(103, "Cid", "03-15-2013, 09:00 AM", Reply2)}
            </ol></div>
            """);
        var t = AssertThread(r, Reply1, Reply2);
        Assert.Equal(["Bob", "Cid"], t.Select(c => c.Author));
        Assert.Equal("03-14-2013, 11:00 AM", t[0].Date?.Raw);
        Assert.DoesNotContain("Signature line", r.BodyText + string.Join(" ", t.Select(c => c.PlainText)), StringComparison.Ordinal);
    }

    [Fact]
    public void DiscourseTopicPostsWrappingTheirArticle()
    {
        static string Post(int n, string user, string iso, string text) => $"""
            <div class="topic-post clearfix regular" data-post-number="{n}"><article id="post_{n}" data-post-id="{900 + n}" class="boxed onscreen-post">
            <div class="row"><div class="topic-avatar"><img class="avatar" src="a.png"></div>
            <div class="topic-body clearfix"><div class="topic-meta-data"><div class="names trigger-user-card"><span class="first username"><a href="/u/{user}">{user}</a></span></div>
            <div class="post-info post-date"><a class="post-date" href="/t/x/1/{n}"><span title="{iso}" data-time="1" class="relative-date">Mar 14</span></a></div></div>
            <div class="regular contents"><div class="cooked"><p>{text}</p></div></div></div></div>
            </article></div>
            """;
        var r = Extract($"""
            <div id="topic-title"><h1><a href="/t/x/1">Keeping the bridge open</a></h1></div>
            <div class="posts-wrapper">{Post(1, "ann", "Mar 14, 2013 10:05 am", Question)}{Post(2, "bob", "Mar 15, 2013 8:00 am", Reply1)}{Post(3, "ann", "Mar 16, 2013 9:00 am", Reply3)}</div>
            """);
        var t = AssertThread(r, Reply1, Reply3);
        Assert.Equal(["bob", "ann"], t.Select(c => c.Author));
        Assert.Equal(["post_2", "post_3"], t.Select(c => c.Id)); // the article, not its id-less wrapper, is the post
    }

    [Fact]
    public void XenForoMessagesNameTheirAuthor()
    {
        static string Post(int id, string user, string iso, string text) => $"""
            <article class="message message--post js-post js-inlineModContainer" data-author="{user}" data-content="post-{id}" id="js-post-{id}">
            <div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user"><div class="message-userDetails"><h4 class="message-name"><a href="/members/{id}/" class="username">{user}</a></h4></div></section></div>
            <div class="message-cell message-cell--main"><div class="message-main"><header class="message-attribution"><ul class="message-attribution-main"><li><a href="/posts/{id}/"><time class="u-dt" datetime="{iso}">14 März 2013</time></a></li></ul></header>
            <div class="message-content"><div class="message-userContent"><article class="message-body js-selectToQuote"><div class="bbWrapper">{text}</div></article>
            <aside class="message-signature"><div class="bbWrapper">Signature of {user}</div></aside></div></div>
            <footer class="message-footer"><div class="reactionsBar">Like</div></footer></div></div></div>
            </article>
            """;
        var r = Extract($"""
            <div class="p-body"><div class="p-title"><h1 class="p-title-value">Keeping the bridge open</h1></div>
            <div class="block block--messages"><div class="block-container"><div class="block-body js-replyNewMessageContainer">
            {Post(1, "Ann", "2013-03-14T10:05:00+0100", Question)}{Post(2, "Bob", "2013-03-15T08:00:00+0100", Reply1)}{Post(3, "Cid", "2013-03-16T08:00:00+0100", Reply2)}
            </div></div></div></div>
            """);
        var t = AssertThread(r, Reply1, Reply2);
        Assert.Equal(["Bob", "Cid"], t.Select(c => c.Author));
        Assert.Equal("2013-03-15T08:00:00+01:00", t[0].Date?.Iso);
        Assert.DoesNotContain("Signature of", r.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void InvisionComments()
    {
        static string Post(int id, string user, string iso, string text) => $"""
            <article id="elComment_{id}" class="cPost ipsBox ipsComment ipsComment_parent ipsClearfix">
            <aside class="ipsComment_author cAuthorPane"><h3 class="ipsType_sectionHead cAuthorPane_author"><strong><a href="/profile/{id}">{user}</a></strong></h3></aside>
            <div class="ipsColumn ipsColumn_fluid"><div class="ipsComment_meta ipsType_light"><a href="#"><time datetime="{iso}">March 14, 2013</time></a></div>
            <div class="cPost_contentWrap"><div data-role="commentContent" class="ipsType_normal ipsType_richText ipsContained"><p>{text}</p></div>
            <div data-role="memberSignature" class="ipsResponsive_showDesktop">Signature of {user}</div></div></div>
            </article>
            """;
        var r = Extract($"""<div class="ipsPageHeader"><h1>Keeping the bridge open</h1></div><div id="comments">{Post(1, "Ann", "2013-03-14T10:05:00Z", Question)}{Post(2, "Bob", "2013-03-15T08:00:00Z", Reply1)}</div>""");
        var t = AssertThread(r, Reply1);
        Assert.Equal("Bob", t[0].Author);
        Assert.Equal("elComment_2", t[0].Id);
    }

    [Fact]
    public void OldRedditNestsRepliesInsideTheirParent()
    {
        static string Thing(string kind, string id, string user, int score, string text, string children = "") => $"""
            <div class="thing id-{id} {kind}" id="thing_{id}" data-author="{user}"><div class="entry unvoted">
            <p class="tagline"><a href="/user/{user}" class="author">{user}</a> <span class="score unvoted" title="{score}">{score} points</span> <time datetime="2013-03-14T10:05:00+00:00" class="live-timestamp">6 years ago</time></p>
            <form class="usertext"><div class="usertext-body"><div class="md"><p>{text}</p></div></div></form>
            <ul class="flat-list buttons"><li><a href="#">permalink</a></li><li><a href="#">reply</a></li></ul></div>
            <div class="child">{children}</div></div>
            """;
        var r = Extract($"""
            <div class="content" role="main"><div id="siteTable" class="sitetable linklisting">{Thing("link self", "t3_1", "op", 124, Question)}</div>
            <div class="commentarea"><div class="sitetable nestedlisting">
            {Thing("comment", "t1_a", "ann", 39, Reply1, $"<div class=\"sitetable listing\">{Thing("comment", "t1_b", "bob", 10, Reply2)}</div>")}
            {Thing("comment", "t1_c", "cid", 4, Reply3)}
            </div></div></div>
            """);
        var t = AssertThread(r, Reply1, Reply2, Reply3);
        Assert.Equal(["ann", "bob", "cid"], t.Select(c => c.Author));
        Assert.Equal([null, 0, null], t.Select(c => c.Parent));
        Assert.Equal([39, 10, 4], t.Select(c => c.Score));
    }

    [Fact]
    public void SmfAndMyBbAndVanillaPosts()
    {
        static string Smf(int id, string user, string when, string text) => $"""
            <div class="windowbg"><div class="post_wrapper"><div class="poster"><h4><a href="?action=profile;u={id}">{user}</a></h4></div>
            <div class="postarea"><div class="keyinfo"><h5><a href="#msg{id}">Re: Brücke</a></h5><div class="smalltext">« <strong>Reply #1 on:</strong> {when} »</div></div>
            <div class="post"><div class="inner" id="msg_{id}">{text}</div></div></div>
            <div class="moderatorbar"><div class="signature" id="msg_{id}_signature">Sig {user}</div></div></div></div>
            """;
        var smf = Extract($"<div id=\"forumposts\"><form action=\"#\" method=\"post\" id=\"quickModForm\">{Smf(1, "Ann", "March 14, 2013, 10:05:00 AM", Question)}{Smf(2, "Bob", "March 15, 2013, 08:00:00 AM", Reply1)}</form></div>");
        Assert.Equal("Bob", AssertThread(smf, Reply1)[0].Author);

        static string MyBb(int id, string user, string when, string text) => $"""
            <div class="post classic" style="" id="post_{id}"><div class="post_author scaleimages"><div class="author_information"><strong><span class="largetext"><a href="member.php?uid={id}">{user}</a></span></strong></div></div>
            <div class="post_content"><div class="post_head"><span class="post_date">{when}</span></div><div class="post_body scaleimages" id="pid_{id}">{text}</div>
            <div class="signature scaleimages">Sig {user}</div></div></div>
            """;
        var mybb = Extract($"<div id=\"posts\">{MyBb(1, "Ann", "03-14-2013, 10:05 AM", Question)}{MyBb(2, "Bob", "03-15-2013, 08:00 AM", Reply1)}</div>");
        var t = AssertThread(mybb, Reply1);
        Assert.Equal("Bob", t[0].Author);
        Assert.Equal("03-15-2013, 08:00 AM", t[0].Date?.Raw);

        static string Vanilla(string cls, string user, string text) => $"""
            <{(cls == "ItemDiscussion" ? "div" : "li")} class="Item {cls}"><div class="Item-Header"><div class="AuthorWrap"><span class="Author"><a href="/profile/{user}" class="Username">{user}</a></span></div>
            <div class="Meta"><span class="MItem DateCreated"><time datetime="2013-03-14T10:05:00+00:00">March 14</time></span></div></div>
            <div class="Item-BodyWrap"><div class="Item-Body"><div class="Message userContent">{text}</div></div></div></{(cls == "ItemDiscussion" ? "div" : "li")}>
            """;
        var vanilla = Extract($"<div class=\"MessageList Discussion\">{Vanilla("ItemDiscussion", "Ann", Question)}</div><ul class=\"MessageList DataList Comments\">{Vanilla("ItemComment", "Bob", Reply1)}{Vanilla("ItemComment", "Cid", Reply2)}</ul>");
        Assert.Equal(["Bob", "Cid"], AssertThread(vanilla, Reply1, Reply2).Select(c => c.Author));
    }

    [Fact]
    public void MicrodataPostingsOfAnUnknownSystem()
    {
        static string Item(string type, string user, string iso, string text) => $"""
            <div itemscope itemtype="http://schema.org/{type}" class="entry"><div class="by" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">{user}</span></div>
            <time itemprop="datePublished" datetime="{iso}">{iso}</time><div itemprop="text"><p>{text}</p></div></div>
            """;
        var r = Extract($"<main><h1>Keeping the bridge open</h1>{Item("DiscussionForumPosting", "Ann", "2013-03-14", Question)}{Item("Comment", "Bob", "2013-03-15", Reply1)}{Item("Comment", "Cid", "2013-03-16", Reply2)}</main>");
        var t = AssertThread(r, Reply1, Reply2);
        Assert.Equal(["Bob", "Cid"], t.Select(c => c.Author));
        Assert.Equal("microdata:itemtype", r.Article.Sources["page_type"]);
    }

    [Fact]
    public void StatedThreadWithoutKnownMarkupUsesTheRepeatedPostRule()
    {
        static string Item(string user, string when, string text) => $"""<div class="entry"><div class="head"><span class="username">{user}</span> <span class="date">{when}</span></div><div class="txt"><p>{text}</p></div></div>""";
        var r = Extract(
            $"<main><h1>Keeping the bridge open</h1><div class=\"list\">{Item("Ann", "14.03.2013", Question)}{Item("Bob", "15.03.2013", Reply1)}{Item("Cid", "16.03.2013", Reply2)}</div></main>",
            head: """<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Keeping the bridge open"}</script>""");
        var t = AssertThread(r, Reply1, Reply2);
        Assert.Equal(["Bob", "Cid"], t.Select(c => c.Author));
        Assert.Equal(["15.03.2013", "16.03.2013"], t.Select(c => c.Date?.Raw));
        Assert.Equal("forum:repeated", r.Diagnostics.Strategy);
    }

    [Fact]
    public void RepliesGoToTheBodyWhenAsked()
    {
        static string Post(int id, string user, string text) => $"""<div id="p{id}" class="post bg2"><div class="postbody"><p class="author">von <a class="username">{user}</a> » 21.01.2009</p><div class="content">{text}</div></div></div>""";
        var html = $"<div id=\"page-body\">{Post(1, "Ann", Question)}{Post(2, "Bob", Reply1)}{Post(3, "Cid", Reply2)}</div>";
        var r = Extract(html, ExtractionOptions.Default with { ForumReplies = ForumReplies.Body });
        Assert.Equal(PageType.Forum, r.Article.PageType);
        Assert.Equal(0, r.Thread.Count);
        var body = r.BodyText;
        Assert.True(body.IndexOf(Question, StringComparison.Ordinal) < body.IndexOf(Reply1, StringComparison.Ordinal));
        Assert.True(body.IndexOf(Reply1, StringComparison.Ordinal) < body.IndexOf(Reply2, StringComparison.Ordinal));
        // The default: the same page with the replies as the thread.
        AssertThread(Extract(html), Reply1, Reply2);
        // Comments switched off: the replies are in neither.
        var off = Extract(html, ExtractionOptions.Default with { IncludeComments = false });
        Assert.Equal(0, off.Thread.Count);
        Assert.DoesNotContain(Reply1[..40], off.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleWhoseCommentsUseForumMarkupStaysAnArticle()
    {
        // A news story whose readers' comments run on XenForo: the story stands before the first "post".
        const string Story = "<p>The river rose three metres overnight and the old bridge at the mill was closed to traffic before dawn, the council said on Tuesday.</p>";
        static string Post(int id, string user, string text) => $"""<article class="message message--post" data-author="{user}" id="js-post-{id}"><h4 class="message-name"><a class="username">{user}</a></h4><time class="u-dt" datetime="2013-03-15T08:00:00+0100">15 März</time><div class="bbWrapper">{text}</div></article>""";
        var r = Extract($"<main><article><h1>Flood closes the bridge</h1>{string.Concat(Enumerable.Repeat(Story, 5))}</article><section class=\"comments\">{Post(1, "Bob", Reply1)}{Post(2, "Cid", Reply2)}</section></main>");
        Assert.NotEqual(PageType.Forum, r.Article.PageType);
        Assert.Contains("closed to traffic before dawn", r.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(Reply1[..40], r.BodyText, StringComparison.Ordinal);
    }
}
