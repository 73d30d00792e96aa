using System.IO.Compression;
using System.Text;

namespace Winnow.Tests.Archive;

/// <summary>How a test archive is compressed.</summary>
public enum WarcCompression { None, GzipPerRecord, GzipWholeFile }

/// <summary>
/// Writes small WARC 1.1 archives for tests: one <c>response</c> record per page, with HTTP headers carrying the
/// content type and charset, optionally chunked and/or gzip content-coded; and arbitrary other records.
/// Remembers where each record starts (the offset a reader should report).
/// </summary>
public sealed class WarcWriter(WarcCompression compression, int firstSerial = 0)
{
    readonly MemoryStream _file = new();
    readonly MemoryStream _wholeFile = new();
    int _serial = firstSerial;

    public List<long> Offsets { get; } = [];

    public void WriteResponse(string url, byte[] body, string contentType = "text/html; charset=utf-8",
        bool chunked = false, bool gzipBody = false, DateTimeOffset? date = null, int status = 200)
    {
        var payload = gzipBody ? Gzip(body) : body;
        var http = new StringBuilder()
            .Append($"HTTP/1.1 {status} OK\r\n")
            .Append($"Content-Type: {contentType}\r\n");
        if (gzipBody) http.Append("Content-Encoding: gzip\r\n");
        http.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {payload.Length}\r\n").Append("\r\n");
        var block = new MemoryStream();
        block.Write(Encoding.ASCII.GetBytes(http.ToString()));
        if (chunked) WriteChunks(block, payload);
        else block.Write(payload);
        WriteRecord("response", url, "application/http; msgtype=response", block.ToArray(), date);
    }

    public void WriteRecord(string type, string? url, string contentType, byte[] block, DateTimeOffset? date = null)
    {
        var header = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append($"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{++_serial:D12}>\r\n")
            .Append($"WARC-Date: {(date ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\r\n");
        if (url is not null) header.Append($"WARC-Target-URI: {url}\r\n");
        header.Append($"Content-Type: {contentType}\r\n").Append($"Content-Length: {block.Length}\r\n\r\n");
        var record = new MemoryStream();
        record.Write(Encoding.UTF8.GetBytes(header.ToString()));
        record.Write(block);
        record.Write("\r\n\r\n"u8);
        switch (compression)
        {
            case WarcCompression.None:
                Offsets.Add(_file.Length);
                record.WriteTo(_file);
                break;
            case WarcCompression.GzipPerRecord:
                Offsets.Add(_file.Length);
                _file.Write(Gzip(record.ToArray()));
                break;
            case WarcCompression.GzipWholeFile:
                Offsets.Add(0);
                record.WriteTo(_wholeFile);
                break;
        }
    }

    public byte[] ToArray() => compression == WarcCompression.GzipWholeFile ? Gzip(_wholeFile.ToArray()) : _file.ToArray();

    static void WriteChunks(Stream output, byte[] payload)
    {
        // Chunks of uneven sizes, as servers write them.
        var pos = 0;
        for (var size = 1000; pos < payload.Length; size = size * 3 / 2 + 7)
        {
            var n = Math.Min(size, payload.Length - pos);
            output.Write(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
            output.Write(payload, pos, n);
            output.Write("\r\n"u8);
            pos += n;
        }
        output.Write("0\r\n\r\n"u8);
    }

    public static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }
}
