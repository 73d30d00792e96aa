namespace Winnow.Archive;

/// <summary>
/// The archive's content as one stream of bytes (decompressed when the file is gzip), with a way back from
/// a position in that stream to an offset in the file.
/// </summary>
internal abstract class ArchiveSource
{
    /// <summary>
    /// Reads decompressed bytes; 0 at the end, and once at each break (when <see cref="Breaks"/> went up),
    /// after which reading goes on with the content found after the damage.
    /// </summary>
    public abstract int Read(Span<byte> buffer);

    /// <summary>
    /// The file offset to report for the content byte at <paramref name="position"/>: the byte's own offset in
    /// a plain file, the offset of the gzip member holding it in a compressed one.
    /// </summary>
    public abstract long FileOffsetOf(long position);

    /// <summary>How often the content so far jumped over damaged bytes (the bytes around a jump do not belong together).</summary>
    public int Breaks { get; protected set; }

    /// <summary>Opens the file, gzip when it starts with the gzip magic bytes (RFC 1952: 1F 8B), plain otherwise.</summary>
    public static ArchiveSource Open(Stream stream, Action<WarcDamage> report)
    {
        var raw = new RawInput(stream);
        raw.Fill(2);
        var head = raw.Unread;
        return head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B ? new GzipMemberSource(raw, report) : new PlainSource(raw);
    }
}

/// <summary>An uncompressed archive: content positions are file offsets.</summary>
internal sealed class PlainSource(RawInput raw) : ArchiveSource
{
    public override int Read(Span<byte> buffer)
    {
        if (raw.Available == 0 && !raw.Fill(1)) return 0;
        var n = Math.Min(buffer.Length, raw.Available);
        raw.Unread[..n].CopyTo(buffer);
        raw.Advance(n);
        return n;
    }

    public override long FileOffsetOf(long position) => position;
}
