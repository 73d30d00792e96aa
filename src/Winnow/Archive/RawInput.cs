namespace Winnow.Archive;

/// <summary>
/// A forward-only buffer over the archive's bytes that knows the file offset of each byte and, on request,
/// keeps bytes already read (from <see cref="KeepFrom"/> on) so that a reader can step back to them.
/// </summary>
internal sealed class RawInput(Stream stream)
{
    // 64 KiB: the read size; any size works, this one keeps system calls few for local files.
    const int ReadSize = 64 * 1024;

    byte[] _buffer = new byte[ReadSize];
    int _start, _end;
    long _bufferOffset;
    bool _eof;

    /// <summary>File offset of the next unread byte.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Bytes from this file offset on are not dropped from the buffer (long.MaxValue: keep nothing read).</summary>
    public long KeepFrom { get; set; } = long.MaxValue;

    public int Available => _end - _start;

    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Reads until at least <paramref name="count"/> unread bytes are buffered; false when the file ends first.</summary>
    public bool Fill(int count)
    {
        while (_end - _start < count)
        {
            if (_eof) return false;
            MakeRoom(count);
            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n <= 0) { _eof = true; return _end - _start >= count; }
            _end += n;
        }
        return true;
    }

    public void Advance(int count) => _start += Math.Min(count, _end - _start);

    /// <summary>Moves to a file offset still in the buffer (kept bytes behind, or buffered bytes ahead).</summary>
    public void MoveTo(long offset)
    {
        var index = offset - _bufferOffset;
        if (index < 0 || index > _end) throw new InvalidOperationException($"Offset {offset} is no longer buffered.");
        _start = (int)index;
    }

    /// <summary>The byte at a file offset that is buffered (kept or unread), or -1.</summary>
    public int ByteAt(long offset)
    {
        var index = offset - _bufferOffset;
        return index >= 0 && index < _end ? _buffer[index] : -1;
    }

    void MakeRoom(int count)
    {
        var keepIndex = (int)Math.Clamp(KeepFrom - _bufferOffset, 0, _start);
        if (keepIndex > 0 && _buffer.Length - _end < ReadSize)
        {
            Buffer.BlockCopy(_buffer, keepIndex, _buffer, 0, _end - keepIndex);
            _bufferOffset += keepIndex;
            _start -= keepIndex;
            _end -= keepIndex;
        }
        var needed = Math.Max(_end + ReadSize, _start + count);
        if (needed > _buffer.Length) Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
    }
}
