using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Winnow.Forum;

/// <summary>
/// One forum or Q&amp;A system's markup, as data: how a post's outermost element is recognised, and the selectors
/// (tried in order, inside the post but outside posts nested in it) for its text, author, date, score, the
/// chrome inside the text to leave out (signatures), and the accepted-answer mark.
/// </summary>
/// <param name="Name">The family's name, reported as the page type's source (<c>markup:phpbb</c>).</param>
/// <param name="IsPost">Whether an element is the outermost element of one post.</param>
/// <param name="Content">Selectors of the element that holds the post's text.</param>
/// <param name="Author">Selectors of the author's name.</param>
/// <param name="Date">Selectors of the post's date.</param>
/// <param name="Score">Selectors of the vote count, or null when the system shows none.</param>
/// <param name="Chrome">Selectors of parts inside the text that are not the text (signatures, edit notes), or null.</param>
/// <param name="IsAccepted">Whether the post is the accepted answer, or null when the system has no such mark.</param>
internal sealed record ForumMarkup(
    string Name,
    Func<IElement, bool> IsPost,
    string[] Content,
    string[] Author,
    string[] Date,
    string[]? Score = null,
    string? Chrome = null,
    Func<IElement, bool>? IsAccepted = null,
    ForumSubComments? SubComments = null);

/// <summary>
/// Short comments a system attaches under a post (Stack Exchange's comments under the question and each answer): each
/// <paramref name="Item"/> inside a post is a reply to that post, with its text, author, date and score read by these
/// selectors (the score also from <paramref name="ScoreAttribute"/> on the item).
/// </summary>
internal sealed record ForumSubComments(string Item, string Text, string[] Author, string[] Date, string[] Score, string? ScoreAttribute);

/// <summary>
/// The forum and Q&amp;A systems Winnow knows by their markup, from their public templates: Stack Exchange, phpBB,
/// vBulletin, Discourse, XenForo, Invision, Reddit (old and new), SMF, MyBB, Vanilla — and schema.org microdata,
/// which any of them (or another system) may carry. Order matters: the first family that claims an element wins,
/// so the specific systems come before microdata, which they often also carry.
/// </summary>
internal static partial class ForumVocabulary
{
    public static readonly ForumMarkup[] Families =
    [
        // Stack Exchange: div.question#question and div.answer#answer-123 (answer ids; data-answerid). The text is
        // .s-prose (2020 on), .post-text (before); the owner's signature is the last one (an editor's comes first).
        new("stackexchange",
            el => el.LocalName == "div" && (HasToken(el, "question") && (el.Id == "question" || el.HasAttribute("data-questionid"))
                                            || HasToken(el, "answer") && (el.HasAttribute("data-answerid") || AnswerId().IsMatch(el.Id ?? ""))),
            [".s-prose", ".post-text", ".js-post-body"],
            [".post-signature.owner .user-details [itemprop=name]", ".post-signature.owner .user-details a", ".owner .user-details a", ".user-details [itemprop=name]", ".user-details a"],
            [".post-signature.owner .relativetime", ".owner .relativetime", "time[itemprop=dateCreated]", ".user-action-time .relativetime", ".relativetime"],
            [".js-vote-count", ".vote-count-post", "[itemprop=upvoteCount]"],
            ".post-signature, .js-comments-container, .comments",
            el => HasToken(el, "accepted-answer") || el.GetAttribute("itemprop") == "acceptedAnswer",
            // li.comment#comment-456 (data-comment-score) with span.comment-copy, a.comment-user and span.comment-date's
            // span[title] (the instant, "2013-03-14 10:05:02Z, License: CC BY-SA 3.0")
            new ForumSubComments("li.comment, .js-comment", ".comment-copy", [".comment-user"], [".comment-date [title]", ".relativetime-clean", ".comment-date"],
                [".comment-score span", ".comment-score"], "data-comment-score")),

        // Reddit, new design: div.Post (the opening post) and div.Comment, with stable data-test-id / data-click-id hooks.
        new("reddit",
            el => el.LocalName == "div" && (HasToken(el, "Post") && el.QuerySelector("[data-test-id=post-content]") is not null
                                            || HasToken(el, "Comment") && el.QuerySelector("[data-test-id=comment]") is not null),
            ["[data-test-id=comment]", "[data-click-id=text]"],
            ["a[data-testid=comment_author_link]", "a[data-testid=post_author_link]", "a[href*='/user/']"],
            ["[id^=CommentTopMeta--Created]", "[id^=PostTopMeta--Created]", "[data-click-id=timestamp]"]),

        // Reddit, old design: div.thing.link (the opening post) and div.thing.comment; replies nest in div.child.
        new("reddit-old",
            el => el.LocalName == "div" && HasToken(el, "thing") && (HasToken(el, "link") || HasToken(el, "comment")),
            [".usertext-body .md", ".expando .md"],
            ["a.author"],
            ["time", ".live-timestamp"],
            [".score.unvoted", ".score"]),

        // Discourse: div.topic-post / article[data-post-id] (the app), div.crawler-post (the crawler view; it carries microdata too).
        new("discourse",
            el => HasToken(el, "topic-post") || HasToken(el, "crawler-post") || el.LocalName == "article" && el.HasAttribute("data-post-id") && HasToken(el, "boxed"),
            [".cooked", "[itemprop=text]", ".post"],
            [".creator [itemprop=name]", ".names .first a", ".username a", ".username", "[itemprop=author]"],
            ["time", ".post-date", ".relative-date", "[itemprop=datePublished]"],
            [".post-likes", "[itemprop=upvoteCount]"]),

        // XenForo 2: article.message--post (data-author on it); XenForo 1: li.message#post-123.
        new("xenforo",
            el => HasToken(el, "message--post") || el.LocalName == "li" && HasToken(el, "message") && PostId().IsMatch(el.Id ?? ""),
            [".message-body .bbWrapper", ".bbWrapper", ".messageText"],
            [".message-name .username", ".message-userDetails .username", ".messageUserInfo .username", ".username"],
            [".message-attribution time", "time.u-dt", ".DateTime", "time"],
            null,
            ".message-signature, .signature, .message-lastEdit, .editDate"),

        // Invision Community 4: article.ipsComment (id elComment_123), cPost for forum posts.
        new("invision",
            el => HasToken(el, "ipsComment") || HasToken(el, "cPost"),
            ["[data-role=commentContent]", ".cPost_contentWrap .ipsType_richText", ".ipsType_richText"],
            [".cAuthorPane_author", ".ipsComment_author .ipsType_break", "[itemprop=author] [itemprop=name]"],
            ["time", "[itemprop=dateCreated]"],
            ["[data-role=reactCount]"],
            ".cPost_signature, .ipsComment_signature, [data-role=memberSignature]"),

        // vBulletin 4/5: li.postcontainer / li.postbit(legacy); vBulletin 3: table#post123 or div#edit123 around it.
        new("vbulletin",
            el => el.LocalName is "li" or "div" && (HasToken(el, "postcontainer") || HasToken(el, "postbit") || HasToken(el, "postbitlegacy"))
                  || el.LocalName == "table" && VbPostId().IsMatch(el.Id ?? ""),
            [".postcontent", "[id^=post_message_]", ".js-post__content-text", ".post-content"],
            [".username strong", ".username", ".bigusername", ".author"],
            [".postdate .date", ".postdate", ".date", "time"],
            null,
            ".signature, .signaturecontainer, .lastedited"),

        // SMF / Simple Machines: div.windowbg(2) > div.post_wrapper > div.postarea > div.post > div.inner#msg_123.
        new("smf",
            el => HasToken(el, "post_wrapper"),
            ["div.post .inner", "div.inner[id^=msg_]", ".post"],
            [".poster h4 a", ".poster h4"],
            [".keyinfo .smalltext", ".postinfo .smalltext", ".keyinfo .postinfo a", "time"],
            null,
            ".signature, .modified, .attachments"),

        // MyBB: div.post#post_123 with div.post_body; phpBB: div.post#p123 with div.postbody > div.content.
        new("mybb",
            el => el.LocalName == "div" && HasToken(el, "post") && MyBbId().IsMatch(el.Id ?? ""),
            [".post_body"],
            [".post_author .largetext a", ".post_author strong a", ".author_information .largetext", ".post_author a"],
            [".post_date"],
            null,
            ".signature, .post_edit"),
        new("phpbb",
            el => el.LocalName == "div" && HasToken(el, "post") && PhpBbId().IsMatch(el.Id ?? ""),
            [".postbody .content", ".content"],
            [".author .username", ".author .username-coloured", ".postprofile .username", ".postprofile .username-coloured", ".author strong"],
            [".author time", "p.author", ".author"],
            null,
            ".signature, .notice"),

        // Vanilla: div.ItemDiscussion / div.Discussion (the opening post) and li.ItemComment.
        new("vanilla",
            el => HasToken(el, "ItemDiscussion") || HasToken(el, "ItemComment") || el.LocalName == "div" && HasToken(el, "Discussion") && HasToken(el, "Item"),
            [".Message.userContent", ".Message", ".userContent"],
            [".Username", ".Author a"],
            ["time", ".DateCreated"],
            null,
            ".Signature, .UserSignature"),

        // schema.org microdata: DiscussionForumPosting, Question, Answer, and Comment (Comment only counts as a post on a page
        // that has a posting or question; see ForumPostFinder).
        new("microdata",
            el => MicrodataType(el) is not null,
            ["[itemprop=text]", "[itemprop=articleBody]"],
            ["[itemprop=author] [itemprop=name]", "[itemprop=author]", "[itemprop=creator] [itemprop=name]"],
            ["[itemprop=datePublished]", "[itemprop=dateCreated]", "time"],
            ["[itemprop=upvoteCount]"],
            null,
            el => el.GetAttribute("itemprop") == "acceptedAnswer"),
    ];

    /// <summary>The forum type an element's microdata names ("DiscussionForumPosting", "Question", "Answer", "Comment"), or null.</summary>
    public static string? MicrodataType(IElement el)
    {
        var t = el.GetAttribute("itemtype");
        if (t is null || !t.Contains("schema.org", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var name in (string[])["DiscussionForumPosting", "Question", "Answer", "Comment"])
            if (t.EndsWith("/" + name, StringComparison.OrdinalIgnoreCase)) return name;
        return null;
    }

    /// <summary>Whether the class attribute holds the token (case-sensitive, as the systems write it).</summary>
    public static bool HasToken(IElement el, string token)
    {
        var cls = el.GetAttribute("class");
        if (cls is null || !cls.Contains(token, StringComparison.Ordinal)) return false; // cheap pre-check before the split
        foreach (var t in cls.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (t == token) return true;
        return false;
    }

    [GeneratedRegex(@"^answer-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerId();

    [GeneratedRegex(@"^post-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PostId();

    [GeneratedRegex(@"^(?:post|edit)\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex VbPostId();

    [GeneratedRegex(@"^post_\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex MyBbId();

    [GeneratedRegex(@"^p\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhpBbId();
}
