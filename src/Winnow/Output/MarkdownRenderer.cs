using System.Collections.Immutable;
using System.Globalization;
using Winnow.Blocks;
using static Winnow.Output.MarkdownInlines;

namespace Winnow.Output;

/// <summary>
/// The article as CommonMark (with GitHub-style pipe tables), from the block tree and metadata.
/// <para>
/// Layout: <c># Title</c>; the standfirst as an emphasised paragraph (it is the article's own
/// summary, not a quotation, so not a block quote); a byline paragraph <c>By A, B · 2022-07-06</c>;
/// the body; and, when the page has an author bio, a thematic break and the bio. Every block is
/// separated by one blank line and the output ends with a newline.
/// </para>
/// <para>
/// Body: headings keep their level but never go above <c>##</c> (the title is the only
/// <c>#</c>); lists are tight when every item holds one block (or a paragraph with a nested
/// list that CommonMark lets interrupt it), loose otherwise; ordered lists keep their start
/// number (clamped to 0–999,999,999); two lists of the same kind in a row switch marker
/// (<c>-</c>/<c>+</c>, <c>.</c>/<c>)</c>) so they stay two lists; block quotes prefix every line
/// with <c>&gt;</c>; code is fenced with more backticks than any run inside it, the language as
/// info string; a table whose rows all have the same number of cells is a pipe table (its first
/// row is the header row, which GFM requires), any other table is one paragraph per row with
/// cells joined by <c> | </c> (as in <see cref="PlainText"/>); a figure is an image paragraph
/// and a caption paragraph; a thematic break is <c>___</c> (left out inside a list item
/// after its first block, where Markdig would end the list). Inline escaping and emphasis rules
/// are described on <see cref="MarkdownInlines"/>. Empty paragraphs, headings, code blocks and
/// lists are left out. Link and image URLs follow <see cref="UrlPolicy"/>.
/// </para>
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>Largest ordered-list start CommonMark accepts: a marker has at most 9 digits.</summary>
    const int MaxListNumber = 999_999_999;

    /// <summary>Underscores: '*' and '-' are also list markers ("- ---" is a break, not an item
    /// holding one, and Markdig ends a list at an indented "***"); '_' is neither.</summary>
    const string ThematicBreak = "___";

    /// <summary>The whole article: title, standfirst, byline, body, author bio.</summary>
    public static string Render(ExtractionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var a = r.Article;
        var chunks = new List<List<string>>();
        var title = OutputText.Collapse(a.Title);
        if (title.Length > 0) AddChunk(chunks, "# " + Write([new TextInline(title)], Context.Heading));
        var standfirst = OutputText.Collapse(a.Standfirst);
        if (standfirst.Length > 0)
            AddChunk(chunks, Write([new EmphasisInline([new TextInline(standfirst)])], Context.Paragraph));
        var byline = Byline(a);
        if (byline.Length > 0) AddChunk(chunks, Write([new TextInline(byline)], Context.Paragraph));
        var body = RenderBlocks(r.Body);
        if (body.Count > 0) chunks.Add(body);
        var bio = OutputText.Block(a.AuthorBio);
        if (bio.Length > 0)
        {
            AddChunk(chunks, ThematicBreak);
            AddChunk(chunks, Write(Lines(bio), Context.Paragraph));
        }
        if (r.Thread.Count > 0)
        {
            // The readers' thread after the article, never inside it: a heading, then replies as lists nested in their parent's item.
            AddChunk(chunks, "## " + Write([new TextInline(r.Thread.IsPartial ? "Comments (part of the thread)" : "Comments")], Context.Heading));
            chunks.Add(RenderBlocks(CommentOutline.ToBlocks(r.Thread)));
        }
        return Join(chunks);
    }

    /// <summary>The body blocks alone, ending with a newline (empty when there is nothing to write).</summary>
    public static string RenderBody(ImmutableArray<Block> blocks)
    {
        var lines = RenderBlocks(blocks);
        return lines.Count == 0 ? "" : string.Join("\n", lines) + "\n";
    }

    /// <summary>"By A, B · date", or whichever half exists.</summary>
    internal static string Byline(ArticleMetadata a)
    {
        var authors = OutputText.Authors(a);
        var date = OutputText.ShowDate(a.Published);
        var parts = new List<string>();
        if (authors.Count > 0) parts.Add("By " + string.Join(", ", authors));
        if (date is not null) parts.Add(date);
        return string.Join(" · ", parts);
    }

    static ImmutableArray<Inline> Lines(string text)
    {
        var b = ImmutableArray.CreateBuilder<Inline>();
        foreach (var line in text.Split('\n'))
        {
            if (b.Count > 0) b.Add(new LineBreakInline());
            b.Add(new TextInline(line));
        }
        return b.ToImmutable();
    }

    static void AddChunk(List<List<string>> chunks, string text)
    {
        if (text.Length > 0) chunks.Add([.. text.Split('\n')]);
    }

    static string Join(List<List<string>> chunks)
    {
        var lines = new List<string>();
        foreach (var c in chunks)
        {
            if (lines.Count > 0) lines.Add("");
            lines.AddRange(c);
        }
        return lines.Count == 0 ? "" : string.Join("\n", lines) + "\n";
    }

    // ---------------------------------------------------------------- blocks

    /// <summary>One block's output (some blocks give several: a figure's image and caption, a
    /// ragged table's rows).</summary>
    /// <param name="Lines">The lines, without container prefixes.</param>
    /// <param name="Source">The block it came from.</param>
    /// <param name="InterruptsParagraph">A list that may start right under a paragraph line:
    /// CommonMark lets only a bullet list or an ordered list starting at 1, with a non-empty first
    /// item, interrupt a paragraph (an empty "-" would even turn the paragraph into a heading).</param>
    sealed record Chunk(List<string> Lines, Block Source, bool InterruptsParagraph = false);

    /// <summary>A run of blocks as lines, blocks separated by a blank line.</summary>
    static List<string> RenderBlocks(ImmutableArray<Block> blocks) => JoinChunks(RenderChunks(blocks), tight: false);

    static List<string> JoinChunks(List<Chunk> chunks, bool tight)
    {
        var lines = new List<string>();
        for (int i = 0; i < chunks.Count; i++)
        {
            // In a tight list item a nested list follows its paragraph directly.
            if (i > 0 && !tight) lines.Add("");
            lines.AddRange(chunks[i].Lines);
        }
        return lines;
    }

    static List<Chunk> RenderChunks(ImmutableArray<Block> blocks, bool listItem = false)
    {
        var chunks = new List<Chunk>();
        ListBlock? previousList = null;
        bool previousAlternate = false;
        foreach (var block in blocks)
        {
            // A thematic break after the first block of a list item is valid CommonMark, but
            // Markdig ends the list there; it carries no text, so it is left out.
            if (listItem && block is ThematicBreakBlock && chunks.Count > 0) continue;
            bool alternate = false;
            if (block is ListBlock list && previousList is not null && previousList.Ordered == list.Ordered)
                alternate = !previousAlternate; // same kind right after: a different marker keeps them apart
            int before = chunks.Count;
            RenderBlock(block, alternate, chunks);
            if (chunks.Count == before) continue;
            previousList = block as ListBlock;
            previousAlternate = alternate;
        }
        return chunks;
    }

    static void RenderBlock(Block block, bool alternateMarker, List<Chunk> chunks)
    {
        switch (block)
        {
            case ParagraphBlock p:
                AddChunk(chunks, block, Write(p.Inlines, Context.Paragraph));
                break;
            case HeadingBlock h:
                var text = Write(h.Inlines, Context.Heading);
                if (text.Length > 0) AddChunk(chunks, block, new string('#', Math.Clamp(h.Level, 2, 6)) + " " + text);
                break;
            case ListBlock l:
                RenderList(l, alternateMarker, chunks);
                break;
            case QuoteBlock q:
                var inner = RenderBlocks(q.Blocks);
                chunks.Add(new(inner.Count == 0 ? [">"] : inner.Select(x => x.Length == 0 ? ">" : "> " + x).ToList(), block));
                break;
            case CodeBlock c:
                var code = RenderCode(c);
                if (code is not null) chunks.Add(new(code, block));
                break;
            case TableBlock t:
                RenderTable(t, chunks);
                break;
            case FigureBlock f:
                var src = UrlPolicy.SafeImageSrc(f.Source);
                if (src is not null)
                {
                    var alt = Write([new TextInline(f.Alt ?? "")], Context.Nested);
                    AddChunk(chunks, block, "![" + alt + "](" + Destination(src) + ")");
                }
                AddChunk(chunks, block, Write(f.Caption, Context.Paragraph));
                break;
            case ThematicBreakBlock:
                AddChunk(chunks, block, ThematicBreak);
                break;
        }
    }

    static void AddChunk(List<Chunk> chunks, Block source, string text)
    {
        if (text.Length > 0) chunks.Add(new([.. text.Split('\n')], source));
    }

    static void RenderList(ListBlock l, bool alternate, List<Chunk> chunks)
    {
        if (l.Items.Length == 0) return;
        var items = l.Items.Select(i => RenderChunks(i.Blocks, listItem: true)).ToList();
        // Tight when every item is at most one block, or a paragraph with a list under it that
        // may interrupt it; otherwise loose, with blank lines between items and blocks.
        bool tight = items.All(c => c.Count <= 1
            || (c.Count == 2 && c[0].Source is ParagraphBlock && c[1].InterruptsParagraph));
        long number = Math.Clamp(l.Start, 0, MaxListNumber);
        var result = new List<string>();
        for (int k = 0; k < items.Count; k++)
        {
            string marker = l.Ordered
                ? Math.Min(number + k, MaxListNumber).ToString(CultureInfo.InvariantCulture) + (alternate ? ")" : ".")
                : alternate ? "+" : "-";
            var indent = new string(' ', marker.Length + 1);
            if (!tight && k > 0) result.Add("");
            var lines = JoinChunks(items[k], tight);
            if (lines.Count == 0) { result.Add(marker); continue; }
            result.Add(marker + " " + lines[0]);
            for (int m = 1; m < lines.Count; m++)
                result.Add(lines[m].Length == 0 ? "" : indent + lines[m]);
        }
        bool interrupts = (!l.Ordered || number == 1) && items[0].Count > 0;
        chunks.Add(new(result, l, interrupts));
    }

    static List<string>? RenderCode(CodeBlock c)
    {
        var code = c.Code.Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n');
        if (code.Trim().Length == 0) return null;
        int longest = 0;
        for (int i = 0; i < code.Length;)
        {
            if (code[i] != '`') { i++; continue; }
            int j = i;
            while (j < code.Length && code[j] == '`') j++;
            longest = Math.Max(longest, j - i);
            i = j;
        }
        // A fence is at least 3 backticks (CommonMark), and longer than any run inside so that
        // no line of the code can close it.
        var fence = new string('`', Math.Max(3, longest + 1));
        var lines = new List<string> { fence + Language(c.Language) };
        lines.AddRange(code.Split('\n'));
        lines.Add(fence);
        return lines;
    }

    /// <summary>The language as an info string: kept only when it is one plain word
    /// (letters, digits, <c>+ - . _ #</c>); a backtick, space or entity would change the fence.</summary>
    internal static string Language(string? language)
    {
        var s = language?.Trim();
        if (string.IsNullOrEmpty(s)) return "";
        foreach (var ch in s)
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '+' or '-' or '.' or '_' or '#')) return "";
        return s;
    }

    static void RenderTable(TableBlock t, List<Chunk> chunks)
    {
        if (t.Rows.Length == 0) return;
        int columns = t.Rows[0].Cells.Length;
        bool pipeTable = columns > 0
            && t.Rows.All(r => r.Cells.Length == columns)
            && t.Rows.All(r => r.Cells.All(c => PipeSafe(c.Inlines)));
        if (pipeTable)
        {
            var lines = new List<string>();
            for (int i = 0; i < t.Rows.Length; i++)
            {
                lines.Add("| " + string.Join(" | ", t.Rows[i].Cells.Select(c => Write(c.Inlines, Context.TableCell))) + " |");
                if (i == 0) lines.Add("|" + string.Concat(Enumerable.Repeat(" --- |", columns)));
            }
            chunks.Add(new(lines, t));
            return;
        }
        foreach (var row in t.Rows)
        {
            // One paragraph per row, the cells that have text joined as in PlainText.
            var inlines = ImmutableArray.CreateBuilder<Inline>();
            foreach (var cell in row.Cells)
            {
                if (PlainText.Inlines(cell.Inlines).Length == 0) continue;
                if (inlines.Count > 0) inlines.Add(new TextInline(" | "));
                inlines.AddRange(cell.Inlines);
            }
            AddChunk(chunks, t, Write(inlines.ToImmutable(), Context.Paragraph));
        }
    }

    /// <summary>Whether a cell can go in a pipe table: a <c>|</c> inside a code span or a URL
    /// cannot be escaped the same way by every parser, so such tables are written as paragraphs.</summary>
    static bool PipeSafe(ImmutableArray<Inline> inlines)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case CodeInline c when c.Code.Contains('|'): return false;
                case LinkInline l when (l.Href?.Contains('|') ?? false) || !PipeSafe(l.Children): return false;
                case EmphasisInline e when !PipeSafe(e.Children): return false;
                case StrongInline s when !PipeSafe(s.Children): return false;
            }
        }
        return true;
    }
}
