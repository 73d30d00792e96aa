using System.Collections.Immutable;
using Winnow.Blocks;
using Winnow.Output;

namespace Winnow.Content;

/// <summary>
/// Final tidying of the chosen blocks: the title repeated as the first heading, noise lines, the
/// author box, end sections, and headings left with nothing under them at the end. Repeated
/// paragraphs are kept: dropping them cost 0.008 F1 on the Readability pages and gained nothing
/// elsewhere (recipes and meal plans repeat their lines on purpose).
/// </summary>
internal static class BlockPostProcessor
{
    /// <summary>An end marker this far into the text opens the page's tail: it and all after it go. Earlier, only the
    /// marker and the list it introduces go (an inline "Read also" teaser). Half: measured on the trafilatura pages.</summary>
    const double TailPosition = 0.5;

    /// <summary>The author box sits after the story: only its last part is searched (a third, as the tail rule).</summary>
    const double AuthorBoxTail = 0.67;
    /// <summary>Name, "Author", "Recent Posts" lines before the bio: three words at most (the metadata reader's rule).</summary>
    const int MaxLabelWords = 3;

    public static ImmutableArray<Block> Process(IReadOnlyList<Block> blocks, string? title, string? authorBio = null)
    {
        blocks = WithoutAuthorBox(blocks, authorBio);
        var texts = blocks.Select(b => PlainText.Render([b])).ToArray();
        int total = Math.Max(1, texts.Sum(t => t.Length));
        var result = new List<Block>(blocks.Count);
        var titleKey = title is null ? null : Key(title);
        int before = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var text = texts[i];
            int position = before;
            before += text.Length;
            if (b is ParagraphBlock or HeadingBlock)
            {
                if (EndMarkers.IsMarker(text, LinkShare(b, text.Length)) && result.Count > 0)
                {
                    if (position >= total * TailPosition) break;
                    if (i + 1 < blocks.Count && blocks[i + 1] is ListBlock) i++;
                    continue;
                }
                if (TextFilters.IsNoiseLine(text) || EndMarkers.IsDateOnly(text) || EndMarkers.IsCaptionLine(text)) continue;
                // The title repeated as a heading or line near the top.
                if (titleKey is not null && result.Count < 3 && Key(text) == titleKey) continue;
            }
            if (b is ListBlock list) b = WithoutMarkerItems(list);
            if (b is ListBlock { Items.Length: 0 }) continue;
            result.Add(b);
        }
        // Headings and breaks with nothing after them are what is left of removed "Related" sections.
        while (result.Count > 0 && result[^1] is HeadingBlock or ThematicBreakBlock) result.RemoveAt(result.Count - 1);
        while (result.Count > 0 && result[0] is ThematicBreakBlock) result.RemoveAt(0);
        return [.. result];
    }

    /// <summary>
    /// The author box left inside the body: the paragraph that holds the bio the metadata reader found,
    /// with the short name and label lines just before it, when it stands in the last third.
    /// </summary>
    static IReadOnlyList<Block> WithoutAuthorBox(IReadOnlyList<Block> blocks, string? bio)
    {
        if (string.IsNullOrWhiteSpace(bio) || blocks.Count < 2) return blocks;
        var key = Key(bio);
        if (key.Length < 20) return blocks;
        for (int i = blocks.Count - 1; i >= blocks.Count * AuthorBoxTail && i > 0; i--)
        {
            if (blocks[i] is not ParagraphBlock) continue;
            var text = Key(PlainText.Render([blocks[i]]));
            if (text.Length < 20 || !(text.Contains(key, StringComparison.Ordinal) || key.Contains(text, StringComparison.Ordinal))) continue;
            int start = i;
            // Walk back over the box's avatar and its short name and label lines (or tabs: "Author", "Recent Posts").
            while (start > 0 && IsBoxLabel(blocks[start - 1])) start--;
            return [.. blocks.Take(start), .. blocks.Skip(i + 1)];
        }
        return blocks;
    }

    static bool IsBoxLabel(Block b) => b switch
    {
        FigureBlock => true,
        ParagraphBlock or HeadingBlock => WordCount(PlainText.Render([b])) <= MaxLabelWords,
        ListBlock l => l.Items.All(item => WordCount(PlainText.Render(item.Blocks)) <= MaxLabelWords),
        _ => false,
    };

    static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A list without its "Read also: …" items (teasers placed between list items).</summary>
    static ListBlock WithoutMarkerItems(ListBlock list)
    {
        var items = list.Items.Where(item =>
        {
            if (item.Blocks.Length == 0 || item.Blocks[0] is not ParagraphBlock p) return true;
            var text = PlainText.Inlines(p.Inlines);
            return !EndMarkers.IsMarker(text, LinkShare(p, text.Length));
        }).ToImmutableArray();
        return items.Length == list.Items.Length ? list : list with { Items = items };
    }

    /// <summary>Share of a paragraph's text inside links.</summary>
    static double LinkShare(Block b, int length)
    {
        if (length == 0 || b is not ParagraphBlock p) return 0;
        int linked = 0;
        foreach (var i in p.Inlines)
            if (i is LinkInline l) linked += PlainText.Inlines(l.Children).Length;
        return (double)linked / length;
    }

    static string Key(string s) => string.Concat(s.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
