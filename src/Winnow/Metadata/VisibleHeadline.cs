using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Metadata;

/// <summary>
/// The headline a reader sees: an h1 (or, on pages whose h1 is missing or is the site's logo, an
/// h2) that another title source corroborates, with a kicker ("Dachzeile", topic label) inside it
/// cut off.
/// </summary>
internal static class VisibleHeadline
{
    // A kicker is a few words ("Corona-Pandemie", "Interne Unterlagen im Netz", "Einheit der Woche");
    // a longer first part is the headline's own first line.
    const int MaxKickerWords = 8;

    static readonly string[] KickerClassWords =
    [
        "kicker", "dachzeile", "overline", "topline", "eyebrow", "roofline", "label", "topic", "categor", "rubri",
        "supertitle", "pretitle", "overhead", "spitzmarke", "h1small", "flag",
    ];

    /// <summary>
    /// The main headline element and its text (kicker removed, not yet cleaned). Order of preference:
    /// an h1 matching a meta title (JSON-LD headline / og:title / JSON-LD name), an h1 the &lt;title&gt;
    /// contains, an h2 matching either, then the first h1 in the article, else the first outside navigation.
    /// </summary>
    public static (Hit? Hit, string? Text) Pick(PageScan scan, string?[] metaTitles, string? titleTag)
    {
        var h1s = new List<(Hit Hit, string Text)>();
        Hit? inArticle = null, visible = null;
        bool excludedH1Matches = false;
        foreach (var h in scan.H1s)
        {
            if ((h.Ctx & Ctx.Excluded) != 0)
            {
                // an h1 inside a region read as navigation that still says the title: the page's headline
                // is an h1, not one of its h2s (trafilatura/d27eb…: a teaser h2 repeats the og:title)
                excludedH1Matches |= metaTitles.Any(t => Matches(Flat(h.Element), t)) || Matches(Flat(h.Element), titleTag);
                continue;
            }
            var text = TextOf(h.Element, metaTitles);
            if (MetaText.Key(text).Length == 0 || IsLogo(h.Element)) continue;
            h1s.Add((h, text));
            if (inArticle is null && (h.Ctx & Ctx.Article) != 0) inArticle = h;
            visible ??= h;
        }
        foreach (var (h, text) in h1s)
            if (metaTitles.Any(t => Matches(text, t))) return (h, text);
        foreach (var (h, text) in h1s)
            if (Matches(text, titleTag)) return (h, text);
        // h2s are many (section headings, teasers): one counts only when a title contains all of it,
        // the meta titles when the page has any (a teaser h2 shares words with the <title> by chance:
        // trafilatura/chefkoch "Weitere Rezepte von …")
        bool anyMeta = metaTitles.Any(t => t is not null);
        foreach (var h in excludedH1Matches ? [] : scan.H2s)
        {
            if ((h.Ctx & Ctx.Excluded) != 0) continue;
            var text = TextOf(h.Element, metaTitles);
            var k = MetaText.Key(text);
            // 10 characters: shorter h2s ("Menü", "News") are contained in titles by chance
            if (k.Length < 10 || TitleChooser.Words(text).Count < 2) continue;
            if (anyMeta ? metaTitles.Any(t => IsTitlePart(k, t)) : IsTitlePart(k, titleTag)) return (h, text);
        }
        var fallback = inArticle ?? visible;
        return fallback is { } f ? (f, h1s.First(x => x.Hit.Order == f.Order).Text) : (null, null);
    }

    static readonly string[] PartSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " › "];

    /// <summary>
    /// Whether <paramref name="key"/> is the whole of <paramref name="title"/> or a run of its
    /// separator-delimited parts ("Blog Archive » Interning of Small Integers in Python"), not a
    /// fragment of one part (readability/medium-1: an h2 "Open Journalism Project:" inside the title).
    /// </summary>
    static bool IsTitlePart(string key, string? title)
    {
        if (title is null) return false;
        var parts = new List<string> { title };
        foreach (var sep in PartSeparators)
            parts = parts.SelectMany(p => p.Split(sep)).ToList();
        var keys = parts.Select(MetaText.Key).ToList();
        for (int i = 0; i < keys.Count; i++)
        {
            var run = "";
            for (int j = i; j < keys.Count; j++)
            {
                run += keys[j];
                if (run == key) return true;
                if (run.Length >= key.Length) break;
            }
        }
        return false;
    }

    /// <summary>Two words at least (a one-word heading matches titles by chance: "News", "Archiv") that another title says too.</summary>
    static bool Matches(string text, string? title) => title is not null && TitleChooser.Words(text).Count >= 2 && TitleChooser.Corroborates(text, title);

    /// <summary>
    /// The heading's text, words separated at element boundaries that break lines (&lt;br&gt;, blocks),
    /// soft hyphens removed, and without a kicker.
    /// </summary>
    internal static string TextOf(IElement heading, string?[] metaTitles)
    {
        var full = Flat(heading);
        var rest = WithoutKicker(heading, metaTitles);
        return rest ?? full;
    }

    static string Flat(INode node) => MetaText.Clean(MetaText.TextOf(node, 400, lines: true).Replace('\n', ' ').Replace("\u00AD", "")) ?? "";

    /// <summary>
    /// The heading without its kicker: the heading (or its only child) holds a first part and the
    /// headline after it, and the first part is marked as a kicker (a &lt;small&gt;, a class saying
    /// kicker / Dachzeile / topic label) or a meta title says the rest alone.
    /// </summary>
    static string? WithoutKicker(IElement heading, string?[] metaTitles)
    {
        var el = heading;
        // h1 > span.post-title > (small, br, text): descend through single wrappers
        while (el.ChildElementCount == 1 && !HasOwnText(el)) el = el.FirstElementChild!;
        var parts = new List<INode>();
        foreach (var n in el.ChildNodes)
        {
            if (n is IElement e && e.LocalName == "br") continue;
            if (n is IElement or IText && MetaText.Key(NodeText.Of(n)).Length > 0) parts.Add(n);
        }
        if (parts.Count < 2 || parts[0] is not IElement first) return null;
        var kicker = Flat(first);
        if (kicker.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxKickerWords) return null;
        var restText = MetaText.Clean(string.Join(" ", parts.Skip(1).Select(Flat)))?.TrimStart('-', '–', '—', ':', '|', '·', ' ');
        if (restText is null || TitleChooser.Words(restText).Count < 2) return null;
        if (IsKickerElement(first)) return restText;
        var rk = MetaText.Key(restText);
        foreach (var t in metaTitles)
            if (t is not null && MetaText.Key(t) == rk) return restText;
        return null;
    }

    static bool HasOwnText(IElement el)
    {
        foreach (var n in el.ChildNodes)
            if (n is IText t && !string.IsNullOrWhiteSpace(t.Data)) return true;
        return false;
    }

    static bool IsKickerElement(IElement e)
    {
        if (e.LocalName == "small") return true;
        var cls = (e.GetAttribute("class") ?? "").ToLowerInvariant();
        if (cls.Length == 0) return false;
        foreach (var w in KickerClassWords) if (cls.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// An h1 that is the site's logo: all its text is one link to the site's home page
    /// (href "/", "index.php", or a bare host), as blog themes write the site title.
    /// </summary>
    internal static bool IsLogo(IElement h1)
    {
        IElement? link = null;
        foreach (var a in h1.QuerySelectorAll("a"))
        {
            if (link is not null) return false;
            link = a;
        }
        if (link is null) return false;
        if (MetaText.Key(NodeText.Of(link)) != MetaText.Key(NodeText.Of(h1))) return false;
        var href = (link.GetAttribute("href") ?? "").Trim();
        var h = href.TrimEnd('/');
        if (h is "" or "." or "#" or "index.php" or "index.html" or "index.htm") return href.Length > 0;
        int scheme = h.LastIndexOf("//", StringComparison.Ordinal);
        return scheme >= 0 && h.IndexOf('/', scheme + 2) < 0;
    }
}
