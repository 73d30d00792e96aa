namespace Winnow.Input;

/// <summary>
/// Recognises input that is clearly not a text document (an image, a PDF, an archive, compressed or
/// random bytes), so callers can refuse it with a clear message instead of extracting garbage.
/// Errs towards "text": HTML in any legacy encoding, and UTF-16 with or without a byte order mark, passes.
/// </summary>
internal static class BinarySniffer
{
    /// <summary>How much of the input is examined: the first 4 KB, as the brief asks (enough for any signature and a stable share).</summary>
    internal const int SampleLength = 4096;

    /// <summary>
    /// Share of control bytes above which a sample is binary. Uniformly random (compressed, encrypted)
    /// bytes hit the 27 counted control values with probability 27/256 ≈ 10.5%, i.e. 10.5% ± 0.5% over a
    /// 4 KB sample; text in the encodings the web uses has (almost) none of them (every page of the dev
    /// corpus has 0). Half the random rate leaves about ten standard deviations of margin for random
    /// data while tolerating a few hundred stray control bytes in a real page.
    /// </summary>
    internal const double ControlShareLimit = 0.05;

    /// <summary>True when the input is clearly not text; <paramref name="reason"/> then says what it looks like.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes, out string reason)
    {
        reason = string.Empty;
        if (bytes.IsEmpty || HasTextByteOrderMark(bytes)) return false;
        foreach (var (offset, signature, format) in Signatures)
        {
            if (bytes.Length >= offset + signature.Length && bytes.Slice(offset, signature.Length).SequenceEqual(signature))
            {
                reason = $"it starts with the signature of {format}";
                return true;
            }
        }
        if (IsId3Tag(bytes))
        {
            reason = "it starts with the signature of an MP3 file (ID3 tag)";
            return true;
        }

        var sample = bytes.Length > SampleLength ? bytes[..SampleLength] : bytes;
        double share = Utf16ZeroParity(sample) is int zeroParity
            ? ControlShareUtf16(sample, bigEndian: zeroParity == 0)
            : ControlShareBytes(sample);
        if (share <= ControlShareLimit) return false;
        reason = $"{share:P0} of its first {sample.Length:N0} bytes are control codes that text does not contain";
        return true;
    }

    static bool HasTextByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>
    /// File signatures ("magic numbers") of common non-text formats a crawler meets in place of a
    /// page, as each format's specification defines them: (offset, bytes, what it is).
    /// </summary>
    static readonly (int Offset, byte[] Bytes, string Format)[] Signatures =
    [
        (0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        (0, [0xFF, 0xD8, 0xFF], "a JPEG image"),
        (0, "GIF87a"u8.ToArray(), "a GIF image"),
        (0, "GIF89a"u8.ToArray(), "a GIF image"),
        (8, "WEBP"u8.ToArray(), "a WebP image"),          // after "RIFF" and a 4-byte size
        (0, [0x49, 0x49, 0x2A, 0x00], "a TIFF image"),     // "II*\0", little-endian
        (0, [0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),     // "MM\0*", big-endian
        (0, [0x00, 0x00, 0x01, 0x00], "an icon (ICO)"),
        (4, "ftyp"u8.ToArray(), "an ISO media file (MP4, MOV, HEIF, AVIF)"),
        (0, "%PDF-"u8.ToArray(), "a PDF document"),
        (0, [0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or DOCX, EPUB, JAR)"),
        (0, [0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        (0, [0x1F, 0x8B], "gzip-compressed data"),
        (0, [0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
        (0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
        (0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        (0, [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07], "a RAR archive"),
        (0, "OggS"u8.ToArray(), "an Ogg media file"),
        (0, "fLaC"u8.ToArray(), "a FLAC audio file"),
        (8, "WAVE"u8.ToArray(), "a WAV audio file"),
        (0, "wOFF"u8.ToArray(), "a WOFF font"),
        (0, "wOF2"u8.ToArray(), "a WOFF2 font"),
        (0, [0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        (0, [0x00, 0x61, 0x73, 0x6D], "a WebAssembly module"),
    ];

    /// <summary>"ID3" followed by a version byte 2–4 and revision 0: an ID3v2 tag, which starts most MP3 files.</summary>
    static bool IsId3Tag(ReadOnlySpan<byte> b) => b.Length >= 5 && b.StartsWith("ID3"u8) && b[3] is >= 2 and <= 4 && b[4] == 0;

    /// <summary>
    /// Detects UTF-16 text without a byte order mark: in ASCII-range UTF-16 one byte of every pair is
    /// zero. Returns 0 when the even-indexed bytes are the zeros (big-endian), 1 for the odd ones
    /// (little-endian), null when the sample does not look like UTF-16.
    /// </summary>
    static int? Utf16ZeroParity(ReadOnlySpan<byte> sample)
    {
        int pairs = sample.Length / 2;
        // Under 8 pairs a zero pattern is too likely by chance to mean anything.
        if (pairs < 8) return null;
        int zerosEven = 0, zerosOdd = 0;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) zerosEven++;
            if (sample[i + 1] == 0) zerosOdd++;
        }
        // In UTF-16 every ASCII character (all of the markup) has a zero high byte, while a low byte
        // is zero only for U+0000 or, in CJK text, by 1-in-256 chance. So: zeros in at least a quarter
        // of one byte position (markup share even in CJK-heavy text) and in at most a tenth of the other.
        const double Often = 0.25, Rarely = 0.1;
        if (zerosEven >= Often * pairs && zerosOdd <= Rarely * pairs) return 0;
        if (zerosOdd >= Often * pairs && zerosEven <= Rarely * pairs) return 1;
        return null;
    }

    static double ControlShareBytes(ReadOnlySpan<byte> sample)
    {
        int controls = 0;
        foreach (byte b in sample)
            if (IsBinaryControl(b)) controls++;
        return (double)controls / sample.Length;
    }

    static double ControlShareUtf16(ReadOnlySpan<byte> sample, bool bigEndian)
    {
        int units = sample.Length / 2, controls = 0;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            int unit = bigEndian ? (sample[i] << 8) | sample[i + 1] : sample[i] | (sample[i + 1] << 8);
            if (unit < 0x20 && IsBinaryControl((byte)unit)) controls++;
        }
        return (double)controls / units;
    }

    /// <summary>
    /// C0 control bytes that text does not contain: all of 0x00–0x1F except TAB, LF, FF, CR, and
    /// ESC (0x1B), which ISO-2022-JP text uses to switch character sets. 27 values in all.
    /// </summary>
    static bool IsBinaryControl(byte b) => b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B);
}
