using System.Collections.Frozen;
using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Cleaning;

/// <summary>
/// One walk over our own parsed copy of the page that removes what is never article text:
/// scripts, styles, embedded objects, form controls and hidden elements. Only elements that
/// cannot hold the article go here; everything that needs judgement (navigation, share bars,
/// related lists) is decided later, relative to the chosen content.
/// </summary>
internal static class TreeCleaner
{
    /// <summary>Tags whose content is never article text.</summary>
    static readonly FrozenSet<string> DropTags = new[]
    {
        "script", "style", "template", "svg", "canvas", "iframe", "frame", "frameset", "object", "embed", "applet",
        "audio", "video", "map", "input", "select", "option", "button", "textarea", "datalist", "link", "meta", "base",
        "dialog", "source", "track", "param", "head", "title", "menu", "slot",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static void Clean(IDocument document, RemovalLog log) => Clean(document, log, null);

    /// <summary>
    /// Cleans with the removals already found by a walk over the whole page (the metadata's scan, which reads every
    /// element anyway); null: walks the page here.
    /// </summary>
    public static void Clean(IDocument document, RemovalLog log, CleaningPlan? plan)
    {
        var root = document.DocumentElement;
        if (root is null) return;
        var doomed = plan?.Doomed;
        if (doomed is null)
        {
            var found = new List<(IElement Element, string Reason)>();
            Dom.ElementWalk.Walk(root, el =>
            {
                var reason = Reason(el);
                if (reason is null) return true;
                found.Add((el, reason));
                return false;
            });
            doomed = found;
        }
        foreach (var (el, reason) in doomed)
        {
            log.Add(reason, el);
            el.Remove();
        }
        if (plan is not null)
            foreach (var n in plan.Comments) n.Parent?.RemoveChild(n);
        else
            RemoveCommentNodes(root);
    }

    static string? Reason(IElement el)
    {
        bool hidden = false;
        string? ariaHidden = null, style = null;
        // One pass over the attributes (each GetAttribute call would scan them again).
        foreach (var attr in el.Attributes)
        {
            switch (attr.Name)
            {
                case "hidden": hidden = true; break;
                case "aria-hidden": ariaHidden = attr.Value; break;
                case "style": style = attr.Value; break;
            }
        }
        return Reason(el, el.LocalName, hidden, ariaHidden, style);
    }

    /// <summary>Why the element is removed (null: it stays), from its tag and the attributes the caller has read.</summary>
    internal static string? Reason(IElement el, string tag, bool hidden, string? ariaHidden, string? style)
    {
        if (DropTags.Contains(tag)) return "tag:" + tag;
        // The parser runs without scripting, so <noscript> is markup: usually an "enable JavaScript" notice or
        // an image fallback, but an unclosed one swallows the rest of the page (parcoabruzzo.it lost its whole
        // body). 500 characters is longer than any such notice seen in the corpus.
        if (tag == "noscript" && Dom.TextMeasure.CollapsedLength(NodeText.Of(el)) < 500) return "tag:noscript";
        if (hidden) return "hidden";
        if (ariaHidden == "true" && !(el.ClassName?.Contains("fallback", StringComparison.Ordinal) ?? false)) return "hidden";
        if (style is not null && IsHiddenStyle(style)) return "hidden";
        if (tag == "form" && IsSearchOrLogin(el)) return "form";
        return null;
    }

    static bool IsHiddenStyle(string style)
    {
        var s = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>A form that is a search box or a login: small and made of controls. A form that wraps the page (ASP.NET) stays.</summary>
    static bool IsSearchOrLogin(IElement form)
    {
        var role = form.GetAttribute("role");
        if (role == "search") return true;
        var action = form.GetAttribute("action") ?? "";
        if (action.Contains("search", StringComparison.OrdinalIgnoreCase) || action.Contains("login", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static void RemoveCommentNodes(IElement root)
    {
        var stack = new Stack<INode>();
        stack.Push(root);
        var doomed = new List<INode>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == NodeType.Comment) doomed.Add(child);
                else if (child.NodeType == NodeType.Element) stack.Push(child);
            }
        }
        foreach (var n in doomed) n.Parent?.RemoveChild(n);
    }
}

/// <summary>
/// What <see cref="TreeCleaner"/> removes from a page, found by another walk over it: the elements (top-most, in
/// document order, with the reason) and the HTML comment nodes outside them.
/// </summary>
internal sealed record CleaningPlan(IReadOnlyList<(IElement Element, string Reason)> Doomed, IReadOnlyList<INode> Comments);
