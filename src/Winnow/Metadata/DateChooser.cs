using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>Chooses the published and modified dates (the order is documented on <see cref="MetadataReader"/>).</summary>
internal static class DateChooser
{
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

    public static PageDate? ChoosePublished(MetaTags meta, JsonLdData ld, PageScan scan, Hit? h1, Uri? url)
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

    public static PageDate? ChooseModified(MetaTags meta, JsonLdData ld)
    {
        if (DateParsing.Parse(ld.DateModified, "json-ld:dateModified") is { Value: not null } a) return a;
        foreach (var key in ModifiedMetaKeys)
            if (DateParsing.Parse(meta.Get(key), "meta:" + key) is { Value: not null } m) return m;
        return null;
    }
}
