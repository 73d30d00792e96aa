using System.Collections.Frozen;

namespace Winnow.Cleaning;

/// <summary>
/// The class/id vocabulary as data, grouped by concept. A class or id is split into parts on
/// white space, '-', '_' and camel-case humps ("relatedPosts" → related, posts); a concept matches
/// when a part equals one of its words, or starts with one of its stems (stems are kept at five
/// letters or more so "ad" never matches "adventure").
/// </summary>
internal static class ConceptVocabulary
{
    static readonly (Concept Concept, string[] Words, string[] Stems)[] Table =
    [
        (Concept.Navigation, ["nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "pagination", "pager", "skip", "skiplink", "topbar", "toc", "masthead", "submenu", "dropdown", "megamenu", "crumbs"], ["breadcrumb", "navigation", "pagination"]),
        (Concept.Share, ["share", "sharing", "social", "sociable", "addthis", "sharedaddy", "shariff", "sharethis", "socials", "follow", "toolbar", "bookmark", "bookmarks"], ["share", "social", "addtoany"]),
        (Concept.Advertising, ["ad", "ads", "adv", "advert", "advertisement", "advertising", "adsense", "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsored", "promo", "promoted", "promotion", "banner", "outbrain", "taboola", "commercial", "affiliate", "partner", "partners", "native", "billboard", "leaderboard", "skyscraper"], ["advert", "sponsor", "outbrain", "taboola", "promo"]),
        (Concept.Related, ["related", "recommended", "recommendations", "popular", "trending", "similar", "suggested", "carousel", "slider", "outstream", "prev", "previous"], ["related", "recommend", "trending"]),
        (Concept.Newsletter, ["newsletter", "subscribe", "subscription", "signup", "optin", "mailchimp", "cta", "paywall", "regwall", "register", "login", "signin", "membership", "donate", "donation", "support", "upsell", "inline-signup"], ["newsletter", "subscri", "signup", "paywall"]),
        (Concept.Consent, ["cookie", "cookies", "consent", "gdpr", "cmp", "privacy", "onetrust", "cookiebar", "notice"], ["cookie", "consent"]),
        (Concept.Comments, ["comment", "comments", "commentlist", "disqus", "respond", "replies", "discussion", "discuss", "reactions", "talkback", "guestbook", "forum"], ["disqus"]),
        (Concept.Byline, ["byline", "author", "authors", "dateline", "date", "time", "timestamp", "meta", "postmeta", "entrymeta", "posted", "published", "updated", "pubdate", "info", "details", "credit", "credits", "source", "readtime", "reading"], ["byline", "timestamp"]),
        (Concept.Tags, ["tags", "tag", "taglist", "tagcloud", "categories", "category", "cat", "topics", "keywords", "labels", "filed"], ["tagcloud"]),
        (Concept.Sidebar, ["sidebar", "aside", "widget", "widgets", "rail", "sidebox", "secondary", "complementary", "column2", "col2"], ["sidebar", "widget"]),
        (Concept.Footer, ["footer", "foot", "copyright", "colophon", "legal", "imprint", "impressum", "disclaimer"], ["footer", "copyright"]),
        (Concept.Hidden, ["hidden", "hide", "invisible", "sronly", "offscreen", "visuallyhidden", "screenreader", "noprint", "collapsed"], ["visuallyhidden", "screenreader"]),
        (Concept.Popup, ["modal", "popup", "overlay", "lightbox", "toast", "dialog", "interstitial", "flyout", "drawer"], ["popup", "lightbox", "interstitial"]),
        (Concept.Header, ["header", "head", "hero", "headline", "kicker", "eyebrow", "topper"], []),
        (Concept.Caption, ["caption", "figcaption", "credit", "photo", "image", "img", "media", "gallery", "wp-caption"], ["caption"]),
        (Concept.AuthorBox, ["authorbox", "bio", "biography"], ["authorbox", "authorbio"]),
        (Concept.Lead, ["lead", "leadin", "intro", "introduction", "teaser", "standfirst", "summary", "excerpt", "abstract", "dek", "deck", "subtitle", "subheadline", "subhead", "subheading", "strapline", "chapo", "chapeau", "sumario", "entradilla", "bajada", "vorspann", "anriss", "lede"], ["standfirst", "subtitle", "subheadline"]),
        (Concept.Content, ["article", "content", "entry", "post", "story", "body", "text", "main", "prose", "blog", "hentry", "page", "single", "news", "richtext", "rte", "copy", "article-body"], ["article", "content"]),
        (Concept.ArticleBody, ["articlebody", "entrycontent", "postcontent", "postbody", "storybody", "articletext", "storytext", "posttext", "entrybody", "bodytext", "articlecontent", "storycontent", "entrytext", "textcontent", "articlecopy", "bodycopy"], []),
    ];

    /// <summary>Phrases of several words, matched anywhere inside a token with its separators removed
    /// ("c-more-stories-list" → "cmorestorieslist" contains "morestories"). Single words such as
    /// "read" or "more" are not in the table: "zn-body__read-all" holds a story's second half.</summary>
    static readonly (string Phrase, Concept Concept)[] Phrases =
    [
        ("morestories", Concept.Related), ("mostread", Concept.Related), ("mostpopular", Concept.Related), ("readmore", Concept.Related),
        ("alsoread", Concept.Related), ("readalso", Concept.Related), ("youmaylike", Concept.Related), ("youmightlike", Concept.Related),
        ("morefrom", Concept.Related), ("morenews", Concept.Related), ("morearticles", Concept.Related), ("nextarticle", Concept.Related),
        ("nextpost", Concept.Related), ("previouspost", Concept.Related), ("postnavigation", Concept.Navigation), ("relatedposts", Concept.Related),
        ("sharebar", Concept.Share), ("socialshare", Concept.Share), ("sharetools", Concept.Share), ("shareicons", Concept.Share),
        ("aboutauthor", Concept.AuthorBox), ("aboutthe", Concept.AuthorBox), ("authorinfo", Concept.AuthorBox), ("authordetails", Concept.AuthorBox),
        ("authorprofile", Concept.AuthorBox), ("authorcard", Concept.AuthorBox), ("postauthor", Concept.AuthorBox),
        ("commentlist", Concept.Comments), ("commentsarea", Concept.Comments), ("commentform", Concept.Comments),
    ];

    static readonly FrozenDictionary<string, Concept> Words = BuildWords();
    static readonly (string Stem, Concept Concept)[] Stems = Table.SelectMany(t => t.Stems.Select(s => (s, t.Concept))).ToArray();

    static FrozenDictionary<string, Concept> BuildWords()
    {
        var d = new Dictionary<string, Concept>(StringComparer.Ordinal);
        foreach (var (concept, words, _) in Table)
            foreach (var w in words)
                d[w] = d.TryGetValue(w, out var c) ? c | concept : concept;
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Class strings repeat across the pages of a site and across sites (WordPress, Drupal themes): classify each
    // distinct string once per process. Bounded so a stream of generated class names cannot grow it without end.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Concept> Cache = new(StringComparer.Ordinal);
    const int CacheLimit = 200_000; // about 20 MB of strings at most; the corpus has 40,000 distinct values
    // counted here: ConcurrentDictionary.Count takes every lock of the table, a stall between batch threads
    static int _cached;

    /// <summary>The concepts named by one attribute value (a class list or an id).</summary>
    public static Concept Classify(string? value)
    {
        if (string.IsNullOrEmpty(value)) return Concept.None;
        if (Cache.TryGetValue(value, out var cached)) return cached;
        var result = Concept.None;
        Span<char> buf = stackalloc char[64];
        var rest = value.AsSpan();
        while (rest.Length > 0)
        {
            // Whole tokens are split on white space only, then joined without separators: "entry-content" → "entrycontent".
            int start = 0;
            while (start < rest.Length && char.IsWhiteSpace(rest[start])) start++;
            int end = start;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end])) end++;
            var token = rest[start..end];
            rest = rest[end..];
            if (token.Length == 0 || token.Length > 48) continue; // hashed or generated class names say nothing
            var concept = ClassifyToken(token, buf);
            // Page builders name every block a "widget" (elementor-widget-text-editor holds the article on report24.news).
            if (token.StartsWith("elementor", StringComparison.OrdinalIgnoreCase) || token.StartsWith("et_pb", StringComparison.OrdinalIgnoreCase))
                concept &= ~Concept.Sidebar;
            result |= concept;
        }
        if (Volatile.Read(ref _cached) < CacheLimit && Cache.TryAdd(value, result)) Interlocked.Increment(ref _cached);
        return result;
    }

    static Concept ClassifyToken(ReadOnlySpan<char> token, Span<char> buf)
    {
        var result = Concept.None;
        Span<char> joinedBuf = stackalloc char[token.Length];
        var joined = Join(token, joinedBuf);
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(joined, out var whole)) result |= whole;
        foreach (var (stem, concept) in Stems)
            if (joined.StartsWith(stem, StringComparison.Ordinal)) result |= concept;
        foreach (var (phrase, concept) in Phrases)
            if (joined.Length >= phrase.Length && joined.Contains(phrase, StringComparison.Ordinal)) result |= concept;
        // Then each part.
        int start = 0;
        for (int i = 0; i <= token.Length; i++)
        {
            bool boundary = i == token.Length || token[i] is '-' or '_' or '.' or ':'
                || (i > start && char.IsUpper(token[i]) && char.IsLower(token[i - 1]));
            if (!boundary) continue;
            if (i > start && i - start <= buf.Length)
            {
                int n = token.Slice(start, i - start).ToLowerInvariant(buf);
                if (lookup.TryGetValue(buf[..n], out var c)) result |= c;
            }
            start = i < token.Length && token[i] is '-' or '_' or '.' or ':' ? i + 1 : i;
        }
        return result;
    }

    static ReadOnlySpan<char> Join(ReadOnlySpan<char> token, Span<char> buf)
    {
        int n = 0;
        foreach (var c in token)
            if (c is not ('-' or '_' or '.' or ':')) buf[n++] = char.ToLowerInvariant(c);
        return buf[..n];
    }
}
