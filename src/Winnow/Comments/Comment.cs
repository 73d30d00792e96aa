using System.Collections.Immutable;
using Winnow.Blocks;

namespace Winnow.Comments;

/// <summary>One reader comment of the page's thread.</summary>
/// <param name="Id">The comment's id as the page gives it (e.g. <c>comment-1234</c>), or null.</param>
/// <param name="Parent">Index in <see cref="CommentThread.Comments"/> of the comment this one replies to; null for a top-level comment.</param>
/// <param name="Depth">0 for a top-level comment, 1 for a reply, and so on.</param>
/// <param name="Author">The name as displayed (without "says:"), or null.</param>
/// <param name="AuthorUrl">The link on the author's name, absolute when the page URL is known.</param>
/// <param name="Date">The date as displayed (<see cref="PageDate.Raw"/>) with its ISO value when it could be parsed.</param>
/// <param name="Text">The comment's text as blocks (paragraphs, line breaks kept).</param>
/// <param name="Score">The vote count or score the page shows, when it shows one.</param>
public sealed record Comment(
    string? Id,
    int? Parent,
    int Depth,
    string? Author,
    string? AuthorUrl,
    PageDate? Date,
    ImmutableArray<Block> Text,
    int? Score)
{
    /// <summary>Whether the page marks this reply as the accepted answer (Q&amp;A pages: Stack Exchange, schema.org <c>acceptedAnswer</c>).</summary>
    public bool IsAccepted { get; init; }

    /// <summary>The text as plain text: paragraphs separated by a blank line.</summary>
    public string PlainText => Output.PlainText.Render(Text);
}

/// <summary>A comment with its replies, for the nested form of the thread.</summary>
public sealed record CommentNode(int Index, Comment Comment, ImmutableArray<CommentNode> Replies);

/// <summary>The readers' comment thread: comments in document order, each pointing to its parent by index.</summary>
/// <param name="Comments">The comments in document order.</param>
/// <param name="IsPartial">Whether the page shows only part of the thread (paged, or "load more").</param>
public sealed record CommentThread(ImmutableArray<Comment> Comments, bool IsPartial)
{
    /// <summary>No comments.</summary>
    public static CommentThread Empty { get; } = new(ImmutableArray<Comment>.Empty, false);

    /// <summary>The number of comments.</summary>
    public int Count => Comments.IsDefault ? 0 : Comments.Length;

    /// <summary>The thread as a tree: the top-level comments, each with its replies.</summary>
    public ImmutableArray<CommentNode> Nested()
    {
        if (Count == 0) return ImmutableArray<CommentNode>.Empty;
        var children = new List<int>[Count];
        var roots = new List<int>();
        for (int i = 0; i < Count; i++)
        {
            children[i] = [];
            if (Comments[i].Parent is { } p && p >= 0 && p < i) children[p].Add(i);
            else roots.Add(i);
        }
        // Built from the last comment back so every reply's node exists before its parent's (no recursion: threads can be deep).
        var nodes = new CommentNode[Count];
        for (int i = Count - 1; i >= 0; i--)
            nodes[i] = new CommentNode(i, Comments[i], [.. children[i].Select(c => nodes[c])]);
        return [.. roots.Select(r => nodes[r])];
    }

    /// <summary>The comments' texts joined by a blank line (the benchmarks' "comments" field).</summary>
    public string JoinedText => Count == 0 ? "" : string.Join("\n\n", Comments.Select(c => c.PlainText).Where(t => t.Length > 0));
}
