using System.Text.RegularExpressions;
using Winnow.Dom;

namespace Winnow.Metadata;

/// <summary>
/// The license the page states for its content, when it states one: a link marked
/// <c>rel="license"</c> (HTML's own way), JSON-LD <c>license</c>, a license meta tag, else a link to
/// a Creative Commons deed in the page's chrome (the blog footer's "licensed under CC BY-SA 3.0").
/// A Creative Commons URL is written as its short name: <c>…/licenses/by-nc-sa/3.0/de/</c> →
/// <c>CC BY-NC-SA 3.0 DE</c>, <c>…/publicdomain/zero/1.0/</c> → <c>CC0 1.0</c>.
/// </summary>
internal static partial class LicenseReader
{
    // A license name is short ("CC BY-SA 4.0", "GNU Free Documentation License 1.3"); longer link
    // text is a sentence around it ("Dieser Artikel steht unter einer Creative-Commons-Lizenz …").
    const int MaxNameChars = 80;

    public static (string? License, string Source) Read(PageScan scan, MetaTags meta, JsonLdData ld)
    {
        // 1. rel="license": the href names the license; the link text when the href is not a CC deed
        foreach (var h in scan.LicenseLinks)
        {
            var href = h.Element.GetAttribute("href");
            if (FromCreativeCommonsUrl(href) is { } cc) return (cc, "rel:license");
            var text = MetaText.Clean(NodeText.Of(h.Element));
            if (text is not null && text.Length <= MaxNameChars && !MetaText.LooksLikeUrl(text)) return (FromName(text), "rel:license");
        }
        // 2. JSON-LD license, 3. meta tags that name a license (dc.rights is usually a copyright line: only a CC name counts)
        if (Named(ld.License) is { } j) return (j, "json-ld:license");
        foreach (var key in new[] { "license", "dcterms.license", "dc.license", "dc.rights", "dcterms.rights", "copyright" })
            foreach (var v in meta.All(key))
                if (Named(v, requireCc: key is "dc.rights" or "dcterms.rights" or "copyright") is { } m) return (m, "meta:" + key);
        // 4. a Creative Commons deed linked from the chrome; one inside the article is more often an image credit
        string? inArticle = null;
        foreach (var h in scan.CreativeCommonsLinks)
        {
            if (FromCreativeCommonsUrl(h.Element.GetAttribute("href")) is not { } cc) continue;
            if ((h.Ctx & Ctx.Article) == 0) return (cc, "link:creativecommons");
            inArticle ??= cc;
        }
        return inArticle is not null ? (inArticle, "link:creativecommons") : (null, "");
    }

    static string? Named(string? value, bool requireCc = false)
    {
        var v = MetaText.Clean(value);
        if (v is null) return null;
        if (FromCreativeCommonsUrl(v) is { } cc) return cc;
        if (MetaText.LooksLikeUrl(v) || v.Length > MaxNameChars) return null;
        var name = FromName(v);
        if (requireCc && !name.StartsWith("CC", StringComparison.Ordinal)) return null;
        return name;
    }

    /// <summary>A CC deed URL (any scheme, an archive prefix, a "deed.de" suffix) as its short name, or null.</summary>
    internal static string? FromCreativeCommonsUrl(string? url)
    {
        if (url is null) return null;
        var m = CcUrl().Match(url);
        if (!m.Success) return null;
        var kind = m.Groups["kind"].Value.ToLowerInvariant();
        var version = m.Groups["ver"].Value;
        var place = m.Groups["place"].Value;
        string name = kind switch
        {
            "zero" => "CC0",
            "mark" => "Public Domain Mark",
            _ => "CC " + kind.ToUpperInvariant(),
        };
        if (version.Length > 0) name += " " + version;
        // a jurisdiction port ("/3.0/de/"); "deed", "legalcode" and language deeds ("deed.de") are not one
        if (place.Length == 2) name += " " + place.ToUpperInvariant();
        return name;
    }

    /// <summary>A license named in text: "CC-BY-SA 2.0" → "CC BY-SA 2.0", "Creative Commons Attribution-ShareAlike 3.0" → "CC BY-SA 3.0"; other names as written.</summary>
    internal static string FromName(string text)
    {
        var m = CcName().Match(text);
        if (m.Success)
        {
            var parts = m.Groups["parts"].Value.ToUpperInvariant().Replace(' ', '-').Replace('_', '-');
            var version = m.Groups["ver"].Value;
            return "CC " + parts + (version.Length > 0 ? " " + version : "");
        }
        var spelled = Spelled().Match(text);
        if (spelled.Success)
        {
            var parts = new List<string> { "BY" };
            var words = spelled.Groups["words"].Value.ToLowerInvariant();
            if (words.Contains("noncommercial") || words.Contains("non-commercial")) parts.Add("NC");
            if (words.Contains("noderiv") || words.Contains("no derivative") || words.Contains("no-deriv")) parts.Add("ND");
            if (words.Contains("sharealike") || words.Contains("share-alike") || words.Contains("share alike")) parts.Add("SA");
            var version = spelled.Groups["ver"].Value;
            return "CC " + string.Join('-', parts) + (version.Length > 0 ? " " + version : "");
        }
        return text;
    }

    [GeneratedRegex(@"creativecommons\.org/(?:licenses|publicdomain)/(?<kind>by(?:-(?:nc|nd|sa)){0,3}|zero|mark)(?:/(?<ver>\d\.\d))?(?:/(?<place>[a-z]{2,})(?=/|$|[?#]))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CcUrl();

    [GeneratedRegex(@"\bCC[ _-]?(?<parts>BY(?:[ _-](?:NC|ND|SA)){0,3})\b(?:[ _-]?(?<ver>\d\.\d))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CcName();

    [GeneratedRegex(@"Creative Commons (?<words>Attribution(?:[ -](?:Non-?Commercial|NoDerivs|NoDerivatives|No-?Derivatives|ShareAlike|Share-?Alike|Share Alike))*)(?:\s+(?<ver>\d\.\d))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Spelled();
}
