using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>Chooses the article's headline among JSON-LD, meta titles, the h1 and &lt;title&gt; (the order is documented on <see cref="MetadataReader"/>).</summary>
internal static class TitleChooser
{
    public static (string? Title, string Source, Hit? H1) Choose(IDocument document, PageScan scan, MetaTags meta, JsonLdData ld, List<string> siteNames)
    {
        var metaTitle = meta.First("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title", "citation_title", "itemprop:headline");
        var siteKeys = siteNames.Select(MetaText.Key).Where(k => k.Length >= 2).ToList();
        string? Usable(string? t)
        {
            // soft hyphens are invisible hyphenation hints ("Mes\u00ADsen\u00ADger…" in an h1), not text
            t = MetaText.Clean(t?.Replace("\u00AD", ""));
            if (t is null) return null;
            // the site's name as a whole ("2gewinnt | Kabarett | Satire" in a site-title h1) before any affix is cut from it
            if (siteKeys.Contains(MetaText.Key(t))) return null;
            t = TitleCleaner.Clean(t, siteNames);
            // a "title" that is only the site's name says nothing about the article
            if (siteKeys.Contains(MetaText.Key(t))) return null;
            return MetaText.Key(t).Length == 0 ? null : t;
        }
        var headline = Usable(ld.Headline);
        var og = Usable(metaTitle?.Value);
        var titleTag = scan.TitleText is { Length: > 0 } tt ? tt : null;

        var (h1, rawH1) = VisibleHeadline.Pick(scan, [headline, og, Usable(ld.Name)], titleTag);
        var h1Text = Usable(rawH1);
        var headingSource = h1 is { } hh ? hh.Element.LocalName : "h1";
        // an h1 that is the site's logo / name, or a whole paragraph, is not the headline
        if (h1Text is not null && (h1Text.Length > 300 || TitleCleaner.Resembles(h1Text, siteKeys))) h1Text = null;

        // 1. The visible headline, when another source corroborates it: the h1 is what the
        //    reader sees, and og:title / JSON-LD headlines are often SEO variants of it
        //    ("Kind krank? Was Arbeitgeber jetzt wissen müssen" vs the h1's wording).
        if (h1Text is not null)
        {
            var hk = MetaText.Key(h1Text);
            // Same words as a meta title: the h1 is the text as the page shows it (meta titles flatten
            // typography: "–" → "-", ’ → '), the meta source names it when the two agree.
            if (headline is not null && MetaText.Key(headline) == hk) return OnlyQuotesDiffer(h1Text, headline) ? (headline, ld.HeadlineKey ?? "json-ld:headline", h1) : (h1Text, headingSource, h1);
            if (og is not null && MetaText.Key(og) == hk) return OnlyQuotesDiffer(h1Text, og) ? (og, "meta:" + metaTitle!.Value.Key, h1) : (h1Text, headingSource, h1);
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
                return (h1Text, headingSource, h1);
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
        if (h1Text is not null) return (h1Text, headingSource, h1);
        return (null, "", h1);
    }

    /// <summary>
    /// Whether two titles differ at most in their quotation marks (“…” / „…“ / «…» / ‘…’ against "…" / '…';
    /// an apostrophe inside a word is not a quotation mark). Then the meta title's form is kept: the two
    /// benchmarks disagree here (readability/buzzfeed-1 and wikia keep the meta's straight quotes, three
    /// trafilatura pages the h1's „…“), while both keep the h1's dashes and apostrophes (ten trafilatura
    /// pages, none against). A compromise measured on the dev corpus, not a rule about pages.
    /// </summary>
    internal static bool OnlyQuotesDiffer(string a, string b) => a == b || NormaliseQuotes(a) == NormaliseQuotes(b);

    static string NormaliseQuotes(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c is '“' or '”' or '„' or '‟' or '«' or '»' or '"') chars[i] = '"';
            else if (c is '‘' or '’' or '‚' or '\'')
            {
                bool inWord = i > 0 && i + 1 < chars.Length && char.IsLetter(chars[i - 1]) && char.IsLetter(chars[i + 1]);
                if (!inWord) chars[i] = '\'';
            }
        }
        return new string(chars);
    }

    /// <summary>
    /// Whether <paramref name="other"/> says the same headline as <paramref name="h1"/>: one
    /// contains the other, or most words are shared (60% of the shorter one's words: an SEO
    /// rewording keeps most words, a different headline keeps few).
    /// </summary>
    internal static bool Corroborates(string h1, string? other) => other is not null && Corroborates(h1, new KeyedTitle(other));

    /// <summary>As <see cref="Corroborates(string, string?)"/>, against a title keyed once for many headings.</summary>
    internal static bool Corroborates(string h1, KeyedTitle other)
    {
        var hk = MetaText.Key(h1);
        var ok = other.Key;
        if (hk.Length >= 4 && ok.Contains(hk, StringComparison.Ordinal)) return true;
        if (ok.Length >= 10 && hk.Contains(ok, StringComparison.Ordinal)) return true;
        var a = Words(h1);
        var b = other.Words;
        if (a.Count < 2 || b.Count < 2) return false;
        int shared = a.Count(b.Contains);
        return shared >= 0.6 * Math.Min(a.Count, b.Count);
    }

    internal static HashSet<string> Words(string s)
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
}

/// <summary>
/// A title's key and word set, computed once when many headings are compared with it (the search for bylines near
/// headings keyed the title anew for every heading: 0.4 % of an extraction's time, perf 2026-12-04).
/// </summary>
internal sealed class KeyedTitle(string text)
{
    public string Key { get; } = MetaText.Key(text);
    public HashSet<string> Words { get; } = TitleChooser.Words(text);
}
