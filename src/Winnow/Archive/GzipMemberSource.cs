using System.Buffers.Binary;
using System.IO.Compression;

namespace Winnow.Archive;

/// <summary>
/// A gzip archive read one member at a time (RFC 1952), so that each content byte can be traced to the
/// compressed offset of its member: one member per record (the WARC convention) gives each record its own
/// offset, one member for the whole file gives every record offset 0. The gzip header is parsed here; the
/// deflate data goes through <see cref="DeflateStream"/>; since that stream reads ahead, the member's end is
/// found afterwards by looking, in the last bytes it was fed, for the trailer (CRC-32 and length of what it
/// produced). A member that is cut short, fails its checksum or holds invalid deflate data is reported, and
/// reading resumes at the next gzip header found after it.
/// </summary>
internal sealed class GzipMemberSource(RawInput raw, Action<WarcDamage> report) : ArchiveSource
{
    // RFC 1952 section 2.3: ID1 ID2 CM (8 = deflate), the only method gzip defines.
    const byte Id1 = 0x1F, Id2 = 0x8B, DeflateMethod = 8;
    // RFC 1952 section 2.3.1: FLG bits.
    const byte FlagHeaderCrc = 0x02, FlagExtra = 0x04, FlagName = 0x08, FlagComment = 0x10, FlagReserved = 0xE0;
    // RFC 1952: the fixed header is 10 bytes, the trailer 8 (CRC-32 then ISIZE, little-endian).
    const int FixedHeaderLength = 10, TrailerLength = 8;

    readonly List<(long Position, long Offset)> _members = [];
    DeflateStream? _inflater;
    MemberFeed? _feed;
    long _memberOffset;
    // System.IO.Hashing's CRC-32 (RFC 1952's polynomial), vectorised: our table-driven one was 38 % of reading
    // a WARC.gz (profile, 2026-11-22), on the batch's single reader thread.
    readonly System.IO.Hashing.Crc32 _crc = new();
    long _memberLength;
    long _position;

    public override int Read(Span<byte> buffer)
    {
        // At damage, the read returns nothing (see ArchiveSource.Breaks) so that the record in progress ends
        // there instead of continuing with the bytes of the next member.
        while (true)
        {
            if (_inflater is null)
            {
                var breaks = Breaks;
                if (!StartMember() || Breaks != breaks) return 0;
            }
            int n;
            try
            {
                n = _inflater!.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                Damaged($"invalid deflate data ({e.Message})");
                return 0;
            }
            if (n > 0)
            {
                _crc.Append(buffer[..n]);
                _memberLength += n;
                _position += n;
                return n;
            }
            if (!FinishMember()) return 0;
        }
    }

    public override long FileOffsetOf(long position)
    {
        // Members are few per record; the list is searched from the end, where current positions are.
        for (var i = _members.Count - 1; i >= 0; i--)
            if (_members[i].Position <= position) return _members[i].Offset;
        return 0;
    }

    bool StartMember()
    {
        if (!raw.Fill(1)) return false;
        var offset = raw.Position;
        if (!TryParseHeader())
        {
            report(new WarcDamage(offset, "bytes that are not a gzip member"));
            Breaks++;
            if (!SkipToNextHeader(offset + 1)) return false;
            offset = raw.Position;
            if (!TryParseHeader()) return false; // SkipToNextHeader only stops where TryParseHeader succeeds
        }
        _memberOffset = offset;
        _crc.Reset();
        _memberLength = 0;
        // Positions of earlier members are only asked for while their records are read; keep a few.
        if (_members.Count > 64) _members.RemoveRange(0, 32);
        _members.Add((_position, offset));
        _feed = new MemberFeed(raw);
        _inflater = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>Parses a gzip header at the current position and moves past it; false (not moved) when there is none.</summary>
    bool TryParseHeader()
    {
        var start = raw.Position;
        raw.KeepFrom = start;
        try
        {
            if (!raw.Fill(FixedHeaderLength)) return false;
            var head = raw.Unread;
            if (head[0] != Id1 || head[1] != Id2 || head[2] != DeflateMethod || (head[3] & FlagReserved) != 0) return false;
            var flags = head[3];
            raw.Advance(FixedHeaderLength);
            if ((flags & FlagExtra) != 0)
            {
                if (!raw.Fill(2)) return Rewind(start);
                var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(raw.Unread);
                raw.Advance(2);
                if (!raw.Fill(extraLength)) return Rewind(start);
                raw.Advance(extraLength);
            }
            if ((flags & FlagName) != 0 && !SkipZeroTerminated()) return Rewind(start);
            if ((flags & FlagComment) != 0 && !SkipZeroTerminated()) return Rewind(start);
            if ((flags & FlagHeaderCrc) != 0)
            {
                if (!raw.Fill(2)) return Rewind(start);
                raw.Advance(2);
            }
            return true;
        }
        finally
        {
            raw.KeepFrom = long.MaxValue;
        }
    }

    bool Rewind(long start)
    {
        raw.MoveTo(start);
        return false;
    }

    bool SkipZeroTerminated()
    {
        while (true)
        {
            if (!raw.Fill(1)) return false;
            var unread = raw.Unread;
            var zero = unread.IndexOf((byte)0);
            if (zero >= 0) { raw.Advance(zero + 1); return true; }
            raw.Advance(unread.Length);
        }
    }

    /// <summary>Finds the member's trailer and moves past it; false when the member is damaged (reported).</summary>
    bool FinishMember()
    {
        var feed = _feed!;
        var searchFrom = feed.PreviousFeedStart;
        var searchTo = raw.Position;
        raw.KeepFrom = searchFrom;
        raw.Fill(TrailerLength);
        Span<byte> expected = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(expected[4..], unchecked((uint)_memberLength));
        long found = -1;
        for (var p = searchFrom; p <= searchTo && found < 0; p++)
        {
            var match = true;
            for (var i = 0; i < TrailerLength && match; i++) match = raw.ByteAt(p + i) == expected[i];
            if (match) found = p;
        }
        if (found >= 0)
        {
            raw.MoveTo(found + TrailerLength);
            raw.KeepFrom = long.MaxValue;
            EndMember();
            return true;
        }
        Damaged(_memberLength == 0 ? "gzip member without data" : "gzip member cut short or failing its checksum");
        return false;
    }

    /// <summary>
    /// Reports the current member and resumes at the next gzip header after the start of the last slice fed
    /// to the inflater (still buffered): the damage lies in that slice, later members may follow right after it.
    /// </summary>
    void Damaged(string reason)
    {
        report(new WarcDamage(_memberOffset, reason));
        Breaks++;
        var resume = Math.Max(_memberOffset + 1, _feed!.PreviousFeedStart);
        EndMember();
        raw.MoveTo(resume);
        raw.KeepFrom = long.MaxValue;
        SkipToNextHeader(resume);
    }

    void EndMember()
    {
        _inflater?.Dispose();
        _inflater = null;
        _feed = null;
    }

    /// <summary>Moves to the next offset (at or after <paramref name="from"/>) where a gzip header parses; false at the end of the file.</summary>
    bool SkipToNextHeader(long from)
    {
        if (raw.Position < from)
        {
            while (raw.Position < from && raw.Fill(1)) raw.Advance((int)Math.Min(from - raw.Position, raw.Available));
        }
        while (raw.Fill(FixedHeaderLength))
        {
            var unread = raw.Unread;
            var at = unread.IndexOf(Id1);
            if (at < 0) { raw.Advance(unread.Length); continue; }
            raw.Advance(at);
            if (!raw.Fill(FixedHeaderLength)) break;
            var start = raw.Position;
            if (TryParseHeader())
            {
                raw.MoveTo(start);
                return true;
            }
            raw.Advance(1);
        }
        // Fewer than a header's bytes are left: nothing more can be read.
        while (raw.Fill(1)) raw.Advance(raw.Available);
        return false;
    }

    /// <summary>
    /// Feeds the inflater the raw bytes in small slices and remembers where the previous slice began: the
    /// inflater stops reading once the deflate data ends, so the trailer starts within the last two slices.
    /// </summary>
    sealed class MemberFeed(RawInput raw) : Stream
    {
        // 16 KiB slices: small enough that the trailer search after each member scans little.
        const int SliceSize = 16 * 1024;

        long _lastFeedStart = -1;

        public long PreviousFeedStart { get; private set; } = raw.Position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (raw.Available == 0 && !raw.Fill(1)) return 0;
            var start = raw.Position;
            PreviousFeedStart = _lastFeedStart < 0 ? start : _lastFeedStart;
            _lastFeedStart = start;
            raw.KeepFrom = PreviousFeedStart;
            var n = Math.Min(Math.Min(buffer.Length, SliceSize), raw.Available);
            raw.Unread[..n].CopyTo(buffer);
            raw.Advance(n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
