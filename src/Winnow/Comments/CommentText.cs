using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using Winnow.Blocks;
using Winnow.Dom;

namespace Winnow.Comments;

/// <summary>
/// A comment's text as blocks: block elements become paragraphs, <c>&lt;br&gt;</c> a line break, white space
/// collapsed; the parts the caller skips (replies, the author line, buttons) are left out.
/// </summary>
internal static class CommentText
{
    static readonly FrozenSet<string> BlockTags = new[]
    {
        "p", "div", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "tr", "td", "th", "dl", "dt", "dd",
        "section", "article", "header", "footer", "figure", "figcaption", "hr", "form", "address", "main", "aside", "details", "summary",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The paragraphs (each a list of lines) of the elements, in order, skipping what <paramref name="skip"/> says.</summary>
    public static List<List<string>> Paragraphs(IEnumerable<IElement> roots, Func<IElement, bool> skip)
    {
        var paragraphs = new List<List<string>>();
        var lines = new List<string>();
        var line = new StringBuilder();

        void EndLine()
        {
            var s = TextMeasure.Collapse(line.ToString());
            line.Clear();
            if (s.Length > 0) lines.Add(s);
        }
        void EndParagraph()
        {
            EndLine();
            if (lines.Count > 0) paragraphs.Add(lines);
            lines = [];
        }

        foreach (var root in roots)
        {
            EndParagraph();
            // Iterative walk: (node, leaving) pairs so that block elements close their paragraph on the way out.
            var stack = new Stack<(INode Node, bool Leaving)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, leaving) = stack.Pop();
                if (node is IElement el)
                {
                    bool block = BlockTags.Contains(el.LocalName);
                    if (leaving) { if (block) EndParagraph(); continue; }
                    if (el != root && skip(el)) continue;
                    if (el.LocalName == "br") { EndLine(); continue; }
                    if (el.LocalName == "img")
                    {
                        // An emoji drawn as an image (WordPress's wp-smiley) carries its character in alt.
                        var alt = el.GetAttribute("alt");
                        if (alt is { Length: > 0 and <= 4 } && !alt.Any(char.IsLetterOrDigit)) line.Append(alt);
                        continue;
                    }
                    if (block) EndParagraph();
                    stack.Push((el, true));
                    var children = el.ChildNodes;
                    for (int i = children.Length - 1; i >= 0; i--)
                        if (children[i] is IElement or IText) stack.Push((children[i], false));
                }
                else if (node is IText text)
                {
                    line.Append(text.Data);
                }
            }
            EndParagraph();
        }
        return paragraphs;
    }

    /// <summary>Paragraphs as blocks: one paragraph block each, its lines joined by line breaks.</summary>
    public static ImmutableArray<Block> ToBlocks(List<List<string>> paragraphs)
    {
        var blocks = ImmutableArray.CreateBuilder<Block>(paragraphs.Count);
        foreach (var p in paragraphs)
        {
            var inlines = ImmutableArray.CreateBuilder<Inline>(p.Count * 2);
            for (int i = 0; i < p.Count; i++)
            {
                if (i > 0) inlines.Add(new LineBreakInline());
                inlines.Add(new TextInline(p[i]));
            }
            blocks.Add(new ParagraphBlock(inlines.ToImmutable()));
        }
        return blocks.MoveToImmutable();
    }

    /// <summary>The plain text of an element, collapsed, with the skipped parts left out.</summary>
    public static string Flat(IElement el, Func<IElement, bool> skip)
        => string.Join(" ", Paragraphs([el], skip).SelectMany(p => p));
}
