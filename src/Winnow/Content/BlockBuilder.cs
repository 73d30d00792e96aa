using System.Collections.Frozen;
using System.Collections.Immutable;
using AngleSharp.Dom;
using Winnow.Blocks;
using Winnow.Dom;

namespace Winnow.Content;

/// <summary>
/// Converts a content root into the block tree, skipping what the <see cref="BoilerplateFilter"/>
/// rejects. Block-level elements start new blocks; inline elements become inlines; a <c>div</c>
/// holding only inline content is a paragraph.
/// </summary>
internal sealed class BlockBuilder
{
    /// <summary>Elements that start a new block when met in inline context.</summary>
    internal static readonly FrozenSet<string> BlockTags = new[]
    {
        "p", "div", "section", "article", "main", "header", "footer", "address", "center", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
        "figure", "figcaption", "hr", "details", "summary", "form", "fieldset", "hgroup", "nav", "aside", "body", "html", "picture", "legend",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Deeper than the parser builds (512); a guard for trees built some other way.
    const int MaxDepth = 600;

    readonly PageContext _page;
    readonly BoilerplateFilter _filter;
    readonly bool _links, _images, _tables;
    List<Inline> _inline = [];
    // Reused for the (rare) block content found inside inline elements; each call takes what lies above its mark.
    readonly List<Block> _scratch = [];
    int _skipped, _visited;

    public BlockBuilder(PageContext page, IElement root, ExtractionFocus? focus = null)
    {
        _page = page;
        _filter = new BoilerplateFilter(page, root, focus ?? page.Options.Focus);
        _links = page.Options.IncludeLinks;
        _images = page.Options.IncludeImages;
        _tables = page.Options.IncludeTables;
        Root = root;
    }

    public IElement Root { get; }

    /// <summary>Subtrees the filter skipped.</summary>
    public int Skipped => _skipped;

    public ImmutableArray<Block> Build()
    {
        var blocks = new List<Block>();
        BuildChildren(Root, blocks, 0);
        Flush(blocks);
        return [.. blocks];
    }

    void BuildChildren(IElement parent, List<Block> blocks, int depth)
    {
        foreach (var node in parent.ChildNodes)
        {
            switch (node)
            {
                case IText t: _inline.Add(new TextInline(t.Data)); break;
                case IElement e: BuildElement(e, blocks, depth + 1); break;
            }
        }
    }

    void BuildElement(IElement el, List<Block> blocks, int depth)
    {
        // The time budget is checked every 4,096 elements: often enough to stop a 20 MB page within
        // milliseconds of its limit, rarely enough to cost nothing measurable.
        if ((++_visited & 4095) == 0) _page.Token.ThrowIfCancellationRequested();
        if (depth > MaxDepth) { _inline.Add(new TextInline(NodeText.Of(el))); return; }
        var reason = _filter.SkipReason(el);
        if (reason is not null)
        {
            _skipped++;
            _page.Log.Add(reason, el);
            if (BlockTags.Contains(el.LocalName)) Flush(blocks);
            return;
        }
        var tag = el.LocalName;
        switch (tag)
        {
            case "br": _inline.Add(new LineBreakInline()); return;
            case "img": AddImage(el, blocks); return;
            // An inline element that holds blocks (invalid but common: the parser keeps a div inside em) is
            // read as a transparent container, so its blocks stay in document order.
            case "em" or "i" or "cite" or "dfn" or "var":
                if (HasBlockDescendant(el)) break;
                _inline.Add(new EmphasisInline([.. InlineChildren(el, depth)])); return;
            case "strong" or "b":
                if (HasBlockDescendant(el)) break;
                _inline.Add(new StrongInline([.. InlineChildren(el, depth)])); return;
            case "code" or "kbd" or "samp" or "tt":
                if (HasBlockDescendant(el)) break;
                _inline.Add(new CodeInline(NodeText.Of(el))); return;
            case "a":
                if (HasBlockDescendant(el)) break;
                var children = InlineChildren(el, depth);
                var href = _links ? Href(el) : null;
                if (href is null) _inline.AddRange(children);
                else _inline.Add(new LinkInline(href, [.. children]));
                return;
        }
        if (!BlockTags.Contains(tag))
        {
            // Transparent inline element (span, font, small, time, …): its children join the current paragraph.
            BuildChildren(el, blocks, depth);
            return;
        }
        Flush(blocks);
        switch (tag)
        {
            case "p" or "address" or "summary" or "dt" or "legend":
                BuildChildren(el, blocks, depth);
                Flush(blocks);
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var inlines = InlineChildren(el, depth);
                var norm = InlineNormalizer.Normalize([.. inlines]);
                if (norm.Length > 0) blocks.Add(new HeadingBlock(tag[1] - '0', norm));
                return;
            case "ul" or "ol":
                BuildList(el, blocks, depth, tag == "ol");
                return;
            case "blockquote":
                var inner = BuildNested(el, depth);
                if (inner.Count > 0) blocks.Add(new QuoteBlock([.. inner]));
                return;
            case "pre":
                var code = NodeText.Of(el);
                if (code.Trim().Length > 0) blocks.Add(new CodeBlock(code, CodeLanguage(el)));
                return;
            case "table":
                BuildTable(el, blocks, depth);
                return;
            case "figure":
                BuildFigure(el, blocks, depth);
                return;
            case "hr":
                if (blocks.Count > 0 && blocks[^1] is not ThematicBreakBlock) blocks.Add(new ThematicBreakBlock());
                return;
            default:
                BuildChildren(el, blocks, depth);
                Flush(blocks);
                return;
        }
    }

    List<Block> BuildNested(IElement el, int depth)
    {
        var saved = _inline;
        _inline = [];
        var inner = new List<Block>();
        BuildChildren(el, inner, depth);
        Flush(inner);
        _inline = saved;
        return inner;
    }

    void BuildList(IElement list, List<Block> blocks, int depth, bool ordered)
    {
        var items = ImmutableArray.CreateBuilder<ListItem>();
        foreach (var child in list.Children)
        {
            if (child.LocalName != "li")
            {
                // Stray content directly in the list: keep it as its own item.
                var stray = BuildNested(child, depth + 1);
                if (stray.Count > 0) items.Add(new ListItem([.. stray]));
                continue;
            }
            var reason = _filter.SkipReason(child);
            if (reason is not null) { _skipped++; _page.Log.Add(reason, child); continue; }
            var inner = BuildNested(child, depth + 1);
            if (inner.Count > 0) items.Add(new ListItem([.. inner]));
        }
        if (items.Count == 0) return;
        int start = 1;
        if (ordered && int.TryParse(list.GetAttribute("start"), out var s)) start = s;
        blocks.Add(new ListBlock(ordered, items.ToImmutable(), start));
    }

    void BuildTable(IElement table, List<Block> blocks, int depth)
    {
        if (IsLayoutTable(table))
        {
            BuildChildren(table, blocks, depth);
            Flush(blocks);
            return;
        }
        if (!_tables) return;
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        foreach (var row in Rows(table))
        {
            var cells = ImmutableArray.CreateBuilder<TableCell>();
            foreach (var cell in row.Children)
            {
                if (cell.LocalName is not ("td" or "th")) continue;
                var inl = InlineNormalizer.Normalize([.. InlineChildren(cell, depth + 2)]);
                cells.Add(new TableCell(cell.LocalName == "th", inl));
            }
            if (cells.Count > 0 && cells.Any(c => c.Inlines.Length > 0)) rows.Add(new TableRow(cells.ToImmutable()));
        }
        if (rows.Count > 0) blocks.Add(new TableBlock(rows.ToImmutable()));
    }

    static IEnumerable<IElement> Rows(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr") yield return child;
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
                foreach (var r in child.Children)
                    if (r.LocalName == "tr") yield return r;
        }
    }

    /// <summary>A table used for page layout: nested tables, or cells holding paragraphs or long text.</summary>
    bool IsLayoutTable(IElement table)
    {
        var role = table.GetAttribute("role");
        if (role is "presentation" or "none") return true;
        int cells = 0;
        foreach (var row in Rows(table))
            foreach (var cell in row.Children)
            {
                cells++;
                foreach (var d in ElementWalk.Descendants(cell))
                    if (d.LocalName is "table" or "p" or "div" or "ul" or "ol" or "h1" or "h2" or "h3" or "blockquote" or "pre") return true;
            }
        // A one-cell table is a frame, not data.
        return cells <= 1;
    }

    void BuildFigure(IElement figure, List<Block> blocks, int depth)
    {
        IElement? img = null, caption = null;
        foreach (var d in ElementWalk.Descendants(figure))
        {
            if (img is null && d.LocalName == "img") img = d;
            if (caption is null && d.LocalName == "figcaption") caption = d;
        }
        // Figures that wrap text (quotes, code, embeds) are containers.
        if (img is null)
        {
            BuildChildren(figure, blocks, depth);
            Flush(blocks);
            return;
        }
        if (!_images) return;
        var cap = caption is null ? ImmutableArray<Inline>.Empty : InlineNormalizer.Normalize([.. InlineChildren(caption, depth + 1)]);
        blocks.Add(new FigureBlock(ImageSource(img), img.GetAttribute("alt"), cap));
    }

    void AddImage(IElement img, List<Block> blocks)
    {
        if (!_images) return;
        var src = ImageSource(img);
        if (src is null) return;
        // Images inside running text are not blocks; tiny icons and tracking pixels are not figures.
        if (HasPendingText()) return;
        if (int.TryParse(img.GetAttribute("width"), out var w) && w < 50) return; // 50 px: below that, icons and pixels
        Flush(blocks);
        blocks.Add(new FigureBlock(src, img.GetAttribute("alt"), ImmutableArray<Inline>.Empty));
    }

    bool HasPendingText() => _inline.Any(i => i is not TextInline t || t.Text.Trim().Length > 0);

    List<Inline> InlineChildren(IElement el, int depth)
    {
        var saved = _inline;
        _inline = new List<Inline>(4);
        var scratch = _scratch;
        int mark = scratch.Count; // nested calls use the part above their own mark
        BuildChildren(el, scratch, depth);
        var mine = _inline;
        _inline = saved;
        // Block content met inside an inline element (invalid but common) is kept as text.
        if (scratch.Count > mark)
        {
            var blocks = scratch.GetRange(mark, scratch.Count - mark);
            scratch.RemoveRange(mark, scratch.Count - mark);
            foreach (var b in blocks) mine.Add(new TextInline(" " + Output.PlainText.Render([b]) + " "));
        }
        return mine;
    }


    static bool HasBlockDescendant(IElement el)
    {
        if (el.ChildElementCount == 0) return false;
        foreach (var d in ElementWalk.Descendants(el))
            if (BlockTags.Contains(d.LocalName)) return true;
        return false;
    }

    void Flush(List<Block> blocks)
    {
        if (_inline.Count == 0) return;
        var inlines = InlineNormalizer.Normalize(_inline);
        _inline.Clear();
        if (inlines.Length == 0) return;
        if (inlines.Length == 1 && inlines[0] is LineBreakInline) return;
        blocks.Add(new ParagraphBlock(inlines));
    }

    string? Href(IElement a)
    {
        var href = a.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#')) return null;
        if (href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) return null;
        return Absolute(href);
    }

    string? ImageSource(IElement img)
    {
        // Lazy loaders keep the real URL in a data attribute and a placeholder in src.
        string? src = null;
        foreach (var name in LazySourceAttributes)
        {
            var v = img.GetAttribute(name);
            if (!string.IsNullOrWhiteSpace(v) && !v.StartsWith("data:", StringComparison.Ordinal)) { src = v; break; }
        }
        if (src is null)
        {
            var srcset = img.GetAttribute("srcset") ?? img.GetAttribute("data-srcset");
            if (!string.IsNullOrWhiteSpace(srcset)) src = srcset.Split(',')[0].Trim().Split(' ')[0];
        }
        return string.IsNullOrWhiteSpace(src) ? null : Absolute(src.Trim());
    }

    static readonly string[] LazySourceAttributes = ["data-src", "data-lazy-src", "data-original", "data-url", "src"];

    string Absolute(string href)
    {
        if (_page.PageUrl is not null && Uri.TryCreate(_page.PageUrl, href, out var abs)) return abs.ToString();
        return href;
    }

    static string? CodeLanguage(IElement pre)
    {
        foreach (var e in new[] { pre, pre.FirstElementChild })
        {
            if (e is null) continue;
            foreach (var cls in e.ClassList)
            {
                if (cls.StartsWith("language-", StringComparison.Ordinal)) return cls[9..];
                if (cls.StartsWith("lang-", StringComparison.Ordinal)) return cls[5..];
            }
        }
        return null;
    }
}
