using System.Text;

namespace Winnow.Input;

/// <summary>
/// The upper halves (bytes 0x80–0xFF) of the WHATWG single-byte encodings. Most come from .NET's
/// code page tables, corrected where they differ from the WHATWG indexes
/// (https://encoding.spec.whatwg.org/#legacy-single-byte-encodings, files index-*.txt); three
/// encodings .NET does not ship are spelled out here.
/// </summary>
internal static class SingleByteTables
{
    /// <summary>Returns the 128 characters for bytes 0x80–0xFF of the named encoding.</summary>
    public static string Build(string name, int codePage)
    {
        if (Missing.TryGetValue(name, out var upper))
            return C1Controls + upper;

        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var table = new char[128];
        Span<byte> one = stackalloc byte[1];
        Span<char> decoded = stackalloc char[4];
        for (int b = 0x80; b <= 0xFF; b++)
        {
            one[0] = (byte)b;
            int n = encoding.GetChars(one, decoded);
            char c = n == 1 ? decoded[0] : '\uFFFD';
            // .NET (like Windows) sends bytes the code page leaves unassigned to private-use
            // U+F700–U+F8FE; the WHATWG indexes have no entry for them, which decodes as U+FFFD.
            // U+F8FF stays: WHATWG macintosh maps byte 0xF0 to it (the Apple logo).
            if (c >= '\uF700' && c <= '\uF8FE') c = '\uFFFD';
            table[b - 0x80] = c;
        }
        if (Patches.TryGetValue(name, out var patches))
            foreach (var (b, c) in patches) table[b - 0x80] = c;
        return new string(table);
    }

    /// <summary>Bytes 0x80–0x9F of the ISO-8859 encodings: the C1 controls, byte value = code point.</summary>
    static readonly string C1Controls = string.Create(32, 0, static (span, _) =>
    {
        for (int i = 0; i < span.Length; i++) span[i] = (char)(0x80 + i);
    });

    /// <summary>
    /// Bytes 0xA0–0xFF of the ISO-8859 parts .NET lacks (no code page 28600/28604/28606), from
    /// WHATWG index-iso-8859-10.txt, index-iso-8859-14.txt and index-iso-8859-16.txt.
    /// </summary>
    static readonly Dictionary<string, string> Missing = new(StringComparer.Ordinal)
    {
        ["iso-8859-10"] =
            "\u00A0\u0104\u0112\u0122\u012A\u0128\u0136\u00A7\u013B\u0110\u0160\u0166\u017D\u00AD\u016A\u014A" +
            "\u00B0\u0105\u0113\u0123\u012B\u0129\u0137\u00B7\u013C\u0111\u0161\u0167\u017E\u2015\u016B\u014B" +
            "\u0100\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u012E\u010C\u00C9\u0118\u00CB\u0116\u00CD\u00CE\u00CF" +
            "\u00D0\u0145\u014C\u00D3\u00D4\u00D5\u00D6\u0168\u00D8\u0172\u00DA\u00DB\u00DC\u00DD\u00DE\u00DF" +
            "\u0101\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u012F\u010D\u00E9\u0119\u00EB\u0117\u00ED\u00EE\u00EF" +
            "\u00F0\u0146\u014D\u00F3\u00F4\u00F5\u00F6\u0169\u00F8\u0173\u00FA\u00FB\u00FC\u00FD\u00FE\u0138",
        ["iso-8859-14"] =
            "\u00A0\u1E02\u1E03\u00A3\u010A\u010B\u1E0A\u00A7\u1E80\u00A9\u1E82\u1E0B\u1EF2\u00AD\u00AE\u0178" +
            "\u1E1E\u1E1F\u0120\u0121\u1E40\u1E41\u00B6\u1E56\u1E81\u1E57\u1E83\u1E60\u1EF3\u1E84\u1E85\u1E61" +
            "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF" +
            "\u0174\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u1E6A\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD\u0176\u00DF" +
            "\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF" +
            "\u0175\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u1E6B\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u0177\u00FF",
        ["iso-8859-16"] =
            "\u00A0\u0104\u0105\u0141\u20AC\u201E\u0160\u00A7\u0161\u00A9\u0218\u00AB\u0179\u00AD\u017A\u017B" +
            "\u00B0\u00B1\u010C\u0142\u017D\u201D\u00B6\u00B7\u017E\u010D\u0219\u00BB\u0152\u0153\u0178\u017C" +
            "\u00C0\u00C1\u00C2\u0102\u00C4\u0106\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF" +
            "\u0110\u0143\u00D2\u00D3\u00D4\u0150\u00D6\u015A\u0170\u00D9\u00DA\u00DB\u00DC\u0118\u021A\u00DF" +
            "\u00E0\u00E1\u00E2\u0103\u00E4\u0107\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF" +
            "\u0111\u0144\u00F2\u00F3\u00F4\u0151\u00F6\u015B\u0171\u00F9\u00FA\u00FB\u00FC\u0119\u021B\u00FF",
    };

    /// <summary>
    /// Where .NET's table disagrees with the WHATWG index: found by comparing .NET's decoding of every
    /// byte 0x80–0xFF of every single-byte encoding with the Unicode mapping tables, each difference
    /// then looked up in the WHATWG index file named in the comment.
    /// </summary>
    static readonly Dictionary<string, (int Byte, char Char)[]> Patches = new(StringComparer.Ordinal)
    {
        // index-iso-8859-7.txt follows the 2003 edition (quotes, euro, drachma, ypogegrammeni);
        // .NET's 28597 is the 1987 one.
        ["iso-8859-7"] = [(0xA1, '\u2018'), (0xA2, '\u2019'), (0xA4, '\u20AC'), (0xA5, '\u20AF'), (0xAA, '\u037A')],
        // index-iso-8859-8.txt: 0xAF is MACRON (.NET: OVERLINE); 0xFD/0xFE are the LRM/RLM marks (.NET: unassigned).
        ["iso-8859-8"] = [(0xAF, '\u00AF'), (0xFD, '\u200E'), (0xFE, '\u200F')],
        ["iso-8859-8-i"] = [(0xAF, '\u00AF'), (0xFD, '\u200E'), (0xFE, '\u200F')],
        // index-windows-1255.txt has no entry for 0xCA; .NET maps it to HEBREW POINT HOLAM HASER FOR VAV.
        ["windows-1255"] = [(0xCA, '\uFFFD')],
        // index-macintosh.txt: 0xBD is GREEK CAPITAL LETTER OMEGA; .NET's 10000 has OHM SIGN.
        ["macintosh"] = [(0xBD, '\u03A9')],
        // index-x-mac-cyrillic.txt is Mac Ukrainian (.NET 10017) with the euro sign at 0xFF.
        ["x-mac-cyrillic"] = [(0xFF, '\u20AC')],
    };
}
