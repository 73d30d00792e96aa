using System.Collections.Immutable;
using Winnow.Blocks;
using Winnow.Output;
using static Winnow.Tests.Output.B;

namespace Winnow.Tests.Output;

/// <summary>
/// Random block trees rendered to Markdown and parsed back with Markdig: the text, the block
/// structure and the URLs must all come back. The expected structure is derived from the tree
/// by the rules MarkdownRenderer documents (empty blocks left out, headings clamped to 2..6,
/// ragged tables as one paragraph per row, figures as image + caption paragraphs, unsafe URLs
/// dropped).
/// </summary>
public class MarkdownPropertyTests
{
    // 400 trees of up to a few dozen blocks each: about a second, and enough that every kind
    // of block and piece of text meets every other many times.
    const int Trees = 400;

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 8).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTreesRoundTripThroughMarkdig(int batch)
    {
        for (int seed = batch * Trees / 8; seed < (batch + 1) * Trees / 8; seed++)
        {
            var body = new RandomTrees(seed).Blocks();
            var md = MarkdownRenderer.RenderBody(body);
            var doc = MarkdigView.Parse(md);
            string Context() => $"seed {seed}\n--- markdown ---\n{md}--- end ---";
            Assert.True(MarkdigView.Unexpected(doc).Count == 0, $"unexpected nodes {string.Join(",", MarkdigView.Unexpected(doc))}; {Context()}");
            var expectedText = Norm(PlainText.Render(body, includeCaptions: true));
            var actualText = Norm(MarkdigView.Text(doc));
            Assert.True(expectedText == actualText, $"text differs\nexpected: {expectedText}\nactual:   {actualText}\n{Context()}");
            var expectedShape = ExpectedShape(body);
            var actualShape = MarkdigView.Shape(doc);
            Assert.True(expectedShape == actualShape, $"shape differs\nexpected: {expectedShape}\nactual:   {actualShape}\n{Context()}");
            var expectedUrls = ExpectedUrls(body);
            var actualUrls = MarkdigView.Urls(doc);
            Assert.True(UrlsMatch(expectedUrls, actualUrls),
                $"urls differ\nexpected: {string.Join(" ; ", expectedUrls)}\nactual:   {string.Join(" ; ", actualUrls)}\n{Context()}");
        }
    }

    // ------------------------------------------------------------ the expected structure

    static readonly string LineSpace = " \t\n\r\f\v\u0085\u2028\u2029";

    internal static string ExpectedShape(ImmutableArray<Block> blocks) =>
        string.Join(" ", blocks.SelectMany(ShapeOf));

    /// <summary>A list item's blocks: a thematic break after its first block is left out.</summary>
    static string ItemShape(ImmutableArray<Block> blocks)
    {
        var parts = new List<string>();
        foreach (var b in blocks)
        {
            if (b is ThematicBreakBlock && parts.Count > 0) continue;
            parts.AddRange(ShapeOf(b));
        }
        return string.Join(" ", parts);
    }

    static IEnumerable<string> ShapeOf(Block b)
    {
        switch (b)
        {
            case ParagraphBlock p:
                if (Visible(p.Inlines, false)) yield return "P";
                break;
            case HeadingBlock h:
                if (Visible(h.Inlines, false)) yield return "H" + Math.Clamp(h.Level, 2, 6);
                break;
            case ListBlock l when l.Items.Length > 0:
                var start = l.Ordered ? "Lo" + Math.Clamp(l.Start, 0, 999_999_999) : "Lu";
                yield return start + "[" + string.Join(",", l.Items.Select(i => "I(" + ItemShape(i.Blocks) + ")")) + "]";
                break;
            case QuoteBlock q:
                yield return "Q(" + ExpectedShape(q.Blocks) + ")";
                break;
            case CodeBlock c:
                if (c.Code.Replace("\r", "\n").Trim('\n').Trim().Length > 0) yield return "C";
                break;
            case TableBlock t when t.Rows.Length > 0:
                int cols = t.Rows[0].Cells.Length;
                if (cols > 0 && t.Rows.All(r => r.Cells.Length == cols) && t.Rows.All(r => r.Cells.All(c => PipeSafe(c.Inlines))))
                    yield return $"T{t.Rows.Length}x{cols}";
                else
                    foreach (var row in t.Rows)
                        if (row.Cells.Any(c => PlainText.Inlines(c.Inlines).Length > 0)) yield return "P";
                break;
            case FigureBlock f:
                if (UrlPolicy.SafeImageSrc(f.Source) is not null) yield return "P";
                if (Visible(f.Caption, false)) yield return "P";
                break;
            case ThematicBreakBlock:
                yield return "HR";
                break;
        }
    }

    /// <summary>Whether inlines leave anything in Markdown once white space at the edges is gone.</summary>
    static bool Visible(ImmutableArray<Inline> inlines, bool insideLink) => inlines.Any(i => i switch
    {
        TextInline t => t.Text.Any(c => !LineSpace.Contains(c)),
        CodeInline c => c.Code.Length > 0,
        EmphasisInline e => Visible(e.Children, insideLink),
        StrongInline s => Visible(s.Children, insideLink),
        LinkInline l => !insideLink && UrlPolicy.SafeLinkHref(l.Href) is not null
            ? NonEmpty(l.Children)
            : Visible(l.Children, insideLink),
        _ => false,
    });

    /// <summary>Whether inlines hold anything at all (a link with only a space as text is still a link).</summary>
    static bool NonEmpty(ImmutableArray<Inline> inlines) => inlines.Any(i => i switch
    {
        TextInline t => t.Text.Length > 0,
        CodeInline c => c.Code.Length > 0,
        LineBreakInline => true,
        EmphasisInline e => NonEmpty(e.Children),
        StrongInline s => NonEmpty(s.Children),
        LinkInline l => NonEmpty(l.Children),
        _ => false,
    });

    static bool CodeWithBracket(ImmutableArray<Inline> inlines) => inlines.Any(i => i switch
    {
        CodeInline c => c.Code.Contains(']'),
        EmphasisInline e => CodeWithBracket(e.Children),
        StrongInline s => CodeWithBracket(s.Children),
        LinkInline l => CodeWithBracket(l.Children),
        _ => false,
    });

    static bool PipeSafe(ImmutableArray<Inline> inlines) => inlines.All(i => i switch
    {
        CodeInline c => !c.Code.Contains('|'),
        LinkInline l => !(l.Href?.Contains('|') ?? false) && PipeSafe(l.Children),
        EmphasisInline e => PipeSafe(e.Children),
        StrongInline s => PipeSafe(s.Children),
        _ => true,
    });

    /// <summary>The URLs Markdig found are the expected ones, in order; a link may only be
    /// missing when its text holds a code span with "]" (the renderer gives up such a link at
    /// a paragraph's start, where it would read as a link reference definition).</summary>
    internal static bool UrlsMatch(List<(string Url, bool MayDrop)> expected, List<string> actual)
    {
        // can[i, j]: expected[i..] can produce actual[j..] (a small dynamic programme, as equal
        // URLs may appear both droppable and not).
        var can = new bool[expected.Count + 1, actual.Count + 1];
        can[expected.Count, actual.Count] = true;
        for (int i = expected.Count - 1; i >= 0; i--)
            for (int j = actual.Count; j >= 0; j--)
                can[i, j] = (expected[i].MayDrop && can[i + 1, j])
                    || (j < actual.Count && expected[i].Url == actual[j] && can[i + 1, j + 1]);
        return can[0, 0];
    }

    /// <summary>Links and images in document order, as the renderer keeps them.</summary>
    internal static List<(string Url, bool MayDrop)> ExpectedUrls(ImmutableArray<Block> blocks)
    {
        var urls = new List<(string, bool)>();
        foreach (var b in blocks) Urls(b, urls);
        return urls;
    }

    static void Urls(Block b, List<(string, bool)> urls)
    {
        switch (b)
        {
            case ParagraphBlock p: if (Visible(p.Inlines, false)) Urls(p.Inlines, urls, false); break;
            case HeadingBlock h: if (Visible(h.Inlines, false)) Urls(h.Inlines, urls, false); break;
            case ListBlock l: foreach (var i in l.Items) foreach (var x in i.Blocks) Urls(x, urls); break;
            case QuoteBlock q: foreach (var x in q.Blocks) Urls(x, urls); break;
            case TableBlock t:
                bool pipe = ShapeOf(t).FirstOrDefault()?.StartsWith('T') ?? false;
                foreach (var row in t.Rows)
                foreach (var c in row.Cells)
                    if (pipe || PlainText.Inlines(c.Inlines).Length > 0) Urls(c.Inlines, urls, false);
                break;
            case FigureBlock f:
                var src = UrlPolicy.SafeImageSrc(f.Source);
                if (src is not null) urls.Add(("image " + src, false));
                if (Visible(f.Caption, false)) Urls(f.Caption, urls, false);
                break;
        }
    }

    static void Urls(ImmutableArray<Inline> inlines, List<(string, bool)> urls, bool insideLink)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case EmphasisInline e: Urls(e.Children, urls, insideLink); break;
                case StrongInline s: Urls(s.Children, urls, insideLink); break;
                case LinkInline l:
                    var href = insideLink ? null : UrlPolicy.SafeLinkHref(l.Href);
                    if (href is not null && NonEmpty(l.Children)) urls.Add(("link " + href, CodeWithBracket(l.Children)));
                    Urls(l.Children, urls, insideLink || href is not null);
                    break;
            }
        }
    }
}
