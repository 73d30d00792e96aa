using System.Collections.Immutable;
using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>
/// Reads the article's metadata from the whole page, before cleaning (cleaning removes the
/// scripts that hold JSON-LD and the head). One pass over the tree (<see cref="PageScan"/>)
/// collects the meta tags, JSON-LD scripts, headings, bylines, time elements and author boxes;
/// the fields are then chosen by these priority chains (first source that gives a usable value wins):
/// <list type="bullet">
/// <item><b>title</b>: the visible headline (<see cref="VisibleHeadline"/>: an h1 matching JSON-LD headline / og:title
/// (twitter:title, dc.title, parsely/sailthru/citation title) / JSON-LD name, else an h1 the &lt;title&gt; contains, else an h2
/// that is a whole meta title or a separator-delimited run of it; logo h1s linking home skipped, a kicker inside the h1 cut off)
/// when a meta title or the &lt;title&gt; corroborates it, in the page's typography (dashes, apostrophes; quotation marks as the
/// meta title writes them) &gt; JSON-LD headline (a truncated one replaced by the og:title it starts) &gt; og:title and kin &gt;
/// &lt;title&gt; &gt; any h1; each cleaned of site-name affixes (<see cref="TitleCleaner"/>), separator debris and a leading date.</item>
/// <item><b>standfirst</b>: og:description &gt; meta description &gt; JSON-LD description &gt; twitter:description / dc.description,
/// skipping one that is only the first body paragraph cut off with "…".</item>
/// <item><b>authors</b>: JSON-LD Person author &gt; visible byline near the headline (rel=author / itemprop=author, a
/// byline-classed element, an author-classed element, a "By …" / "Posted by …" text, a label element "Autor" then the name, a
/// "date - name" line; see <see cref="LabelledByline"/>) &gt; meta author (name=author, dc.creator,
/// parsely-author, sailthru.author, citation_author, itemprop author) &gt; article:author (when not a URL) &gt; the author box's name.
/// Evidence overrides the order: a byline naming a full name beats a JSON-LD first name or login handle; a byline listing the
/// JSON-LD author plus co-authors beats JSON-LD; a name that is the site's own (a meta author "El Colombiano" on
/// elcolombiano.com, a JSON-LD "Person" "IT Finanzmagazin /PP") is no person, so the next source is read. Organisations (JSON-LD
/// Organization authors, site-named authors) only when no person is named anywhere, flagged
/// <see cref="ArticleMetadata.AuthorsAreOrganizations"/>. Names are normalised by <see cref="AuthorNames"/>; a two-word name the
/// article writes with a middle initial ("Christian P. Stadtfeld") takes the initial. A byline or author box under a layout class
/// ("right-sidebar" on the wrapper) is excluded only when the region lies between it and the headline (as for dates).</item>
/// <item><b>published</b>: stated first — JSON-LD datePublished (dateCreated; a nested related article's date never beats
/// the page's) &gt; article:published_time &gt; other meta (og:published_time, pubdate, publishdate, date, dc.date, dcterms,
/// parsely-pub-date, sailthru.date, citation_publication_date, itemprop datePublished) &gt; itemprop=datePublished and RDFa
/// property=datePublished / dc:date elements;
/// then visible near the headline (the h1, or the h1–h4 that is the chosen title) — a &lt;time&gt; marked published (pubdate,
/// itemprop, class, a "Published"/"Veröffentlicht" label) &gt; the first &lt;time&gt; &gt; a date line (class date/published/posted);
/// then the URL (/YYYY/MM/DD/, validated) &gt; a short text near the headline that is a date &gt; a partial date (Raw only, no Value).
/// Conflicts: a stated UTC instant is put into the page's zone when another source states the same instant with an offset,
/// the visible wall time shows the offset, or a visible &lt;time&gt; shows the day (<see cref="DateLocaliser"/>); a visible
/// date labelled "Updated"/"Aktualisiert" is never the published one; the URL never overrides a stated or visible date;
/// relative dates ("vor 2 Tagen", "yesterday") are not dates (no anchoring).</item>
/// <item><b>modified</b>: JSON-LD dateModified &gt; article:modified_time &gt; og:updated_time &gt; other meta &gt; a visible
/// date labelled "Updated"/"Aktualisiert"/"mis à jour" near the headline. Never swapped with published, even when earlier
/// (a scheduled post is last edited before it goes out).</item>
/// <item><b>site_name</b>: og:site_name &gt; JSON-LD publisher.name &gt; JSON-LD WebSite name &gt; application-name.</item>
/// <item><b>language</b>: &lt;html lang&gt; &gt; meta content-language &gt; og:locale &gt; JSON-LD inLanguage (en_US → en-US).</item>
/// <item><b>canonical_url</b>: link rel=canonical (made absolute) &gt; og:url.</item>
/// <item><b>image</b>: og:image &gt; JSON-LD image &gt; twitter:image, made absolute against the page URL.</item>
/// <item><b>categories</b> and <b>tags</b>: see <see cref="TaxonomyReader"/> (visible rel=category / rel=tag links first).</item>
/// <item><b>license</b>: see <see cref="LicenseReader"/> (rel=license &gt; JSON-LD &gt; meta &gt; a Creative Commons link).</item>
/// <item><b>page_type</b>: JSON-LD @type &gt; og:type, else the page's shape after extraction (<see cref="PageTypeClassifier"/>).</item>
/// </list>
/// </summary>
public static class MetadataReader
{
    public static ArticleMetadata Read(IDocument document, Uri? pageUrl) => Read(document, pageUrl, out _, out _);

    /// <summary>
    /// As <see cref="Read(IDocument, Uri?)"/>, and hands back what the scan of the whole page found for the content stage:
    /// the texts of the JSON-LD scripts, and the tree cleaner's removals (null when the scan could not see them all).
    /// </summary>
    internal static ArticleMetadata Read(IDocument document, Uri? pageUrl, out IReadOnlyList<string> jsonLdScripts, out Cleaning.CleaningPlan? cleaning)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scan = PageScan.Run(document);
        jsonLdScripts = scan.JsonLd;
        cleaning = scan.Cleaning;
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
                     (AppName(meta, scan), "meta:application-name"),
                 })
        {
            var v = MetaText.Clean(value);
            if (v is null || MetaText.LooksLikeUrl(v)) continue;
            siteName = v;
            sources["site_name"] = src;
            break;
        }
        var siteNames = new List<string>();
        foreach (var s in new[] { siteName, ld.PublisherName, ld.WebSiteName, AppName(meta, scan), meta.Get("og:site_name"), TitleCleaner.HostName(urlForDate) })
            if (!string.IsNullOrWhiteSpace(s) && !siteNames.Contains(s)) siteNames.Add(s);

        // ---- title
        var (title, titleSource, h1) = TitleChooser.Choose(document, scan, meta, ld, siteNames);
        if (title is not null) sources["title"] = titleSource;

        // ---- authors
        var authorChoice = AuthorChooser.Choose(scan, meta, ld, h1, siteNames, TitleCleaner.HostName(urlForDate), title);
        var authors = authorChoice.Names;
        if (authors.Count > 0) sources["authors"] = authorChoice.Source;

        // ---- author bio
        // the heading carrying the title anchors the box when no h1 does (a layout class marking the h1 excluded)
        var (bio, bioSource) = AuthorBox.Read(scan, h1 ?? DateAnchor.Find(scan, h1, title), authors);
        if (bio is not null) sources["author_bio"] = bioSource;
        // a byline giving only a first name ("Nils") whose author box introduces the full name ("Nils Pickert ist freier Autor …")
        if (bio is not null && authors.Count == 1 && AuthorNames.FullNameFromBio(authors[0], bio) is { } full)
        {
            authors[0] = full;
            sources["authors"] = sources.GetValueOrDefault("authors", "") + " + author-box:bio";
        }

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
        var (published, modified) = DateChooser.Choose(meta, ld, scan, h1, title, urlForDate);
        if (published is not null) sources["published"] = published.Source;
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

        // ---- categories, tags, license, page type
        var (categories, categorySource, tags, tagSource) = TaxonomyReader.Read(scan, meta, ld, title);
        if (categories.Count > 0) sources["categories"] = categorySource;
        if (tags.Count > 0) sources["tags"] = tagSource;
        var (license, licenseSource) = LicenseReader.Read(scan, meta, ld);
        if (license is not null) sources["license"] = licenseSource;
        var (pageType, pageTypeSource) = PageTypeClassifier.FromStatements(ld, meta);
        if (pageType is not null) sources["page_type"] = pageTypeSource;

        return new ArticleMetadata
        {
            Title = title,
            Standfirst = standfirst,
            Authors = authors.ToImmutableArray(),
            AuthorsAreOrganizations = authorChoice.AreOrganizations,
            AuthorBio = bio,
            Published = published,
            Modified = modified,
            SiteName = siteName,
            Language = language,
            CanonicalUrl = canonical,
            Image = image,
            Tags = tags.ToImmutableArray(),
            Categories = categories.ToImmutableArray(),
            License = license,
            PageType = pageType ?? PageType.Other,
            ArticleElementCount = scan.ArticleElements,
            Sources = sources.ToImmutable(),
        };
    }

    // ------------------------------------------------------------------ site name

    /// <summary>
    /// application-name, unless it is the page's own title (some CMSs fill it with the headline:
    /// readability/msn), which would make every title look like the site's name.
    /// </summary>
    static string? AppName(MetaTags meta, PageScan scan)
    {
        var app = MetaText.Clean(meta.Get("application-name"));
        if (app is null) return null;
        var k = MetaText.Key(app);
        if (k == MetaText.Key(meta.Get("og:title")) || k == MetaText.Key(scan.TitleText)) return null;
        return app;
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
