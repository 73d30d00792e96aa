using System.Collections.Immutable;

namespace Winnow.Blocks;

/// <summary>
/// One block of the article body. The body is converted once into this small vocabulary
/// (paragraph, heading, list, quote, code, table, figure, break) and every output format
/// only reads it.
/// </summary>
public abstract record Block;

/// <summary>A paragraph of inline content.</summary>
public sealed record ParagraphBlock(ImmutableArray<Inline> Inlines) : Block;

/// <summary>A heading, level 1 to 6.</summary>
public sealed record HeadingBlock(int Level, ImmutableArray<Inline> Inlines) : Block;

/// <summary>An ordered or unordered list.</summary>
public sealed record ListBlock(bool Ordered, ImmutableArray<ListItem> Items, int Start = 1) : Block;

/// <summary>One item of a list; it holds blocks (usually one paragraph, maybe a nested list).</summary>
public sealed record ListItem(ImmutableArray<Block> Blocks);

/// <summary>A block quotation.</summary>
public sealed record QuoteBlock(ImmutableArray<Block> Blocks) : Block;

/// <summary>Preformatted code or text, whitespace kept as in the page.</summary>
public sealed record CodeBlock(string Code, string? Language) : Block;

/// <summary>A table: rows of cells.</summary>
public sealed record TableBlock(ImmutableArray<TableRow> Rows) : Block;

/// <summary>One table row.</summary>
public sealed record TableRow(ImmutableArray<TableCell> Cells);

/// <summary>One table cell; header cells come from <c>th</c>.</summary>
public sealed record TableCell(bool IsHeader, ImmutableArray<Inline> Inlines);

/// <summary>An image with its caption (from <c>figure</c>/<c>figcaption</c> or a lone <c>img</c>).</summary>
public sealed record FigureBlock(string? Source, string? Alt, ImmutableArray<Inline> Caption) : Block;

/// <summary>A thematic break (<c>hr</c>).</summary>
public sealed record ThematicBreakBlock : Block;
