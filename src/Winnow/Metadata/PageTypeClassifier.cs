namespace Winnow.Metadata;

/// <summary>
/// Tells what kind of page this is. First what the page says of itself (schema.org types,
/// og:type), then, when it says nothing, its shape: a body of running text is an article; many
/// &lt;article&gt; teasers with little text of their own is a listing.
/// </summary>
internal static class PageTypeClassifier
{
    static readonly string[] ForumTypes = ["DiscussionForumPosting", "QAPage", "Question"];
    static readonly string[] ListingTypes = ["CollectionPage", "SearchResultsPage", "ItemList"];

    /// <summary>The kind the page states (JSON-LD types, og:type), or null when it states none.</summary>
    public static (PageType? Type, string Source) FromStatements(JsonLdData ld, MetaTags meta)
    {
        if (HasAny(ld.TopTypes, ForumTypes)) return (PageType.Forum, "json-ld:@type");
        if (ld.TopTypes.Contains("Product") && (ld.ArticleType is null || IsWebPageType(ld.ArticleType))) return (PageType.Product, "json-ld:@type");
        if (ld.ArticleType is { } at && !IsWebPageType(at)) return (PageType.Article, "json-ld:@type");
        var og = MetaText.Clean(meta.Get("og:type"))?.ToLowerInvariant();
        if (og is "article" or "blog" or "news" or "newsarticle" || og?.StartsWith("article", StringComparison.Ordinal) == true)
            return (PageType.Article, "meta:og:type");
        if (og is "product" or "og:product" || og?.StartsWith("product", StringComparison.Ordinal) == true)
            return (PageType.Product, "meta:og:type");
        if (HasAny(ld.TopTypes, ListingTypes)) return (PageType.Listing, "json-ld:@type");
        return (null, "");
    }

    // A page with this much body text and no teaser list reads as an article: the shortest
    // articles of the ScrapingHub dev pages have ≈ 600 characters of body.
    const int MinArticleChars = 500;
    // Four or more <article> elements are teasers (a blog front page shows ten); one to three are
    // the article itself and its wrappers or a related-posts box.
    const int MinTeasers = 4;

    /// <summary>The kind read from the page's shape, when it states none.</summary>
    public static PageType FromShape(int bodyChars, int articleElements)
    {
        if (articleElements >= MinTeasers && bodyChars < 4 * MinArticleChars) return PageType.Listing;
        if (bodyChars >= MinArticleChars) return PageType.Article;
        return PageType.Other;
    }

    static bool IsWebPageType(string t) => t.EndsWith("Page", StringComparison.OrdinalIgnoreCase);

    static bool HasAny(HashSet<string> types, string[] wanted)
    {
        foreach (var w in wanted) if (types.Contains(w)) return true;
        return false;
    }
}
