using System.Buffers.Binary;
using System.IO.Compression;

namespace Winnow.Cli.Input;

/// <summary>Reads a page's raw bytes from a file or a stream, gunzipping it when it is gzip-compressed, never more than a size limit.</summary>
public static class PageReader
{
    /// <summary>Reads a file (plain or gzip; gzip is recognised by its magic number, whatever the name).</summary>
    /// <exception cref="CliException">Missing or unreadable file (<see cref="ExitCodes.Unreadable"/>), over the limit (<see cref="ExitCodes.TooLarge"/>).</exception>
    public static byte[] ReadFile(string path, long maxBytes)
    {
        if (Directory.Exists(path))
            throw new CliException(ExitCodes.Unreadable, $"cannot read '{path}': it is a directory, not a file.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return ReadStream(stream, $"'{path}'", maxBytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException(ExitCodes.Unreadable, $"cannot read '{path}': no such file.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException(ExitCodes.Unreadable, $"cannot read '{path}': permission denied.", e);
        }
        catch (IOException e)
        {
            throw new CliException(ExitCodes.Unreadable, $"cannot read '{path}': {e.Message}", e);
        }
    }

    /// <summary>Reads a whole stream (e.g. standard input); <paramref name="name"/> names it in messages.</summary>
    public static byte[] ReadStream(Stream stream, string name, long maxBytes)
    {
        var raw = ReadCapped(stream, name, maxBytes);
        if (!IsGzip(raw)) return raw;
        byte[] inflated;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            inflated = ReadCapped(gzip, name + " (decompressed)", maxBytes);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(ExitCodes.Unreadable, $"cannot read {name}: it starts like a gzip file but is not a valid one ({e.Message}).", e);
        }
        // GZipStream returns what it could inflate from a truncated file without complaint; the trailer's
        // ISIZE (the uncompressed length mod 2^32, RFC 1952 section 2.3.1) tells. A file of several gzip
        // members (rare for a page; e.g. bgzip) also fails this check, since ISIZE is then the last member's.
        if (raw.Length < 18 || BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 4)) != (uint)inflated.Length)
            throw new CliException(ExitCodes.Unreadable, $"cannot read {name}: it starts like a gzip file but is truncated or not a single gzip member.");
        return inflated;
    }

    /// <summary>Whether the bytes start with the gzip magic number 1F 8B (RFC 1952, section 2.3.1).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    static byte[] ReadCapped(Stream stream, string name, long maxBytes)
    {
        using var buffer = new MemoryStream();
        // 81,920 bytes: Stream.CopyTo's default buffer size, the largest that stays off the large-object heap.
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw TooLarge(name, maxBytes);
        }
        return buffer.ToArray();
    }

    internal static CliException TooLarge(string name, long maxBytes) =>
        new(ExitCodes.TooLarge, $"{name} is larger than the limit of {maxBytes:N0} bytes (ExtractionOptions.MaxInputBytes).");
}
