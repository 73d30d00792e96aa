using System.Text;
using Winnow.Input;

namespace Winnow.Tests.Input;

public class EncodingLabelsTests
{
    [Theory]
    [InlineData("iso-8859-1", "windows-1252")]
    [InlineData("latin1", "windows-1252")]
    [InlineData("ascii", "windows-1252")]
    [InlineData("us-ascii", "windows-1252")]
    [InlineData("ISO_8859-1:1987", "windows-1252")]
    [InlineData("gb2312", "gbk")]
    [InlineData("GBK", "gbk")]
    [InlineData("gb18030", "gb18030")]
    [InlineData("x-sjis", "shift_jis")]
    [InlineData("Shift_JIS", "shift_jis")]
    [InlineData("utf8", "utf-8")]
    [InlineData("UTF-8", "utf-8")]
    [InlineData("  utf-8\t", "utf-8")]
    [InlineData("utf-16", "utf-16le")]
    [InlineData("unicodefffe", "utf-16be")]
    [InlineData("iso-8859-9", "windows-1254")]
    [InlineData("tis-620", "windows-874")]
    [InlineData("ks_c_5601-1987", "euc-kr")]
    [InlineData("big5-hkscs", "big5")]
    [InlineData("iso-2022-kr", "replacement")]
    [InlineData("hz-gb-2312", "replacement")]
    [InlineData("x-mac-ukrainian", "x-mac-cyrillic")]
    [InlineData("logical", "iso-8859-8-i")]
    [InlineData("latin6", "iso-8859-10")]
    public void MapsLabelsAsTheWhatwgTableDoes(string label, string expected)
    {
        Assert.Equal(expected, EncodingLabels.Lookup(label)?.Name);
        Assert.Equal(expected, HtmlDecoder.EncodingNameForLabel(label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("utf-32")]
    [InlineData("latin-1")]
    [InlineData("utf 8")]
    [InlineData("windows-1252x")]
    [InlineData("x-user-defined-but-longer-than-any-label")]
    public void UnknownLabelsAreNotFound(string label) => Assert.Null(EncodingLabels.Lookup(label));

    [Fact]
    public void EveryEncodingNameIsItselfALabelOfThatEncoding()
    {
        foreach (var encoding in EncodingLabels.AllEncodings)
            Assert.Same(encoding, EncodingLabels.Lookup(encoding.Name));
    }

    [Fact]
    public void EveryEncodingDecodesEveryByteWithoutThrowing()
    {
        var everyByte = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var random = new byte[10_000];
        new Random(20260101).NextBytes(random);
        foreach (var encoding in EncodingLabels.AllEncodings)
        {
            var text = encoding.Decode(everyByte);
            Assert.False(string.IsNullOrEmpty(text), encoding.Name);
            encoding.Decode(random);
            encoding.Decode([0xE4]); // a lone lead byte of every multi-byte encoding
        }
    }

    [Fact]
    public void SingleByteTablesFollowTheWhatwgIndexes()
    {
        string Decode(string label, params byte[] bytes) => EncodingLabels.Lookup(label)!.Decode(bytes);

        Assert.Equal("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", Decode("windows-1252",
            0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8E,
            0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F));
        // windows-1252's unassigned bytes are the C1 controls of the same value, not errors.
        Assert.Equal("\u0081\u008D\u008F\u0090\u009D", Decode("windows-1252", 0x81, 0x8D, 0x8F, 0x90, 0x9D));
        Assert.Equal("Grüße", Decode("latin1", 0x47, 0x72, 0xFC, 0xDF, 0x65));
        Assert.Equal("ąęłńśźż", Decode("windows-1250", 0xB9, 0xEA, 0xB3, 0xF1, 0x9C, 0x9F, 0xBF));
        Assert.Equal("ąęłńśźż", Decode("iso-8859-2", 0xB1, 0xEA, 0xB3, 0xF1, 0xB6, 0xBC, 0xBF));
        Assert.Equal("Привет", Decode("koi8-r", 0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4));
        Assert.Equal("Привет", Decode("windows-1251", 0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2));
        // Where .NET's tables differ from the WHATWG indexes.
        Assert.Equal("‘’€₯ͺ", Decode("iso-8859-7", 0xA1, 0xA2, 0xA4, 0xA5, 0xAA));
        Assert.Equal("\u00AF\u200E\u200F", Decode("iso-8859-8", 0xAF, 0xFD, 0xFE));
        Assert.Equal("Ω\uF8FF", Decode("macintosh", 0xBD, 0xF0));
        Assert.Equal("Ґґ€", Decode("x-mac-cyrillic", 0xA2, 0xB6, 0xFF));
        Assert.Equal("ўЎ", Decode("koi8-u", 0xAE, 0xBE));
        // Bytes the index leaves unassigned are errors: U+FFFD, not .NET's private-use characters.
        Assert.Equal("\uFFFD\uFFFD\uFFFD", Decode("windows-1253", 0xAA, 0xD2, 0xFF));
        Assert.Equal("\uFFFD", Decode("windows-1255", 0xCA));
        Assert.Equal("\uFFFD", Decode("iso-8859-3", 0xA5));
        // The three ISO-8859 parts .NET does not ship.
        Assert.Equal("ĄĒĢ", Decode("iso-8859-10", 0xA1, 0xA2, 0xA3));
        Assert.Equal("ḂḃŴŵ", Decode("iso-8859-14", 0xA1, 0xA2, 0xD0, 0xF0));
        Assert.Equal("Ș€„ț", Decode("iso-8859-16", 0xAA, 0xA4, 0xA5, 0xFE));
        Assert.Equal("\u0080\u009F", Decode("iso-8859-16", 0x80, 0x9F));
    }

    [Fact]
    public void MultiByteEncodingsDecodeTheirText()
    {
        Assert.Equal("中文", EncodingLabels.Lookup("gb2312")!.Decode([0xD6, 0xD0, 0xCE, 0xC4]));
        Assert.Equal("日本語", EncodingLabels.Lookup("shift_jis")!.Decode([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]));
        Assert.Equal("日本語", EncodingLabels.Lookup("euc-jp")!.Decode([0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC]));
        Assert.Equal("한국어", EncodingLabels.Lookup("euc-kr")!.Decode([0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE]));
        Assert.Equal("中文", EncodingLabels.Lookup("big5")!.Decode([0xA4, 0xA4, 0xA4, 0xE5]));
        Assert.Equal("日本", EncodingLabels.Lookup("iso-2022-jp")!.Decode(
            [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42]));
        // A lone 0x80 is the euro sign (the spec's gb18030 decoder, which GBK labels use too)...
        Assert.Equal("a€中", EncodingLabels.Lookup("gbk")!.Decode([0x61, 0x80, 0xD6, 0xD0]));
        // ...but not as the trail byte of a two-byte character (0x81 0x80 is U+4E90).
        Assert.Equal("\u4E90", EncodingLabels.Lookup("gb18030")!.Decode([0x81, 0x80]));
        // Four-byte sequences: 81 30 84 36 is "¥", 94 39 FC 36 is "😀".
        Assert.Equal("¥€😀", EncodingLabels.Lookup("gbk")!.Decode([0x81, 0x30, 0x84, 0x36, 0x80, 0x94, 0x39, 0xFC, 0x36]));
    }

    [Fact]
    public void SpecialEncodingsBehaveAsSpecified()
    {
        Assert.Equal("\uFFFD", EncodingLabels.Lookup("iso-2022-kr")!.Decode(Encoding.ASCII.GetBytes("<html>hello</html>")));
        Assert.Equal("a\uF780\uF7FF", EncodingLabels.Lookup("x-user-defined")!.Decode([0x61, 0x80, 0xFF]));
        Assert.Equal("hé", EncodingLabels.Lookup("utf-16be")!.Decode([0x00, 0x68, 0x00, 0xE9]));
        Assert.Equal("hé\uFFFD", EncodingLabels.Lookup("utf-16le")!.Decode([0x68, 0x00, 0xE9, 0x00, 0x41]));
    }
}
