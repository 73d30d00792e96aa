using System.Text;

namespace Winnow.Archive;

/// <summary>The status line and headers of the HTTP response inside a WARC <c>response</c> record.</summary>
/// <param name="Version">E.g. <c>HTTP/1.1</c>.</param>
/// <param name="Status">The status code, e.g. 200.</param>
/// <param name="Reason">The reason phrase, e.g. <c>OK</c> (may be empty).</param>
/// <param name="Headers">The response headers.</param>
/// <param name="Length">Bytes of the block the status line and headers take, blank line included: the body starts there.</param>
public sealed record HttpResponseHead(string Version, int Status, string Reason, WarcHeaders Headers, int Length)
{
    /// <summary>The <c>Content-Type</c> header (e.g. <c>text/html; charset=utf-8</c>), for the HTML decoder.</summary>
    public string? ContentType => Headers["Content-Type"];

    /// <summary>
    /// Parses the head at the start of <paramref name="block"/>: <c>HTTP/x.y NNN reason</c>, header lines, blank
    /// line (CRLF or bare LF). Null when the block does not start with a status line or its head does not end
    /// within <paramref name="maxLength"/> bytes.
    /// </summary>
    public static HttpResponseHead? Parse(ReadOnlySpan<byte> block, int maxLength)
    {
        if (!block.StartsWith("HTTP/"u8)) return null;
        var lines = new List<string>();
        var pos = 0;
        while (true)
        {
            var rest = block[pos..];
            var lf = rest.IndexOf((byte)'\n');
            if (lf < 0 || pos + lf >= maxLength) return null;
            var line = rest[..lf];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            pos += lf + 1;
            if (line.Length == 0) break;
            // Latin-1: HTTP header bytes are octets (RFC 7230 section 3.2.4); this maps each to one char.
            lines.Add(Encoding.Latin1.GetString(line));
        }
        if (lines.Count == 0) return null;
        var statusLine = lines[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (statusLine.Length < 2 || !int.TryParse(statusLine[1], out var status)) return null;
        return new HttpResponseHead(statusLine[0], status, statusLine.Length > 2 ? statusLine[2] : "",
            WarcHeaders.Parse(lines.Skip(1)), pos);
    }
}
