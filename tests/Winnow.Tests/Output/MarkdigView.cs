using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Winnow.Tests.Output;

/// <summary>What Markdig makes of rendered Markdown: its block shape, its text, its URLs.</summary>
internal static class MarkdigView
{
    /// <summary>CommonMark plus GitHub's pipe tables and strikethrough (so a stray <c>~~</c> would show).</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    public static MarkdownDocument Parse(string md) => Markdown.Parse(md, Pipeline);

    public static IEnumerable<T> All<T>(MarkdownDocument doc) where T : MarkdownObject => doc.Descendants<T>();

    /// <summary>The block structure as a compact string: P, H2, Lu[I(..)..], Lo5[..], Q(..), C, T3x2, HR.
    /// Anything else (raw HTML, indented code, link definitions) shows as <c>?Type</c>.</summary>
    public static string Shape(MarkdownDocument doc) => Shape((ContainerBlock)doc);

    static string Shape(ContainerBlock container)
    {
        var parts = new List<string>();
        foreach (var b in container)
        {
            switch (b)
            {
                case LinkReferenceDefinitionGroup g when g.Count == 0: break;
                case ParagraphBlock: parts.Add("P"); break;
                case HeadingBlock h: parts.Add("H" + h.Level); break;
                case ListBlock l:
                    var items = l.Cast<ListItemBlock>().Select(i => "I(" + Shape(i) + ")");
                    parts.Add((l.IsOrdered ? "Lo" + int.Parse(l.OrderedStart ?? "1") : "Lu") + "[" + string.Join(",", items) + "]");
                    break;
                case QuoteBlock q: parts.Add("Q(" + Shape(q) + ")"); break;
                case FencedCodeBlock: parts.Add("C"); break;
                case ThematicBreakBlock: parts.Add("HR"); break;
                case Table t:
                    var rows = t.Cast<TableRow>().ToList();
                    parts.Add($"T{rows.Count}x{rows[0].Count}");
                    break;
                default: parts.Add("?" + b.GetType().Name); break;
            }
        }
        return string.Join(" ", parts);
    }

    /// <summary>The document's text the way <c>PlainText</c> lays out a block tree: one chunk per
    /// paragraph, heading, code block and table row (cells with text joined by " | "), hard
    /// breaks as newlines, images left out (PlainText has no alt text).</summary>
    public static string Text(MarkdownDocument doc)
    {
        var chunks = new List<string>();
        Collect(doc, chunks);
        return string.Join("\n\n", chunks.Where(c => c.Trim().Length > 0));
    }

    static void Collect(ContainerBlock container, List<string> chunks)
    {
        foreach (var b in container)
        {
            switch (b)
            {
                case Table t:
                    foreach (TableRow row in t)
                    {
                        var cells = row.Cast<TableCell>()
                            .Select(c => string.Join("", c.OfType<LeafBlock>().Select(InlineText)).Trim())
                            .Where(s => s.Length > 0 && !string.IsNullOrWhiteSpace(s));
                        chunks.Add(string.Join(" | ", cells));
                    }
                    break;
                case ContainerBlock c: Collect(c, chunks); break;
                case FencedCodeBlock code: chunks.Add(code.Lines.ToString()); break;
                case LeafBlock leaf: chunks.Add(InlineText(leaf)); break;
            }
        }
    }

    static string InlineText(LeafBlock leaf)
    {
        var sb = new StringBuilder();
        if (leaf.Inline is not null) Append(sb, leaf.Inline);
        return sb.ToString();
    }

    static void Append(StringBuilder sb, Inline inline)
    {
        switch (inline)
        {
            case LinkInline { IsImage: true }: break;
            case LiteralInline lit: sb.Append(lit.Content.ToString()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append('\n'); break;
            case HtmlEntityInline ent: sb.Append(ent.Transcoded.ToString()); break;
            case ContainerInline c:
                for (var child = c.FirstChild; child is not null; child = child.NextSibling) Append(sb, child);
                break;
            default: sb.Append("<?" + inline.GetType().Name + ">"); break;
        }
    }

    /// <summary>Every link and image, in order: "link url" / "image url".</summary>
    public static List<string> Urls(MarkdownDocument doc) =>
        doc.Descendants<LinkInline>().Select(l => (l.IsImage ? "image " : "link ") + l.Url).ToList();

    /// <summary>Emphasis nodes by delimiter count: (em, strong).</summary>
    public static (int Em, int Strong) EmphasisCounts(MarkdownDocument doc)
    {
        var all = doc.Descendants<EmphasisInline>().ToList();
        return (all.Count(e => e.DelimiterCount == 1), all.Count(e => e.DelimiterCount == 2));
    }

    /// <summary>Inline node types Markdown output must never produce: raw HTML, autolinks,
    /// strikethrough, entities (but the one the renderer writes for a backtick before a code span).</summary>
    public static List<string> Unexpected(MarkdownDocument doc)
    {
        var bad = new List<string>();
        foreach (var i in doc.Descendants<Inline>())
            if (i is HtmlInline or AutolinkInline || i is EmphasisInline { DelimiterChar: '~' }
                || i is HtmlEntityInline e && e.Original.ToString() != "&#96;")
                bad.Add(i.GetType().Name);
        foreach (var b in doc.Descendants<Block>())
            if (b is HtmlBlock || b is LinkReferenceDefinition) bad.Add(b.GetType().Name);
        return bad;
    }
}
