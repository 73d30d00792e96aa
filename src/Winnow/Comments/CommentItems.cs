using AngleSharp.Dom;
using Winnow.Cleaning;
using Winnow.Dom;

namespace Winnow.Comments;

/// <summary>One comment found in the markup, before its fields are read.</summary>
internal sealed class CommentItem(IElement root)
{
    /// <summary>The outermost element of the comment (with its replies when they are nested inside it).</summary>
    public IElement Root { get; } = root;
    /// <summary>The elements whose text is the comment's: the root, plus a <c>dd</c> that follows a <c>dt</c> root.</summary>
    public List<IElement> Elements { get; } = [root];
    /// <summary>The nearest comment whose root contains this one's (nesting by containment).</summary>
    public CommentItem? Container { get; set; }
    public CommentItem? Parent { get; set; }
    public int Depth { get; set; }
    public bool IsPingback { get; set; }
    /// <summary>Cached: whether the root has text of its own outside the marked elements inside it.</summary>
    public bool? HasOwnText { get; set; }
    /// <summary>Marked elements inside the root that are this same comment (its inner wrappers).</summary>
    public HashSet<IElement> Absorbed { get; } = new(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
}

/// <summary>
/// Finds the comments of a page: elements that say they are one comment (ids like <c>comment-123</c>, a class
/// token <c>comment</c> or ending in <c>-comment</c>, schema.org <c>Comment</c>), outside sidebar widgets
/// ("Recent comments") and forms ("Leave a reply"). A marked element whose text is all in a marked element
/// inside it is a wrapper of that one comment (WordPress <c>li.comment</c> around <c>article.comment-body</c>);
/// one with text of its own holds its replies.
/// </summary>
internal static class CommentItems
{
    public static List<CommentItem> Find(IElement body, ElementConcepts concepts)
    {
        var marked = new List<IElement>();
        ElementWalk.Walk(body, el =>
        {
            if (el == body) return true;
            if (el.LocalName == "form") return false; // the reply form, never a comment
            // A comment never holds a form: a marked element around the reply form is the comment area ("page__comment").
            bool marker = CommentVocabulary.IsItemMarker(el) && el.QuerySelector("form, #respond") is null;
            // "Recent comments" widgets repeat excerpts of other threads; other
            // widget, aside and sidebar words stop nothing: "content-sidebar-wrap", "right-sidebar" and Blogger's "widget Blog" hold the whole page.
            if (!marker && CommentVocabulary.IsRecentList(el)) return false;
            if (marker) marked.Add(el);
            return true;
        });
        if (marked.Count == 0) return [];

        var set = new HashSet<IElement>(marked, ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        var owner = new Dictionary<IElement, CommentItem>(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        var items = new List<CommentItem>();
        foreach (var el in marked) // document order: a wrapper is seen before what it wraps
        {
            var outer = NearestMarkedAncestor(el, set, body);
            if (outer is not null && owner.TryGetValue(outer, out var outerItem) && IsWrapperOf(outerItem, el, set))
            {
                owner[el] = outerItem; // the same comment, one level further in
                continue;
            }
            // A dd that follows the comment's dt is its text (old WordPress themes: dt = author line, dd = text).
            if (el.LocalName == "dd" && el.PreviousElementSibling is { LocalName: "dt" } dt && owner.TryGetValue(dt, out var dtItem) && dtItem.Root == dt)
            {
                dtItem.Elements.Add(el);
                owner[el] = dtItem;
                continue;
            }
            var item = new CommentItem(el) { Container = outer is not null ? owner.GetValueOrDefault(outer) : null };
            item.IsPingback = CommentVocabulary.IsPingback(el);
            owner[el] = item;
            items.Add(item);
        }
        return items;
    }

    static IElement? NearestMarkedAncestor(IElement el, HashSet<IElement> set, IElement body)
    {
        for (var a = el.ParentElement; a is not null && a != body; a = a.ParentElement)
            if (set.Contains(a)) return a;
        return null;
    }

    /// <summary>Whether <paramref name="inner"/> is the same comment as <paramref name="item"/>: the item has no text of its own
    /// yet outside the marked elements below it (only chrome: avatar, author line) — so what <paramref name="inner"/> holds is
    /// the item's text, not a reply.</summary>
    static bool IsWrapperOf(CommentItem item, IElement inner, HashSet<IElement> set)
    {
        if (item.Root.LocalName is "dt") return false;
        if (item.HasOwnText == true) return false; // absorbing only adds text: once true, always true
        bool own = CommentText.Flat(item.Root, e => (set.Contains(e) && !item.Absorbed.Contains(e)) || CommentVocabulary.IsChrome(e)).Length > 0;
        if (own) { item.HasOwnText = true; return false; }
        item.Absorbed.Add(inner);
        return true;
    }

}
