using System.Collections.Immutable;
using System.Text;
using Winnow.Blocks;

namespace Winnow.Language;

/// <summary>The start of the body's running text, for identifying its language: code is left out, and so are figures.</summary>
internal static class LanguageSample
{
    /// <summary>At most <paramref name="maxChars"/> characters of the body's text, blocks separated by a newline.</summary>
    public static string From(ImmutableArray<Block> body, int maxChars)
    {
        var sb = new StringBuilder(Math.Min(maxChars, 4096));
        foreach (var b in body)
        {
            if (sb.Length >= maxChars) break;
            Append(sb, b, maxChars);
        }
        return sb.Length > maxChars ? sb.ToString(0, maxChars) : sb.ToString();
    }

    static void Append(StringBuilder sb, Block block, int maxChars)
    {
        switch (block)
        {
            case ParagraphBlock p: Inlines(sb, p.Inlines); sb.Append('\n'); break;
            case HeadingBlock h: Inlines(sb, h.Inlines); sb.Append('\n'); break;
            case QuoteBlock q: foreach (var b in q.Blocks) { if (sb.Length >= maxChars) return; Append(sb, b, maxChars); } break;
            case ListBlock l:
                foreach (var item in l.Items)
                    foreach (var b in item.Blocks) { if (sb.Length >= maxChars) return; Append(sb, b, maxChars); }
                break;
            case TableBlock t:
                foreach (var row in t.Rows)
                {
                    if (sb.Length >= maxChars) return;
                    foreach (var cell in row.Cells) { Inlines(sb, cell.Inlines); sb.Append('\n'); }
                }
                break;
        }
    }

    static void Inlines(StringBuilder sb, ImmutableArray<Inline> inlines)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case TextInline t: sb.Append(t.Text); break;
                case EmphasisInline e: Inlines(sb, e.Children); break;
                case StrongInline s: Inlines(sb, s.Children); break;
                case LinkInline l: Inlines(sb, l.Children); break;
                case LineBreakInline: sb.Append('\n'); break;
            }
        }
    }
}
