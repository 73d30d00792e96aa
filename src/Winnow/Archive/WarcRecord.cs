namespace Winnow.Archive;

/// <summary>
/// One record of a WARC file (WARC 1.0 / 1.1), with its block held in memory (up to the reader's cap).
/// Immutable; safe to hand to other threads once read.
/// </summary>
public sealed record WarcRecord
{
    /// <summary>The WARC version of the record, e.g. <c>WARC/1.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>WARC-Type, lower case (e.g. <c>response</c>, <c>resource</c>).</summary>
    public required string Type { get; init; }

    /// <summary>WARC-Record-ID, e.g. <c>&lt;urn:uuid:…&gt;</c>, or null when missing.</summary>
    public string? RecordId { get; init; }

    /// <summary>WARC-Target-URI, the page's URL, without the angle brackets some writers put around it; spaces kept as they are.</summary>
    public string? TargetUri { get; init; }

    /// <summary>WARC-Date as written.</summary>
    public string? RawDate { get; init; }

    /// <summary>WARC-Date parsed (UTC), or null when missing or unreadable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The record's own Content-Type (e.g. <c>application/http; msgtype=response</c> or, for a resource, the resource's type).</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// Where the record starts in the file: its byte offset in a plain file; in a gzip file, the compressed
    /// offset of the gzip member holding its first byte (0 for every record of a file gzipped as a whole).
    /// </summary>
    public required long Offset { get; init; }

    /// <summary>All header fields of the record.</summary>
    public required WarcHeaders Headers { get; init; }

    /// <summary>The Content-Length the record declares.</summary>
    public required long DeclaredLength { get; init; }

    /// <summary>The block (HTTP head and body for a response; the resource itself for a resource), up to the reader's cap.</summary>
    public required ReadOnlyMemory<byte> Block { get; init; }

    /// <summary>True when the block was longer than the reader's cap and only its start is held.</summary>
    public bool BlockTruncated { get; init; }

    /// <summary>The HTTP status line and headers of a response record, or null (not a response, or no HTTP head).</summary>
    public HttpResponseHead? Http { get; init; }

    /// <summary>The payload's media type, to hand to the HTML decoder: the HTTP Content-Type of a response, the record's Content-Type otherwise.</summary>
    public string? PayloadContentType => Http is not null ? Http.ContentType : ContentType;

    /// <summary>
    /// The payload, decoded: for an HTTP response, the body with chunked transfer coding and gzip/deflate/br
    /// content coding undone; otherwise the block. At most <paramref name="maxBytes"/> bytes are returned.
    /// </summary>
    public WarcPayload GetPayload(long maxBytes = long.MaxValue)
    {
        if (Http is null)
        {
            var cut = Block.Length > maxBytes;
            return new WarcPayload(cut ? Block[..(int)maxBytes] : Block, cut || BlockTruncated, []);
        }
        return HttpBodyDecoder.Decode(Block[Http.Length..], Http.Headers, maxBytes, BlockTruncated);
    }
}
