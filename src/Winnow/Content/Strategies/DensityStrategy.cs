using AngleSharp.Dom;
using Winnow.Cleaning;
using Winnow.Dom;

namespace Winnow.Content.Strategies;

/// <summary>
/// A text-density classifier in the spirit of jusText: the page is cut into paragraph-level blocks,
/// each block is judged on its own (length, link density, sentence punctuation), then short blocks
/// take the label of their good neighbours. The good blocks, in document order, are the content.
/// It needs no container at all, so it still works where the markup names nothing.
/// </summary>
internal static class DensityStrategy
{
    /// <summary>jusText's length limits: below 70 characters a block is "short" and judged by its neighbours;
    /// from 200 it is "good" when it reads like prose.</summary>
    const int ShortLength = 70, GoodLength = 200;
    /// <summary>jusText's link-density limit for a content block.</summary>
    const double MaxLinkDensity = 0.2;

    enum Label { Bad, Short, NearGood, Good }

    public static List<IElement> Find(PageContext page)
    {
        var blocks = new List<IElement>();
        ElementWalk.Walk(page.Body, el =>
        {
            if (el != page.Body && (page.Concepts[el] & (Concept.Boilerplate | Concept.Comments)) != 0 && page.Stats[el].Text < page.Stats[page.Body].Text / 2)
                return false; // named boilerplate: none of its blocks can be content
            if (IsBlock(el)) { blocks.Add(el); return false; }
            return true;
        });
        var labels = blocks.Select(b => Classify(page, b)).ToArray();
        // Context: a short or near-good block between good blocks (or a good block and the edge) is good.
        var result = new List<IElement>();
        for (int i = 0; i < blocks.Count; i++)
        {
            var label = labels[i];
            if (label is Label.Short or Label.NearGood)
            {
                var before = Neighbour(labels, i, -1);
                var after = Neighbour(labels, i, +1);
                label = (before, after) switch
                {
                    (Label.Good, Label.Good) => Label.Good,
                    (Label.Good, null) or (null, Label.Good) => label == Label.NearGood ? Label.Good : Label.Bad,
                    (Label.Good, _) or (_, Label.Good) => label == Label.NearGood ? Label.Good : Label.Bad,
                    _ => Label.Bad,
                };
            }
            if (label == Label.Good) result.Add(blocks[i]);
        }
        return result;
    }

    /// <summary>The nearest label that is not short, going in <paramref name="step"/>'s direction; null at the edge.</summary>
    static Label? Neighbour(Label[] labels, int i, int step)
    {
        for (int k = i + step; k >= 0 && k < labels.Length; k += step)
            if (labels[k] != Label.Short) return labels[k] == Label.NearGood ? Label.Good : labels[k];
        return null;
    }

    static Label Classify(PageContext page, IElement el)
    {
        var s = page.Stats[el];
        if (s.LinkDensity > MaxLinkDensity) return Label.Bad;
        if (s.Text < ShortLength) return Label.Short;
        bool prose = s.Commas > 0 || EndsLikeASentence(el);
        if (s.Text >= GoodLength && prose) return Label.Good;
        return Label.NearGood;
    }

    static bool EndsLikeASentence(IElement el)
    {
        var t = NodeText.Of(el).TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '"' or '”' or '»' or '。' or '！' or '？' or ')' or ':';
    }

    static bool IsBlock(IElement el)
    {
        switch (el.LocalName)
        {
            case "p" or "pre" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "dd" or "dt" or "figcaption":
                return true;
            case "li" or "td" or "th" or "div" or "section" or "article":
                // Only when it holds no block of its own: then it is the paragraph.
                foreach (var c in el.Children)
                    if (BlockBuilder.BlockTags.Contains(c.LocalName)) return false;
                return true;
            default:
                return false;
        }
    }
}
