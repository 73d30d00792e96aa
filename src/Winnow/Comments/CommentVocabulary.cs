using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Winnow.Comments;

/// <summary>
/// What the class, id and schema.org attributes of an element say about comments: the words of
/// the comment systems (WordPress and its themes, wpDiscuz, Epoch, Blogger, Drupal, SPIP, Disqus
/// fallbacks, schema.org <c>Comment</c>) as general vocabularies, never tied to one site.
/// </summary>
internal static partial class CommentVocabulary
{
    /// <summary>The lower-cased parts of an element's class and id: split on white space, '-', '_' and camel-case humps.</summary>
    public static List<string> Parts(IElement el)
    {
        var parts = new List<string>();
        AddParts(el.GetAttribute("class"), parts);
        AddParts(el.Id, parts);
        return parts;
    }

    /// <summary>The whole class tokens, lower-cased.</summary>
    public static string[] Tokens(IElement el)
        => (el.GetAttribute("class") ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    static void AddParts(string? value, List<string> parts)
    {
        if (string.IsNullOrEmpty(value)) return;
        int start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            bool boundary = i == value.Length || char.IsWhiteSpace(value[i]) || value[i] is '-' or '_' or '.' or ':'
                || (i > start && char.IsUpper(value[i]) && char.IsLower(value[i - 1]));
            if (!boundary) continue;
            if (i > start) parts.Add(value[start..i].ToLowerInvariant());
            start = i < value.Length && (char.IsWhiteSpace(value[i]) || value[i] is '-' or '_' or '.' or ':') ? i + 1 : i;
        }
    }

    /// <summary>Ids of one comment: WordPress <c>comment-123</c>, <c>li-comment-123</c>, <c>div-comment-123</c>; wpDiscuz <c>wpd-comm-123_0</c>; Drupal <c>comment-123</c>.</summary>
    [GeneratedRegex(@"^(?:li-|div-)?comments?[-_]?\d+$|^(?:wpd|wc)-comm-\d+(?:_\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemIdPattern();

    /// <summary>Words before "comment" in a class token that name something other than one comment
    /// ("comment-form-comment", "add-comment", "recent-comment", "no-comment" …).</summary>
    static readonly FrozenSet<string> NotItemPrefix = new[]
    {
        "form", "add", "post", "leave", "new", "write", "submit", "your", "no", "has", "open", "closed", "reply", "load",
        "more", "show", "toggle", "count", "recent", "latest", "last", "top", "featured", "widget", "login", "edit", "all", "view",
        "fb", "facebook", "disqus", "icon", "fa", "ico", "btn", "button", "link", "tab", "item", "nav", "to", "go", "read", "allow",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the element says it is one comment (not the list, the form or a label).</summary>
    public static bool IsItemMarker(IElement el)
    {
        // Inline elements are labels and buttons ("trns-moderate-comment" on a Translate button), never a whole comment.
        if (el.LocalName is "span" or "a" or "i" or "b" or "em" or "strong" or "small" or "label" or "time" or "abbr" or "cite" or "img" or "button") return false;
        if (!MentionsComments(el) && !el.HasAttribute("data-comment-id") && !el.HasAttribute("itemtype") && !el.HasAttribute("itemprop")) return false;
        var id = el.Id;
        if (!string.IsNullOrEmpty(id) && ItemIdPattern().IsMatch(id)) return true;
        if (el.HasAttribute("data-comment-id") && el.LocalName is not ("a" or "span" or "button")) return true;
        var itemType = el.GetAttribute("itemtype");
        if (itemType is not null && (itemType.EndsWith("/Comment", StringComparison.OrdinalIgnoreCase) || itemType.EndsWith("/UserComments", StringComparison.OrdinalIgnoreCase))) return true;
        var itemProp = el.GetAttribute("itemprop");
        if (itemProp is "comment" && el.LocalName is not ("a" or "span")) return true;
        foreach (var token in Tokens(el))
        {
            if (token is "comment" or "forum-fil" or "wpd-comment" or "commentitem" or "single-comment" or "kommentar" or "leserbrief" or "reaction") return true;
            // "comment-item", "mo-comment-card", "comment-entry": one comment of a list.
            if (token.EndsWith("comment-item", StringComparison.Ordinal) || token.EndsWith("comment-card", StringComparison.Ordinal)
                || token.EndsWith("comment-entry", StringComparison.Ordinal) || token.EndsWith("comment_item", StringComparison.Ordinal)) return true;
            // "stand_comment", "js-comment", "epoch-single-comment": the last part is "comment", the word before it is not a
            // form/label word.
            int cut = Math.Max(token.LastIndexOf('-'), token.LastIndexOf('_'));
            if (cut <= 0 || token[(cut + 1)..] != "comment") continue;
            var before = token[..cut];
            int cut2 = Math.Max(before.LastIndexOf('-'), before.LastIndexOf('_'));
            var word = cut2 >= 0 ? before[(cut2 + 1)..] : before;
            if (!NotItemPrefix.Contains(word)) return true;
        }
        return false;
    }

    /// <summary>Whether the class or id mentions comments at all: a cheap test before the token work, which most elements of a
    /// page fail ("comm" covers comment, kommentar and wpDiscuz's wc-comm; the rest are the other item words).</summary>
    public static bool MentionsComments(IElement el)
    {
        foreach (var attr in el.Attributes)
        {
            if (attr.Name is not ("class" or "id")) continue;
            var v = attr.Value;
            if (v.Contains("comm", StringComparison.OrdinalIgnoreCase) || v.Contains("forum-fil", StringComparison.OrdinalIgnoreCase)
                || v.Contains("leserbrief", StringComparison.OrdinalIgnoreCase) || v.Contains("reaction", StringComparison.OrdinalIgnoreCase)
                || v.Contains("discuss", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>Pingbacks and trackbacks sit in WordPress comment lists but are not reader comments.</summary>
    public static bool IsPingback(IElement el)
    {
        foreach (var p in Parts(el))
            if (p is "pingback" or "trackback" or "pingbacks" or "trackbacks") return true;
        return false;
    }

    /// <summary>A "recent comments" or "latest comments" list: excerpts of comments elsewhere, not this page's thread.</summary>
    public static bool IsRecentList(IElement el)
    {
        // Both words are needed: "tag-popular" on an article (mtb-news.de) names a tag, not a list of comments.
        if (!MentionsComments(el)) return false;
        bool recent = false, comments = false;
        foreach (var p in Parts(el))
        {
            if (p is "recentcomments" or "lastcomments" or "latestcomments") return true;
            if (p is "recent" or "latest" or "popular" or "newest" or "last" or "top" or "most") recent = true;
            else if (p is "comment" or "comments" or "kommentare" or "reactions" or "discussions") comments = true;
        }
        return recent && comments;
    }

    /// <summary>Parts of a class or id that mark an element of a comment's chrome: its author line, date, avatar, reply and vote
    /// buttons, report links. These are not the comment's text.</summary>
    static readonly FrozenSet<string> ChromeParts = new[]
    {
        "meta", "metadata", "commentmetadata", "author", "authors", "vcard", "avatar", "gravatar", "reply", "actions", "action", "tools",
        "toolbar", "footer", "header", "vote", "votes", "voting", "like", "likes", "liked", "dislike", "dislikes", "rating", "report",
        "flag", "edit", "permalink", "date", "time", "datetime", "timestamp", "says", "share", "sharing", "moderation", "button",
        "buttons", "respond", "form", "subscribe", "rate", "info", "byline", "user", "username", "nickname", "nick", "badge", "badges",
        "posted", "postedby", "link", "links", "fn", "commenter", "ago", "karma", "points", "score", "upvote", "downvote",
        "label", "role", "mention", "hidden", "loading", "loader", "ip", "useragent", "replies",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that say nothing of what a part holds ("MessageInfoContainer" is an info box).</summary>
    static readonly FrozenSet<string> GenericParts = new[]
    {
        "container", "wrapper", "wrap", "box", "inner", "outer", "area", "holder", "block", "section", "group", "row", "col", "clearfix", "left", "right",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the element is comment chrome (author line, date, buttons) rather than comment text. Each class token
    /// (and the id) is read by its last meaningful part: "comment-author" is chrome, "comment-message" and
    /// "field--name-comment-body" are text, "mtbnewsCommentMessageInfoContainer" is chrome; a text token wins.
    /// </summary>
    public static bool IsChrome(IElement el)
    {
        switch (el.LocalName)
        {
            case "header" or "footer" or "time" or "cite" or "form" or "img" or "nav" or "button" or "noscript": return true;
        }
        var cls = el.GetAttribute("class");
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(el.Id)) return false;
        bool chrome = false;
        var parts = new List<string>();
        foreach (var token in (cls ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Append(el.Id ?? ""))
        {
            parts.Clear();
            AddParts(token, parts);
            string? last = null;
            for (int i = parts.Count - 1; i >= 0; i--)
                if (!GenericParts.Contains(parts[i]) && !parts[i].All(char.IsDigit)) { last = parts[i]; break; }
            if (last is null) continue;
            if (last is "content" or "text" or "texte" or "message" or "body" or "comment" or "entry") return false;
            if (ChromeParts.Contains(last)) chrome = true;
        }
        return chrome;
    }

    /// <summary>A depth the markup states: WordPress <c>depth-2</c>, <c>level-2</c>, <c>comment-depth-2</c>, wpDiscuz <c>wc_comment_level-2</c>. Depth 1 is top level.</summary>
    public static int? StatedDepth(IElement el)
    {
        foreach (var token in Tokens(el))
        {
            var m = DepthPattern().Match(token);
            if (m.Success && int.TryParse(m.Groups[1].ValueSpan, out var d) && d >= 1 && d < 100) return d;
        }
        return null;
    }

    [GeneratedRegex(@"^(?:comment[-_])?(?:depth|level|wc_comment_level|indent)[-_]?(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DepthPattern();

    /// <summary>Parts that name a container of replies placed after the comment they answer (Drupal <c>div.indented</c>, <c>ul.children</c>).</summary>
    public static bool IsReplyContainer(IElement el)
    {
        foreach (var p in Parts(el))
            if (p is "indented" or "children" or "replies" or "subcomments" or "child" or "nested" or "answers") return true;
        return false;
    }
}
