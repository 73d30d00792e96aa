using AngleSharp.Dom;

namespace Winnow.Dom;

/// <summary>
/// Iterative pre-order walks over elements, with an explicit stack, so that no tree, however
/// deep, can overflow the call stack. Use these instead of recursion in every tree walk.
/// </summary>
/// <remarks>
/// Children are read from <see cref="INode.ChildNodes"/> by index: AngleSharp's
/// <c>NextElementSibling</c> scans the parent's child list on each call, which would make a
/// walk over a wide element quadratic. An element's children are read when the walk enters
/// it (after <c>enter</c> returned, or after the enumerator moved past it), so changes made
/// to an element's own children at that moment are seen; elements removed later from a part
/// already scheduled are still visited.
/// </remarks>
public static class ElementWalk
{
    /// <summary>All elements below <paramref name="root"/> (not the root itself), in document order.</summary>
    public static IEnumerable<IElement> Descendants(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pending = new Stack<IElement>();
        PushChildren(pending, root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            yield return element;
            PushChildren(pending, element);
        }
    }

    /// <summary>
    /// Visits <paramref name="root"/> and the elements below it in document order;
    /// when <paramref name="enter"/> returns false the element's children are skipped.
    /// </summary>
    public static void Walk(IElement root, Func<IElement, bool> enter)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(enter);
        var pending = new Stack<IElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (enter(element)) PushChildren(pending, element);
        }
    }

    /// <summary>The greatest nesting depth below <paramref name="root"/> (the root's children are at 1).</summary>
    public static int MaxDepth(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        int max = 0;
        var pending = new Stack<(IElement Element, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            if (depth > max) max = depth;
            var children = element.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement child) pending.Push((child, depth + 1));
        }
        return max;
    }

    static void PushChildren(Stack<IElement> pending, IElement element)
    {
        var children = element.ChildNodes;
        // Pushed last to first, so the first child is visited next.
        for (int i = children.Length - 1; i >= 0; i--)
            if (children[i] is IElement child) pending.Push(child);
    }
}
