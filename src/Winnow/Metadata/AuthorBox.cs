namespace Winnow.Metadata;

/// <summary>
/// The author box: an element whose class/id says author-box / author-bio / about-author /
/// author-info (or a vcard with prose) after the headline, outside the comments. Its bio is its
/// descriptive text without the repeated name lines, headings like "About the author" and
/// link rows like "View all posts".
/// </summary>
internal static class AuthorBox
{
    // A bio is at least a short sentence ("X is a reporter.") and at most a few paragraphs;
    // a longer "author box" is a container that swallowed the article or the comments.
    const int MinBioChars = 20;
    const int MaxBoxChars = 2500;
    // Lines of 3 words or fewer are names, headings, link labels ("Dave DeCamp", "About the author",
    // "Follow on Twitter") in every author box of the corpus, never the bio sentence.
    const int MinLineWords = 4;

    static readonly string[] HeadingStarts =
    [
        "about the author", "about the authors", "about ", "more from", "more by", "view all", "all posts", "see all", "read more",
        "follow", "über den autor", "über die autorin", "über ", "zum autor", "zur autorin", "alle beiträge", "mehr von", "weitere artikel",
        "à propos", "a propos", "sobre el autor", "sobre o autor", "sobre ", "l'autore", "over de auteur", "written by", "posted by",
        "author:", "autor:", "auteur", "profile", "website",
    ];

    public static (string? Bio, string Source) Read(PageScan scan, Hit? headline, IReadOnlyList<string> authorNames)
    {
        foreach (var box in scan.AuthorBoxes)
        {
            // a layout class on the page wrapper marks the headline and the box alike: only a region between them excludes it
            if (DateAnchor.IsExcluded(box, headline)) continue;
            if (headline is { } h && box.Order <= h.Order) continue;
            var text = MetaText.TextOf(box.Element, MaxBoxChars + 1, lines: true);
            if (text.Length > MaxBoxChars) continue;
            var bio = BioOf(text, authorNames);
            if (bio is null) continue;
            // a bare vcard (hCard) qualifies only with prose of its own (8 words: a sentence, longer
            // than any name-plus-date byline vcard), not as a byline
            if (box.Kind != BylineKind.RelAuthor && bio.Split(' ').Length < 8) continue;
            return (bio, box.Kind == BylineKind.RelAuthor ? "author-box" : "author-box:vcard");
        }
        return (null, "");
    }

    /// <summary>
    /// The name shown in the author box (a rel=author link, an itemprop=name, an element classed
    /// …name / fn, or a short heading), for pages whose only author evidence is the box.
    /// </summary>
    public static List<string> ReadName(PageScan scan, Hit? headline)
    {
        foreach (var box in scan.AuthorBoxes)
        {
            if ((box.Ctx & Ctx.Excluded) != 0 || box.Kind != BylineKind.RelAuthor) continue;
            if (headline is { } h && box.Order <= h.Order) continue;
            var queue = new Queue<AngleSharp.Dom.IElement>();
            foreach (var c in box.Element.Children) queue.Enqueue(c);
            int seen = 0;
            // 80 elements: an author box (avatar, name, bio, a few links) is far smaller
            while (queue.Count > 0 && seen++ < 80)
            {
                var e = queue.Dequeue();
                var cls = (e.GetAttribute("class") ?? "").ToLowerInvariant();
                bool named = PageScan.HasToken(e.GetAttribute("rel"), "author") || PageScan.HasToken(e.GetAttribute("itemprop"), "name")
                             || PageScan.HasToken(cls, "fn") || cls.Contains("name") || e.LocalName is "h2" or "h3" or "h4" or "h5" or "strong";
                if (named)
                {
                    var text = MetaText.TextOf(e, 120, spaced: true);
                    // a name is a few words; longer text is the bio or a heading sentence
                    if (text.Length is > 0 and <= 60)
                    {
                        var names = AuthorNames.Parse(text);
                        if (names.Count > 0 && names.All(n => !n.StartsWith("About", StringComparison.OrdinalIgnoreCase))) return names;
                    }
                }
                foreach (var c in e.Children) queue.Enqueue(c);
            }
        }
        return new List<string>();
    }

    static string? BioOf(string text, IReadOnlyList<string> names)
    {
        var keep = new List<string>();
        var nameKeys = names.Select(MetaText.Key).Where(k => k.Length > 0).ToList();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var k = MetaText.Key(line);
            if (nameKeys.Contains(k)) continue;
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinLineWords) continue;
            var lower = line.ToLowerInvariant();
            bool heading = false;
            foreach (var hs in HeadingStarts)
                if (lower.StartsWith(hs, StringComparison.Ordinal) && line.Length < 60) { heading = true; break; }
            if (heading) continue;
            keep.Add(line);
        }
        if (keep.Count == 0) return null;
        var bio = string.Join(" ", keep);
        return bio.Length >= MinBioChars ? bio : null;
    }
}
