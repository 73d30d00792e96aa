using AngleSharp.Dom;
using Winnow.Comments;
using Winnow.Dom;

namespace Winnow.Forum;

/// <summary>One post of a forum thread or Q&amp;A page.</summary>
/// <param name="Root">The post's outermost element (author box, text, buttons, and its nested replies when the markup nests them).</param>
/// <param name="Content">The element that holds the post's text (the root itself for posts found by the general rule).</param>
/// <param name="Parent">The post this one is nested in, or null.</param>
internal sealed record ForumPost(IElement Root, IElement Content, ForumPost? Parent);

/// <summary>The posts of a page that is a forum thread or Q&amp;A page, the opening post first.</summary>
/// <param name="Posts">The posts in document order; <c>Posts[0]</c> is the opening post (the question).</param>
/// <param name="Markup">The family that found them, or null for the general repeated-post rule.</param>
/// <param name="Source">Why the page is taken for a thread (<c>json-ld:@type</c>, <c>microdata:itemtype</c>, <c>markup:phpbb</c>).</param>
internal sealed record ForumPosts(IReadOnlyList<ForumPost> Posts, ForumMarkup? Markup, string Source);

/// <summary>
/// Decides whether a cleaned page is a forum thread or Q&amp;A page, and finds its posts. A page is a thread when it
/// says so (JSON-LD <c>DiscussionForumPosting</c> / <c>QAPage</c>, or microdata postings and questions), or when a
/// forum system's post markup (<see cref="ForumVocabulary"/>) is found and the posts are the page's content: no
/// article stands before the first post (articles whose comments run on forum software — XenForo, Discourse — show
/// the same post markup below the story) and the page does not state another type.
/// </summary>
internal static class ForumPostFinder
{
    /// <summary>
    /// Text outside links and headings that may stand before the first post of a thread (breadcrumbs are links; a
    /// forum's rules or notice box is short). 400: on the dev corpus the two threads found by markup have 22 and 95
    /// characters there (phpBB, Reddit), the articles whose comments carry post markup 2,210 to 14,346 (measured with
    /// <c>ProseBefore</c> over all 778 pages); a few hundred also allows a forum's notice box. See docs/dev-notes.md.
    /// </summary>
    const int MaxProseBefore = 400;

    /// <summary>A word of every family's post classes (<see cref="ForumVocabulary.Families"/>), case as written there.</summary>
    static readonly System.Buffers.SearchValues<string> PostWords = System.Buffers.SearchValues.Create(
        ["question", "answer", "post", "Post", "Comment", "thing", "message", "Discussion", "boxed"], StringComparison.Ordinal);

    public static ForumPosts? Find(IElement body, ArticleMetadata article)
    {
        bool statedForum = article.PageType == PageType.Forum && article.Sources.ContainsKey("page_type");
        // Another type stated by the page (a news article with XenForo comments says og:type article) is believed over the markup.
        bool statedOther = !statedForum && article.Sources.TryGetValue("page_type", out var src) && src != "shape"
                           && article.PageType is PageType.Article or PageType.Product or PageType.Listing;

        var found = FindByMarkup(body);
        if (found is not null)
        {
            var (posts, markup) = found.Value;
            if (statedForum) return new ForumPosts(posts, markup, article.Sources["page_type"]);
            if (markup.Name == "microdata")
                // Only a posting or a question makes a thread; Answer or Comment items alone are an article's comments.
                return posts.Any(p => ForumVocabulary.MicrodataType(p.Root) is "DiscussionForumPosting" or "Question")
                    ? new ForumPosts(posts, markup, "microdata:itemtype") : null;
            if (statedOther) return null;
            if (ProseBefore(body, posts[0].Root) > MaxProseBefore) return null;
            return new ForumPosts(posts, markup, "markup:" + markup.Name);
        }
        if (!statedForum) return null;
        // The page says it is a thread but no known system marks its posts: the general rule for repeated author-date-text siblings.
        var items = RepeatedCommentFinder.Find([body]);
        if (items.Count == 0) return null;
        var byRoot = new Dictionary<CommentItem, ForumPost>();
        var list = new List<ForumPost>();
        foreach (var item in items)
        {
            var post = new ForumPost(item.Root, item.Root, item.Container is not null ? byRoot.GetValueOrDefault(item.Container) : null);
            byRoot[item] = post;
            list.Add(post);
        }
        return new ForumPosts(list, null, article.Sources["page_type"]);
    }

    /// <summary>The posts of the family that marks the most posts on the page (ties: the earlier family), with their text elements.</summary>
    static (List<ForumPost> Posts, ForumMarkup Markup)? FindByMarkup(IElement body)
    {
        var candidates = new Dictionary<ForumMarkup, List<IElement>>();
        ElementWalk.Walk(body, el =>
        {
            // Every family but microdata needs a class holding one of its words: the other elements (nearly all of a
            // page) are passed over with one search of their class, instead of each family's token checks (those
            // added 0.4 ms a page, a tenth of the extraction, on the ScrapingHub pages: measured 2026-11-22).
            if (!el.HasAttribute("itemtype") && (el.GetAttribute("class") is not { } cls || cls.AsSpan().IndexOfAny(PostWords) < 0)) return true;
            foreach (var f in ForumVocabulary.Families)
            {
                if (!f.IsPost(el)) continue;
                if (!candidates.TryGetValue(f, out var list)) candidates[f] = list = [];
                list.Add(el);
                break;
            }
            return true;
        });
        if (candidates.Count == 0) return null;
        ForumMarkup? best = null;
        foreach (var f in ForumVocabulary.Families)
            if (candidates.TryGetValue(f, out var l) && (best is null || l.Count > candidates[best].Count)) best = f;
        var roots = candidates[best!];
        var rootSet = new HashSet<IElement>(roots, ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);

        var posts = new List<ForumPost>();
        var byRoot = new Dictionary<IElement, ForumPost>(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        foreach (var root in roots) // document order
        {
            // A post quoted inside another post's text is part of that text.
            if (posts.Any(p => p.Content.Contains(root))) continue;
            // A wrapper whose text is all inside a post nested in it (Discourse's div.topic-post around article[data-post-id]) is that post.
            var content = First(root, best!.Content, rootSet);
            if (content is null) continue;
            ForumPost? parent = null;
            for (var a = root.ParentElement; a is not null && a != body; a = a.ParentElement)
                if (byRoot.TryGetValue(a, out parent)) break;
            var post = new ForumPost(root, content, parent);
            byRoot[root] = post;
            posts.Add(post);
        }
        return posts.Count == 0 ? null : (posts, best!);
    }

    /// <summary>The first element inside <paramref name="root"/> that matches one of the selectors (tried in order), outside the
    /// other posts nested in it.</summary>
    public static IElement? First(IElement root, string[] selectors, HashSet<IElement> postRoots)
    {
        foreach (var selector in selectors)
            foreach (var el in root.QuerySelectorAll(selector))
                if (OwnedBy(el, root, postRoots)) return el;
        return null;
    }

    /// <summary>Whether the nearest post root above <paramref name="el"/> is <paramref name="root"/>.</summary>
    public static bool OwnedBy(IElement el, IElement root, HashSet<IElement> postRoots)
    {
        for (var a = el.ParentElement; a is not null; a = a.ParentElement)
        {
            if (a == root) return true;
            if (postRoots.Contains(a)) return false;
        }
        return false;
    }

    /// <summary>Characters of text before <paramref name="first"/> in document order, outside links, headings and form controls.</summary>
    public static int ProseBefore(IElement body, IElement first)
    {
        int total = 0;
        bool reached = false;
        var pending = new Stack<INode>();
        pending.Push(body);
        while (pending.Count > 0 && !reached)
        {
            var node = pending.Pop();
            if (node is IElement el)
            {
                if (el == first) { reached = true; break; }
                if (el.LocalName is "a" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "button" or "label" or "select" or "option")
                {
                    if (el.Contains(first)) { } else continue;
                }
                var children = el.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--)
                    if (children[i] is IElement or IText) pending.Push(children[i]);
            }
            else if (node is IText t) total += TextMeasure.CollapsedLength(t.Data);
        }
        return total;
    }
}
