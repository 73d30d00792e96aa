using AngleSharp.Dom;
using Winnow.Cleaning;

namespace Winnow.Content.Strategies;

/// <summary>
/// The selector rules, as data: tiers of predicates that name the article body, most specific
/// first. The first tier that yields enough text wins (see <see cref="SelectorStrategy"/>).
/// </summary>
internal static class SelectorRules
{
    internal sealed record Tier(string Name, Func<IElement, Concept, bool> Matches);

    public static readonly Tier[] Tiers =
    [
        // 1. The body named as such: itemprop=articleBody, entry-content, post-content, article-body, story-body…
        new("article-body", (e, c) => (c & Concept.ArticleBody) != 0 && (c & Concept.Comments) == 0),
        // 2. The <article> element, or schema.org Article microdata.
        new("article", (e, c) => (e.LocalName == "article" || IsArticleItemType(e)) && (c & (Concept.Comments | Concept.Boilerplate)) == 0),
        // 3. Elements whose class or id says content/post/story/entry.
        new("content-class", (e, c) => (c & Concept.Content) != 0 && (c & (Concept.Comments | Concept.Boilerplate | Concept.Byline | Concept.Header | Concept.Caption)) == 0
                                          && e.LocalName is "div" or "section" or "main" or "article" or "td"),
        // 4. <main> and role=main.
        new("main", (e, c) => e.LocalName == "main" || e.GetAttribute("role") == "main"),
    ];

    static bool IsArticleItemType(IElement e)
    {
        var t = e.GetAttribute("itemtype");
        if (t is null) return false;
        return t.EndsWith("Article", StringComparison.Ordinal) || t.EndsWith("BlogPosting", StringComparison.Ordinal)
            || t.EndsWith("NewsArticle", StringComparison.Ordinal) || t.EndsWith("Report", StringComparison.Ordinal);
    }
}
