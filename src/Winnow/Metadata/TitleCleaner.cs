namespace Winnow.Metadata;

/// <summary>
/// Removes the site's name from a title: " | Site", " - Site", " — Site", " :: Site" suffixes and
/// "Site | " prefixes, only when that part equals or resembles a known name of the site (its
/// og:site_name, JSON-LD publisher, application-name, or its host name). A title whose parts
/// are all headline ("Ukraine – the war") is never cut.
/// </summary>
internal static class TitleCleaner
{
    static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " › ", " ‹ ", " // ", " ~ ", " / ", " : "];

    /// <summary>The title without site-name affixes.</summary>
    public static string Clean(string title, IReadOnlyList<string> siteNames)
    {
        var t = TrimDecoration(title);
        if (siteNames.Count == 0) return t;
        var keys = new List<string>();
        foreach (var s in siteNames)
        {
            var k = MetaText.Key(s);
            if (k.Length >= 2) keys.Add(k);
        }
        if (keys.Count == 0) return t;
        // A title may carry both a section and the site ("Headline | Politics | Site"): a second
        // pass strips the site once more, but never more: sections are not the site.
        for (int pass = 0; pass < 2; pass++)
        {
            var before = t;
            t = StripSuffix(t, keys);
            t = StripPrefix(t, keys);
            if (t == before) break;
        }
        return TrimDecoration(t);
    }

    static readonly char[] Decoration = ['»', '«', '|', '•', '·', '›', '‹', '-', '–', '—', ':', '/', ' '];

    /// <summary>
    /// Separator characters left at either end ("» Jens Weber": a breadcrumb arrow before the
    /// headline) and a leading date ("23.01.2022 - Dorothea Wierer …", "2022-01-23: …"): a
    /// publication date is not part of the headline.
    /// </summary>
    internal static string TrimDecoration(string title)
    {
        var t = title.Trim();
        var m = LeadingDate.Match(t);
        if (m.Success && m.Length < t.Length) t = t[m.Length..];
        // only a lone separator character: "-" inside "e-mail" or ":" inside "10:30" keeps its letters next to it
        while (t.Length > 1 && Array.IndexOf(Decoration, t[0]) >= 0 && (t[0] == ' ' || t[1] == ' ')) t = t[1..].TrimStart();
        while (t.Length > 1 && Array.IndexOf(Decoration, t[^1]) >= 0 && (t[^1] == ' ' || t[^2] == ' ')) t = t[..^1].TrimEnd();
        return t;
    }

    // "23.01.2022 - ", "23.1.22 | ", "2022-01-23: " at the start of a title
    static readonly System.Text.RegularExpressions.Regex LeadingDate = new(
        @"^(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\s*[-–—|:]\s+",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    static string StripSuffix(string t, List<string> keys)
    {
        int best = -1;
        string? bestSep = null;
        foreach (var sep in Separators)
        {
            int i = t.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > best) { best = i; bestSep = sep; }
        }
        if (best <= 0 || bestSep is null) return t;
        var tail = t[(best + bestSep.Length)..];
        var head = t[..best].TrimEnd();
        if (head.Length == 0 || !Resembles(tail, keys)) return t;
        return head;
    }

    static string StripPrefix(string t, List<string> keys)
    {
        int best = int.MaxValue;
        string? bestSep = null;
        foreach (var sep in Separators)
        {
            int i = t.IndexOf(sep, StringComparison.Ordinal);
            if (i >= 0 && i < best) { best = i; bestSep = sep; }
        }
        if (bestSep is null || best == 0) return t;
        var lead = t[..best];
        var rest = t[(best + bestSep.Length)..].TrimStart();
        if (rest.Length == 0 || !Resembles(lead, keys)) return t;
        return rest;
    }

    /// <summary>
    /// Whether a title part names the site: same letters and digits ("ScheerPost" ≈ "scheerpost"), or
    /// one contains the other when both are at least 4 characters long and the part is short
    /// ("The Guardian" ≈ "guardian" from theguardian.com; "SPIEGEL ONLINE" ≈ "spiegel").
    /// </summary>
    public static bool Resembles(string part, IEnumerable<string> siteKeys)
    {
        var pk = MetaText.Key(part);
        if (pk.Length == 0) return false;
        // Site names are short; a long part is the headline even if it mentions the site.
        // (6 words: "Neue Zürcher Zeitung – NZZ" fits, a sentence does not.)
        int words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 6) return false;
        foreach (var sk in siteKeys)
        {
            if (pk == sk) return true;
            // 4 characters: below that, containment matches by accident ("ap" in "rapid").
            if (pk.Length < 4 || sk.Length < 4) continue;
            // the contained name must be at least a third of the longer one: "spiegel" in "spiegelonline",
            // "guardian" in "theguardian", but not "caritas" in a headline "Eva Welskop-Deffaa zur neuen
            // Caritas-Präsidentin gewählt" (corpus: trafilatura/caritas, the h1 was taken for the logo)
            // (or the part is a short name around it: "MyOOS Community Forum", 3 words)
            if (pk.Contains(sk, StringComparison.Ordinal) && (3 * sk.Length >= pk.Length || words <= 3)) return true;
            if (sk.Contains(pk, StringComparison.Ordinal) && 3 * pk.Length >= sk.Length) return true;
        }
        return false;
    }

    /// <summary>The host's name without "www." and the public suffix: "www.scheerpost.com" → "scheerpost".</summary>
    public static string? HostName(Uri? url)
    {
        if (url is null || string.IsNullOrEmpty(url.Host)) return null;
        var labels = url.Host.ToLowerInvariant().Split('.');
        if (labels.Length == 1) return labels[0];
        // drop the TLD, and a second-level public suffix like "co.uk" / "com.au" (short label before a 2-letter TLD)
        int end = labels.Length - 1;
        if (end >= 2 && labels[end].Length == 2 && labels[end - 1] is "co" or "com" or "org" or "net" or "ac" or "gov" or "ne" or "or") end--;
        var name = labels[end - 1];
        return name is "www" or "m" or "amp" ? null : name;
    }
}
