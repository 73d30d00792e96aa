using System.Text;
using Winnow.Input;

namespace Winnow.Tests.Input;

public class HtmlDecoderTests
{
    static readonly Encoding Windows1252;
    static readonly Encoding Koi8R;

    static HtmlDecoderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
        Koi8R = Encoding.GetEncoding(20866);
    }

    static byte[] Bytes(params object[] parts)
    {
        var all = new List<byte>();
        foreach (var part in parts)
            all.AddRange(part switch
            {
                string ascii => Encoding.ASCII.GetBytes(ascii),
                byte[] raw => raw,
                _ => throw new ArgumentException(part.GetType().Name),
            });
        return all.ToArray();
    }

    // "Grüße" in windows-1252, which is not valid UTF-8.
    static readonly byte[] GruesseLatin1 = [0x47, 0x72, 0xFC, 0xDF, 0x65];
    // "Grüße" in UTF-8.
    static readonly byte[] GruesseUtf8 = [0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65];

    [Fact]
    public void AUtf8ByteOrderMarkWinsAndIsStripped()
    {
        var bytes = Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "<meta charset=iso-8859-2><p>", GruesseUtf8);
        var decoded = HtmlDecoder.Decode(bytes, "text/html; charset=koi8-r");
        Assert.Equal("<meta charset=iso-8859-2><p>Grüße", decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(EncodingSource.ByteOrderMark, decoded.Source);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AUtf16ByteOrderMarkWinsAndIsStripped(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("<meta charset=utf-8><p>Grüße 中文")).ToArray();
        var decoded = HtmlDecoder.Decode(bytes, "text/html; charset=windows-1252");
        Assert.Equal("<meta charset=utf-8><p>Grüße 中文", decoded.Text);
        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", decoded.EncodingName);
        Assert.Equal(EncodingSource.ByteOrderMark, decoded.Source);
    }

    [Fact]
    public void TheTransportCharsetBeatsTheMeta()
    {
        var bytes = Bytes("<meta charset=\"windows-1252\"><p>", Koi8R.GetBytes("Привет"));
        var decoded = HtmlDecoder.Decode(bytes, "text/html; charset=\"KOI8-R\"");
        Assert.EndsWith("<p>Привет", decoded.Text);
        Assert.Equal("koi8-r", decoded.EncodingName);
        Assert.Equal(EncodingSource.Transport, decoded.Source);
    }

    [Fact]
    public void TheTransportCharsetIsMappedThroughTheLabelTable()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<p>", GruesseLatin1), "text/html; charset=iso-8859-1");
        Assert.Equal("<p>Grüße", decoded.Text);
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Equal(EncodingSource.Transport, decoded.Source);
    }

    [Fact]
    public void AnUnknownTransportLabelIsIgnored()
    {
        var bytes = Bytes("<meta charset=koi8-r><p>", Koi8R.GetBytes("Привет"));
        var decoded = HtmlDecoder.Decode(bytes, "text/html; charset=x-unknown-thing");
        Assert.EndsWith("Привет", decoded.Text);
        Assert.Equal(EncodingSource.MetaPrescan, decoded.Source);
    }

    [Fact]
    public void ATransportUtf16LabelIsUsedAsIs()
    {
        // The meta rule "UTF-16 means UTF-8" does not apply to the transport: the bytes are decoded as UTF-16LE.
        var bytes = Encoding.Unicode.GetBytes("<p>Grüße</p>");
        var decoded = HtmlDecoder.Decode(bytes, "text/html; charset=utf-16");
        Assert.Equal("<p>Grüße</p>", decoded.Text);
        Assert.Equal("utf-16le", decoded.EncodingName);
        Assert.Equal(EncodingSource.Transport, decoded.Source);
    }

    [Fact]
    public void TheMetaCharsetIsUsed()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<html><head><meta charset=\"KOI8-R\"></head><p>", Koi8R.GetBytes("Привет")));
        Assert.EndsWith("<p>Привет", decoded.Text);
        Assert.Equal("koi8-r", decoded.EncodingName);
        Assert.Equal(EncodingSource.MetaPrescan, decoded.Source);
    }

    [Fact]
    public void TheHttpEquivMetaIsUsed()
    {
        var decoded = HtmlDecoder.Decode(Bytes(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=latin1\"><p>", GruesseLatin1));
        Assert.EndsWith("<p>Grüße", decoded.Text);
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Equal(EncodingSource.MetaPrescan, decoded.Source);
    }

    [Fact]
    public void AMetaSayingUtf16MeansUtf8()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<meta charset=\"utf-16\"><p>", GruesseUtf8));
        Assert.EndsWith("<p>Grüße", decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(EncodingSource.MetaPrescan, decoded.Source);
    }

    [Fact]
    public void AMetaSayingUtf8IsTrustedEvenWithSomeBadBytes()
    {
        // Mostly UTF-8 with one stray windows-1252 byte: decoded as declared, the stray byte becomes U+FFFD.
        var decoded = HtmlDecoder.Decode(Bytes("<meta charset=utf-8><p>", GruesseUtf8, " ", new byte[] { 0xE9 }, "t"));
        Assert.EndsWith("<p>Grüße \uFFFDt", decoded.Text);
        Assert.Equal(EncodingSource.MetaPrescan, decoded.Source);
    }

    [Fact]
    public void ALateMetaIsUsedWhenThePrescanFindsNothing()
    {
        var bytes = Bytes("<html><head><script>", new string('x', 3000), "</script>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\"></head><p>",
            new byte[] { 0x9C, 0xB9 });
        var decoded = HtmlDecoder.Decode(bytes);
        Assert.EndsWith("<p>śą", decoded.Text);
        Assert.Equal("windows-1250", decoded.EncodingName);
        Assert.Equal(EncodingSource.MetaPrescan, decoded.Source);
    }

    [Fact]
    public void ValidUtf8BeatsAStaleLegacyMeta()
    {
        // A page converted to UTF-8 that kept its old declaration: decoding as declared would garble every letter.
        var bytes = Bytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>",
            Encoding.UTF8.GetBytes("中文 Grüße"));
        var decoded = HtmlDecoder.Decode(bytes);
        Assert.EndsWith("<p>中文 Grüße", decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(EncodingSource.Utf8Validity, decoded.Source);
    }

    [Fact]
    public void AnAsciiPageKeepsItsDeclaredEncoding()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<meta charset=iso-8859-1><p>plain &uuml;</p>"));
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Equal(EncodingSource.MetaPrescan, decoded.Source);
    }

    [Fact]
    public void AnUnknownMetaLabelIsIgnored()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<meta charset=\"klingon\"><p>", GruesseUtf8));
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(EncodingSource.Utf8Validity, decoded.Source);
    }

    [Fact]
    public void UndeclaredUtf8IsRecognised()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<p>", GruesseUtf8, " ", Encoding.UTF8.GetBytes("— 中文 😀")));
        Assert.Equal("<p>Grüße — 中文 😀", decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(EncodingSource.Utf8Validity, decoded.Source);
    }

    [Fact]
    public void UndeclaredUtf8CutInsideACharacterIsStillUtf8()
    {
        var full = Bytes("<p>", GruesseUtf8, " ", Encoding.UTF8.GetBytes("中"));
        var cut = full[..^1]; // the last character loses its final byte
        var decoded = HtmlDecoder.Decode(cut);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal("<p>Grüße \uFFFD", decoded.Text);
    }

    [Fact]
    public void UndeclaredNonUtf8FallsBackToWindows1252()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<p>", GruesseLatin1, " ", new byte[] { 0x80, 0x93, 0x94 }));
        Assert.Equal("<p>Grüße €“”", decoded.Text);
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Equal(EncodingSource.Fallback, decoded.Source);
    }

    [Fact]
    public void UndeclaredAsciiFallsBackToWindows1252()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<p>Hello</p>"));
        Assert.Equal("<p>Hello</p>", decoded.Text);
        Assert.Equal(EncodingSource.Fallback, decoded.Source);
    }

    [Fact]
    public void EmptyInputDecodesToEmptyText()
    {
        var decoded = HtmlDecoder.Decode([]);
        Assert.Equal("", decoded.Text);
        Assert.Equal(EncodingSource.Fallback, decoded.Source);
        Assert.Equal("", HtmlDecoder.Decode([0xEF, 0xBB, 0xBF]).Text);
    }

    [Fact]
    public void AReplacementEncodingDeclarationYieldsOneReplacementCharacter()
    {
        var decoded = HtmlDecoder.Decode(Bytes("<meta charset=iso-2022-kr><p>\x1B$)C hello"));
        Assert.Equal("\uFFFD", decoded.Text);
        Assert.Equal("replacement", decoded.EncodingName);
    }

    [Fact]
    public void NeverThrowsOnArbitraryBytes()
    {
        var random = new Random(7);
        foreach (var label in EncodingLabels.AllLabels)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            var withMeta = Bytes($"<meta charset=\"{label}\">", bytes);
            var decoded = HtmlDecoder.Decode(withMeta);
            Assert.NotNull(decoded.Text);
            HtmlDecoder.Decode(bytes, $"text/html; charset={label}");
        }
    }

    [Fact]
    public void IsFastOnLargePages()
    {
        // 20 MB of markup with a non-ASCII letter now and then: the size limit's worst case.
        var chunk = Bytes("<div class=\"row\"><p>Ein Absatz mit ", GruesseUtf8, " und Text.</p></div>\n");
        var bytes = new byte[20_000_000];
        for (int i = 0; i + chunk.Length <= bytes.Length; i += chunk.Length) chunk.CopyTo(bytes, i);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var decoded = HtmlDecoder.Decode(bytes);
        watch.Stop();
        Assert.Equal("utf-8", decoded.EncodingName);
        // Generous: ~50 ms on a laptop; shared CI machines are often 10x slower.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
