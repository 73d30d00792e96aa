using AngleSharp.Dom;

namespace Winnow.Dom;

/// <summary>Measures of one element's subtree, computed once per page in one bottom-up pass.</summary>
internal struct ElementStats
{
    /// <summary>Characters of text (white-space runs count as one).</summary>
    public int Text;
    /// <summary>Characters of text inside links.</summary>
    public int LinkText;
    /// <summary>Characters of text inside links that point into the same page (<c>#…</c>).</summary>
    public int HashLinkText;
    /// <summary>Number of <c>a</c> elements with text.</summary>
    public int Links;
    /// <summary>Number of <c>p</c> elements.</summary>
    public int Paragraphs;
    /// <summary>Characters of text inside <c>p</c>/<c>pre</c>/<c>blockquote</c>/<c>li</c> elements.</summary>
    public int ParagraphText;
    /// <summary>Commas in the text.</summary>
    public int Commas;
    /// <summary>Depth below the document element.</summary>
    public int Depth;

    /// <summary>Share of the text inside links; same-page links count for less (0.3, as Readability weighs them).</summary>
    public readonly double LinkDensity => Text == 0 ? 0 : Math.Min(1.0, (LinkText - 0.7 * HashLinkText) / Text);
}

/// <summary>
/// A side table of <see cref="ElementStats"/> keyed by element (scores never live in DOM attributes).
/// Built after cleaning; the tree must not change afterwards.
/// </summary>
internal sealed class StatsTable
{
    readonly Dictionary<IElement, ElementStats> _stats;

    StatsTable(Dictionary<IElement, ElementStats> stats) => _stats = stats;

    public ElementStats this[IElement e] => _stats.TryGetValue(e, out var s) ? s : default;

    public int Count => _stats.Count;

    /// <summary>One iterative post-order pass over the subtree of <paramref name="root"/>.</summary>
    public static StatsTable Build(IElement root)
    {
        var stats = new Dictionary<IElement, ElementStats>(ReferenceEqualityComparer.Instance as IEqualityComparer<IElement>);
        // Explicit stack: (element, child index, depth, inLink, inHashLink, inParagraph).
        var stack = new Stack<Frame>();
        stack.Push(new Frame(root, 0, false, false, false));
        var acc = new Stack<ElementStats>();
        acc.Push(default);
        while (stack.Count > 0)
        {
            var f = stack.Pop();
            var el = f.Element;
            var nodes = el.ChildNodes;
            bool descended = false;
            while (f.Next < nodes.Length)
            {
                var node = nodes[f.Next++];
                if (node is IElement child)
                {
                    stack.Push(f);
                    var tag = child.LocalName;
                    bool isLink = tag == "a";
                    bool hash = isLink && (child.GetAttribute("href")?.StartsWith('#') ?? false);
                    bool para = tag is "p" or "pre" or "blockquote" or "li";
                    stack.Push(new Frame(child, 0, f.InLink || isLink, f.InHashLink || hash, f.InParagraph || para));
                    acc.Push(new ElementStats { Depth = acc.Count });
                    descended = true;
                    break;
                }
                if (node is IText text)
                {
                    var data = text.Data;
                    int len = TextMeasure.CollapsedLength(data);
                    if (len == 0) continue;
                    var s = acc.Pop();
                    s.Text += len + 1; // + the white space that separates it from its neighbours
                    s.Commas += TextMeasure.Commas(data);
                    if (f.InLink) s.LinkText += len + 1;
                    if (f.InHashLink) s.HashLinkText += len + 1;
                    if (f.InParagraph) s.ParagraphText += len + 1;
                    acc.Push(s);
                }
            }
            if (descended) continue;
            // Element finished: fold its stats into its parent's.
            var mine = acc.Pop();
            var tagName = el.LocalName;
            if (tagName == "p") mine.Paragraphs++;
            if (tagName == "a" && mine.Text > 0) mine.Links++;
            stats[el] = mine;
            if (acc.Count > 0)
            {
                var parent = acc.Pop();
                parent.Text += mine.Text;
                parent.LinkText += mine.LinkText;
                parent.HashLinkText += mine.HashLinkText;
                parent.Links += mine.Links;
                parent.Paragraphs += mine.Paragraphs;
                parent.ParagraphText += mine.ParagraphText;
                parent.Commas += mine.Commas;
                acc.Push(parent);
            }
        }
        return new StatsTable(stats);
    }

    record struct Frame(IElement Element, int Next, bool InLink, bool InHashLink, bool InParagraph);
}
