using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Comments;

/// <summary>
/// The general rule for comment systems without a known vocabulary: inside a comment region, sibling elements of
/// one shape (same tag and class) that each carry an author, a date and text are the comments. Elements of that
/// same shape nested inside one of them are its replies (nesting by containment, as for marked comments).
/// </summary>
internal static class RepeatedCommentFinder
{
    /// <summary>Fewer than this many siblings of one shape is not a list (a single author box with a date is not a thread).</summary>
    const int MinSiblings = 2;

    public static List<CommentItem> Find(IReadOnlyList<IElement> regions)
    {
        var items = new List<CommentItem>();
        foreach (var region in regions)
        {
            if (CommentVocabulary.IsRecentList(region)) continue;
            // Only parents on the way to a date can hold the list: found in one walk, so regions without two dates
            // (a Disqus placeholder, a "12 comments" link, a form) cost one walk and nothing more.
            var onPath = new HashSet<IElement>(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
            int dates = 0;
            foreach (var d in ElementWalk.Descendants(region))
            {
                if (!IsDate(d)) continue;
                dates++;
                for (var a = d.ParentElement; a is not null && onPath.Add(a) && a != region; a = a.ParentElement) { }
            }
            if (dates < MinSiblings) continue;
            List<IElement>? best = null;
            int bestLength = 0;
            foreach (var parent in onPath)
            {
                if (parent.ChildElementCount < MinSiblings) continue;
                foreach (var group in parent.Children.GroupBy(Shape))
                {
                    var members = group.ToList();
                    if (members.Count < MinSiblings || group.Key.StartsWith("form", StringComparison.Ordinal)) continue;
                    if (!members.All(LooksLikeComment)) continue;
                    int length = members.Sum(m => NodeText.Of(m).Length);
                    if (length > bestLength) { best = members; bestLength = length; }
                }
            }
            if (best is null) continue;
            var shape = Shape(best[0]);
            // Every element of that shape in the region, in document order; those inside another are its replies.
            var byRoot = new Dictionary<IElement, CommentItem>(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
            foreach (var el in ElementWalk.Descendants(region))
            {
                if (Shape(el) != shape || !LooksLikeComment(el)) continue;
                CommentItem? container = null;
                for (var a = el.ParentElement; a is not null && a != region; a = a.ParentElement)
                    if (byRoot.TryGetValue(a, out container)) break;
                var item = new CommentItem(el) { Container = container, IsPingback = CommentVocabulary.IsPingback(el) };
                byRoot[el] = item;
                items.Add(item);
            }
        }
        return items;
    }

    static bool IsDate(IElement d)
    {
        if (d.LocalName == "time") return true;
        var cls = d.GetAttribute("class");
        if (cls is null || !(cls.Contains("date", StringComparison.OrdinalIgnoreCase) || cls.Contains("time", StringComparison.OrdinalIgnoreCase)
            || cls.Contains("publish", StringComparison.OrdinalIgnoreCase))) return false;
        return CommentVocabulary.Parts(d).Any(p => p is "date" or "time" or "datetime" or "timestamp" or "published");
    }

    static string Shape(IElement el) => el.LocalName + "." + (el.GetAttribute("class") ?? "").Trim();

    /// <summary>An author (a named element or hCard), a date (a <c>time</c> or date class) and some text of its own.</summary>
    static bool LooksLikeComment(IElement el)
    {
        bool author = false, date = false;
        foreach (var d in ElementWalk.Descendants(el))
        {
            if (IsDate(d)) date = true;
            else if (d.HasAttribute("class") || d.HasAttribute("itemprop"))
            {
                var parts = CommentVocabulary.Parts(d);
                if (parts.Any(p => p is "author" or "fn" or "user" or "username" or "name" or "nick" or "commenter") || d.GetAttribute("itemprop") == "author") author = true;
            }
            if (author && date) break;
        }
        return author && date && TextMeasure.CollapsedLength(NodeText.Of(el)) >= 20; // 20: more than a name and a date alone
    }
}
