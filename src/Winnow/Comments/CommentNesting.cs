using AngleSharp.Dom;

namespace Winnow.Comments;

/// <summary>
/// Who replies to whom. In order of trust: a reply nested inside its parent's element; a depth the markup states
/// (<c>depth-2</c> — the reply list may sit after the parent's closing tag); a reply container that follows its
/// parent (Drupal's <c>div.indented</c>).
/// </summary>
internal static class CommentNesting
{
    public static void Assign(List<CommentItem> items, IElement body)
    {
        var depthOf = new Dictionary<CommentItem, int>();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var stated = item.Elements.Select(CommentVocabulary.StatedDepth).FirstOrDefault(d => d is not null);
            CommentItem? parent = item.Container;
            if (parent is null && stated is > 1)
            {
                // The last comment before it one level up.
                for (int j = i - 1; j >= 0; j--)
                    if (depthOf[items[j]] == stated.Value - 1) { parent = items[j]; break; }
            }
            if (parent is null && stated is null) parent = FromReplyContainer(item, items, i, body);
            item.Parent = parent;
            item.Depth = parent is null ? 0 : parent.Depth + 1;
            depthOf[item] = stated ?? item.Depth + 1;
        }
    }

    /// <summary>A reply container (<c>div.indented</c>, <c>ul.children</c>) around the comment whose previous sibling holds the parent.</summary>
    static CommentItem? FromReplyContainer(CommentItem item, List<CommentItem> items, int index, IElement body)
    {
        for (var a = item.Root.ParentElement; a is not null && a != body; a = a.ParentElement)
        {
            if (!CommentVocabulary.IsReplyContainer(a)) continue;
            var previous = a.PreviousElementSibling;
            if (previous is null) return null;
            // The last top-level comment inside (or at) that sibling.
            CommentItem? found = null;
            for (int j = index - 1; j >= 0; j--)
            {
                var c = items[j];
                if (c.Root == previous || previous.Contains(c.Root))
                {
                    if (c.Container is null || !(c.Container.Root == previous || previous.Contains(c.Container.Root))) { found = c; break; }
                }
            }
            return found;
        }
        return null;
    }
}
