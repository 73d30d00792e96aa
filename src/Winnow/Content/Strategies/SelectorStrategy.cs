using AngleSharp.Dom;

namespace Winnow.Content.Strategies;

/// <summary>
/// Picks the content root from the selector rules: within the first tier that has a match with
/// enough non-link text, the match with the most non-link text (the outermost on ties).
/// </summary>
internal static class SelectorStrategy
{
    /// <summary>Less than this much non-link text is not an article body (trafilatura's 250 for its wild-text gate, rounded).</summary>
    const int MinText = 250;

    public static (IElement Root, string Tier)? Find(PageContext page)
    {
        var matches = new List<IElement>[SelectorRules.Tiers.Length];
        for (int i = 0; i < matches.Length; i++) matches[i] = [];
        foreach (var el in page.Body.Descendants<IElement>())
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
                var s = page.Stats[el];
                int useful = s.Text - s.LinkText;
                if (useful > bestText) { best = el; bestText = useful; }
            }
            if (best is not null && bestText >= MinText) return (best, SelectorRules.Tiers[i].Name);
        }
        return null;
    }
}
