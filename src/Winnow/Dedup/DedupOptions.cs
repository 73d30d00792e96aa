namespace Winnow.Dedup;

/// <summary>How near-duplicates are found. Immutable; share freely.</summary>
public sealed record DedupOptions
{
    public static DedupOptions Default { get; } = new();

    /// <summary>
    /// Two documents are near-duplicates when the estimated Jaccard similarity of their shingle sets is at least
    /// this. Default 0.4.
    /// </summary>
    // 0.4: dev corpus (Dedup/CorpusDedupTests): re-templated copies score 0.53+ (1st percentile 0.89), distinct articles 0.12 at most.
    public double Threshold { get; init; } = 0.4;

    /// <summary>Words per shingle. Default 5.</summary>
    // 5 words: a usual size for web near-duplicates (Broder et al. 1997 used 10), not tuned: with it the corpus gap is 0.12 vs 0.53.
    public int ShingleWords { get; init; } = 5;

    /// <summary>
    /// Documents with fewer words than this get no fingerprint and are never clustered: too little text to tell a
    /// copy from a stub that many pages share ("Page not found"). Default 25.
    /// </summary>
    // 25 words: about two sentences; the dev corpus's 11 pages below it (0-21 words) are unit-test stubs, captions, a lone headline, link posts.
    public int MinWords { get; init; } = 25;
}
