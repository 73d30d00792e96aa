using System.Text;
using AngleSharp.Dom;

namespace Winnow.Dom;

/// <summary>
/// A node's text as AngleSharp's <c>TextContent</c> gives it (the data of every descendant text node,
/// in tree order), without its costs: <c>TextContent</c> takes its builders from a pool guarded by one
/// process-wide lock, which batch threads contend for (profile, 2026-11-22), and it recurses. This walks
/// iteratively, reuses one builder per thread, and returns the text node's own string when there is one.
/// </summary>
public static class NodeText
{
    [ThreadStatic] static StringBuilder? _builder;
    [ThreadStatic] static Stack<(INodeList List, int Index)>? _stack;

    /// <summary>The concatenated data of the text nodes under <paramref name="node"/> (a text node: its data).</summary>
    public static string Of(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        // a text node is its data; so are comments and processing instructions, as for TextContent
        if (node is ICharacterData data) return data.Data;
        var children = node.ChildNodes;
        if (children.Length == 0) return "";
        // the common case: one text child (a title, a script, a short label): its own string, no copy
        if (children.Length == 1 && children[0] is IText only) return only.Data;

        var sb = _builder ??= new StringBuilder(256);
        var stack = _stack ??= new Stack<(INodeList, int)>(32);
        sb.Clear();
        stack.Clear();
        stack.Push((children, 0));
        while (stack.Count > 0)
        {
            var (list, i) = stack.Pop();
            if (i >= list.Length) continue;
            stack.Push((list, i + 1));
            var child = list[i];
            if (child is IText text) sb.Append(text.Data);
            else if (child is IElement && child.HasChildNodes) stack.Push((child.ChildNodes, 0));
        }
        var result = sb.ToString();
        // a page-long text must not keep its buffer alive on the thread (64 K characters: a long article's whole text)
        if (sb.Capacity > 65_536) _builder = null;
        return result;
    }
}
