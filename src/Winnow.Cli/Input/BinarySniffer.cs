namespace Winnow.Cli.Input;

/// <summary>
/// Refuses a fetch whose media type is obviously not a web page (image/*, PDF, archives) before its
/// body is downloaded. The bytes themselves are checked by the library
/// (<see cref="Winnow.Input.HtmlDecoder.LooksBinary(ReadOnlySpan{byte})"/>, which makes
/// <see cref="Extractor"/> throw <see cref="NotHtmlException"/>).
/// </summary>
public static class BinarySniffer
{
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
