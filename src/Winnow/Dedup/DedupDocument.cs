namespace Winnow.Dedup;

/// <summary>
/// What near-duplicate clustering needs of one article: its fingerprint and what tells the original among copies.
/// </summary>
/// <param name="Fingerprint">The body's fingerprint (<see cref="MinHashFingerprint.Compute"/>); null when too short to compare.</param>
/// <param name="Url">Where the page was found.</param>
/// <param name="CanonicalUrl">The page's own <c>rel=canonical</c>.</param>
/// <param name="SourceUrl">The original the page credits ("originally published at …"), when known.</param>
/// <param name="Published">The article's publication date.</param>
public sealed record DedupDocument(MinHashFingerprint? Fingerprint, string? Url = null, string? CanonicalUrl = null,
    string? SourceUrl = null, DateTimeOffset? Published = null)
{
    /// <summary>The document for an extraction result (its body text fingerprinted).</summary>
    public static DedupDocument From(ExtractionResult result, string? url = null, DedupOptions? options = null) =>
        new(MinHashFingerprint.Compute(result.BodyText, options), url, result.Article.CanonicalUrl, null, result.Article.Published?.Value);
}

/// <summary>Where one document landed: its cluster (the number of the cluster's first document) and whether it is the cluster's canonical member.</summary>
public readonly record struct ClusterAssignment(int Cluster, bool IsCanonical);
