using System.Collections.Immutable;
using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>
/// Reads the article's metadata from the whole page, before cleaning (cleaning removes the
/// scripts that hold JSON-LD and the head). One pass over the tree (<see cref="PageScan"/>)
/// collects the meta tags, JSON-LD scripts, headings, bylines, time elements and author boxes;
/// the fields are then chosen by these priority chains (first source that gives a usable value wins):
/// <list type="bullet">
/// <item><b>title</b>: JSON-LD headline ≈ og:title (twitter:title, dc.title, parsely/sailthru/citation title) ≈ h1,
/// then &lt;title&gt;; each cleaned of site-name affixes. A JSON-LD headline cut short is replaced by the
/// longer og:title / h1 it starts; an h1 is taken only when the &lt;title&gt; contains it.</item>
/// <item><b>standfirst</b>: og:description &gt; meta description &gt; JSON-LD description &gt; twitter:description / dc.description,
/// skipping one that is only the first body paragraph cut off with "…".</item>
/// <item><b>authors</b>: JSON-LD Person author &gt; visible byline near the headline &gt; meta author (name=author, dc.creator,
/// parsely-author, sailthru.author, citation_author, itemprop author) &gt; article:author (when not a URL);
/// an Organization author only when no person is named anywhere; a one-word meta author that is the site's name is dropped.</item>
/// <item><b>published</b>: JSON-LD datePublished (dateCreated) &gt; article:published_time &gt; other meta (og:published_time,
/// pubdate, publishdate, date, dc.date, dcterms, parsely-pub-date, sailthru.date, citation_publication_date, itemprop datePublished)
/// &gt; itemprop=datePublished elements &gt; &lt;time&gt; in the article (pubdate / first) &gt; a date line near the headline &gt; the URL (YYYY/MM/DD).</item>
/// <item><b>modified</b>: JSON-LD dateModified &gt; article:modified_time &gt; og:updated_time &gt; other meta.</item>
/// <item><b>site_name</b>: og:site_name &gt; JSON-LD publisher.name &gt; JSON-LD WebSite name &gt; application-name.</item>
/// <item><b>language</b>: &lt;html lang&gt; &gt; meta content-language &gt; og:locale &gt; JSON-LD inLanguage (en_US → en-US).</item>
/// <item><b>canonical_url</b>: link rel=canonical (made absolute) &gt; og:url.</item>
/// <item><b>image</b>: og:image &gt; JSON-LD image &gt; twitter:image, made absolute against the page URL.</item>
/// <item><b>tags</b>: article:tag &gt; JSON-LD keywords &gt; meta news_keywords / parsely-tags.</item>
/// </list>
/// </summary>
public static class MetadataReader
{
    public static ArticleMetadata Read(IDocument document, Uri? pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scan = PageScan.Run(document);
        var meta = MetaTags.Read(scan.Metas);
        var ld = JsonLdReader.Read(scan.JsonLd);
        var sources = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

        // ---- canonical URL (first: the URL date and host name may use it)
        string? canonical = null;
        if (scan.Canonical is { } link && MetaText.Absolute(link.GetAttribute("href"), pageUrl) is { } c)
        {
            canonical = c;
            sources["canonical_url"] = "link:canonical";
        }
        else if (MetaText.Absolute(meta.Get("og:url"), pageUrl) is { } ogUrl)
        {
            canonical = ogUrl;
            sources["canonical_url"] = "meta:og:url";
        }
        var urlForDate = pageUrl ?? (canonical is not null ? new Uri(canonical) : null);

        // ---- site name
        string? siteName = null;
        foreach (var (value, src) in new[]
                 {
                     (meta.Get("og:site_name"), "meta:og:site_name"),
                     (ld.PublisherName, "json-ld:publisher.name"),
                     (ld.WebSiteName, "json-ld:WebSite.name"),
                     (AppName(meta, document), "meta:application-name"),
                 })
        {
            var v = MetaText.Clean(value);
            if (v is null || MetaText.LooksLikeUrl(v)) continue;
            siteName = v;
            sources["site_name"] = src;
            break;
        }
        var siteNames = new List<string>();
        foreach (var s in new[] { siteName, ld.PublisherName, ld.WebSiteName, AppName(meta, document), meta.Get("og:site_name"), TitleCleaner.HostName(urlForDate) })
            if (!string.IsNullOrWhiteSpace(s) && !siteNames.Contains(s)) siteNames.Add(s);

        // ---- title
        var (title, titleSource, h1) = ChooseTitle(document, scan, meta, ld, siteNames);
        if (title is not null) sources["title"] = titleSource;

        // ---- authors
        var (authors, authorSource) = ChooseAuthors(scan, meta, ld, h1, siteNames);
        if (authors.Count > 0) sources["authors"] = authorSource;

        // ---- author bio
        var (bio, bioSource) = AuthorBox.Read(scan, h1, authors);
        if (bio is not null) sources["author_bio"] = bioSource;

        // ---- standfirst
        string? standfirst = null;
        foreach (var (value, src) in new[]
                 {
                     (meta.Get("og:description"), "meta:og:description"),
                     (meta.Get("description"), "meta:description"),
                     (ld.Description, "json-ld:description"),
                     (meta.Get("twitter:description"), "meta:twitter:description"),
                     (meta.Get("dc.description"), "meta:dc.description"),
                 })
        {
            var v = MetaText.Clean(value);
            if (v is null || IsTruncatedLead(v, scan, h1)) continue;
            standfirst = v;
            sources["standfirst"] = src;
            break;
        }

        // ---- dates
        var published = ChoosePublished(meta, ld, scan, h1, urlForDate);
        if (published is not null) sources["published"] = published.Source;
        var modified = ChooseModified(meta, ld);
        if (modified is not null) sources["modified"] = modified.Source;

        // ---- language
        string? language = null;
        foreach (var (value, src) in new[]
                 {
                     (document.DocumentElement?.GetAttribute("lang"), "html:lang"),
                     (document.DocumentElement?.GetAttribute("xml:lang"), "html:xml:lang"),
                     (meta.Get("http-equiv:content-language"), "meta:content-language"),
                     (meta.Get("content-language"), "meta:content-language"),
                     (meta.Get("language"), "meta:language"),
                     (meta.Get("dc.language"), "meta:dc.language"),
                     (meta.Get("og:locale"), "meta:og:locale"),
                     (ld.Language, "json-ld:inLanguage"),
                 })
        {
            var v = NormaliseLanguage(value);
            if (v is null) continue;
            language = v;
            sources["language"] = src;
            break;
        }

        // ---- image
        string? image = null;
        foreach (var (value, src) in new[]
                 {
                     (meta.Get("og:image") ?? meta.Get("og:image:url"), "meta:og:image"),
                     (meta.Get("og:image:secure_url"), "meta:og:image"),
                     (ld.Image, "json-ld:image"),
                     (meta.Get("twitter:image") ?? meta.Get("twitter:image:src"), "meta:twitter:image"),
                 })
        {
            var v = MetaText.Absolute(value, pageUrl ?? urlForDate);
            if (v is null) continue;
            image = v;
            sources["image"] = src;
            break;
        }

        // ---- tags
        var tags = new List<string>();
        string? tagSource = null;
        void AddTags(IEnumerable<string> values, string src, bool split)
        {
            foreach (var raw in values)
                foreach (var part in split ? raw.Split(',', StringSplitOptions.RemoveEmptyEntries) : [raw])
                {
                    var t = MetaText.Clean(part);
                    // a "tag" longer than 60 characters is a sentence (a keywords field filled with the description)
                    if (t is null || t.Length > 60 || tags.Any(x => string.Equals(x, t, StringComparison.OrdinalIgnoreCase))) continue;
                    tags.Add(t);
                    tagSource ??= src;
                }
        }
        AddTags(meta.All("article:tag"), "meta:article:tag", false);
        if (tags.Count == 0) AddTags(ld.Keywords, "json-ld:keywords", false);
        if (tags.Count == 0) AddTags(meta.All("news_keywords"), "meta:news_keywords", true);
        if (tags.Count == 0) AddTags(meta.All("parsely-tags"), "meta:parsely-tags", true);
        if (tagSource is not null) sources["tags"] = tagSource;

        return new ArticleMetadata
        {
            Title = title,
            Standfirst = standfirst,
            Authors = authors.ToImmutableArray(),
            AuthorBio = bio,
            Published = published,
            Modified = modified,
            SiteName = siteName,
            Language = language,
            CanonicalUrl = canonical,
            Image = image,
            Tags = tags.ToImmutableArray(),
            Sources = sources.ToImmutable(),
        };
    }

    // ------------------------------------------------------------------ title

    /// <summary>
    /// application-name, unless it is the page's own title (some CMSs fill it with the headline:
    /// readability/msn), which would make every title look like the site's name.
    /// </summary>
    static string? AppName(MetaTags meta, IDocument document)
    {
        var app = MetaText.Clean(meta.Get("application-name"));
        if (app is null) return null;
        var k = MetaText.Key(app);
        if (k == MetaText.Key(meta.Get("og:title")) || k == MetaText.Key(document.Title)) return null;
        return app;
    }

    static (string? Title, string Source, Hit? H1) ChooseTitle(IDocument document, PageScan scan, MetaTags meta, JsonLdData ld, List<string> siteNames)
    {
        var metaTitle = meta.First("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title", "citation_title", "itemprop:headline");
        var siteKeys = siteNames.Select(MetaText.Key).Where(k => k.Length >= 2).ToList();
        string? Usable(string? t)
        {
            t = MetaText.Clean(t);
            if (t is null) return null;
            t = TitleCleaner.Clean(t, siteNames);
            // a "title" that is only the site's name says nothing about the article
            if (siteKeys.Contains(MetaText.Key(t))) return null;
            return MetaText.Key(t).Length == 0 ? null : t;
        }
        var headline = Usable(ld.Headline);
        var og = Usable(metaTitle?.Value);
        var titleTag = MetaText.Clean(document.Title);

        var h1 = PickHeadline(scan, [headline, og, Usable(ld.Name), titleTag]);
        var h1Text = h1 is { } h ? Usable(MetaText.TextOf(h.Element, 400)) : null;
        // an h1 that is the site's logo / name, or a whole paragraph, is not the headline
        if (h1Text is not null && (h1Text.Length > 300 || TitleCleaner.Resembles(h1Text, siteKeys))) h1Text = null;

        // 1. The visible headline, when another source corroborates it: the h1 is what the
        //    reader sees, and og:title / JSON-LD headlines are often SEO variants of it
        //    ("Kind krank? Was Arbeitgeber jetzt wissen müssen" vs the h1's wording).
        if (h1Text is not null)
        {
            var hk = MetaText.Key(h1Text);
            if (headline is not null && MetaText.Key(headline) == hk) return (headline, ld.HeadlineKey ?? "json-ld:headline", h1);
            if (og is not null && MetaText.Key(og) == hk) return (og, "meta:" + metaTitle!.Value.Key, h1);
            // an h1 that holds a meta title plus more (a kicker "Immobilienkrise", a date and
            // category line) is the meta title dressed up: the meta title is the clean headline
            foreach (var (cand, src) in new[] { (headline, ld.HeadlineKey ?? "json-ld:headline"), (og, metaTitle is { } mt ? "meta:" + mt.Key : "") })
            {
                var ck = MetaText.Key(cand);
                // 15 characters: shorter meta titles ("News", a section name) are contained in too many h1s by chance
                if (cand is not null && ck.Length >= 15 && hk.Length > ck.Length && hk.Contains(ck, StringComparison.Ordinal)) return (cand, src, h1);
            }
            if (Corroborates(h1Text, headline) || Corroborates(h1Text, og) || Corroborates(h1Text, Usable(ld.Name))
                || (titleTag is not null && hk.Length >= 4 && MetaText.Key(titleTag).Contains(hk, StringComparison.Ordinal)))
                return (h1Text, "h1", h1);
        }
        // 2. JSON-LD headline (a truncated one replaced by the full og:title it starts)
        if (headline is not null)
        {
            // JSON-LD headlines are often cut to 110 characters (Google's old limit): prefer the full one
            if (og is not null && og.Length > headline.Length && StartsWithKey(og, headline.TrimEnd('.', '…', ' ')))
                return (og, "meta:" + metaTitle!.Value.Key, h1);
            return (headline, ld.HeadlineKey ?? "json-ld:headline", h1);
        }
        // 3. og:title and its kin, 4. <title> cleaned, 5. any h1
        if (og is not null) return (og, "meta:" + metaTitle!.Value.Key, h1);
        if (titleTag is not null)
        {
            var cleaned = Usable(titleTag);
            if (cleaned is not null) return (cleaned, "title", h1);
        }
        if (h1Text is not null) return (h1Text, "h1", h1);
        return (null, "", h1);
    }

    /// <summary>
    /// Whether <paramref name="other"/> says the same headline as <paramref name="h1"/>: one
    /// contains the other, or most words are shared (60% of the shorter one's words: an SEO
    /// rewording keeps most words, a different headline keeps few).
    /// </summary>
    static bool Corroborates(string h1, string? other)
    {
        if (other is null) return false;
        var hk = MetaText.Key(h1);
        var ok = MetaText.Key(other);
        if (hk.Length >= 4 && ok.Contains(hk, StringComparison.Ordinal)) return true;
        if (ok.Length >= 10 && hk.Contains(ok, StringComparison.Ordinal)) return true;
        var a = Words(h1);
        var b = Words(other);
        if (a.Count < 2 || b.Count < 2) return false;
        int shared = a.Count(b.Contains);
        return shared >= 0.6 * Math.Min(a.Count, b.Count);
    }

    static HashSet<string> Words(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var k = MetaText.Key(w);
            if (k.Length > 0) set.Add(k);
        }
        return set;
    }

    static bool StartsWithKey(string longer, string prefix)
    {
        var lk = MetaText.Key(longer);
        var pk = MetaText.Key(prefix);
        return pk.Length > 0 && lk.StartsWith(pk, StringComparison.Ordinal);
    }

    /// <summary>The main h1: the one whose text matches a title candidate, else the first in the article, else the first not in navigation.</summary>
    static Hit? PickHeadline(PageScan scan, string?[] titles)
    {
        if (scan.H1s.Count == 0) return null;
        Hit? inArticle = null, visible = null;
        foreach (var h in scan.H1s)
        {
            var text = MetaText.TextOf(h.Element, 400);
            if (MetaText.Key(text).Length == 0) continue;
            if ((h.Ctx & Ctx.Excluded) == 0)
                foreach (var t in titles)
                    if (t is not null && Words(text).Count >= 2 && Corroborates(text, t)) return h;
            if ((h.Ctx & Ctx.Excluded) != 0) continue;
            if (inArticle is null && (h.Ctx & Ctx.Article) != 0) inArticle = h;
            visible ??= h;
        }
        return inArticle ?? visible;
    }

    // ------------------------------------------------------------------ authors

    static (List<string> Names, string Source) ChooseAuthors(PageScan scan, MetaTags meta, JsonLdData ld, Hit? h1, List<string> siteNames)
    {
        var persons = ld.Authors.Where(a => !a.IsOrganization && !IsSiteName(a.Name, siteNames)).Select(a => a.Name).ToList();
        var (byline, bylineSource) = VisibleByline.Read(scan, h1);
        byline = byline.Where(n => !IsSiteName(n, siteNames)).ToList();
        if (persons.Count > 0)
        {
            // JSON-LD naming only a first name or a login handle ("Stefanus", "robert.stitz") while the
            // visible byline names a full name: the byline is the better record of the same person.
            if (persons.All(AuthorNames.IsWeak) && byline.Count > 0 && byline.Any(n => !AuthorNames.IsWeak(n)))
                return (byline, bylineSource);
            return (persons, "json-ld:author");
        }
        if (byline.Count > 0) return (byline, bylineSource);

        foreach (var key in new[] { "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author", "itemprop:author", "byl", "twitter:creator:name" })
        {
            var values = meta.All(key);
            if (values.Count == 0) continue;
            var names = new List<string>();
            foreach (var v in values)
                foreach (var n in AuthorNames.Parse(v))
                    if (!names.Contains(n, StringComparer.OrdinalIgnoreCase)) names.Add(n);
            names = names.Where(n => !AuthorNames.IsSuspiciousSingleWord(n, siteNames)).ToList();
            if (names.Count > 0) return (names, "meta:" + key);
        }
        foreach (var v in meta.All("article:author"))
        {
            if (MetaText.LooksLikeUrl(v)) continue;
            var names = AuthorNames.Parse(v).Where(n => !AuthorNames.IsSuspiciousSingleWord(n, siteNames)).ToList();
            if (names.Count > 0) return (names, "meta:article:author");
        }
        var boxName = AuthorBox.ReadName(scan, h1).Where(n => !IsSiteName(n, siteNames)).ToList();
        if (boxName.Count > 0) return (boxName, "author-box:name");
        var orgs = ld.Authors.Where(a => a.IsOrganization || IsSiteName(a.Name, siteNames)).Select(a => a.Name).ToList();
        if (orgs.Count > 0) return (orgs, "json-ld:author(organization)");
        return (new List<string>(), "");
    }

    static bool IsSiteName(string name, List<string> siteNames)
    {
        var k = MetaText.Key(name);
        foreach (var s in siteNames) if (MetaText.Key(s) == k) return true;
        return false;
    }

    // ------------------------------------------------------------------ dates

    static readonly string[] PublishedMetaKeys =
    [
        "article:published_time", "og:published_time", "og:article:published_time", "article:published", "published_time",
        "itemprop:datepublished", "pubdate", "publishdate", "publish_date", "publish-date", "published-date", "publication_date",
        "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "dc.created",
        "parsely-pub-date", "sailthru.date", "citation_publication_date", "citation_date", "citation_online_date", "article.published",
        "originalpublicationdate", "rnews:datepublished", "bt:pubdate", "displaydate", "date.available", "release_date", "created",
        "itemprop:datecreated",
    ];

    static readonly string[] ModifiedMetaKeys =
    [
        "article:modified_time", "og:updated_time", "og:modified_time", "article:modified", "modified_time", "itemprop:datemodified",
        "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "revised", "article.updated", "parsely-updated",
    ];

    static PageDate? ChoosePublished(MetaTags meta, JsonLdData ld, PageScan scan, Hit? h1, Uri? url)
    {
        PageDate? partial = null;
        PageDate? Take(PageDate? d)
        {
            if (d is null) return null;
            if (d.Value is not null) return d;
            partial ??= d;
            return null;
        }

        if (Take(DateParsing.Parse(ld.DatePublished, ld.DatePublishedKey ?? "json-ld:datePublished")) is { } a) return a;
        foreach (var key in PublishedMetaKeys)
            foreach (var v in meta.All(key))
                if (Take(DateParsing.Parse(v, "meta:" + key)) is { } m) return m;

        foreach (var e in scan.ItempropDates)
        {
            if ((e.Ctx & Ctx.Excluded) != 0) continue;
            var raw = e.Element.GetAttribute("datetime") ?? e.Element.GetAttribute("content") ?? MetaText.TextOf(e.Element, 120);
            if (Take(DateParsing.Parse(raw, "itemprop:datePublished")) is { } d) return d;
        }

        if (TimeElement(scan, h1) is { } t) return t;
        if (DateLine(scan, h1) is { } line) return line;
        if (DateParsing.FromUrl(url) is { } u) return u;
        if (TextNearHeadline(scan, h1) is { } text) return text;
        return partial;
    }

    /// <summary>The article's &lt;time&gt;: one marked pubdate / published first, else the first one in the article or after the headline.</summary>
    static PageDate? TimeElement(PageScan scan, Hit? h1)
    {
        Hit? first = null;
        foreach (var t in scan.Times)
        {
            if ((t.Ctx & Ctx.Excluded) != 0) continue;
            var el = t.Element;
            bool marked = el.HasAttribute("pubdate") || PageScan.HasToken(el.GetAttribute("itemprop"), "datePublished")
                          || (el.GetAttribute("class") ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase)
                          || (el.GetAttribute("class") ?? "").Contains("entry-date", StringComparison.OrdinalIgnoreCase);
            if (marked && Parse(el, "time:pubdate") is { Value: not null } d) return d;
            bool near = h1 is { } h ? t.Order >= h.Order - VisibleBylineWindowBefore && t.Order <= h.Order + DateWindowAfter : (t.Ctx & Ctx.Article) != 0;
            if (first is null && near) first = t;
        }
        if (first is { } f && Parse(f.Element, "time") is { Value: not null } ok) return ok;
        return null;

        static PageDate? Parse(IElement el, string src) =>
            DateParsing.Parse(el.GetAttribute("datetime"), src) is { Value: not null } d ? d : DateParsing.Parse(MetaText.TextOf(el, 120), src);
    }

    // The date line sits with the byline: the same window as VisibleByline (40 elements before
    // the h1: kicker/date above the headline; 150 after: below the dek and lead figure).
    const int VisibleBylineWindowBefore = 40;
    const int DateWindowAfter = 150;
    // A date line ("Published July 6, 2022 at 10:42 am | Updated …") is short; longer text is a teaser or paragraph.
    const int MaxDateLineChars = 120;

    /// <summary>A short element classed date/published/posted near the headline whose text is a date.</summary>
    static PageDate? DateLine(PageScan scan, Hit? h1)
    {
        if (h1 is not { } h) return null;
        foreach (var d in scan.DateClassed)
        {
            if ((d.Ctx & Ctx.Excluded) != 0) continue;
            if (d.Order < h.Order - VisibleBylineWindowBefore || d.Order > h.Order + DateWindowAfter) continue;
            var text = MetaText.TextOf(d.Element, MaxDateLineChars + 1);
            if (text.Length > MaxDateLineChars) continue;
            if (DateParsing.Parse(text, "date-line") is { Value: not null } v) return v;
        }
        return null;
    }

    // A date written as a short text of its own ("Datum: 26. Januar 2022", "Mi, 02.02.2022 - 10:31")
    // near the headline; within a paragraph a date is an event, not the publication. 60 characters
    // holds a label, a date and a time; 20 elements before the h1 cover a date line above it.
    const int MaxDateTextChars = 60;
    const int TextBefore = 20;

    /// <summary>The first short text node near the headline that is a full date (last resort before nothing).</summary>
    static PageDate? TextNearHeadline(PageScan scan, Hit? h1)
    {
        if (h1 is not { } h) return null;
        int from = Math.Max(0, h.Order - TextBefore), to = Math.Min(scan.Elements.Count - 1, h.Order + DateWindowAfter);
        for (int i = from; i <= to; i++)
        {
            if ((scan.Contexts[i] & Ctx.Excluded) != 0) continue;
            var el = scan.Elements[i];
            if (el.LocalName is "script" or "style" or "a" or "option") continue;
            var kids = el.ChildNodes;
            for (int k = 0; k < kids.Length; k++)
            {
                if (kids[k] is not IText tx) continue;
                var data = tx.Data;
                if (data.Length > 4 * MaxDateTextChars) continue;
                var clean = MetaText.Clean(data);
                if (clean is null || clean.Length > MaxDateTextChars || !clean.Any(char.IsDigit)) continue;
                if (DateParsing.Parse(clean, "text") is { Value: not null } d) return d;
            }
        }
        return null;
    }

    static PageDate? ChooseModified(MetaTags meta, JsonLdData ld)
    {
        if (DateParsing.Parse(ld.DateModified, "json-ld:dateModified") is { Value: not null } a) return a;
        foreach (var key in ModifiedMetaKeys)
            if (DateParsing.Parse(meta.Get(key), "meta:" + key) is { Value: not null } m) return m;
        return null;
    }

    // ------------------------------------------------------------------ standfirst

    /// <summary>
    /// Whether a description is only the first body paragraph cut off with an ellipsis (CMS
    /// auto-excerpts): it ends with "…" / "..." / "[…]" and a paragraph near the headline starts with it.
    /// </summary>
    static bool IsTruncatedLead(string description, PageScan scan, Hit? h1)
    {
        var d = description.TrimEnd();
        string stem;
        if (d.EndsWith("[…]", StringComparison.Ordinal) || d.EndsWith("[...]", StringComparison.Ordinal)) stem = d[..d.LastIndexOf('[')];
        else if (d.EndsWith('…')) stem = d[..^1];
        else if (d.EndsWith("...", StringComparison.Ordinal)) stem = d[..^3];
        else return false;
        var sk = MetaText.Key(stem);
        // a stem shorter than this matches too many paragraphs by chance
        if (sk.Length < 20) return false;
        int start = h1?.Order ?? 0;
        int looked = 0;
        foreach (var p in scan.Paragraphs)
        {
            if (p.Order < start) continue;
            // the lead is among the first paragraphs after the headline
            if (++looked > 8) break;
            if (MetaText.Key(MetaText.TextOf(p.Element, stem.Length + 200)).StartsWith(sk, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ language

    /// <summary>"en_US" → "en-US", "EN" → "en", "de-de" → "de-DE"; null when not a language tag.</summary>
    internal static string? NormaliseLanguage(string? value)
    {
        var v = MetaText.Clean(value);
        if (v is null) return null;
        // "en, fr" / "de;q=0.9": the first one
        int cut = v.IndexOfAny([',', ';', ' ']);
        if (cut >= 0) v = v[..cut];
        var parts = v.Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        var primary = parts[0];
        if (primary.Length is < 2 or > 3 || !primary.All(char.IsAsciiLetter)) return null;
        var outParts = new List<string> { primary.ToLowerInvariant() };
        for (int i = 1; i < parts.Length; i++)
        {
            var p = parts[i];
            if (!p.All(char.IsAsciiLetterOrDigit) || p.Length > 8) break;
            outParts.Add(p.Length == 2 ? p.ToUpperInvariant() : p.Length == 4 ? char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant() : p.ToLowerInvariant());
        }
        return string.Join('-', outParts);
    }
}
