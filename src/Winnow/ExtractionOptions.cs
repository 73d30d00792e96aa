namespace Winnow;

/// <summary>How much to favour precision over recall when choosing the article's content.</summary>
public enum ExtractionFocus
{
    /// <summary>Keep only what is clearly the article; drop borderline blocks.</summary>
    Precision,
    /// <summary>The default trade-off, tuned on the dev corpus.</summary>
    Balanced,
    /// <summary>Keep borderline blocks; prefer longer candidates.</summary>
    Recall,
}

/// <summary>Where the replies of a forum thread or Q&amp;A page go (the opening post, or the question, is always the body).</summary>
public enum ForumReplies
{
    /// <summary>The replies (answers) are the comment thread, with author, date, score and nesting; the body holds only the opening post.</summary>
    Thread,
    /// <summary>Every post, in page order, is the body (as trafilatura does on forums); the thread holds none of them.</summary>
    Body,
}

/// <summary>
/// All options of an <see cref="Extractor"/>, as one immutable record with defaults.
/// Build it once, build the extractor once, reuse both from any number of threads.
/// </summary>
public sealed record ExtractionOptions
{
    /// <summary>The default options.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>Precision / balanced / recall.</summary>
    public ExtractionFocus Focus { get; init; } = ExtractionFocus.Balanced;

    /// <summary>
    /// Read the article's metadata (title, authors, dates, language, …). Off, only the body (and thread) is
    /// extracted, for corpus builders who need the text alone; the body may then keep a headline or byline
    /// that the metadata would have recognised and left out.
    /// </summary>
    public bool IncludeMetadata { get; init; } = true;

    /// <summary>Return the readers' comment thread (it never enters the body either way).</summary>
    public bool IncludeComments { get; init; } = true;

    /// <summary>On forum threads and Q&amp;A pages: the replies as the comment thread (default) or in the body after the opening post.</summary>
    public ForumReplies ForumReplies { get; init; } = ForumReplies.Thread;

    /// <summary>Keep tables in the body.</summary>
    public bool IncludeTables { get; init; } = true;

    /// <summary>Keep images (figures) in the body.</summary>
    public bool IncludeImages { get; init; } = true;

    /// <summary>Keep hyperlinks as links (otherwise their text only).</summary>
    public bool IncludeLinks { get; init; } = true;

    /// <summary>Pages larger than this many bytes are refused with <see cref="PageTooLargeException"/>.</summary>
    /// <remarks>20,000,000 bytes, trafilatura's MAX_FILE_SIZE: seven times the largest corpus page (about 3 MB).
    /// Past it a page is refused at once with a clear error; a page just under it takes about 4 s on these machines
    /// (measured 2026-11-22: AngleSharp's parse alone is 1.2 s), so raise it only with <see cref="Timeout"/> in mind.</remarks>
    public long MaxInputBytes { get; init; } = 20_000_000;

    /// <summary>Deepest element nesting the parser builds; deeper tags are flattened into their ancestor.</summary>
    /// <remarks>512, as Chromium's HTML parser: AngleSharp's cost grows with the square of the depth
    /// (66 s for 100,000 nested divs measured here), so the depth must be bounded before the parse.</remarks>
    public int MaxTreeDepth { get; init; } = 512;

    /// <summary>Time budget for one page; past it extraction stops with <see cref="ExtractionTimeoutException"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
