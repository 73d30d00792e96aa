using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>Chooses the article's authors: people before organisations, visible bylines against meta tags (the order is documented on <see cref="MetadataReader"/>).</summary>
internal static class AuthorChooser
{
    public static (List<string> Names, string Source) Choose(PageScan scan, MetaTags meta, JsonLdData ld, Hit? h1, List<string> siteNames)
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

    internal static bool IsSiteName(string name, List<string> siteNames)
    {
        var k = MetaText.Key(name);
        foreach (var s in siteNames) if (MetaText.Key(s) == k) return true;
        return false;
    }
}
