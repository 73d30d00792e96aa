using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Winnow.Cleaning;
using Winnow.Dom;

namespace Winnow.Comments;

/// <summary>What the thread builder returns: the thread, and the comment elements outside the located regions (to be
/// detached from the tree with them, so no comment text can reach the body).</summary>
internal sealed record ThreadBuild(CommentThread Thread, IReadOnlyList<IElement> StrayRoots);

/// <summary>
/// Builds the readers' comment thread of a cleaned page: finds the comments (<see cref="CommentItems"/>), nests them
/// (<see cref="CommentNesting"/>), reads each one's author, date, text and score (<see cref="CommentFields"/>), and
/// drops what is not a reader comment (pingbacks, items without text).
/// </summary>
internal static partial class CommentThreadBuilder
{
    public static ThreadBuild Build(IElement body, IReadOnlyList<IElement> regions, ElementConcepts concepts, Uri? pageUrl)
    {
        var items = CommentItems.Find(body, concepts);
        // No comment says what it is: the general rule for repeated author-date-text structures inside the regions.
        if (items.Count == 0) items = RepeatedCommentFinder.Find(regions);
        if (items.Count == 0) return new ThreadBuild(CommentThread.Empty, []);
        CommentNesting.Assign(items, body);

        var roots = new HashSet<IElement>(items.Select(i => i.Root), ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        var kept = new List<(CommentItem Item, Comment Comment)>();
        var indexOf = new Dictionary<CommentItem, int>();
        var stray = new List<IElement>();
        foreach (var item in items)
        {
            bool inRegion = regions.Any(r => r == item.Root || r.Contains(item.Root));
            if (item.IsPingback) continue;
            // Another comment's root (a reply nested inside) is never this one's text.
            bool Excluded(IElement e) => roots.Contains(e) && !item.Elements.Contains(e);
            var authorEl = CommentFields.AuthorElement(item.Elements, Excluded);
            var dateEl = CommentFields.DateElement(item.Elements, Excluded);
            // The author and date elements are never text, whatever their class says; unless long (100 characters: more
            // than any name or date line), when the element found is a wrapper that also holds the text.
            var nameLine = authorEl is not null && TextMeasure.CollapsedLength(NodeText.Of(authorEl)) <= 100 ? authorEl : null;
            var dateLine = dateEl is not null && TextMeasure.CollapsedLength(NodeText.Of(dateEl)) <= 100 ? dateEl : null;
            bool Skip(IElement e) => Excluded(e) || e == nameLine || e == dateLine || IsChromeHere(e) || IsActionLink(e);

            var paragraphs = CommentText.Paragraphs(item.Elements, Skip);
            if (item.Elements.Any(HasMoreLink)) TrimEllipsis(paragraphs);
            if (paragraphs.Count == 0) continue;
            var (author, authorUrl) = CommentFields.Author(authorEl, pageUrl);
            string? bylineDate = null;
            if (authorEl is not null && CommentFields.BylinePattern().Match(CommentText.Flat(authorEl, e => false)) is { Success: true } by && by.Groups["date"].Success)
                bylineDate = by.Groups["date"].Value;
            if (author is null)
                (author, bylineDate) = CommentFields.FromMetaLine(item.Elements, Excluded, dateEl) is { Name: not null } meta
                    ? (meta.Name, meta.Date) : (author, bylineDate);
            var date = bylineDate is not null && author is not null && dateEl is not null && CommentText.Flat(dateEl, e => false).Contains(author, StringComparison.Ordinal)
                ? CommentFields.Date(null, bylineDate) : CommentFields.Date(dateEl, bylineDate);
            // Outside a comment region, an element must look like a comment (an author or a date) to be taken for one.
            if (!inRegion && author is null && date is null) continue;
            if (!inRegion && HoldsArticle(item.Root)) continue;
            if (!inRegion && !stray.Any(s => s.Contains(item.Root))) stray.Add(item.Root);

            var parent = item.Parent;
            while (parent is not null && !indexOf.ContainsKey(parent)) parent = parent.Parent; // a dropped parent: its parent
            var id = item.Root.Id ?? item.Elements.Select(e => e.Id).FirstOrDefault(i => !string.IsNullOrEmpty(i)) ?? item.Root.GetAttribute("data-comment-id");
            var comment = new Comment(
                string.IsNullOrEmpty(id) ? null : id,
                parent is null ? null : indexOf[parent],
                parent is null ? 0 : kept[indexOf[parent]].Comment.Depth + 1,
                author, authorUrl, date,
                CommentText.ToBlocks(paragraphs),
                CommentFields.Score(item.Elements, Excluded));
            indexOf[item] = kept.Count;
            kept.Add((item, comment));
        }
        // A lone marked element with neither an author nor a date is a label or notice, not a thread ("Comments are subject
        // to our guidelines", "0 replies", "comments powered by Disqus" on ScrapingHub and Readability pages). Requiring an
        // author or a date of every comment instead lost 15 trafilatura comment snippets (achgut.com, reddit.com, …).
        if (kept.Count == 1 && kept[0].Comment is { Author: null, Date: null }) kept.Clear();
        if (kept.Count == 0) return new ThreadBuild(CommentThread.Empty, []);
        var thread = new CommentThread([.. kept.Select(k => k.Comment)], regions.Any(IsPaged));
        return new ThreadBuild(thread, stray);
    }

    /// <summary>Chrome (author line, date, buttons), unless the element holds paragraphs: then it is a wrapper of the text.</summary>
    static bool IsChromeHere(IElement e)
        => CommentVocabulary.IsChrome(e) && e.QuerySelector("p, blockquote") is null;

    [GeneratedRegex(@"^(?:reply|delete|löschen|supprimer|antworten|antwort|répondre|repondre|responder|rispondi|odpowiedz|reply ↓|report|melden|like|edit|bearbeiten|zitieren|quote|permalink|link|share|teilen|(?:read |weiter|mehr )?(?:more|mehr|lesen|weiterlesen|lire la suite)|…|\[\.\.\.\])\s*[↓»›]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionWords();

    /// <summary>A link or button that is an action ("Reply", "Report", "… more"), not text.</summary>
    static bool IsActionLink(IElement e)
        => e.LocalName is "a" or "span" && e.ChildElementCount <= 1 && ActionWords().IsMatch(TextMeasure.Collapse(NodeText.Of(e)));

    /// <summary>A comment cut short by its system ends with an ellipsis and a "more" link: the gold keeps the text without them.</summary>
    static void TrimEllipsis(List<List<string>> paragraphs)
    {
        if (paragraphs.Count == 0) return;
        var last = paragraphs[^1];
        var line = last[^1];
        var trimmed = line.TrimEnd();
        foreach (var end in new[] { "…", "...", "[…]", "[...]" })
            if (trimmed.EndsWith(end, StringComparison.Ordinal)) { trimmed = trimmed[..^end.Length].TrimEnd(); break; }
        if (trimmed.Length == 0) { last.RemoveAt(last.Count - 1); if (last.Count == 0) paragraphs.RemoveAt(paragraphs.Count - 1); }
        else last[^1] = trimmed;
    }

    static bool HasMoreLink(IElement root)
        => root.QuerySelectorAll("a, span").Any(a => a.ChildElementCount <= 1 && MoreWords().IsMatch(TextMeasure.Collapse(NodeText.Of(a))));

    [GeneratedRegex(@"^(?:read |weiter|mehr )?(?:more|mehr|lesen|weiterlesen|lire la suite)\s*[»›]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreWords();

    static bool HoldsArticle(IElement root) => root.QuerySelector("h1") is not null;

    /// <summary>Whether the region shows only one page of the thread: links to other comment pages, or a "load more" control.</summary>
    static bool IsPaged(IElement region)
    {
        foreach (var el in ElementWalk.Descendants(region))
        {
            if (el.LocalName == "a" && el.GetAttribute("href") is { } href
                && (href.Contains("comment-page-", StringComparison.OrdinalIgnoreCase) || href.Contains("cpage=", StringComparison.OrdinalIgnoreCase)
                    || href.Contains("comments_page", StringComparison.OrdinalIgnoreCase)))
                return true;
            var parts = CommentVocabulary.Parts(el);
            if (parts.Contains("pagination") || parts.Contains("loadmore") || (parts.Contains("load") && parts.Contains("more"))) return true;
        }
        return false;
    }
}
