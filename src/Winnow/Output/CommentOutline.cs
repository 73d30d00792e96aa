using System.Collections.Immutable;
using Winnow.Blocks;
using Winnow.Comments;

namespace Winnow.Output;

/// <summary>
/// The comment thread as a block tree for the renderers: a bullet list, one item per top-level comment (its author
/// and date in bold as the first paragraph, then its text), each reply a nested list inside its parent's item.
/// Built bottom-up without recursion so that any depth of replies is safe.
/// </summary>
internal static class CommentOutline
{
    public static ImmutableArray<Block> ToBlocks(CommentThread thread)
    {
        if (thread.Count == 0) return ImmutableArray<Block>.Empty;
        var comments = thread.Comments;
        var replies = new List<int>[comments.Length];
        var top = new List<int>();
        for (int i = 0; i < comments.Length; i++)
        {
            replies[i] = [];
            if (comments[i].Parent is { } p && p >= 0 && p < i) replies[p].Add(i);
            else top.Add(i);
        }
        // A reply always comes after its parent: built from the last comment back, every reply's item exists first.
        var items = new ListItem[comments.Length];
        for (int i = comments.Length - 1; i >= 0; i--)
        {
            var blocks = ImmutableArray.CreateBuilder<Block>();
            var heading = Heading(comments[i]);
            if (heading.Length > 0) blocks.Add(new ParagraphBlock([new StrongInline([new TextInline(heading)])]));
            blocks.AddRange(comments[i].Text);
            if (replies[i].Count > 0) blocks.Add(new ListBlock(false, [.. replies[i].Select(r => items[r])]));
            items[i] = new ListItem(blocks.ToImmutable());
        }
        return [new ListBlock(false, [.. top.Select(t => items[t])])];
    }

    /// <summary>"Author · date as displayed", or whichever half exists.</summary>
    public static string Heading(Comment c)
    {
        var parts = new List<string>(2);
        if (OutputText.Collapse(c.Author) is { Length: > 0 } a) parts.Add(a);
        if (OutputText.Collapse(c.Date?.Raw) is { Length: > 0 } d) parts.Add(d);
        return string.Join(" · ", parts);
    }

    /// <summary>The thread as indented plain text: each comment's heading line, then its text; replies indented
    /// three spaces under their parent; comments separated by a blank line.</summary>
    public static string ToText(CommentThread thread)
    {
        var lines = new List<string>();
        for (int i = 0; i < thread.Count; i++)
        {
            var c = thread.Comments[i];
            var indent = new string(' ', 3 * Math.Min(c.Depth, 20)); // deeper replies stay at the twentieth level: still readable
            if (lines.Count > 0) lines.Add("");
            var heading = Heading(c);
            if (heading.Length > 0) lines.Add(indent + heading);
            var text = c.PlainText;
            foreach (var line in text.Split('\n'))
                lines.Add(line.Length == 0 ? "" : indent + line);
        }
        return string.Join("\n", lines);
    }
}
