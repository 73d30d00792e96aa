using System.Collections.Immutable;

namespace Winnow.Blocks;

/// <summary>Inline content of a paragraph, heading, caption or cell.</summary>
public abstract record Inline;

/// <summary>Plain text; white space already collapsed to single spaces.</summary>
public sealed record TextInline(string Text) : Inline;

/// <summary>Emphasis (<c>em</c>, <c>i</c>).</summary>
public sealed record EmphasisInline(ImmutableArray<Inline> Children) : Inline;

/// <summary>Strong emphasis (<c>strong</c>, <c>b</c>).</summary>
public sealed record StrongInline(ImmutableArray<Inline> Children) : Inline;

/// <summary>Inline code (<c>code</c>, <c>kbd</c>, <c>samp</c>, <c>tt</c>).</summary>
public sealed record CodeInline(string Code) : Inline;

/// <summary>A hyperlink; <see cref="Href"/> is absolute when the page URL was known.</summary>
public sealed record LinkInline(string? Href, ImmutableArray<Inline> Children) : Inline;

/// <summary>A hard line break (<c>br</c>).</summary>
public sealed record LineBreakInline : Inline;
