using Winnow.Input;

namespace Winnow.Tests.Input;

public class ContentTypeCharsetTests
{
    [Theory]
    [InlineData("text/html; charset=utf-8", "utf-8")]
    [InlineData("text/html; charset=\"iso-8859-1\"", "windows-1252")]
    [InlineData("TEXT/HTML;CHARSET=Shift_JIS", "shift_jis")]
    [InlineData("text/html;charset = utf-8", null)] // a space before '=' makes the name "charset " (not charset)
    [InlineData("text/html; foo=bar; charset=gb2312", "gbk")]
    [InlineData("text/html; foo=\"a;charset=utf-8\"; charset=koi8-r", "koi8-r")]
    [InlineData("text/html; charset=\"utf\\-8\"", "utf-8")] // quoted-pair escapes
    [InlineData("text/html; charset=latin1; charset=utf-8", "windows-1252")] // first parameter wins
    [InlineData("text/html; charset=utf-8   ", "utf-8")]
    [InlineData("text/html; charset=bogus", null)]
    [InlineData("text/html; charset=", null)]
    [InlineData("text/html", null)]
    [InlineData("charset=utf-8", null)] // not a MIME type
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ReadsTheCharsetParameter(string? contentType, string? expected)
        => Assert.Equal(expected, ContentTypeCharset.Find(contentType)?.Name);

    [Theory]
    [InlineData("text/html; charset=utf-8, text/html", "utf-8")] // same essence: the charset carries over
    [InlineData("text/html; charset=utf-8, text/plain", null)] // new essence: charset reset
    [InlineData("text/plain; charset=utf-8, text/html; charset=latin1", "windows-1252")]
    [InlineData("text/html; charset=utf-8, */*", "utf-8")] // */* is ignored
    [InlineData("text/html; charset=utf-8, nonsense", "utf-8")] // unparsable values are ignored
    public void CombinedHeaderValuesFollowFetch(string contentType, string? expected)
        => Assert.Equal(expected, ContentTypeCharset.Find(contentType)?.Name);

    [Theory]
    [InlineData("latin1", "windows-1252")]
    [InlineData(" UTF-8 ", "utf-8")]
    [InlineData("nonsense", null)]
    public void ABareLabelIsAcceptedAsAConvenience(string value, string? expected)
        => Assert.Equal(expected, ContentTypeCharset.Find(value)?.Name);
}
