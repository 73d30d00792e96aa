namespace Winnow.Dedup;

/// <summary>How near-duplicates are found. Immutable; share freely.</summary>
public sealed record DedupOptions
{
    public static DedupOptions Default { get; } = new();

    /// <summary>
    /// Two documents are near-duplicates when the estimated Jaccard similarity of their shingle sets is at least
    /// this. Default 0.4.
    /// </summary>
    // 0.4: measured on the dev corpus (tests/Winnow.Tests/Dedup/CorpusDedupTests): re-templated copies score 0.53 and
    // up (1st percentile 0.89, median 1.0), the most similar distinct articles 0.12; 0.4 sits in that gap with room on both sides.
    public double Threshold { get; init; } = 0.4;

    /// <summary>Words per shingle. Default 5.</summary>
    // 5 words: short enough that a copy whose paragraphs were re-wrapped or lightly edited keeps most shingles,
    // long enough that distinct articles on one topic share few (Broder 1997 used 10; near-duplicate studies on web text use 4-9).
    public int ShingleWords { get; init; } = 5;

    /// <summary>
    /// Documents with fewer words than this get no fingerprint and are never clustered: too little text to tell a
    /// copy from a stub that many pages share ("Page not found"). Default 25.
    /// </summary>
    // 25 words: about two sentences; the dev corpus's pages with less extracted text are error pages and stubs.
    public int MinWords { get; init; } = 25;
}
