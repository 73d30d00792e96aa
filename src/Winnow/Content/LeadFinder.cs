using AngleSharp.Dom;
using Winnow.Cleaning;
using Winnow.Dom;

namespace Winnow.Content;

/// <summary>
/// Finds the visible standfirst (lead, dek, teaser, intro) that pages put between the headline and
/// the body container, where body selection misses it (a common failure of the peers: 60 of the
/// trafilatura benchmark's missed snippets sat in such an element).
/// </summary>
internal static class LeadFinder
{
    /// <summary>A lead is a sentence or a short paragraph: 30 characters at least, 1,000 at most (longer is body text).</summary>
    const int MinLength = 30, MaxLength = 1000;
    /// <summary>How far up from the body root the lead and the root may part ways (article → header → p.lead is 3).</summary>
    const int MaxCommonAncestorDistance = 5;

    public static IElement? Find(PageContext page, IElement root)
    {
        IElement? best = null;
        var h1 = FirstHeading(page.Body);
        foreach (var el in ElementWalk.Descendants(page.Body))
        {
            if (el == root) break; // only what comes before the body, in document order
            if ((page.Concepts[el] & Concept.Lead) == 0) continue;
            if (el.Contains(root) || root.Contains(el)) continue;
            var s = page.Stats[el];
            if (s.Text < MinLength || s.Text > MaxLength || s.LinkDensity > 0.3) continue;
            if (el.LocalName is "a" or "li" or "ul" or "ol" or "img" or "figure") continue;
            if (h1 is not null && h1.CompareDocumentPosition(el).HasFlag(DocumentPositions.Preceding)) continue; // above the headline
            if (InBoilerplate(page, el)) continue;
            if (Distance(el, root) > MaxCommonAncestorDistance) continue;
            best = el; // the last one before the body is the closest
        }
        return best;
    }

    static IElement? FirstHeading(IElement body)
    {
        foreach (var el in ElementWalk.Descendants(body))
            if (el.LocalName == "h1") return el;
        return null;
    }

    static bool InBoilerplate(PageContext page, IElement el)
    {
        for (var a = el.ParentElement; a is not null && a != page.Body; a = a.ParentElement)
            if ((page.Concepts[a] & (Concept.Boilerplate | Concept.Comments)) != 0) return true;
        return false;
    }

    /// <summary>Levels from <paramref name="root"/> up to the common ancestor of both.</summary>
    static int Distance(IElement el, IElement root)
    {
        int d = 0;
        for (var a = root.ParentElement; a is not null; a = a.ParentElement, d++)
            if (a.Contains(el)) return d + 1;
        return int.MaxValue;
    }
}
