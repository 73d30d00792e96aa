using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Winnow.Comments;
using Winnow.Dom;

namespace Winnow.Forum;

/// <summary>
/// The replies of a forum thread or Q&amp;A page as a comment thread: every post after the opening one, with its author,
/// date, text, vote count and accepted-answer mark, read with the family's selectors (the comment thread's general
/// readers when the family has none or they find nothing). Nesting: a post inside another post's element replies to
/// it (old Reddit); else a stated level ("level 2", <c>depth-2</c>) after the last post one level up (new Reddit);
/// replies to the opening post are top-level, since the opening post is the body.
/// </summary>
internal static partial class ForumThreadBuilder
{
    /// <summary>The opening post's author, read as a reply's is (the family's selector, else the general author rule); null when none.</summary>
    public static string? OpeningAuthor(ForumPosts forum)
    {
        if (forum.Posts.Count == 0) return null;
        var post = forum.Posts[0];
        var roots = new HashSet<IElement>(forum.Posts.Select(p => p.Root), ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        bool Excluded(IElement e) => roots.Contains(e) && e != post.Root;
        var authorEl = (forum.Markup is { } markup ? ForumPostFinder.First(post.Root, markup.Author, roots) : null)
                       ?? CommentFields.AuthorElement([post.Root], Excluded);
        // an "author" inside the post's text is a name the post mentions, not who wrote it
        if (authorEl is not null && post.Content.Contains(authorEl) && post.Content != post.Root) authorEl = null;
        var (author, _) = CommentFields.Author(authorEl, null);
        return author ?? (post.Root.GetAttribute("data-author") is { Length: > 0 and <= 80 } da ? da : null);
    }

    public static CommentThread Build(ForumPosts forum, Uri? pageUrl)
    {
        var posts = forum.Posts;
        if (posts.Count == 0 || posts.Count == 1 && forum.Markup?.SubComments is null) return CommentThread.Empty;
        var roots = new HashSet<IElement>(posts.Select(p => p.Root), ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        var markup = forum.Markup;
        var comments = new List<Comment>();
        var indexOf = new Dictionary<ForumPost, int>();
        var levelOf = new List<int>();
        // the comments under a post (Stack Exchange): replies to it; those under the opening post are top-level
        void AddSubComments(ForumPost post, int? parentIndex)
        {
            if (markup?.SubComments is not { } sub) return;
            foreach (var item in post.Root.QuerySelectorAll(sub.Item))
            {
                if (!ForumPostFinder.OwnedBy(item, post.Root, roots) || item.ParentElement?.Closest(sub.Item) is { } outer && post.Root.Contains(outer)) continue;
                var paragraphs = item.QuerySelector(sub.Text) is { } textEl ? CommentText.Paragraphs([textEl], _ => false) : [];
                if (paragraphs.Count == 0) continue;
                var (author, authorUrl) = CommentFields.Author(FirstIn(item, sub.Author), pageUrl);
                var date = DateOf(FirstIn(item, sub.Date), null);
                int? score = item.GetAttribute(sub.ScoreAttribute ?? "") is { } attr && int.TryParse(attr, out var a) ? a
                    : FirstIn(item, sub.Score) is { } scoreEl && int.TryParse(TextMeasure.Collapse(NodeText.Of(scoreEl)), out var b) ? b : null;
                var depth = parentIndex is { } pi ? comments[pi].Depth + 1 : 0;
                comments.Add(new Comment(item.Id is { Length: > 0 } cid ? cid : null, parentIndex, depth, author, authorUrl, date, CommentText.ToBlocks(paragraphs), score));
                levelOf.Add(depth + 1);
            }
        }
        AddSubComments(posts[0], null);
        for (int i = 1; i < posts.Count; i++)
        {
            var post = posts[i];
            bool Excluded(IElement e) => roots.Contains(e) && e != post.Root;
            var chrome = markup?.Chrome is { } sel
                ? new HashSet<IElement>(post.Content.QuerySelectorAll(sel), ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>)
                : null;

            var authorEl = (markup is not null ? ForumPostFinder.First(post.Root, markup.Author, roots) : null)
                           ?? CommentFields.AuthorElement([post.Root], Excluded);
            var dateEl = (markup is not null ? ForumPostFinder.First(post.Root, markup.Date, roots) : null)
                         ?? CommentFields.DateElement([post.Root], Excluded);
            if (authorEl is not null && post.Content.Contains(authorEl) && post.Content != post.Root) authorEl = null;
            if (dateEl is not null && post.Content.Contains(dateEl) && post.Content != post.Root) dateEl = null;
            var (author, authorUrl) = CommentFields.Author(authorEl, pageUrl);
            author ??= post.Root.GetAttribute("data-author") is { Length: > 0 and <= 80 } da ? da : null; // XenForo names the author on the post

            // The text: the content element, without replies nested in it, chrome (signatures), or — for posts found by the
            // general rule, whose content is the whole post — the author and date lines.
            bool Skip(IElement e) => Excluded(e) || (chrome?.Contains(e) ?? false)
                                     || (post.Content == post.Root && (e == authorEl || e == dateEl || CommentVocabulary.IsChrome(e) && e.QuerySelector("p, blockquote") is null));
            var paragraphs = CommentText.Paragraphs([post.Content], Skip);
            if (paragraphs.Count == 0) continue;

            var date = DateOf(dateEl, author);
            int? score = ScoreOf(post.Root, markup, roots, post.Content) ?? CommentFields.Score([post.Root], e => Excluded(e) || e == post.Content);

            // Who it answers: the nearest enclosing post that is in the thread (the opening post is not: its replies are top-level).
            var parent = post.Parent;
            while (parent is not null && !indexOf.ContainsKey(parent)) parent = parent.Parent;
            int level = StatedLevel(post.Root, roots) ?? -1;
            int? parentIndex = parent is not null ? indexOf[parent] : null;
            if (parentIndex is null && level > 1)
                for (int j = comments.Count - 1; j >= 0; j--)
                    if (levelOf[j] == level - 1) { parentIndex = j; break; }
            var id = post.Root.Id is { Length: > 0 } rid ? rid
                : post.Root.GetAttribute("data-post-id") ?? post.Root.GetAttribute("data-answerid");
            var comment = new Comment(id, parentIndex, parentIndex is { } pi ? comments[pi].Depth + 1 : 0,
                author, authorUrl, date, CommentText.ToBlocks(paragraphs), score)
            {
                IsAccepted = markup?.IsAccepted?.Invoke(post.Root) ?? false,
            };
            indexOf[post] = comments.Count;
            levelOf.Add(level > 0 ? level : comment.Depth + 1);
            comments.Add(comment);
            AddSubComments(post, indexOf[post]);
        }
        return comments.Count == 0 ? CommentThread.Empty : new CommentThread([.. comments], IsPaged(posts[0].Root.Owner?.Body));
    }

    /// <summary>
    /// Whether the page holds only part of the thread: a link to the next page (<c>rel="next"</c>, or a numbered page
    /// link in a pagination block: "Page 1 of 3" on phpBB, vBulletin, XenForo) or a control standing for more replies
    /// (Reddit's "Continue this thread", "load more comments").
    /// </summary>
    static bool IsPaged(IElement? body)
    {
        if (body is null) return false;
        foreach (var el in ElementWalk.Descendants(body))
        {
            if (el.LocalName == "a" && (el.GetAttribute("rel") ?? "").Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase)) return true;
            if (el.LocalName is "a" or "button" && el.ChildElementCount <= 2 && MoreReplies().IsMatch(TextMeasure.Collapse(NodeText.Of(el)))) return true;
            var parts = CommentVocabulary.Parts(el);
            if ((parts.Contains("pagination") || parts.Contains("pagenav") || parts.Contains("pager"))
                && el.QuerySelectorAll("a").Any(a => int.TryParse(TextMeasure.Collapse(NodeText.Of(a)), out var page) && page >= 2))
                return true;
        }
        return false;
    }

    // English forum controls; other languages' wordings can join here as they are met
    [GeneratedRegex(@"^(?:continue this thread|load more comments|load more replies|view more comments|show more replies|\d+ more repl(?:y|ies))\s*[→›»]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreReplies();

    /// <summary>The date; a line that also holds the author ("Beitrag von r23 » 21.01.2009, 05:42", phpBB) gives what follows the name.</summary>
    static PageDate? DateOf(IElement? dateEl, string? author)
    {
        if (dateEl is null) return null;
        if (dateEl.LocalName != "time" && !dateEl.HasAttribute("datetime") && author is not null)
        {
            var text = CommentText.Flat(dateEl, e => false);
            int at = text.LastIndexOf(author, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = text[(at + author.Length)..].Trim(' ', '»', '›', '|', '·', '-', '—', ',', ':');
                return rest.Length > 0 ? CommentFields.Date(null, rest) : null;
            }
        }
        var d = CommentFields.Date(dateEl, null);
        // Stack Exchange's relative time keeps the exact time in its title ("2013-03-14 10:05:02Z").
        if (d is { Value: null } && dateEl.GetAttribute("title") is { } title && Metadata.DateParsing.Parse(title, "comment") is { } parsed)
            d = d with { Value = parsed.Value, HasTime = parsed.HasTime };
        return d;
    }

    static IElement? FirstIn(IElement root, string[] selectors)
    {
        foreach (var selector in selectors)
            if (root.QuerySelector(selector) is { } el) return el;
        return null;
    }

    /// <summary>The vote count: the family's element (its <c>data-value</c> or text), else a short "12 points" / "3 votes" line outside the text.</summary>
    static int? ScoreOf(IElement root, ForumMarkup? markup, HashSet<IElement> roots, IElement content)
    {
        if (markup?.Score is { } selectors && ForumPostFinder.First(root, selectors, roots) is { } el)
        {
            foreach (var value in new[] { el.GetAttribute("data-value"), el.GetAttribute("content"), el.GetAttribute("title"), TextMeasure.Collapse(NodeText.Of(el)) })
                if (value is not null && Count().Match(value) is { Success: true } m && int.TryParse(m.Groups[1].Value.Replace(",", ""), out var n))
                    return m.Groups[2].Success ? null : n;
        }
        foreach (var e in ElementWalk.Descendants(root))
        {
            if (e.ChildElementCount > 0 || content.Contains(e) || !ForumPostFinder.OwnedBy(e, root, roots)) continue;
            if (Points().Match(TextMeasure.Collapse(NodeText.Of(e))) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n)) return n;
        }
        return null;
    }

    /// <summary>"level 2" (new Reddit) or a <c>depth-2</c> class on the post: the stated level, 1 for a top-level reply.</summary>
    static int? StatedLevel(IElement root, HashSet<IElement> roots)
    {
        if (CommentVocabulary.StatedDepth(root) is { } d) return d;
        foreach (var e in ElementWalk.Descendants(root))
        {
            if (e.LocalName != "span" || e.ChildElementCount > 0 || !ForumPostFinder.OwnedBy(e, root, roots)) continue;
            if (Level().Match(NodeText.Of(e).Trim()) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n) && n is >= 1 and < 100) return n;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*([-+−]?\d{1,3}(?:,\d{3})*|[-+−]?\d{1,7})\s*(k)?(?:\s*(?:points?|votes?))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Count();

    [GeneratedRegex(@"^([-+]?\d{1,7}) (?:points?|votes?|Punkte?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Points();

    [GeneratedRegex(@"^level (\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Level();
}
