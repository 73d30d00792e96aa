using System.IO.Compression;
using System.Text;

namespace Winnow.Cli.Batch;

/// <summary>
/// One of a batch's output files (JSON lines), plain or gzip (when the name ends in <c>.gz</c>),
/// appended to and committed in steps. A gzip file is written as one gzip member per commit
/// (concatenated members are one valid gzip stream, RFC 1952 §2.2), so every committed length
/// is a member boundary and truncating to it leaves a valid file.
/// </summary>
internal sealed class RecordSink : IDisposable
{
    readonly FileStream _file;
    readonly bool _gzip;
    Stream? _open;
    bool _pending;

    public RecordSink(string path, long committedLength)
    {
        _gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        // drop whatever was written after the last commit (a killed run's tail)
        _file.SetLength(Math.Min(committedLength, _file.Length));
        _file.Seek(0, SeekOrigin.End);
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>The committed length (after <see cref="Commit"/>).</summary>
    public long Length => _file.Length;

    public void WriteLine(ReadOnlySpan<byte> utf8Json)
    {
        var s = _open ??= _gzip ? new GZipStream(_file, CompressionLevel.Fastest, leaveOpen: true) : _file;
        s.Write(utf8Json);
        s.WriteByte((byte)'\n');
        _pending = true;
    }

    public void WriteLine(string json) => WriteLine(Encoding.UTF8.GetBytes(json));

    /// <summary>Makes everything written so far durable and returns the new committed length.</summary>
    public long Commit()
    {
        if (_pending)
        {
            if (_gzip) _open!.Dispose(); // ends the member
            _open = null;
            _pending = false;
        }
        _file.Flush(flushToDisk: true);
        return _file.Length;
    }

    public void Dispose()
    {
        _open?.Dispose();
        _file.Dispose();
    }
}
