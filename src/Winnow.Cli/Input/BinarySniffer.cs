namespace Winnow.Cli.Input;

/// <summary>
/// Recognises input that is obviously not a web page, so the CLI can refuse it with exit code 4
/// instead of printing garbage.
/// </summary>
/// <remarks>
/// TODO(lead): the library's <c>Winnow.Input.HtmlDecoder.LooksBinary</c> (being written by another
/// helper) should make <see cref="Extractor"/> throw <see cref="NotHtmlException"/> itself; once it
/// does, <see cref="DescribeMagic"/> can go and the CLI can rely on the exception alone.
/// <see cref="DescribeMediaType"/> stays: it refuses a fetch before the body is downloaded.
/// </remarks>
public static class BinarySniffer
{
    // Magic numbers at offset 0, from each format's specification.
    static readonly (byte[] Magic, string What)[] Signatures =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),   // PNG spec, 5.2
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),                                              // JFIF: SOI marker + next marker
        ("GIF87a"u8.ToArray(), "a GIF image"),
        ("GIF89a"u8.ToArray(), "a GIF image"),
        ("%PDF-"u8.ToArray(), "a PDF document"),                                           // ISO 32000-1, 7.5.2
        ([(byte)'P', (byte)'K', 0x03, 0x04], "a ZIP archive (or an Office document)"),      // APPNOTE.TXT, 4.3.7
        ([0x1F, 0x8B], "gzip-compressed data"),                                             // RFC 1952, 2.3.1
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "an ELF executable"),
        ([0x00, 0x00, 0x01, 0x00], "an ICO icon"),
        ("wOFF"u8.ToArray(), "a WOFF font"),
        ("wOF2"u8.ToArray(), "a WOFF2 font"),
    ];

    /// <summary>What the bytes are when they start with a known binary signature, else null.</summary>
    public static string? DescribeMagic(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, what) in Signatures)
            if (bytes.StartsWith(magic)) return what;
        // RIFF container (WebP images, WAV, AVI): "RIFF", a 4-byte size, then the form type.
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8))
            return bytes.Slice(8, 4).SequenceEqual("WEBP"u8) ? "a WebP image" : "a RIFF media file";
        return null;
    }

    /// <summary>What a transport media type (e.g. <c>image/png</c>) is when it is obviously not a page, else null.</summary>
    /// <remarks><c>application/octet-stream</c> is not refused: misconfigured servers send it for HTML too; the bytes decide.</remarks>
    public static string? DescribeMediaType(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType)) return null;
        var m = mediaType.Trim().ToLowerInvariant();
        if (m.StartsWith("image/", StringComparison.Ordinal)) return "an image";
        if (m.StartsWith("audio/", StringComparison.Ordinal)) return "audio";
        if (m.StartsWith("video/", StringComparison.Ordinal)) return "a video";
        if (m.StartsWith("font/", StringComparison.Ordinal)) return "a font";
        return m switch
        {
            "application/pdf" => "a PDF document",
            "application/zip" or "application/gzip" or "application/x-gzip" or "application/x-tar"
                or "application/x-7z-compressed" or "application/vnd.rar" or "application/x-rar-compressed" => "an archive",
            "application/msword" or "application/vnd.ms-excel" or "application/vnd.ms-powerpoint" => "an Office document",
            _ when m.StartsWith("application/vnd.openxmlformats-officedocument.", StringComparison.Ordinal) => "an Office document",
            "application/wasm" => "a WebAssembly module",
            _ => null,
        };
    }
}
