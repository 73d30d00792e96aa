using System.Text;

namespace Winnow.Input;

/// <summary>
/// One encoding of the WHATWG Encoding Standard (https://encoding.spec.whatwg.org/#names-and-labels)
/// and its decoder. Decoding never throws: bytes that are errors in the encoding become U+FFFD.
/// </summary>
internal sealed class WebEncoding
{
    static WebEncoding()
    {
        // Makes every legacy code page .NET ships (windows-125x, ISO-8859-x, KOI8, Shift_JIS,
        // EUC-JP, EUC-KR, Big5, GB18030, ISO-2022-JP, …) available to Encoding.GetEncoding.
        // A static constructor runs once per process and the runtime makes it thread-safe.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    readonly Func<ReadOnlySpan<byte>, string> _decode;

    WebEncoding(string name, Func<ReadOnlySpan<byte>, string> decode)
    {
        Name = name;
        _decode = decode;
    }

    /// <summary>The WHATWG name of the encoding, in lower case (e.g. <c>windows-1252</c>, <c>shift_jis</c>).</summary>
    public string Name { get; }

    /// <summary>Decodes the bytes (which must not start with a byte order mark the caller wants kept out).</summary>
    public string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : _decode(bytes);

    public bool IsUtf16 => ReferenceEquals(this, Utf16LE) || ReferenceEquals(this, Utf16BE);

    public override string ToString() => Name;

    public static readonly WebEncoding Utf8 = new("utf-8", b => StrictFree.Utf8.GetString(b));
    public static readonly WebEncoding Utf16LE = new("utf-16le", b => StrictFree.Utf16LE.GetString(b));
    public static readonly WebEncoding Utf16BE = new("utf-16be", b => StrictFree.Utf16BE.GetString(b));
    public static readonly WebEncoding Windows1252 = SingleByte("windows-1252", 1252);

    /// <summary>
    /// The "replacement" encoding: labels such as iso-2022-kr or hz-gb-2312 map to it so that content
    /// in those (script-injection-prone) encodings is never interpreted; the whole input becomes one U+FFFD.
    /// </summary>
    public static readonly WebEncoding Replacement = new("replacement", _ => "\uFFFD");

    /// <summary>x-user-defined: ASCII as is, bytes 0x80–0xFF to U+F780–U+F7FF (spec's x-user-defined decoder).</summary>
    public static readonly WebEncoding XUserDefined = new("x-user-defined", DecodeXUserDefined);

    /// <summary>A single-byte encoding: ASCII plus a 128-entry table for 0x80–0xFF.</summary>
    public static WebEncoding SingleByte(string name, int codePage)
    {
        var table = new Lazy<string>(() => SingleByteTables.Build(name, codePage), LazyThreadSafetyMode.ExecutionAndPublication);
        return new WebEncoding(name, b => DecodeSingleByte(b, table.Value));
    }

    /// <summary>A multi-byte (CJK) encoding decoded by the .NET code page of that number.</summary>
    public static WebEncoding CodePage(string name, int codePage)
    {
        var encoding = new Lazy<Encoding>(
            () => Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")),
            LazyThreadSafetyMode.ExecutionAndPublication);
        return new WebEncoding(name, b => encoding.Value.GetString(b));
    }

    /// <summary>
    /// The spec's gb18030 decoder (used for the GBK labels too), on .NET's code page 54936. One
    /// difference is patched: the spec decodes a lone byte 0x80 as U+20AC (the euro sign Windows'
    /// GBK put there), which .NET's GB18030 rejects.
    /// </summary>
    public static WebEncoding Gb18030(string name)
    {
        var encoding = new Lazy<Encoding>(
            () => Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")),
            LazyThreadSafetyMode.ExecutionAndPublication);
        return new WebEncoding(name, bytes =>
        {
            if (!bytes.Contains((byte)0x80)) return encoding.Value.GetString(bytes);
            var text = new StringBuilder(bytes.Length);
            int segmentStart = 0, i = 0;
            while (i < bytes.Length)
            {
                byte b = bytes[i];
                if (b == 0x80)
                {
                    text.Append(encoding.Value.GetString(bytes[segmentStart..i])).Append('\u20AC');
                    segmentStart = ++i;
                }
                else if (b is >= 0x81 and <= 0xFE && i + 1 < bytes.Length)
                {
                    // A lead byte: a second byte 0x30–0x39 makes a four-byte sequence, anything else a two-byte one
                    // (whose trail may itself be 0x80, which is then not a lone euro).
                    i += bytes[i + 1] is >= 0x30 and <= 0x39 ? 4 : 2;
                }
                else
                {
                    i++;
                }
            }
            if (segmentStart < bytes.Length) text.Append(encoding.Value.GetString(bytes[segmentStart..]));
            return text.ToString();
        });
    }

    static string DecodeSingleByte(ReadOnlySpan<byte> bytes, string highHalf) =>
        string.Create(bytes.Length, new TableState(bytes, highHalf), static (chars, state) =>
        {
            // Widen every byte to the char of the same value (vectorised), then look up the non-ASCII ones.
            Encoding.Latin1.GetChars(state.Source, chars);
            var table = state.HighHalf;
            int i = 0;
            while (i < chars.Length)
            {
                int next = chars[i..].IndexOfAnyExceptInRange('\0', '\u007F');
                if (next < 0) break;
                i += next;
                chars[i] = table[chars[i] - 0x80];
                i++;
            }
        });

    static string DecodeXUserDefined(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, new TableState(bytes, string.Empty), static (chars, state) =>
        {
            var source = state.Source;
            for (int i = 0; i < source.Length; i++)
            {
                byte b = source[i];
                chars[i] = b < 0x80 ? (char)b : (char)(0xF780 + b - 0x80);
            }
        });

    readonly ref struct TableState(ReadOnlySpan<byte> source, string highHalf)
    {
        public ReadOnlySpan<byte> Source { get; } = source;
        public string HighHalf { get; } = highHalf;
    }

    /// <summary>.NET's Unicode decoders configured to replace (never throw) and to leave BOM handling to us.</summary>
    static class StrictFree
    {
        public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        public static readonly Encoding Utf16LE = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
        public static readonly Encoding Utf16BE = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
    }
}
