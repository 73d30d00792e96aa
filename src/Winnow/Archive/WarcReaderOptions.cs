using System.Collections.Immutable;

namespace Winnow.Archive;

/// <summary>What a <see cref="WarcReader"/> yields and how much it holds in memory. Immutable; share freely.</summary>
public sealed record WarcReaderOptions
{
    public static WarcReaderOptions Default { get; } = new();

    /// <summary>
    /// The record types yielded (WARC-Type, compared case-insensitively); every other record is skipped
    /// without buffering its block and only counted. Default: <c>response</c> and <c>resource</c>.
    /// </summary>
    public ImmutableHashSet<string> YieldTypes { get; init; } =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "response", "resource");

    /// <summary>
    /// The most bytes of a record's block kept in memory; the rest is skipped and the record marked
    /// <see cref="WarcRecord.BlockTruncated"/>. Default 20 MB, the extractor's own input limit
    /// (<see cref="ExtractionOptions.MaxInputBytes"/>), plus room for the HTTP headers.
    /// </summary>
    public long MaxBlockBytes { get; init; } = ExtractionOptions.Default.MaxInputBytes + MaxHeaderBytesDefault;

    /// <summary>
    /// The most bytes a WARC record header (or the HTTP header inside a response) may take before the
    /// record is reported as damaged. Default 64 KiB.
    /// </summary>
    public int MaxHeaderBytes { get; init; } = MaxHeaderBytesDefault;

    // 64 KiB: far above real headers (the largest WARC header in tests/data/warc is under 600 bytes) yet
    // small enough that a damaged file without line breaks is given up on quickly.
    const int MaxHeaderBytesDefault = 64 * 1024;
}
