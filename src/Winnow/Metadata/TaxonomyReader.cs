using Winnow.Dom;
namespace Winnow.Metadata;

/// <summary>
/// The article's categories (sections) and tags (keywords). Visible links the CMS marks
/// (<c>rel="category tag"</c> / <c>rel="tag"</c>, WordPress and its kin) are what the reader sees
/// filed under the post, so they come first; the head's statements follow:
/// <list type="bullet">
/// <item><b>categories</b>: rel="category" links &gt; category-archive links ("/category/…") inside the article &gt; JSON-LD articleSection &gt; JSON-LD BreadcrumbList sections &gt; article:section &gt; parsely-section / category meta.</item>
/// <item><b>tags</b>: rel="tag" links (not categories) &gt; article:tag &gt; JSON-LD keywords &gt; news_keywords / parsely-tags / keywords meta.</item>
/// </list>
/// Links in navigation, sidebars and widgets (tag clouds) are not the post's.
/// </summary>
internal static class TaxonomyReader
{
    // A "tag" longer than this is a sentence (a keywords field filled with the description).
    const int MaxTermChars = 60;
    // More terms than this is a keyword-stuffed meta field or a site-wide tag list, not the post's.
    const int MaxTerms = 40;

    public static (List<string> Categories, string CategorySource, List<string> Tags, string TagSource) Read(PageScan scan, MetaTags meta, JsonLdData ld, string? title)
    {
        var relCategories = new List<string>();
        var relTags = new List<string>();
        foreach (var h in scan.TaxonomyLinks)
        {
            if ((h.Ctx & Ctx.Excluded) != 0) continue;
            var rel = h.Element.GetAttribute("rel");
            var text = NodeText.Of(h.Element);
            if (PageScan.HasToken(rel, "category")) Add(relCategories, text);
            else Add(relTags, text);
        }

        var categories = relCategories;
        var categorySource = "rel:category";
        if (categories.Count == 0)
        {
            // category-archive links in the article (its "Posted in …" line); in the chrome they are the site's menu
            foreach (var h in scan.CategoryPathLinks)
                if ((h.Ctx & (Ctx.Excluded | Ctx.Article)) == Ctx.Article) Add(categories, NodeText.Of(h.Element));
            categorySource = "link:category-path";
        }
        if (categories.Count == 0) (categories, categorySource) = FirstOf(
            (ld.Sections, "json-ld:articleSection", false),
            (BreadcrumbSections(ld, title), "json-ld:BreadcrumbList", false),
            (meta.All("article:section"), "meta:article:section", false),
            (meta.All("parsely-section"), "meta:parsely-section", false),
            (meta.All("category"), "meta:category", true));

        var tags = relTags;
        var tagSource = "rel:tag";
        if (tags.Count == 0) (tags, tagSource) = FirstOf(
            (meta.All("article:tag"), "meta:article:tag", false),
            (ld.Keywords, "json-ld:keywords", false),
            (meta.All("news_keywords"), "meta:news_keywords", true),
            (meta.All("parsely-tags"), "meta:parsely-tags", true),
            (meta.All("keywords"), "meta:keywords", true));

        return (categories, categories.Count > 0 ? categorySource : "", tags, tags.Count > 0 ? tagSource : "");
    }

    /// <summary>
    /// The sections between the home page and the article in a breadcrumb trail: "Home › Health ›
    /// Article title" → Health. The first crumb is dropped when it is the site root, the last when it
    /// is the article (its name is the title or it has no link).
    /// </summary>
    static List<string> BreadcrumbSections(JsonLdData ld, string? title)
    {
        var crumbs = ld.Breadcrumbs;
        if (crumbs.Count < 2) return [];
        int from = 0, to = crumbs.Count;
        if (IsRoot(crumbs[0].Url) || crumbs.Count > 2) from = 1;
        var last = crumbs[^1];
        if (to - from > 0 && (last.Url is null || MetaText.Key(last.Name) == MetaText.Key(title) || to - from > 1)) to--;
        var list = new List<string>();
        for (int i = from; i < to; i++) list.Add(crumbs[i].Name);
        return list;

        static bool IsRoot(string? url) => url is null || url == "/" ||
            (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.AbsolutePath.Trim('/').Length == 0);
    }

    static (List<string>, string) FirstOf(params (IReadOnlyList<string> Values, string Source, bool Split)[] sources)
    {
        foreach (var (values, source, split) in sources)
        {
            var terms = new List<string>();
            foreach (var raw in values)
                foreach (var part in split ? raw.Split(',', StringSplitOptions.RemoveEmptyEntries) : [raw])
                    Add(terms, part);
            if (terms.Count > 0) return (terms, source);
        }
        return (new List<string>(), "");
    }

    static readonly char[] TermWrapping = ['#', '"', '\'', '„', '“', '”', '‚', '‘', '’', '«', '»', ' '];

    static void Add(List<string> terms, string? raw)
    {
        if (terms.Count >= MaxTerms) return;
        // "#tag" and „quoted” tags are written bare
        var t = MetaText.Clean(raw)?.Trim(TermWrapping);
        if (t is not null) t = MetaText.Clean(t);
        if (string.IsNullOrWhiteSpace(t) || t.Length > MaxTermChars || MetaText.LooksLikeUrl(t)) return;
        foreach (var x in terms) if (string.Equals(x, t, StringComparison.OrdinalIgnoreCase)) return;
        terms.Add(t);
    }
}
