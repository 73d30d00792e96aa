using System.IO.Compression;
using System.Text;
using Winnow.Input;

namespace Winnow.Tests.Input;

public class BinaryDetectionTests
{
    static byte[] WithTail(byte[] head)
    {
        // A signature followed by text-like bytes: only the signature can make it binary.
        var tail = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<html><body>text</body></html>\n", 50)));
        return head.Concat(tail).ToArray();
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "JPEG")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "GIF")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "ZIP")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "gzip")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x24, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50 }, "WebP")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x03, 0x00 }, "MP3")]
    public void RecognisesFileSignatures(byte[] signature, string format)
    {
        Assert.True(HtmlDecoder.LooksBinary(WithTail(signature), out var reason));
        Assert.Contains(format, reason);
    }

    [Fact]
    public void RandomBytesAreBinary()
    {
        var random = new Random(42);
        foreach (int length in new[] { 4096, 100_000 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            bytes[0] = (byte)'<'; // no signature helps
            Assert.True(HtmlDecoder.LooksBinary(bytes, out var reason));
            Assert.Contains("control", reason);
        }
    }

    [Fact]
    public void CompressedPagesWithoutASignatureAreBinary()
    {
        // Raw deflate and brotli streams have no magic number (a server that mislabels its
        // Content-Encoding sends them as they are), so only the control-byte share can catch them.
        int pages = 0;
        foreach (var path in TestData.CorpusHtmlFiles("trafilatura").Take(40))
        {
            var html = TestData.ReadCorpusHtml(path);
            foreach (var compressed in new[] { Compress(html, s => new DeflateStream(s, CompressionLevel.Fastest, true)),
                                               Compress(html, s => new BrotliStream(s, CompressionLevel.Fastest, true)) })
            {
                Assert.True(HtmlDecoder.LooksBinary(compressed), $"{Path.GetFileName(path)} compressed ({compressed.Length} bytes)");
            }
            pages++;
        }
        Assert.Equal(40, pages);
    }

    static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(data);
        return output.ToArray();
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    [InlineData("shift_jis")]
    [InlineData("euc-jp")]
    [InlineData("gbk")]
    [InlineData("big5")]
    [InlineData("euc-kr")]
    [InlineData("koi8-r")]
    [InlineData("iso-2022-jp")] // uses ESC bytes
    public void TextInLegacyEncodingsIsNot(string label)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        int codePage = label switch
        {
            "utf-8" => 65001, "windows-1252" => 1252, "shift_jis" => 932, "euc-jp" => 51932, "gbk" => 936,
            "big5" => 950, "euc-kr" => 949, "koi8-r" => 20866, "iso-2022-jp" => 50220, _ => throw new ArgumentException(label),
        };
        var text = $"<html><head><meta charset={label}></head><body>" +
            string.Concat(Enumerable.Repeat("<p>日本語のテキスト 中文 한국어 Привет Grüße café</p>\n", 200)) + "</body></html>";
        var bytes = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback).GetBytes(text);
        Assert.False(HtmlDecoder.LooksBinary(bytes, out var reason), reason);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Utf16TextIsNotEvenWithoutAByteOrderMark(bool bigEndian, bool withBom)
    {
        var encoding = new UnicodeEncoding(bigEndian, withBom);
        var text = "<html><body><p>中文 text, Grüße</p>\n" + string.Concat(Enumerable.Repeat("<p>中文 段落 text</p>\n", 300));
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        Assert.False(HtmlDecoder.LooksBinary(bytes, out var reason), reason);
    }

    [Fact]
    public void AFewStrayControlBytesInAPageAreTolerated()
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>some text in a page</p>\n", 200)));
        for (int i = 100; i < bytes.Length; i += 500) bytes[i] = 0x00; // a NUL every 500 bytes
        Assert.False(HtmlDecoder.LooksBinary(bytes));
    }

    [Fact]
    public void EmptyOrTinyInputIsNot()
    {
        Assert.False(HtmlDecoder.LooksBinary([]));
        Assert.False(HtmlDecoder.LooksBinary("<p>"u8));
        Assert.False(HtmlDecoder.LooksBinary([0xEF, 0xBB, 0xBF]));
    }

    [Fact]
    public void NoCorpusPageIsFlagged()
    {
        int pages = 0;
        foreach (var path in TestData.CorpusHtmlFiles())
        {
            var bytes = TestData.ReadCorpusHtml(path);
            Assert.False(HtmlDecoder.LooksBinary(bytes, out var reason), $"{Path.GetFileName(path)}: {reason}");
            pages++;
        }
        Assert.True(pages > 0, "no corpus pages found");
    }
}
