using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Metadata;

/// <summary>Where an element sits, as seen from its ancestors (and itself).</summary>
[Flags]
internal enum Ctx : byte
{
    None = 0,
    /// <summary>Inside navigation, a sidebar/widget, related posts, the page footer or the comments.</summary>
    Excluded = 1,
    /// <summary>Inside an &lt;article&gt; or an element marked as the article (itemprop=articleBody, itemtype …Article).</summary>
    Article = 2,
    /// <summary>Inside an author box.</summary>
    AuthorBox = 4,
    /// <summary>Inside an element the tree cleaner removes (bookkeeping for the <see cref="Cleaning.CleaningPlan"/>, no metadata signal).</summary>
    Removed = 8,
}

/// <summary>What kind of byline evidence an element is.</summary>
internal enum BylineKind : byte
{
    /// <summary>&lt;a rel="author"&gt;.</summary>
    RelAuthor = 0,
    /// <summary>itemprop="author" / "creator" on a visible element.</summary>
    ItempropAuthor = 1,
    /// <summary>class/id token with "byline".</summary>
    BylineClass = 2,
    /// <summary>class/id token with "author" (not an author box, avatar or bio).</summary>
    AuthorClass = 3,
    /// <summary>An element whose text starts with a by-marker ("By …", "von …", "Par …").</summary>
    TextMarker = 4,
}

/// <summary>An element found by the scan, with its position in document order.</summary>
internal readonly record struct Hit(IElement Element, int Order, Ctx Ctx, BylineKind Kind = BylineKind.RelAuthor);

/// <summary>
/// One iterative pass over the whole tree (no recursion: pages may nest 512 levels) collecting
/// every element the metadata readers look at, so no reader runs a selector over the page again.
/// </summary>
internal sealed class PageScan
{
    // Caps on what is collected: the metadata lives in the head and around the headline; these
    // bound the work on huge pages (a 50k-element forum page) without losing anything seen in
    // the corpus (the first h1 / time / byline of an article come early).
    const int MaxH1 = 20;
    // h2s: the headline of pages without an h1 (or whose h1 is the logo) is among the first few
    const int MaxH2 = 40;
    const int MaxTimes = 60;
    const int MaxBylines = 120;
    const int MaxBoxes = 20;
    const int MaxParagraphs = 400;
    const int MaxDated = 40;
    const int MaxMarked = 60;
    // A post's tag and category links: 200 covers the longest tag lists seen in the corpus (≈ 40)
    // with a tag-cloud widget beside them; license links are one or two per page.
    const int MaxTaxonomy = 200;
    const int MaxLicense = 10;

    // Initial capacities of the lists below: what a typical page fills (the lists' regrowth was 1.4 % of the
    // extraction time in the profile of 2026-11-22); the caps above bound them.
    public List<IElement> Metas { get; } = new(64);
    public List<string> JsonLd { get; } = new();
    public IElement? Canonical { get; private set; }
    /// <summary>The first &lt;title&gt; element (an SVG's titles are not visited).</summary>
    public IElement? TitleElement { get; private set; }
    /// <summary>
    /// The &lt;title&gt;'s text, white space collapsed: what AngleSharp's <c>document.Title</c> gives, without its
    /// tree search and its builder pool's process-wide lock (contended by batch threads: profile, 2026-11-22).
    /// </summary>
    public string? TitleText => _titleText ??= TitleElement is { } t ? MetaText.Clean(Winnow.Dom.NodeText.Of(t)) ?? "" : "";
    string? _titleText;
    public List<Hit> H1s { get; } = new();
    public List<Hit> H2s { get; } = new(16);
    public List<Hit> Times { get; } = new(16);
    /// <summary>Visible elements marked itemprop="datePublished" (not meta elements).</summary>
    public List<Hit> ItempropDates { get; } = new();
    /// <summary>Elements whose class/id says date/time/published (a visible date line).</summary>
    public List<Hit> DateClassed { get; } = new(16);
    public List<Hit> Bylines { get; } = new(32);
    public List<Hit> AuthorBoxes { get; } = new();
    /// <summary>Elements whose own text starts with a by-marker ("By", "Von", "Par", "Por", "Door").</summary>
    public List<Hit> MarkedTexts { get; } = new(16);
    // 128: the paragraphs of a typical article page, so the list rarely regrows (its growth showed in the profile)
    public List<Hit> Paragraphs { get; } = new(128);
    /// <summary>Links marked rel="tag" or rel="category" (WordPress writes rel="category tag" for categories).</summary>
    public List<Hit> TaxonomyLinks { get; } = new(16);
    /// <summary>Links without rel="category" into a category archive path ("/category/news/").</summary>
    public List<Hit> CategoryPathLinks { get; } = new(16);
    /// <summary>Links and &lt;link&gt; elements marked rel="license".</summary>
    public List<Hit> LicenseLinks { get; } = new();
    /// <summary>Links to a Creative Commons license deed (a footer "licensed under CC BY-SA" without rel).</summary>
    public List<Hit> CreativeCommonsLinks { get; } = new();
    /// <summary>How many &lt;article&gt; elements the page has (many: a listing of teasers).</summary>
    public int ArticleElements { get; private set; }
    public int ElementCount { get; private set; }
    /// <summary>Every element in document order (index = order) with its context: lets a reader look at "the 150 elements after the h1".</summary>
    // Pages have a few hundred to a few thousand elements (ScrapingHub dev pages: 741 on average):
    // starting at 1024 spares the list's doubling copies, which profiling showed among the scan's top costs.
    const int InitialElements = 1024;
    public List<IElement> Elements { get; } = new(InitialElements);
    public List<Ctx> Contexts { get; } = new(InitialElements);

    public static PageScan Run(IDocument document)
    {
        var scan = new PageScan();
        var root = document.DocumentElement;
        if (root is null) return scan;
        scan.Visit(root, 0, Ctx.None, out var rootCtx);
        // 64: deeper than most pages nest, so the stack rarely regrows (its growth was a tenth of the scan: profile)
        var stack = new Stack<(INodeList List, int Index, Ctx Ctx)>(64);
        stack.Push((root.ChildNodes, 0, rootCtx));
        int order = 1;
        while (stack.Count > 0)
        {
            var (list, i, ctx) = stack.Pop();
            // advance to the next element child; HTML comments outside removed elements are noted for the cleaner
            for (; i < list.Length; i++)
            {
                var node = list[i];
                if (node is IElement) break;
                if ((ctx & Ctx.Removed) == 0 && node.NodeType == NodeType.Comment) scan._comments.Add(node);
            }
            if (i >= list.Length) continue;
            stack.Push((list, i + 1, ctx));
            var el = (IElement)list[i];
            scan.Visit(el, order++, ctx, out var childCtx);
            var name = el.LocalName;
            // no metadata lives inside these; skipping them keeps the pass short
            if (name is "script" or "style" or "svg" or "noscript" or "template" or "select" or "iframe") continue;
            if (el.HasChildNodes) stack.Push((el.ChildNodes, 0, childCtx));
        }
        scan.ElementCount = order;
        return scan;
    }

    // What the tree cleaner removes, found on the way (the cleaner's pass, its own walk and the removals, took 157 µs a
    // page on the ScrapingHub pages, measured 2026-12-04); incomplete when a long <noscript>, which this walk skips,
    // would be entered.
    readonly List<(IElement Element, string Reason)> _doomed = new(16);
    readonly List<INode> _comments = new(16);
    bool _cleaningIncomplete;

    /// <summary>The removals of <see cref="Cleaning.TreeCleaner"/>, found by this walk; null when it could not see them all.</summary>
    public Cleaning.CleaningPlan? Cleaning => _cleaningIncomplete ? null : new(_doomed, _comments);

    void Visit(IElement el, int order, Ctx ctx, out Ctx childCtx)
    {
        var name = el.LocalName;
        var own = ctx;
        switch (name)
        {
            case "meta":
                Metas.Add(el);
                break;
            case "link":
                var linkRel = el.GetAttribute("rel");
                if (Canonical is null && HasToken(linkRel, "canonical")) Canonical = el;
                if (HasToken(linkRel, "license") && LicenseLinks.Count < MaxLicense) LicenseLinks.Add(new Hit(el, order, ctx));
                break;
            case "script":
                var type = el.GetAttribute("type");
                if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) JsonLd.Add(NodeText.Of(el));
                break;
            case "title":
                TitleElement ??= el;
                break;
            case "article":
                own |= Ctx.Article;
                ArticleElements++;
                break;
            case "nav" or "aside":
                own |= Ctx.Excluded;
                break;
            case "footer":
                if ((ctx & Ctx.Article) == 0) own |= Ctx.Excluded;
                break;
            case "main":
                own |= Ctx.Article;
                break;
        }

        // one pass over the attributes instead of five lookups (this runs on every element)
        string? itemprop = null, itemtype = null, rel = null, cls = null, id = null, href = null, property = null, ariaHidden = null, style = null;
        bool hidden = false;
        var attrs = el.Attributes;
        for (int k = 0; k < attrs.Length; k++)
        {
            var at = attrs[k];
            if (at is null) continue;
            switch (at.LocalName)
            {
                case "class": cls = at.Value; break;
                case "id": id = at.Value; break;
                case "itemprop": itemprop = at.Value; break;
                case "itemtype": itemtype = at.Value; break;
                case "rel": rel = at.Value; break;
                case "href": href = at.Value; break;
                case "property": property = at.Value; break;
                case "hidden": hidden = true; break;
                case "aria-hidden": ariaHidden = at.Value; break;
                case "style": style = at.Value; break;
            }
        }
        if ((ctx & Ctx.Removed) == 0)
        {
            if (Winnow.Cleaning.TreeCleaner.Reason(el, name, hidden, ariaHidden, style) is { } reason)
            {
                _doomed.Add((el, reason));
                own |= Ctx.Removed;
            }
            else if (name == "noscript") _cleaningIncomplete = true;
        }
        // RDFa on a visible element: <span property="schema:datePublished" content="…">, property="dc:date"
        if (property is not null && name != "meta" && ItempropDates.Count < MaxDated && IsRdfaPublished(property))
            ItempropDates.Add(new Hit(el, order, ctx));
        if (itemprop is not null && name != "meta")
        {
            if (HasToken(itemprop, "articleBody")) own |= Ctx.Article;
            if ((HasToken(itemprop, "author") || HasToken(itemprop, "creator")) && Bylines.Count < MaxBylines)
                Bylines.Add(new Hit(el, order, ctx, BylineKind.ItempropAuthor));
            if (HasToken(itemprop, "datePublished") && ItempropDates.Count < MaxDated)
                ItempropDates.Add(new Hit(el, order, ctx));
        }
        if (itemtype is not null && (itemtype.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || itemtype.EndsWith("BlogPosting", StringComparison.OrdinalIgnoreCase)))
            own |= Ctx.Article;

        if (name == "a")
        {
            if (Bylines.Count < MaxBylines && HasToken(rel, "author"))
                Bylines.Add(new Hit(el, order, ctx, BylineKind.RelAuthor));
            if (rel is not null && (HasToken(rel, "tag") || HasToken(rel, "category") || HasToken(rel, "license")))
            {
                if ((HasToken(rel, "tag") || HasToken(rel, "category")) && TaxonomyLinks.Count < MaxTaxonomy) TaxonomyLinks.Add(new Hit(el, order, ctx));
                if (HasToken(rel, "license") && LicenseLinks.Count < MaxLicense) LicenseLinks.Add(new Hit(el, order, ctx));
            }
            else if (href is not null && CategoryPathLinks.Count < MaxTaxonomy && IsCategoryPath(href)) CategoryPathLinks.Add(new Hit(el, order, ctx));
            // ordinal pre-checks: a case-insensitive search of every link's URL cost a fifth of the scan (profile)
            if (href is not null && CreativeCommonsLinks.Count < MaxLicense && href.Contains("reativecommons", StringComparison.Ordinal)
                && href.Contains("creativecommons.org/", StringComparison.OrdinalIgnoreCase))
                CreativeCommonsLinks.Add(new Hit(el, order, ctx));
        }

        var flags = (cls is null ? TokenFlags.None : FlagsOf(cls)) | (id is null ? TokenFlags.None : FlagsOf(id.Trim()));
        if (flags != TokenFlags.None) own = ClassTokens(el, name, flags, order, ctx, own);

        if (MarkedTexts.Count < MaxMarked && el.FirstChild is IText first && StartsWithByMarker(first.Data))
            MarkedTexts.Add(new Hit(el, order, own, BylineKind.TextMarker));

        switch (name)
        {
            case "h1":
                if (H1s.Count < MaxH1) H1s.Add(new Hit(el, order, own));
                break;
            case "h2":
                if (H2s.Count < MaxH2) H2s.Add(new Hit(el, order, own));
                break;
            case "time":
                if (Times.Count < MaxTimes) Times.Add(new Hit(el, order, own));
                break;
            case "p":
                if (Paragraphs.Count < MaxParagraphs) Paragraphs.Add(new Hit(el, order, own));
                break;
        }
        childCtx = own;
        Elements.Add(el);
        Contexts.Add(own);
    }

    /// <summary>What the tokens of one class or id value say, worked out once per distinct value.</summary>
    [Flags]
    enum TokenFlags : byte
    {
        None = 0,
        /// <summary>A token opens an excluded region (nav, sidebar, widget, related, comments).</summary>
        Excluding = 1,
        /// <summary>A token opens an excluded region outside an article only ("footer").</summary>
        ExcludingOutsideArticle = 2,
        Byline = 4,
        Author = 8,
        Box = 16,
        Vcard = 32,
        Date = 64,
    }

    // Class values repeat across a page ("comment-content", "widget widget_text") and across pages of a site: the
    // tokens of those that may matter are analysed once per process and looked up after (the token analysis was a
    // third of the scan's time; a table per scan still analysed every value once per page, 0.5 % of an extraction,
    // perf 2026-12-04). Layout values ("col-md-6 flex") are rejected by MayMatter before the table: inserting every
    // distinct value was 5 % of a page's extraction time (profile, 2026-11-22). Bounded as ConceptVocabulary's cache.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TokenFlags> FlagsCache = new(StringComparer.Ordinal);
    // 100,000 values: about 10 MB of strings at most; the 778 dev corpus pages hold at most 13,363 distinct may-matter values
    const int FlagsCacheLimit = 100_000;
    // counted here: ConcurrentDictionary.Count takes every lock of the table, a stall between batch threads
    static int _flagsCached;

    static TokenFlags FlagsOf(string value)
    {
        // Span tokenising, and a cheap "could this token matter" check before any allocation:
        // most class tokens on a page are layout ("col-md-6", "flex") and are skipped here.
        if (!MayMatter(value)) return TokenFlags.None;
        if (FlagsCache.TryGetValue(value, out var f)) return f;
        f = TokenFlags.None;
        {
            var source = value.AsSpan();
            while (source.Length > 0)
            {
                int ws = 0;
                while (ws < source.Length && char.IsWhiteSpace(source[ws])) ws++;
                source = source[ws..];
                int end = 0;
                while (end < source.Length && !char.IsWhiteSpace(source[end])) end++;
                if (end == 0) break;
                f |= TokenFlagsOf(source[..end]);
                source = source[end..];
            }
        }
        if (Volatile.Read(ref _flagsCached) < FlagsCacheLimit && FlagsCache.TryAdd(value, f)) Interlocked.Increment(ref _flagsCached);
        return f;
    }

    static TokenFlags TokenFlagsOf(ReadOnlySpan<char> span)
    {
        if (span.Length == 0 || !MayMatter(span)) return TokenFlags.None;
        var f = TokenFlags.None;
        var t = span.ToString().ToLowerInvariant();
        if (IsExcludingToken(t, Ctx.Article)) f |= TokenFlags.Excluding;
        else if (IsExcludingToken(t, Ctx.None)) f |= TokenFlags.ExcludingOutsideArticle;
        if (t.Contains("byline") || t.Contains("by-line")) f |= TokenFlags.Byline;
        var flat = t.Contains('-') || t.Contains('_') ? t.Replace("-", "").Replace("_", "") : t;
        if (IsBoxToken(flat)) f |= TokenFlags.Box;
        else if (t == "vcard" || t == "h-card") f |= TokenFlags.Vcard;
        else if ((flat.Contains("author") || flat.Contains("autor") || flat.Contains("auteur") || flat.Contains("writer") || flat.Contains("verfasser"))
                 && !NotANameToken(flat)) f |= TokenFlags.Author;
        if (flat.Contains("date") || flat.Contains("published") || flat.Contains("posted") || flat.Contains("pubtime") || flat.Contains("datum"))
            f |= TokenFlags.Date;
        return f;
    }

    Ctx ClassTokens(IElement el, string name, TokenFlags flags, int order, Ctx ctx, Ctx own)
    {
        // html/body/main/article classes describe the page layout ("no-sidebar", "pageLayout--related",
        // "right-sidebar" on <body>), not a region to leave out
        if (name is not ("html" or "body" or "main" or "article")
            && ((flags & TokenFlags.Excluding) != 0 || ((flags & TokenFlags.ExcludingOutsideArticle) != 0 && (ctx & Ctx.Article) == 0)))
            own |= Ctx.Excluded;
        bool byline = (flags & TokenFlags.Byline) != 0, author = (flags & TokenFlags.Author) != 0, box = (flags & TokenFlags.Box) != 0,
            vcard = (flags & TokenFlags.Vcard) != 0, date = (flags & TokenFlags.Date) != 0;
        if ((own & Ctx.Excluded) != 0 && (ctx & Ctx.Excluded) == 0)
        {
            // the element itself opened an excluded region (e.g. class="comment-author"): not a byline
            return own;
        }
        if (byline && Bylines.Count < MaxBylines) Bylines.Add(new Hit(el, order, own, BylineKind.BylineClass));
        else if (author && name != "img" && Bylines.Count < MaxBylines) Bylines.Add(new Hit(el, order, own, BylineKind.AuthorClass));
        if ((box || vcard) && (ctx & Ctx.AuthorBox) == 0 && AuthorBoxes.Count < MaxBoxes)
        {
            AuthorBoxes.Add(new Hit(el, order, own, box ? BylineKind.RelAuthor : BylineKind.ItempropAuthor));
            if (box) own |= Ctx.AuthorBox;
        }
        if (date && DateClassed.Count < MaxDated && name is not ("body" or "html" or "article" or "main" or "section")) DateClassed.Add(new Hit(el, order, own));
        return own;
    }

    /// <summary>
    /// Whether a class/id value may hold a token the scan cares about (author, byline, bio, vcard,
    /// comment, disqus, respond, sidebar, widget, related, footer, date, publish, posted, datum …).
    /// Hand-rolled: one pass keyed on the first letter, because this runs on every element's class
    /// (measured: a SearchValues multi-string search cost more than the whole tree walk).
    /// </summary>
    static bool MayMatter(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            var rest = s[i..];
            switch (s[i] | 0x20)
            {
                case 'a':
                    if (Starts(rest, "auth") || Starts(rest, "autor") || Starts(rest, "auteur")) return true;
                    break;
                case 'b':
                    if (Starts(rest, "byline") || Starts(rest, "by-line") || Starts(rest, "bio")) return true;
                    break;
                case 'v':
                    if (Starts(rest, "vcard") || Starts(rest, "verfasser")) return true;
                    break;
                case 'h':
                    if (Starts(rest, "h-card")) return true;
                    break;
                case 'c':
                    if (Starts(rest, "comment")) return true;
                    break;
                case 'd':
                    if (Starts(rest, "date") || Starts(rest, "datum") || Starts(rest, "disqus")) return true;
                    break;
                case 'r':
                    if (Starts(rest, "respond") || Starts(rest, "related")) return true;
                    break;
                case 's':
                    if (Starts(rest, "sidebar")) return true;
                    break;
                case 'w':
                    if (Starts(rest, "widget") || Starts(rest, "writer")) return true;
                    break;
                case 'f':
                    if (Starts(rest, "footer")) return true;
                    break;
                case 'p':
                    if (Starts(rest, "publish") || Starts(rest, "posted") || Starts(rest, "pubtime")) return true;
                    break;
            }
        }
        return false;
    }

    static bool Starts(ReadOnlySpan<char> s, string prefix)
    {
        if (s.Length < prefix.Length) return false;
        for (int i = 0; i < prefix.Length; i++)
            if ((s[i] | 0x20) != prefix[i] && !(prefix[i] == '-' && s[i] == '-')) return false;
        return true;
    }

    /// <summary>
    /// Whether the element itself opens a navigation / sidebar / related / comments region (by its
    /// name or a class/id token), whatever its ancestors are: lets a reader tell a comment date
    /// from the headline's date when a layout class has marked the whole page excluded.
    /// </summary>
    internal static bool OpensExcludedRegion(IElement el)
    {
        if (el.LocalName is "nav" or "aside") return true;
        if (el.LocalName is "html" or "body" or "main" or "article") return false;
        foreach (var attr in new[] { el.GetAttribute("class"), el.Id })
        {
            if (attr is null || !MayMatter(attr)) continue;
            foreach (var t in attr.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                if (IsExcludingToken(t.ToLowerInvariant(), Ctx.Article)) return true;
        }
        return false;
    }

    static bool IsExcludingToken(string t, Ctx ctx)
    {
        // state modifiers: "has-sidebar", "no-comments", "with-related", "without-sidebar"
        if (t.StartsWith("has-", StringComparison.Ordinal) || t.StartsWith("no-", StringComparison.Ordinal) || t.StartsWith("with-", StringComparison.Ordinal)
            || t.StartsWith("without-", StringComparison.Ordinal) || t.Contains("layout"))
            return false;
        // "commentary" is the opinion genre of the article itself (taz: class="… subjective commentary"), not the readers' thread
        if (t.StartsWith("commentary", StringComparison.Ordinal)) return false;
        if (t.StartsWith("comment", StringComparison.Ordinal) || t.Contains("-comment") || t.Contains("_comment") || t.StartsWith("disqus", StringComparison.Ordinal) || t == "respond")
        {
            // "comments-open", "comment-count", "comments-link": a state or a counter on the article, not the thread
            return !(t.Contains("count") || t.Contains("open") || t.Contains("closed") || t.Contains("link") || t.Contains("number") || t.Contains("button") || t.Contains("btn") || t.Contains("icon"));
        }
        if (t.Contains("sidebar") || t.Contains("widget") || t.StartsWith("related", StringComparison.Ordinal) || t.Contains("-related") || t.Contains("_related"))
            return true;
        if ((ctx & Ctx.Article) == 0 && t.Contains("footer"))
            return true;
        return false;
    }

    static readonly string[] BoxWords =
    [
        "authorbox", "authorbio", "aboutauthor", "abouttheauthor", "authorinfo", "authordescription", "authordetails",
        "authorprofile", "authorcard", "autorbox", "autorinfo", "autorenbox", "aboutautor", "biobox", "authorblock",
        "authorarea", "authorwrap", "postauthorbox", "authorsbox", "sobreautor",
    ];

    static bool IsBoxToken(string flat)
    {
        // every box word holds "aut" or "bio": most tokens ("comment-date", "widget") are told apart in two searches, not twenty
        if (!flat.Contains("aut", StringComparison.Ordinal) && !flat.Contains("bio", StringComparison.Ordinal)) return false;
        foreach (var w in BoxWords) if (flat.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    static bool NotANameToken(string flat) =>
        flat.Contains("avatar") || flat.Contains("img") || flat.Contains("image") || flat.Contains("photo") || flat.Contains("pic")
        || flat.Contains("thumb") || flat.Contains("bio") || flat.Contains("desc") || flat.Contains("about") || flat.Contains("social")
        || flat.Contains("follow") || flat.Contains("count") || flat.Contains("comment") || flat.Contains("date") || flat.Contains("time");

    static readonly string[] ByMarkers =
    [
        "By", "BY", "by", "Von", "von", "VON", "Par", "par", "Por", "por", "Door", "door",
        // blog templates' longer forms ("Posted by Konstantin @ 12:00 am", Blogger's "Eingestellt von")
        "Posted by", "posted by", "Written by", "written by", "Geschrieben von", "Verfasst von", "Eingestellt von", "Veröffentlicht von",
        "Escrito por", "Publié par", "Scritto da", "Submitted by", "Gespeichert von",
    ];

    /// <summary>Text that begins with a by-marker word followed by a space, a colon, or nothing (the name is in the next element).</summary>
    static readonly System.Buffers.SearchValues<char> MarkerStarts = System.Buffers.SearchValues.Create(new string(ByMarkers.Select(m => m[0]).Distinct().ToArray()));

    internal static bool StartsWithByMarker(string data)
    {
        var t = data.AsSpan().TrimStart();
        if (t.Length < 2 || t.Length > 200) return false;
        // most texts start with another letter: one look-up instead of a dozen comparisons (this runs on every element)
        if (!MarkerStarts.Contains(t[0])) return false;
        foreach (var m in ByMarkers)
        {
            if (!t.StartsWith(m, StringComparison.Ordinal)) continue;
            if (t.Length == m.Length) return true;
            var next = t[m.Length];
            if (next is ':' || char.IsWhiteSpace(next)) return true;
        }
        return false;
    }

    /// <summary>A link into the site's category archive ("/category/news/", "/kategorie/politik/"): CMSs that drop rel="category" keep the path.</summary>
    static bool IsCategoryPath(string href) =>
        (href.Contains("ategor", StringComparison.Ordinal) || href.Contains("ATEGOR", StringComparison.Ordinal)) && (href.Contains("/category/", StringComparison.OrdinalIgnoreCase) || href.Contains("/kategorie/", StringComparison.OrdinalIgnoreCase)
        || href.Contains("/categorie/", StringComparison.OrdinalIgnoreCase) || href.Contains("/categoria/", StringComparison.OrdinalIgnoreCase));

    static bool IsRdfaPublished(string property)
    {
        foreach (var p in property.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = p.LastIndexOfAny([':', '/', '#']);
            var local = colon >= 0 ? p[(colon + 1)..] : p;
            if (local.Equals("datePublished", StringComparison.OrdinalIgnoreCase)) return true;
            if (p.Equals("dc:date", StringComparison.OrdinalIgnoreCase) || p.Equals("dcterms:issued", StringComparison.OrdinalIgnoreCase) || p.Equals("dcterms:created", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    internal static bool HasToken(string? attr, string token)
    {
        if (attr is null) return false;
        foreach (var t in attr.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (string.Equals(t, token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
