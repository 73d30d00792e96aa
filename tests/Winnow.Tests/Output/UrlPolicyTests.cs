using Winnow.Output;

namespace Winnow.Tests.Output;

public class UrlPolicyTests
{
    [Theory]
    [InlineData("https://example.com/a", "https://example.com/a")]
    [InlineData("HTTP://example.com/", "HTTP://example.com/")]
    [InlineData("mailto:a@b.c", "mailto:a@b.c")]
    [InlineData("/relative/path", "/relative/path")]
    [InlineData("relative:colon/after-slash", null)]
    [InlineData("page.html#sec:2", "page.html#sec:2")]
    [InlineData("?q=a:b", "?q=a:b")]
    [InlineData("//cdn.example.com/x", "//cdn.example.com/x")]
    [InlineData("  https://example.com/\n  ", "https://example.com/")]
    [InlineData("https://exa\tmple.com/", "https://example.com/")]
    [InlineData("https://e.com/?a=1&amp;b=2", "https://e.com/?a=1&amp;b=2")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JAVASCRIPT:alert(1)", null)]
    [InlineData(" \u0001javascript:alert(1)", null)]
    [InlineData("java\r\nscript:alert(1)", null)]
    [InlineData("&#106;avascript:alert(1)", null)]
    [InlineData("javascript&#58;alert(1)", null)]
    [InlineData("javascript&colon;alert(1)", null)]
    [InlineData("vbscript:x", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Links(string? href, string? expected) => Assert.Equal(expected, UrlPolicy.SafeLinkHref(href));

    [Theory]
    [InlineData("https://example.com/i.png", "https://example.com/i.png")]
    [InlineData("/img/a.png", "/img/a.png")]
    [InlineData("mailto:a@b.c", null)]
    [InlineData("data:image/png;base64,AAAA", null)]
    [InlineData("javascript:alert(1)", null)]
    public void Images(string? src, string? expected) => Assert.Equal(expected, UrlPolicy.SafeImageSrc(src));
}
