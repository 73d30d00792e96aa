namespace Winnow.Input;

/// <summary>How the encoding was chosen.</summary>
public enum EncodingSource
{
    /// <summary>A UTF-8 or UTF-16 byte order mark at the start of the input.</summary>
    ByteOrderMark,
    /// <summary>The charset parameter of the transport's Content-Type.</summary>
    Transport,
    /// <summary>
    /// A declaration in the markup: <c>&lt;meta charset&gt;</c>, <c>&lt;meta http-equiv="Content-Type"&gt;</c>
    /// or an XML declaration, found by the HTML standard's prescan of the first 1024 bytes, or later in
    /// the document where browsers would find it while parsing.
    /// </summary>
    MetaPrescan,
    /// <summary>
    /// The input is well-formed UTF-8 with non-ASCII text: either nothing was declared, or the markup
    /// declared a legacy encoding that the bytes contradict (a page converted to UTF-8 that kept its old meta).
    /// </summary>
    Utf8Validity,
    /// <summary>Nothing decided it: windows-1252, the web's default for undeclared legacy pages.</summary>
    Fallback,
}

/// <summary>Decoded page text and the encoding that produced it.</summary>
/// <param name="Text">The decoded text, without a leading byte order mark. Bytes invalid in the encoding became U+FFFD.</param>
/// <param name="EncodingName">The WHATWG name of the encoding, lower case (e.g. <c>utf-8</c>, <c>windows-1252</c>, <c>gbk</c>, <c>shift_jis</c>).</param>
/// <param name="Source">What decided the encoding.</param>
public sealed record DecodedText(string Text, string EncodingName, EncodingSource Source);

/// <summary>
/// Bytes to text per the WHATWG Encoding Standard and the HTML standard's "determining the character
/// encoding": byte order mark, then the transport charset, then a declaration in the markup, then
/// UTF-8 if the bytes are UTF-8, else windows-1252. Never throws on bad bytes. Thread-safe.
/// </summary>
public static class HtmlDecoder
{
    /// <summary>Decodes a page's raw bytes.</summary>
    /// <param name="bytes">The page as served.</param>
    /// <param name="transportContentType">
    /// The HTTP <c>Content-Type</c> value, e.g. <c>text/html; charset="iso-8859-1"</c>; its charset, when it
    /// names a known encoding, beats anything in the markup. A bare label such as <c>latin1</c> is accepted too.
    /// </param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? transportContentType = null)
    {
        var (encoding, source, bomLength) = Detect(bytes, transportContentType);
        return new DecodedText(encoding.Decode(bytes[bomLength..]), encoding.Name, source);
    }

    /// <summary>
    /// True when the input is clearly not an HTML page: it starts with the signature of an image, PDF,
    /// archive or other binary format, or its first 4 KB are full of control bytes text never contains
    /// (as compressed or random data is). HTML in any encoding, UTF-16 included, is not flagged.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes) => BinarySniffer.LooksBinary(bytes, out _);

    /// <summary><see cref="LooksBinary(ReadOnlySpan{byte})"/>, also saying what the input looks like, for an error message.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes, out string reason) => BinarySniffer.LooksBinary(bytes, out reason);

    /// <summary>
    /// How many traces of UTF-8 read as windows-1252 the text holds ("Ã©" for "é", "â€™" for "’", …);
    /// 0 for correctly decoded text. For tests and diagnostics.
    /// </summary>
    public static int MojibakeScore(string text) => MojibakeDetector.Score(text);

    /// <summary>The encoding that <paramref name="label"/> names per the WHATWG label table (lower-case name), or null.</summary>
    public static string? EncodingNameForLabel(string label) => EncodingLabels.Lookup(label)?.Name;

    internal static (WebEncoding Encoding, EncodingSource Source, int BomLength) Detect(ReadOnlySpan<byte> bytes, string? transportContentType)
    {
        // 1. BOM sniffing (Encoding Standard "decode"): a byte order mark beats everything.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (WebEncoding.Utf8, EncodingSource.ByteOrderMark, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (WebEncoding.Utf16BE, EncodingSource.ByteOrderMark, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (WebEncoding.Utf16LE, EncodingSource.ByteOrderMark, 2);

        // 2. The transport's charset is authoritative ("certain" confidence), UTF-16 included.
        if (ContentTypeCharset.Find(transportContentType) is { } transport)
            return (transport, EncodingSource.Transport, 0);

        // 3. A declaration in the markup: the spec's 1024-byte prescan, else a meta further down, which
        //    browsers act on by re-decoding when the parser reaches it.
        var declared = MetaCharsetPrescan.Prescan(bytes) ?? MetaCharsetPrescan.FindLateDeclaration(bytes);
        if (declared is not null)
        {
            // A declared legacy encoding that the bytes contradict: non-ASCII text that is well-formed
            // UTF-8, which legacy-encoded text with a few accented letters practically never is (every
            // "ä" would have to be followed by two bytes 0x80–0xBF). It is a page saved or converted to
            // UTF-8 that kept its old meta; decoding it as declared would garble every non-ASCII letter.
            if (declared != WebEncoding.Utf8 && !declared.IsUtf16 && Utf8Validator.IsUtf8WithNonAscii(bytes))
                return (WebEncoding.Utf8, EncodingSource.Utf8Validity, 0);
            return (declared, EncodingSource.MetaPrescan, 0);
        }

        // 4. Undeclared: UTF-8 if the bytes are UTF-8 (and not just ASCII).
        if (Utf8Validator.IsUtf8WithNonAscii(bytes)) return (WebEncoding.Utf8, EncodingSource.Utf8Validity, 0);

        // 5. The HTML standard's suggested default for locales without a specific one.
        return (WebEncoding.Windows1252, EncodingSource.Fallback, 0);
    }
}
