using AngleSharp.Dom;
using Winnow.Cleaning;
using Winnow.Dom;

namespace Winnow.Content.Strategies;

/// <summary>
/// A Readability-style scoring walk: every paragraph-like element scores by its commas and length;
/// the score flows to its parent (whole), grandparent (half) and further ancestors (less); the
/// best ancestor, discounted by its link density, is the content root. Siblings that score close
/// to it join it (split article bodies).
/// </summary>
internal static class ScoringStrategy
{
    /// <summary>Paragraphs shorter than this say nothing (Readability's 25).</summary>
    const int MinParagraph = 25;
    /// <summary>Ancestor levels a paragraph's score reaches (Readability's 5).</summary>
    const int Levels = 5;

    public static (IElement Root, List<IElement> Roots)? Find(PageContext page)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        int bodyText = page.Stats[page.Body].Text;
        var paragraphs = new List<IElement>();
        ElementWalk.Walk(page.Body, el =>
        {
            // Unlikely candidates: page chrome by its tag or role (aside, nav, footer) scores nothing, unless it holds
            // most of the page. Class names alone are not enough here: skipping every subtree whose class says
            // "related" or "widget" cost 12 of the trafilatura benchmark's snippets.
            if (el != page.Body && IsChrome(el) && page.Stats[el].Text < bodyText / 2)
                return false;
            if (IsParagraphLike(el)) paragraphs.Add(el);
            return true;
        });
        foreach (var el in paragraphs)
        {
            var s = page.Stats[el];
            int len = s.Text;
            if (len < MinParagraph) continue;
            double score = 1 + s.Commas + Math.Min(len / 100, 3);
            var ancestor = el.ParentElement;
            for (int level = 0; level < Levels && ancestor is not null; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = InitialScore(page, ancestor);
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores[ancestor] += score / divider;
                if (ancestor == page.Body) break;
            }
        }
        IElement? top = null;
        double best = double.MinValue;
        foreach (var (el, raw) in scores)
        {
            var final = raw * (1 - page.Stats[el].LinkDensity);
            scores[el] = final;
            if (final > best) { best = final; top = el; }
        }
        if (top is null) return null;
        // Siblings that score at least a fifth of the top (Readability's 0.2, with its floor of 10) join it.
        var roots = new List<IElement>();
        var parent = top.ParentElement;
        double threshold = Math.Max(10, best * 0.2);
        if (parent is not null && top != page.Body)
        {
            foreach (var sib in parent.Children)
            {
                if (sib == top) { roots.Add(sib); continue; }
                if (scores.TryGetValue(sib, out var ss) && ss >= threshold && (page.Concepts[sib] & (Concept.Boilerplate | Concept.Comments)) == 0)
                    roots.Add(sib);
                else if (sib.LocalName == "p" && IsGoodLoneParagraph(page, sib))
                    roots.Add(sib);
            }
        }
        else roots.Add(top);
        return (top, roots);
    }

    /// <summary>A sibling paragraph of the top candidate worth keeping (Readability: 80+ characters, low link density, or a short sentence).</summary>
    static bool IsGoodLoneParagraph(PageContext page, IElement p)
    {
        var s = page.Stats[p];
        if (s.Text > 80) return s.LinkDensity < 0.25;
        return s.Text > 0 && s.LinkDensity == 0 && (NodeText.Of(p).TrimEnd().EndsWith('.'));
    }

    static bool IsChrome(IElement el)
        => el.LocalName is "aside" or "nav" or "footer"
            || el.GetAttribute("role") is "navigation" or "complementary" or "contentinfo";

    static bool IsParagraphLike(IElement el)
    {
        switch (el.LocalName)
        {
            case "p" or "pre" or "td" or "blockquote": return true;
            case "div" or "section":
                foreach (var c in el.Children)
                    if (BlockBuilder.BlockTags.Contains(c.LocalName)) return false;
                return true;
            default: return false;
        }
    }

    static double InitialScore(PageContext page, IElement el)
    {
        double score = el.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" or "section" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var c = page.Concepts[el];
        // Readability's class weight: ±25.
        if ((c & (Concept.Boilerplate | Concept.Comments | Concept.Byline | Concept.Header | Concept.Caption)) != 0) score -= 25;
        if ((c & (Concept.Content | Concept.ArticleBody)) != 0) score += 25;
        return score;
    }
}
