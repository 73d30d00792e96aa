using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Content.Strategies;

/// <summary>A selector match: the root(s) and the tier that named them.</summary>
internal sealed record SelectorMatch(IElement Root, IReadOnlyList<IElement> Roots, string Tier, int TierIndex)
{
    /// <summary>Tiers after the first two name a generic container ("content", main), not the body itself.</summary>
    public bool IsGeneric => TierIndex >= 2;
}

/// <summary>
/// Picks the content root from the selector rules: within the first tier that has a match with
/// enough non-link text, the match with the most non-link text (the outermost on ties). Sibling
/// matches of the same class join it (bodies split into several <c>div.article-body</c> blocks).
/// </summary>
internal static class SelectorStrategy
{
    /// <summary>Less than this much non-link text is not an article body (trafilatura's 250 for its wild-text gate).</summary>
    const int MinText = 250;

    public static SelectorMatch? Find(PageContext page)
    {
        var matches = new List<IElement>[SelectorRules.Tiers.Length];
        for (int i = 0; i < matches.Length; i++) matches[i] = [];
        foreach (var el in ElementWalk.Descendants(page.Body))
        {
            var c = page.Concepts[el];
            for (int i = 0; i < SelectorRules.Tiers.Length; i++)
                if (SelectorRules.Tiers[i].Matches(el, c)) matches[i].Add(el);
        }
        for (int i = 0; i < matches.Length; i++)
        {
            IElement? best = null;
            int bestText = 0;
            foreach (var el in matches[i])
            {
                int useful = Useful(page, el);
                if (useful > bestText) { best = el; bestText = useful; }
            }
            if (best is null) continue;
            var roots = SameClassSiblings(page, best, matches[i]);
            if (roots.Count == 1) roots = SameClassCousins(best, matches[i]);
            int total = roots.Sum(r => Useful(page, r));
            if (total >= MinText) return new SelectorMatch(best, roots, SelectorRules.Tiers[i].Name, i);
        }
        return null;
    }

    static int Useful(PageContext page, IElement el)
    {
        var s = page.Stats[el];
        return s.Text - s.LinkText;
    }

    /// <summary>Levels up to the common ancestor within which same-class matches are one split body
    /// (wired.com: article__body chunks two levels apart, each in its own grid with an ad rail).</summary>
    const int MaxCousinDistance = 3;

    /// <summary>Same-class matches in nearby branches, in document order; the rails between them stay out.</summary>
    static List<IElement> SameClassCousins(IElement best, List<IElement> tierMatches)
    {
        var cls = best.ClassName;
        var ancestor = best;
        for (int k = 0; k < MaxCousinDistance && ancestor.ParentElement is not null; k++) ancestor = ancestor.ParentElement;
        var roots = new List<IElement>();
        foreach (var m in tierMatches)
        {
            if (m.LocalName != best.LocalName || m.ClassName != cls || !ancestor.Contains(m)) continue;
            if (roots.Count > 0 && roots[^1].Contains(m)) continue;
            roots.Add(m);
        }
        return roots.Count > 1 ? roots : [best];
    }

    /// <summary>The best match and its same-class siblings, with everything between them (the headings
    /// between <c>p.bodytext</c> paragraphs are part of the body).</summary>
    static List<IElement> SameClassSiblings(PageContext page, IElement best, List<IElement> tierMatches)
    {
        var parent = best.ParentElement;
        var cls = best.ClassName;
        if (parent is null) return [best];
        int first = -1, last = -1, i = 0;
        var children = parent.Children;
        foreach (var sib in children)
        {
            if (sib == best || (sib.LocalName == best.LocalName && sib.ClassName == cls && tierMatches.Contains(sib)))
            {
                if (first < 0) first = i;
                last = i;
            }
            i++;
        }
        if (first == last) return [best];
        var roots = new List<IElement>(last - first + 1);
        for (int k = first; k <= last; k++) roots.Add(children[k]);
        return roots;
    }
}
