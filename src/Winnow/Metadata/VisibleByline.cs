using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>
/// The byline a reader sees near the headline: &lt;a rel="author"&gt;, itemprop="author", or an
/// element whose class/id says byline / author ("By Dave DeCamp" → "Dave DeCamp"). Only
/// elements near the main h1 count (never the comments, the sidebar, related posts or the
/// footer, which carry other people's names).
/// </summary>
internal static class VisibleByline
{
    // The window around the headline, in elements of document order. Bylines sit right under
    // the h1 (typically 2–30 elements later: headline, dek, byline) or just above it (kicker
    // + byline layouts); 150 after covers pages with a large lead figure between them.
    const int Before = 40;
    const int After = 150;
    // A byline's text is short; a longer "byline" element is a container with dates, share
    // buttons and teaser text (corpus: bylines are under 120 characters).
    const int MaxBylineChars = 160;
    // Unclassed "By …" text is weaker evidence: only right under the headline (headline, dek,
    // byline: within 60 elements in the corpus, 80 behind a lead figure: trafilatura/d51e75…) and
    // short (a sentence starting "Von der …" is longer).
    const int MarkerAfter = 100;
    // Structured bylines inside the headline's own article element may close the article: the
    // corpus' longest article bodies run ~600 elements (trafilatura/handwerksblatt: 207 after the h1).
    const int FarAfter = 600;
    const int MaxMarkerChars = 80;

    /// <summary>The byline's names and the kind of evidence they came from, or an empty list.</summary>
    public static (List<string> Names, string Source) Read(PageScan scan, Hit? headline, Func<string, bool>? isSiteName = null, List<string>? siteNamed = null, Hit? titleHeading = null, string? title = null)
    {
        // the site's own name in a byline slot (itemprop=author holding the publisher) is no evidence: the next
        // kind is looked at, and the name is handed back in siteNamed (the organisation fallback)
        List<string> NamesOf(Hit b) => Keep(VisibleByline.NamesOf(b));
        List<string> Keep(List<string> names)
        {
            if (isSiteName is null) return names;
            var kept = new List<string>();
            foreach (var n in names)
                if (!isSiteName(n)) kept.Add(n);
                else siteNamed?.Add(n);
            return kept;
        }
        // no h1 carries the title (og:title chosen over an h1 that writes "–" as an entity): the heading that
        // does carry it anchors the byline window all the same
        headline ??= titleHeading;
        var inWindow = new List<Hit>();
        bool anyInArticle = headline is null && scan.Bylines.Any(b => (b.Ctx & (Ctx.Excluded | Ctx.Article)) == Ctx.Article);
        foreach (var b in scan.Bylines)
        {
            // a layout class ("vw-blog-sidebar-postition-right" on the page wrapper) can mark the headline and its
            // byline alike: only a region between the byline and the headline excludes it (as for dates)
            if (DateAnchor.IsExcluded(b, headline)) continue;
            if (headline is { } h)
            {
                // a byline at the article's end ("Text: Kirsten Freund" after the body) counts when both it
                // and the headline sit in the same article element
                bool sameArticle = (h.Ctx & b.Ctx & Ctx.Article) != 0 && b.Order > h.Order && b.Order <= h.Order + FarAfter
                                   && b.Kind is BylineKind.RelAuthor or BylineKind.ItempropAuthor or BylineKind.BylineClass;
                if (!sameArticle && (b.Order < h.Order - Before || b.Order > h.Order + After)) continue;
            }
            // no headline: bylines in the article; on pages without article markup, any outside navigation
            else if (anyInArticle && (b.Ctx & Ctx.Article) == 0) continue;
            inWindow.Add(b);
        }

        // 1. rel=author / itemprop=author: structured, collect all of them that sit together
        //    ("By <a rel=author>X</a> and <a rel=author>Y</a>").
        var strong = new List<string>();
        int firstStrong = -1;
        foreach (var b in inWindow)
        {
            if (b.Kind is not (BylineKind.RelAuthor or BylineKind.ItempropAuthor)) continue;
            // co-authors are listed together: within a few elements of the first one
            if (firstStrong >= 0 && b.Order - firstStrong > 12) break;
            var names = NamesOf(b);
            if (names.Count == 0) continue;
            if (firstStrong < 0) firstStrong = b.Order;
            foreach (var n in names) AddUnique(strong, n);
        }
        // 2. a short byline element's text ("By X and Y | July 6, 2022")
        foreach (var b in inWindow)
        {
            if (b.Kind != BylineKind.BylineClass) continue;
            var text = MetaText.TextOf(b.Element, MaxBylineChars + 1, spaced: true);
            if (text.Length > MaxBylineChars) continue;
            var names = Keep(AuthorNames.Parse(text));
            if (names.Count == 0) continue;
            // the byline text wins over structured links when it names more people (links on one name only)
            if (strong.Count >= names.Count && strong.Count > 0) return (strong, "byline:rel-author");
            return (names, "byline");
        }
        if (strong.Count > 0) return (strong, "byline:rel-author");
        // 3. an element classed "author" / "author-name"
        foreach (var b in inWindow)
        {
            if (b.Kind != BylineKind.AuthorClass) continue;
            var names = NamesOf(b);
            if (names.Count > 0) return (names, "byline:author-class");
        }
        // 4. a short text starting "By …" / "von …" right under the headline (or, on pages without a
        //    headline element, in the article), without any class to say so
        {
            foreach (var b in scan.MarkedTexts)
            {
                if (DateAnchor.IsExcluded(b, headline)) continue;
                if (headline is { } hl ? b.Order < hl.Order || b.Order > hl.Order + MarkerAfter : (b.Ctx & Ctx.Article) == 0) continue;
                var el = b.Element;
                var text = MetaText.TextOf(el, MaxBylineChars + 1, spaced: true);
                // "<span>By</span><a>Name</a>": the marker stands alone, the name is in the parent's text
                if (text.Length <= 4 && el.ParentElement is { } parent) text = MetaText.TextOf(parent, MaxBylineChars + 1, spaced: true);
                if (text.Length > MaxMarkerChars) continue;
                var names = Keep(AuthorNames.Parse(text));
                if (names.Count > 0) return (names, "byline:text");
            }
        }
        // 5. a label element ("<h4>Autor</h4>") followed by the element holding the name, in the byline window
        //    around the heading that holds the title (an h2 under a logo h1 on some pages)
        headline = titleHeading ?? headline;
        {
            var names = Keep(LabelledByline.AfterLabel(scan, headline, Before, After, title));
            if (names.Count > 0) return (names, "byline:label");
        }
        // 6. a short "date - name" line right under the headline ("11.12.2019 - Amelie Loevenich")
        {
            var names = Keep(LabelledByline.DateLine(scan, headline, MarkerAfter));
            if (names.Count > 0) return (names, "byline:date-line");
        }
        return (new List<string>(), "");
    }

    static List<string> NamesOf(Hit b)
    {
        var el = b.Element;
        if (b.Kind == BylineKind.ItempropAuthor)
        {
            // <span itemprop="author" itemscope><span itemprop="name">X</span></span> or <meta itemprop="name" content="X">
            var name = FindItempropName(el);
            if (name is not null) return AuthorNames.Parse(name);
        }
        var content = el.GetAttribute("content");
        var text = content ?? MetaText.TextOf(el, MaxBylineChars + 1, spaced: true);
        if (text.Length > MaxBylineChars) return new List<string>();
        return AuthorNames.Parse(text);
    }

    static string? FindItempropName(IElement root)
    {
        // bounded breadth-first look at the element's first descendants
        var queue = new Queue<IElement>();
        foreach (var c in root.Children) queue.Enqueue(c);
        int seen = 0;
        // 50 elements: an author block (name, link, avatar, job title) is far smaller
        while (queue.Count > 0 && seen++ < 50)
        {
            var e = queue.Dequeue();
            if (PageScan.HasToken(e.GetAttribute("itemprop"), "name"))
                return e.GetAttribute("content") ?? MetaText.TextOf(e, MaxBylineChars, spaced: true);
            foreach (var c in e.Children) queue.Enqueue(c);
        }
        return null;
    }

    static void AddUnique(List<string> into, string n)
    {
        foreach (var x in into) if (string.Equals(x, n, StringComparison.OrdinalIgnoreCase)) return;
        into.Add(n);
    }
}
