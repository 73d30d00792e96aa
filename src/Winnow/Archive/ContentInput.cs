namespace Winnow.Archive;

/// <summary>A buffered reader over an <see cref="ArchiveSource"/>'s content: bytes, lines and skips, with positions.</summary>
internal sealed class ContentInput(ArchiveSource source)
{
    // 64 KiB: the size of each read from the source; lines longer than this are assembled across reads.
    const int BufferSize = 64 * 1024;

    byte[] _buffer = new byte[BufferSize];
    int _start, _end;
    long _bufferPosition;
    bool _eof;
    int _breaks;

    /// <summary>Content position of the next unread byte.</summary>
    public long Position => _bufferPosition + _start;

    public ArchiveSource Source => source;

    /// <summary>True once the content has ended (not merely paused at a break in damaged gzip data).</summary>
    public bool AtEnd => _eof && _start == _end;

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int Peek() => _start < _end || Fill() ? _buffer[_start] : -1;

    public int ReadByte() => _start < _end || Fill() ? _buffer[_start++] : -1;

    /// <summary>
    /// Reads one line (up to and without its LF and a CR before it) into <paramref name="line"/>; false at the end of
    /// the content before any byte. A line longer than <paramref name="maxLength"/> is cut there and flagged.
    /// </summary>
    public bool ReadLine(int maxLength, List<byte> line, out bool tooLong)
    {
        line.Clear();
        tooLong = false;
        if (Peek() < 0) return false;
        while (true)
        {
            if (_start == _end && !Fill()) break;
            var span = _buffer.AsSpan(_start, _end - _start);
            var lf = span.IndexOf((byte)'\n');
            var take = lf >= 0 ? lf : span.Length;
            if (line.Count + take > maxLength)
            {
                tooLong = true;
                _start += Math.Min(take, maxLength - line.Count + 1);
                return true;
            }
            line.AddRange(span[..take]);
            _start += take;
            if (lf >= 0) { _start++; break; }
        }
        if (line.Count > 0 && line[^1] == '\r') line.RemoveAt(line.Count - 1);
        return true;
    }

    /// <summary>Copies up to <paramref name="buffer"/>.Length bytes; fewer only at the end of the content.</summary>
    public int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            if (_start == _end && !Fill()) break;
            var n = Math.Min(buffer.Length - total, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(buffer[total..]);
            _start += n;
            total += n;
        }
        return total;
    }

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many were skipped (fewer only at the end).</summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (_start == _end && !Fill()) break;
            var n = (int)Math.Min(count - skipped, _end - _start);
            _start += n;
            skipped += n;
        }
        return skipped;
    }

    bool Fill()
    {
        if (_eof) return false;
        _bufferPosition += _start;
        _end -= _start;
        if (_end > 0) Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end);
        _start = 0;
        var n = source.Read(_buffer.AsSpan(_end));
        if (n <= 0)
        {
            // A break ends the current read only; the next one goes on after the damage.
            if (source.Breaks != _breaks) _breaks = source.Breaks;
            else _eof = true;
            return false;
        }
        _end += n;
        return true;
    }
}
