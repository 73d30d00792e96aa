using AngleSharp.Dom;

namespace Winnow.Cleaning;

/// <summary>What an element says it is: from its class, id, role, itemprop and tag. Cached per element in a side table.</summary>
internal sealed class ElementConcepts
{
    readonly Dictionary<IElement, Concept> _cache = new(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);


    public Concept this[IElement e]
    {
        get
        {
            if (_cache.TryGetValue(e, out var c)) return c;
            c = Compute(e);
            _cache[e] = c;
            return c;
        }
    }

    Concept Compute(IElement e)
    {
        var c = Concept.None;
        // One pass over the attributes (each GetAttribute call would scan them again).
        foreach (var attr in e.Attributes)
        {
            var value = attr.Value;
            switch (attr.Name)
            {
                case "class" or "id":
                    c |= ConceptVocabulary.Classify(value); // cached per distinct string
                    break;
                case "role":
                    c |= value switch
                    {
                        "navigation" or "menu" or "menubar" or "search" => Concept.Navigation,
                        "banner" => Concept.Header,
                        "contentinfo" => Concept.Footer,
                        "complementary" => Concept.Sidebar,
                        "dialog" or "alertdialog" => Concept.Popup,
                        "main" or "article" => Concept.Content,
                        _ => Concept.None,
                    };
                    break;
                case "itemprop":
                    if (value.Contains("articleBody", StringComparison.OrdinalIgnoreCase) || value.Contains("reviewBody", StringComparison.OrdinalIgnoreCase))
                        c |= Concept.ArticleBody;
                    else if (value is "author" or "datePublished" or "dateModified" or "publisher") c |= Concept.Byline;
                    else if (value is "comment" or "comments") c |= Concept.Comments;
                    break;
                case "itemtype":
                    if (value.EndsWith("/Comment", StringComparison.OrdinalIgnoreCase)) c |= Concept.Comments;
                    break;
            }
        }
        switch (e.LocalName)
        {
            case "nav": c |= Concept.Navigation; break;
            case "aside": c |= Concept.Sidebar; break;
            case "footer": c |= Concept.Footer; break;
            case "header": c |= Concept.Header; break;
            case "figcaption": c |= Concept.Caption; break;
        }
        return c;
    }
}
