using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Winnow.Archive;

/// <summary>
/// Reads the records of a WARC file (WARC 1.0 and 1.1; plain, gzip per record, or gzip as a whole, told apart by
/// the magic bytes) from a stream, one at a time, holding only the current record in memory. Yields the record
/// types of <see cref="WarcReaderOptions.YieldTypes"/>, counts all. A damaged stretch (bytes where a record header
/// should be, a record cut short, gzip data that does not decompress) is reported in <see cref="Tally"/> with its
/// offset, and reading resumes at the next record header found after it; every good record is kept.
/// One reader reads one stream once; not thread-safe (the records it yields are immutable).
/// </summary>
/// <remarks>
/// Format: WARC 1.1 (https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/): a version
/// line, header fields, a blank line, Content-Length bytes of block, then CRLF CRLF. Between records any run of
/// CR and LF is accepted, as real writers put the end marker in the next gzip member or write one CRLF too many.
/// </remarks>
public sealed class WarcReader
{
    readonly Stream _stream;
    readonly WarcReaderOptions _options;
    readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    readonly List<WarcDamage> _damage = [];
    int _yielded;
    bool _started;

    public WarcReader(Stream stream, WarcReaderOptions? options = null)
    {
        _stream = stream;
        _options = options ?? WarcReaderOptions.Default;
    }

    /// <summary>What has been read so far (all of the file once <see cref="ReadRecords"/> has been enumerated to its end).</summary>
    public WarcTally Tally => new(_counts.ToImmutableSortedDictionary(StringComparer.Ordinal), _yielded, [.. _damage]);

    /// <summary>The records, in file order. Can be enumerated once.</summary>
    public IEnumerable<WarcRecord> ReadRecords()
    {
        if (_started) throw new InvalidOperationException("A WarcReader reads its stream once.");
        _started = true;
        return Read();
    }

    IEnumerable<WarcRecord> Read()
    {
        var source = ArchiveSource.Open(_stream, d => Damage(d.Offset, d.Reason));
        var input = new ContentInput(source);
        var line = new List<byte>();
        Start? pending = null;
        while (true)
        {
            Start start;
            if (pending is { } p) { start = p; pending = null; }
            else
            {
                int b;
                while ((b = input.Peek()) is '\r' or '\n') input.ReadByte();
                if (b < 0)
                {
                    if (input.AtEnd) yield break;
                    continue;
                }
                start = new Start(input.Position, source.FileOffsetOf(input.Position), source.Breaks);
                input.ReadLine(_options.MaxHeaderBytes, line, out var tooLong);
                var version = tooLong ? "" : Encoding.ASCII.GetString([.. line]);
                if (!IsVersionLine(version))
                {
                    Damage(start.Offset, "bytes where a WARC record header should start");
                    pending = Resync(input, line);
                    if (pending is null) yield break;
                    continue;
                }
                start = start with { Version = version };
            }

            var header = ReadHeader(input, line, start, out var failure);
            if (header is null)
            {
                Damage(start.Offset, failure!);
                if (input.AtEnd) yield break;
                pending = Resync(input, line);
                if (pending is null) yield break;
                continue;
            }

            var type = (header["WARC-Type"] ?? "").Trim().ToLowerInvariant();
            var lengthText = header["Content-Length"];
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                Damage(start.Offset, $"record without a valid Content-Length ('{lengthText}')");
                pending = Resync(input, line);
                if (pending is null) yield break;
                continue;
            }

            var wanted = _options.YieldTypes.Contains(type);
            byte[] block = [];
            long got;
            if (wanted)
            {
                block = new byte[(int)Math.Min(length, Math.Min(_options.MaxBlockBytes, Array.MaxLength))];
                got = input.Read(block);
                if (got == block.Length) got += input.Skip(length - block.Length);
            }
            else got = input.Skip(length);

            if (got < length && source.Breaks == start.Breaks)
            {
                Damage(start.Offset, $"file ends inside the {Describe(type)} record ({got} of {length} block bytes)");
                yield break;
            }
            if (source.Breaks != start.Breaks)
            {
                Damage(start.Offset, $"the {Describe(type)} record runs into damaged gzip data; dropped");
                if (input.AtEnd) yield break;
                pending = Resync(input, line);
                if (pending is null) yield break;
                continue;
            }

            _counts[type] = _counts.GetValueOrDefault(type) + 1;
            if (!wanted) continue;
            _yielded++;
            yield return BuildRecord(start, type, header, length, block);
        }
    }

    WarcRecord BuildRecord(Start start, string type, WarcHeaders header, long length, byte[] block)
    {
        var rawDate = header["WARC-Date"];
        DateTimeOffset? date = DateTimeOffset.TryParse(rawDate, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
        var contentType = header["Content-Type"];
        var http = type is "response" && (contentType is null || contentType.Contains("application/http", StringComparison.OrdinalIgnoreCase))
            ? HttpResponseHead.Parse(block, _options.MaxHeaderBytes)
            : null;
        return new WarcRecord
        {
            Version = start.Version,
            Type = type,
            RecordId = header["WARC-Record-ID"],
            TargetUri = CleanUri(header["WARC-Target-URI"]),
            RawDate = rawDate,
            Date = date,
            ContentType = contentType,
            Offset = start.Offset,
            Headers = header,
            DeclaredLength = length,
            Block = block,
            BlockTruncated = block.LongLength < length,
            Http = http,
        };
    }

    /// <summary>Reads the header lines after the version line up to the blank line; null (with why) when it is cut off or too long.</summary>
    WarcHeaders? ReadHeader(ContentInput input, List<byte> line, Start start, out string? failure)
    {
        var lines = new List<string>();
        var total = 0;
        while (true)
        {
            if (!input.ReadLine(_options.MaxHeaderBytes, line, out var tooLong))
            {
                failure = input.AtEnd ? "file ends inside a record header" : "record header runs into damaged gzip data";
                return null;
            }
            total += line.Count + 2;
            if (tooLong || total > _options.MaxHeaderBytes)
            {
                failure = $"record header longer than {_options.MaxHeaderBytes} bytes";
                return null;
            }
            if (line.Count == 0) break;
            // WARC 1.1 section 4: header fields are UTF-8.
            lines.Add(Encoding.UTF8.GetString([.. line]));
        }
        failure = null;
        return WarcHeaders.Parse(lines);
    }

    /// <summary>Skips lines until one is a WARC version line; returns where that record starts, or null at the end.</summary>
    Start? Resync(ContentInput input, List<byte> line)
    {
        var source = input.Source;
        while (true)
        {
            // Peeking first makes the source open the member holding the next byte, whose offset is wanted.
            input.Peek();
            var position = input.Position;
            var start = new Start(position, source.FileOffsetOf(position), source.Breaks);
            if (!input.ReadLine(_options.MaxHeaderBytes, line, out var tooLong))
            {
                if (input.AtEnd) return null;
                continue;
            }
            if (tooLong || line.Count > VersionLineMaxLength) continue;
            var text = Encoding.ASCII.GetString([.. line]);
            if (IsVersionLine(text)) return start with { Version = text };
        }
    }

    // "WARC/1.0", "WARC/1.1" (8 bytes); a little room for other versions ("WARC/0.17").
    const int VersionLineMaxLength = 12;

    static bool IsVersionLine(string line) =>
        line.Length <= VersionLineMaxLength && line.StartsWith("WARC/", StringComparison.Ordinal) && line.Length > 5 && char.IsAsciiDigit(line[5]);

    static string? CleanUri(string? uri)
    {
        if (uri is null) return null;
        uri = uri.Trim();
        // WARC 1.0's grammar showed the URI in angle brackets and some writers (wget) still put them.
        if (uri.Length >= 2 && uri[0] == '<' && uri[^1] == '>') uri = uri[1..^1].Trim();
        return uri;
    }

    static string Describe(string type) => type.Length == 0 ? "untyped" : type;

    /// <summary>Adds a damage report; one at the offset of the last (a gzip member and the record in it) is merged with it.</summary>
    void Damage(long offset, string reason)
    {
        if (_damage.Count > 0 && _damage[^1].Offset == offset) _damage[^1] = new WarcDamage(offset, _damage[^1].Reason + "; " + reason);
        else _damage.Add(new WarcDamage(offset, reason));
    }

    readonly record struct Start(long Position, long Offset, int Breaks, string Version = "");
}
