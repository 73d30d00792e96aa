using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>
/// Chooses the published and modified dates (the chains are documented on <see cref="MetadataReader"/>).
/// Stated dates (JSON-LD, meta, microdata) come first; the visible date line near the headline
/// fills in when nothing is stated and settles the page's own calendar day when the stated
/// date is a UTC instant (<see cref="DateLocaliser"/>); the URL is the last resort and never
/// overrides a stated or visible date. A visible date labelled "Updated" / "Aktualisiert" /
/// "Stand" is a modified date and never taken as the published one.
/// </summary>
internal static class DateChooser
{
    static readonly string[] PublishedMetaKeys =
    [
        "article:published_time", "og:published_time", "og:article:published_time", "article:published", "published_time",
        "itemprop:datepublished", "pubdate", "publishdate", "publish_date", "publish-date", "published-date", "publication_date",
        "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "dc.created",
        "parsely-pub-date", "sailthru.date", "citation_publication_date", "citation_date", "citation_online_date", "article.published",
        "originalpublicationdate", "rnews:datepublished", "bt:pubdate", "displaydate", "date.available", "release_date", "created",
        "itemprop:datecreated", "pub_date",
    ];

    static readonly string[] ModifiedMetaKeys =
    [
        "article:modified_time", "og:updated_time", "og:modified_time", "article:modified", "modified_time", "itemprop:datemodified",
        "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "revised", "article.updated", "parsely-updated",
    ];

    /// <summary>Published and modified dates of the page; <paramref name="title"/> (the chosen headline) locates the headline when the h1 is not it.</summary>
    public static (PageDate? Published, PageDate? Modified) Choose(MetaTags meta, JsonLdData ld, PageScan scan, Hit? h1, string? title, Uri? url)
    {
        var anchor = DateAnchor.Find(scan, h1, title);
        var visible = VisibleDates.Read(scan, anchor);

        // ---- stated: JSON-LD, then meta in priority order, then itemprop=datePublished elements
        PageDate? partial = null;
        var statedAll = new List<PageDate>();
        void Add(PageDate? d)
        {
            if (d is null) return;
            if (d.Value is null) partial ??= d;
            else statedAll.Add(d);
        }
        Add(DateParsing.Parse(ld.DatePublished, ld.DatePublishedKey ?? "json-ld:datePublished"));
        foreach (var key in PublishedMetaKeys)
            foreach (var v in meta.All(key))
                Add(DateParsing.Parse(v, "meta:" + key));
        foreach (var e in scan.ItempropDates)
        {
            if (DateAnchor.IsExcluded(e, anchor)) continue;
            var raw = e.Element.GetAttribute("datetime") ?? e.Element.GetAttribute("content") ?? MetaText.TextOf(e.Element, 120);
            Add(DateParsing.Parse(raw, e.Element.HasAttribute("itemprop") ? "itemprop:datePublished" : "rdfa:" + e.Element.GetAttribute("property")));
        }
        var stated = statedAll.Count > 0 ? statedAll[0] : null;

        PageDate? published;
        if (stated is not null)
        {
            // a UTC instant with nothing visible to place it: the short texts near the headline may show its wall time
            if (stated is { HasTime: true, Value.Offset.Ticks: 0 } && visible.PublishedReadings.Count == 0) visible.ReadTexts(scan, anchor);
            published = DateLocaliser.Localise(stated, statedAll, visible.PublishedReadings);
        }
        else if (visible.Published is not null) published = DateLocaliser.Localise(visible.PublishedReadings);
        else if (DateParsing.FromUrl(url) is { } fromUrl) published = fromUrl;
        else
        {
            visible.ReadTexts(scan, anchor);
            published = visible.Text ?? partial;
        }

        // ---- modified: JSON-LD, meta, then a visible "Updated …" line
        PageDate? modified = null;
        if (DateParsing.Parse(ld.DateModified, "json-ld:dateModified") is { Value: not null } a) modified = a;
        else
            foreach (var key in ModifiedMetaKeys)
                if (DateParsing.Parse(meta.Get(key), "meta:" + key) is { Value: not null } m) { modified = m; break; }
        modified ??= visible.Modified;

        return (published, modified);
    }
}
