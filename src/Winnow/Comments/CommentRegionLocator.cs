using AngleSharp.Dom;
using Winnow.Cleaning;
using Winnow.Dom;

namespace Winnow.Comments;

/// <summary>
/// Finds the readers' comment region(s) so they can be detached from the tree before the body is
/// chosen: comment text can then never leak into the body. The outermost element that names
/// itself a comment area (class/id tokens, schema.org Comment, WordPress/Disqus/Drupal ids) is
/// taken, unless it holds the article itself (a page wrapped in a "comments" container).
/// </summary>
internal static class CommentRegionLocator
{
    public static List<IElement> Locate(IElement body, ElementConcepts concepts)
    {
        var regions = new List<IElement>();
        ElementWalk.Walk(body, el =>
        {
            if (el == body || !IsCommentRegion(el, concepts) || HoldsArticle(el, concepts)) return true;
            regions.Add(el);
            return false; // outermost only
        });
        return regions;
    }

    static bool IsCommentRegion(IElement el, ElementConcepts concepts)
    {
        if ((concepts[el] & Concept.Comments) == 0) return false;
        // A link or a short label ("12 comments") is not the region, but it is noise either way; the
        // threshold only stops us from treating inline elements as regions.
        return el.LocalName is not ("a" or "span" or "time" or "abbr");
    }

    /// <summary>Whether the element contains the article: an h1, or an element marked as the article body.</summary>
    static bool HoldsArticle(IElement region, ElementConcepts concepts)
    {
        foreach (var el in ElementWalk.Descendants(region))
        {
            if (el.LocalName == "h1") return true;
            var k = concepts[el];
            if ((k & Concept.ArticleBody) != 0 && (k & Concept.Comments) == 0) return true;
        }
        return false;
    }
}
