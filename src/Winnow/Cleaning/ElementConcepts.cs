using AngleSharp.Dom;

namespace Winnow.Cleaning;

/// <summary>What an element says it is: from its class, id, role, itemprop and tag. Cached per element in a side table.</summary>
internal sealed class ElementConcepts
{
    readonly Dictionary<IElement, Concept> _cache = new(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
    // Pages repeat the same class strings on hundreds of elements: classify each distinct string once.
    readonly Dictionary<string, Concept> _byValue = new(StringComparer.Ordinal);

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

    Concept Classify(string? value)
    {
        if (string.IsNullOrEmpty(value)) return Concept.None;
        if (!_byValue.TryGetValue(value, out var c)) _byValue[value] = c = ConceptVocabulary.Classify(value);
        return c;
    }

    Concept Compute(IElement e)
    {
        var c = Classify(e.ClassName) | Classify(e.Id);
        var role = e.GetAttribute("role");
        if (role is not null)
        {
            c |= role switch
            {
                "navigation" or "menu" or "menubar" or "search" => Concept.Navigation,
                "banner" => Concept.Header,
                "contentinfo" => Concept.Footer,
                "complementary" => Concept.Sidebar,
                "dialog" or "alertdialog" => Concept.Popup,
                "main" or "article" => Concept.Content,
                _ => Concept.None,
            };
        }
        var itemprop = e.GetAttribute("itemprop");
        if (itemprop is not null)
        {
            if (itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase) || itemprop.Contains("reviewBody", StringComparison.OrdinalIgnoreCase))
                c |= Concept.ArticleBody;
            else if (itemprop is "author" or "datePublished" or "dateModified" or "publisher") c |= Concept.Byline;
            else if (itemprop is "comment" or "comments") c |= Concept.Comments;
        }
        var itemtype = e.GetAttribute("itemtype");
        if (itemtype is not null && itemtype.EndsWith("/Comment", StringComparison.OrdinalIgnoreCase)) c |= Concept.Comments;
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
