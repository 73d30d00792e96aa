using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>The chosen authors, where they came from, and whether they are organisations rather than people.</summary>
internal sealed record AuthorChoice(List<string> Names, string Source, bool AreOrganizations)
{
    public static readonly AuthorChoice None = new(new List<string>(), "", false);
}

/// <summary>Chooses the article's authors: people before organisations, visible bylines against meta tags (the order is documented on <see cref="MetadataReader"/>).</summary>
internal static class AuthorChooser
{
    static readonly string[] MetaAuthorKeys =
        ["author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author", "itemprop:author", "byl", "twitter:creator:name"];

    // Paragraphs read for a fuller form of the name: the corpus' articles have under 200; the text of
    // each is capped at 2,000 characters (a long paragraph's end is still read via the next one).
    const int MaxParagraphsRead = 400;
    const int MaxParagraphChars = 2000;

    public static AuthorChoice Choose(PageScan scan, MetaTags meta, JsonLdData ld, Hit? h1, List<string> siteNames, string? hostName, string? title = null)
    {
        var choice = ChooseCore(scan, meta, ld, h1, siteNames, hostName, title);
        if (choice.AreOrganizations || !choice.Names.Any(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 2)) return choice;
        // a CMS field drops the middle initial the article signs with ("Christian Stadtfeld" in JSON-LD,
        // "(Christian P. Stadtfeld)" under the article): the visible form is the name as the author writes it
        bool changed = false;
        var names = new List<string>(choice.Names.Count);
        foreach (var n in choice.Names)
        {
            var words = n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var fuller = words.Length == 2 ? AuthorNames.WithMiddleInitial(n, VisibleParagraphsMentioning(scan, words[1])) : null;
            if (fuller is not null) changed = true;
            names.Add(fuller ?? n);
        }
        return changed ? choice with { Names = names, Source = choice.Source + " + visible-initial" } : choice;
    }

    /// <summary>
    /// The text of the visible paragraphs whose text nodes contain <paramref name="surname"/>. The check
    /// reads the nodes' own strings; only a paragraph that passes is turned into text (building every
    /// paragraph's text was a fifth of the metadata's time: profile, 2026-11-22).
    /// </summary>
    static IEnumerable<string> VisibleParagraphsMentioning(PageScan scan, string surname)
    {
        int read = 0;
        var stack = new Stack<INode>();
        foreach (var p in scan.Paragraphs)
        {
            if ((p.Ctx & Ctx.Excluded) != 0) continue;
            if (read++ >= MaxParagraphsRead) yield break;
            if (Mentions(p.Element, surname, stack)) yield return MetaText.TextOf(p.Element, MaxParagraphChars, spaced: true);
        }
    }

    static bool Mentions(INode root, string word, Stack<INode> stack)
    {
        stack.Clear();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t) { if (t.Data.Contains(word, StringComparison.Ordinal)) return true; continue; }
            var children = node.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
        }
        return false;
    }

    static AuthorChoice ChooseCore(PageScan scan, MetaTags meta, JsonLdData ld, Hit? h1, List<string> siteNames, string? hostName, string? title)
    {
        // the host name is compared whole only: "lemire" (lemire.me) is inside the author "Daniel Lemire"
        var hostKey = MetaText.Key(hostName);
        var siteKeys = siteNames.Select(MetaText.Key).Where(k => k.Length >= 2 && k != hostKey).ToList();
        bool IsSite(string n) => IsSiteName(n, siteKeys) || (hostKey.Length > 0 && MetaText.Key(n) == hostKey);
        // names that are the site's own, from any source: the organisation fallback
        var siteLike = ld.Authors.Where(a => a.IsOrganization || IsSite(a.Name)).Select(a => a.Name).ToList();
        // a JSON-LD "Person" named like the site ("IT Finanzmagazin /PP") is the publisher filed as a person
        var persons = ld.Authors.Where(a => !a.IsOrganization && !IsSite(a.Name)).Select(a => a.Name).ToList();
        var (byline, bylineSource) = VisibleByline.Read(scan, h1, IsSite, siteLike, DateAnchor.Find(scan, h1, title), title);
        if (persons.Count > 0)
        {
            // JSON-LD naming only a first name or a login handle ("Stefanus", "robert.stitz") while the
            // visible byline names a full name: the byline is the better record of the same person.
            if (persons.All(AuthorNames.IsWeak) && byline.Count > 0 && byline.Any(n => !AuthorNames.IsWeak(n)))
                return new(byline, bylineSource, false);
            // the byline lists the JSON-LD author and co-authors the CMS field did not hold
            // (trafilatura/ebike-mtb "von Rudolf Fischer, Simon Kohler", JSON-LD: Rudolf Fischer)
            if (byline.Count > persons.Count && persons.All(p => byline.Any(b => MetaText.Key(b) == MetaText.Key(p))))
                return new(byline, bylineSource, false);
            return new(persons.Select(AuthorNames.FromHandle).ToList(), "json-ld:author", false);
        }
        if (byline.Count > 0) return new(byline, bylineSource, false);

        foreach (var key in MetaAuthorKeys)
        {
            var values = meta.All(key);
            if (values.Count == 0) continue;
            var names = new List<string>();
            foreach (var v in values)
                foreach (var n in AuthorNames.Parse(v))
                    if (!names.Contains(n, StringComparer.OrdinalIgnoreCase)) names.Add(n);
            // a meta author that is the site's name ("El Colombiano" on elcolombiano.com) names the publisher
            siteLike.AddRange(names.Where(IsSite));
            names = names.Where(n => !IsSite(n) && !AuthorNames.IsSuspiciousSingleWord(n, siteNames)).ToList();
            if (names.Count > 0) return new(names.Select(AuthorNames.FromHandle).ToList(), "meta:" + key, false);
        }
        foreach (var v in meta.All("article:author"))
        {
            if (MetaText.LooksLikeUrl(v)) continue;
            var names = AuthorNames.Parse(v).Where(n => !IsSite(n) && !AuthorNames.IsSuspiciousSingleWord(n, siteNames)).ToList();
            if (names.Count > 0) return new(names, "meta:article:author", false);
        }
        var boxName = AuthorBox.ReadName(scan, h1).Where(n => !IsSite(n)).ToList();
        if (boxName.Count > 0) return new(boxName, "author-box:name", false);

        // organisations only when no person is named anywhere
        if (siteLike.Count > 0) return new(Distinct(siteLike), ld.Authors.Count > 0 ? "json-ld:author(organization)" : "author(organization)", true);
        return AuthorChoice.None;
    }

    static List<string> Distinct(List<string> names)
    {
        var result = new List<string>();
        foreach (var n in names)
            if (!result.Any(r => MetaText.Key(r) == MetaText.Key(n))) result.Add(n);
        return result;
    }

    /// <summary>
    /// Whether a name is the site's: the same letters as a site name, or a site name with a little more
    /// ("IT Finanzmagazin /PP", "katholisch.at"). Not a person whose name the site carries
    /// ("Alexander Klier" on the blog "Dr. Alexander Klier"): that is the author.
    /// </summary>
    internal static bool IsSiteName(string name, List<string> siteKeys)
    {
        var k = MetaText.Key(name);
        if (k.Length == 0) return false;
        foreach (var s in siteKeys)
        {
            if (s == k) return true;
            // 4 characters and half the name: "itfinanzmagazin" in "itfinanzmagazinpp", not "ap" in "rapid"
            if (s.Length >= 4 && 2 * s.Length >= k.Length && k.Contains(s, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
