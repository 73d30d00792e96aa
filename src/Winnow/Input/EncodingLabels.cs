namespace Winnow.Input;

/// <summary>
/// The label table of the WHATWG Encoding Standard (https://encoding.spec.whatwg.org/#names-and-labels):
/// every label a page or server may use, mapped to the encoding browsers decode it with
/// (e.g. <c>iso-8859-1</c>, <c>latin1</c>, <c>us-ascii</c> → windows-1252; <c>gb2312</c> → gbk).
/// </summary>
internal static class EncodingLabels
{
    /// <summary>
    /// The spec's "get an encoding": strips leading and trailing ASCII whitespace, lower-cases ASCII
    /// and looks the label up. Returns null for an unknown label (the spec's "failure").
    /// </summary>
    public static WebEncoding? Lookup(ReadOnlySpan<char> label)
    {
        label = label.Trim(AsciiWhitespace);
        if (label.IsEmpty || label.Length > MaxLabelLength) return null;
        Span<char> lower = stackalloc char[label.Length];
        for (int i = 0; i < label.Length; i++)
        {
            char c = label[i];
            lower[i] = c is >= 'A' and <= 'Z' ? (char)(c + 0x20) : c;
        }
        return ByLabel.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out var encoding) ? encoding : null;
    }

    /// <inheritdoc cref="Lookup(ReadOnlySpan{char})"/>
    public static WebEncoding? Lookup(string? label) => label is null ? null : Lookup(label.AsSpan());

    /// <summary>The encoding with this WHATWG name (lower case), e.g. "shift_jis".</summary>
    public static WebEncoding ByName(string name) => ByLabel[name];

    /// <summary>Every label of the table (for tests).</summary>
    internal static IEnumerable<string> AllLabels => ByLabel.Keys;

    /// <summary>Every encoding of the table, once each (for tests).</summary>
    internal static IEnumerable<WebEncoding> AllEncodings => ByLabel.Values.Distinct();

    /// <summary>ASCII whitespace as the Infra standard defines it: TAB, LF, FF, CR, SPACE.</summary>
    internal const string AsciiWhitespace = "\t\n\f\r ";

    static readonly Dictionary<string, WebEncoding> ByLabel = Build();

    static readonly int MaxLabelLength = ByLabel.Keys.Max(label => label.Length);

    static Dictionary<string, WebEncoding> Build()
    {
        var map = new Dictionary<string, WebEncoding>(StringComparer.Ordinal);
        void Add(WebEncoding encoding, params string[] labels)
        {
            foreach (var label in labels) map.Add(label, encoding);
        }
        WebEncoding Single(string name, int codePage) => WebEncoding.SingleByte(name, codePage);

        // The Encoding: UTF-8.
        Add(WebEncoding.Utf8, "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8");

        // Legacy single-byte encodings (.NET code page numbers; SingleByteTables corrects them to the WHATWG indexes).
        Add(Single("ibm866", 866), "866", "cp866", "csibm866", "ibm866");
        Add(Single("iso-8859-2", 28592), "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2");
        Add(Single("iso-8859-3", 28593), "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3");
        Add(Single("iso-8859-4", 28594), "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4");
        Add(Single("iso-8859-5", 28595), "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988");
        Add(Single("iso-8859-6", 28596), "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987");
        Add(Single("iso-8859-7", 28597), "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek");
        Add(Single("iso-8859-8", 28598), "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual");
        Add(Single("iso-8859-8-i", 28598), "csiso88598i", "iso-8859-8-i", "logical");
        // Code page 0 below: .NET has no ISO-8859-10/14/16; SingleByteTables spells those tables out.
        Add(Single("iso-8859-10", 0), "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6");
        Add(Single("iso-8859-13", 28603), "iso-8859-13", "iso8859-13", "iso885913");
        Add(Single("iso-8859-14", 0), "iso-8859-14", "iso8859-14", "iso885914");
        Add(Single("iso-8859-15", 28605), "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9");
        Add(Single("iso-8859-16", 0), "iso-8859-16");
        Add(Single("koi8-r", 20866), "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r");
        Add(Single("koi8-u", 21866), "koi8-ru", "koi8-u");
        Add(Single("macintosh", 10000), "csmacintosh", "mac", "macintosh", "x-mac-roman");
        Add(Single("windows-874", 874), "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874");
        Add(Single("windows-1250", 1250), "cp1250", "windows-1250", "x-cp1250");
        Add(Single("windows-1251", 1251), "cp1251", "windows-1251", "x-cp1251");
        Add(WebEncoding.Windows1252, "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252");
        Add(Single("windows-1253", 1253), "cp1253", "windows-1253", "x-cp1253");
        Add(Single("windows-1254", 1254), "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254");
        Add(Single("windows-1255", 1255), "cp1255", "windows-1255", "x-cp1255");
        Add(Single("windows-1256", 1256), "cp1256", "windows-1256", "x-cp1256");
        Add(Single("windows-1257", 1257), "cp1257", "windows-1257", "x-cp1257");
        Add(Single("windows-1258", 1258), "cp1258", "windows-1258", "x-cp1258");
        Add(Single("x-mac-cyrillic", 10017), "x-mac-cyrillic", "x-mac-ukrainian");

        // Legacy multi-byte Chinese: the spec's GBK decoder is its gb18030 decoder, so both use code page 54936.
        Add(WebEncoding.Gb18030("gbk"), "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk");
        Add(WebEncoding.Gb18030("gb18030"), "gb18030");
        Add(WebEncoding.CodePage("big5", 950), "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");

        // Legacy multi-byte Japanese.
        Add(WebEncoding.CodePage("euc-jp", 51932), "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp");
        Add(WebEncoding.CodePage("iso-2022-jp", 50220), "csiso2022jp", "iso-2022-jp");
        Add(WebEncoding.CodePage("shift_jis", 932), "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis");

        // Legacy multi-byte Korean: the spec's EUC-KR is Microsoft's superset, code page 949.
        Add(WebEncoding.CodePage("euc-kr", 949), "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949");

        // Legacy miscellaneous.
        Add(WebEncoding.Replacement, "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement");
        Add(WebEncoding.Utf16BE, "unicodefffe", "utf-16be");
        Add(WebEncoding.Utf16LE, "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le");
        Add(WebEncoding.XUserDefined, "x-user-defined");
        return map;
    }
}
