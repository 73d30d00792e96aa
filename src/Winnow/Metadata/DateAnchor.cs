using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>
/// The headline element the visible date line is looked for around, and whether a candidate
/// sits in a region (comments, sidebar, related posts) apart from it.
/// </summary>
internal static class DateAnchor
{
    // Headings looked at when the h1 is not the headline: blogs put the site name in the h1 and
    // the post title in an h2/h3 (blogspot, phpBB, idw-online in the corpus). The first 4000
    // elements hold the headline on every corpus page; the cap bounds the walk on huge pages.
    const int MaxElementsSearched = 4000;
    const int MaxHeadingChars = 300;

    /// <summary>
    /// The h1 when it is the headline (its text corroborates the chosen title, or no title is known);
    /// else the first h1–h4 whose text corroborates the title; else the h1 as given (may be null).
    /// </summary>
    public static Hit? Find(PageScan scan, Hit? h1, string? title)
    {
        if (title is null) return h1;
        if (h1 is { } h && Matches(MetaText.TextOf(h.Element, MaxHeadingChars), title)) return h1;
        int n = Math.Min(scan.Elements.Count, MaxElementsSearched);
        for (int i = 0; i < n; i++)
        {
            var el = scan.Elements[i];
            if (el.LocalName is not ("h1" or "h2" or "h3" or "h4")) continue;
            if (Matches(MetaText.TextOf(el, MaxHeadingChars), title)) return new Hit(el, i, scan.Contexts[i]);
        }
        return h1;
    }

    static bool Matches(string text, string title) =>
        MetaText.Key(text).Length >= 4 && TitleChooser.Corroborates(text, title);

    /// <summary>
    /// Whether a candidate lies in an excluded region that does not also hold the headline: when a
    /// layout class ("right-sidebar" on the content wrapper) marks the headline itself excluded,
    /// only the regions between the candidate and the headline's ancestors count. A "sidebar"
    /// inside the article or main element that holds the headline is the article's own details
    /// box (falstaff, arteradio: the date sits there), not the site's sidebar.
    /// </summary>
    public static bool IsExcluded(Hit candidate, Hit? anchor)
    {
        if ((candidate.Ctx & Ctx.Excluded) == 0) return false;
        if (anchor is not { } a) return true;
        if ((a.Ctx & Ctx.Excluded) == 0 && ((candidate.Ctx & Ctx.Article) == 0 || (a.Ctx & Ctx.Article) == 0)) return true;
        // the headline's ancestors: the walk up from the candidate stops at the first shared one
        // (a set of ~20 elements: cheaper than Contains, which searches the subtree)
        var shared = new HashSet<IElement>();
        for (var q = a.Element; q is not null; q = q.ParentElement) shared.Add(q);
        for (IElement? p = candidate.Element; p is not null && !shared.Contains(p); p = p.ParentElement)
            if (PageScan.OpensExcludedRegion(p) && !IsArticleSidebar(p, shared)) return true;
        return false;
    }

    static bool IsArticleSidebar(IElement region, HashSet<IElement> headlineAncestors)
    {
        if (!(region.ClassName ?? "").Contains("sidebar", StringComparison.OrdinalIgnoreCase)) return false;
        for (var p = region.ParentElement; p is not null; p = p.ParentElement)
            if (p.LocalName is "article" or "main") return headlineAncestors.Contains(p);
        return false;
    }
}
