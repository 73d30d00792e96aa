using System.Collections.Immutable;

namespace Winnow.Archive;

/// <summary>
/// A record's payload: for a <c>response</c>, the HTTP body with its transfer and content encodings undone;
/// for a <c>resource</c>, the block as is.
/// </summary>
/// <param name="Bytes">The payload (at most the size cap asked for): a slice of the record's block when nothing had to be
/// undone (no copy of a page's bytes per record), new memory when a coding was undone.</param>
/// <param name="Truncated">True when the payload was longer than the cap (or the block was cut at the reader's cap).</param>
/// <param name="Problems">What could not be decoded as declared and was used as it came (empty when all went well).</param>
public sealed record WarcPayload(ReadOnlyMemory<byte> Bytes, bool Truncated, ImmutableArray<string> Problems);
