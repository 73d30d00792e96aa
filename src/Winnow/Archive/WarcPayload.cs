using System.Collections.Immutable;

namespace Winnow.Archive;

/// <summary>
/// A record's payload: for a <c>response</c>, the HTTP body with its transfer and content encodings undone;
/// for a <c>resource</c>, the block as is.
/// </summary>
/// <param name="Bytes">The payload (at most the size cap asked for).</param>
/// <param name="Truncated">True when the payload was longer than the cap (or the block was cut at the reader's cap).</param>
/// <param name="Problems">What could not be decoded as declared and was used as it came (empty when all went well).</param>
public sealed record WarcPayload(byte[] Bytes, bool Truncated, ImmutableArray<string> Problems);
