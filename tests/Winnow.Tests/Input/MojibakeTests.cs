using System.Text;
using Winnow.Input;

namespace Winnow.Tests.Input;

public class MojibakeTests
{
    static readonly Encoding Windows1252 = GetWindows1252();

    static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    [Theory]
    [InlineData("cafÃ©", 1)]
    [InlineData("GrÃ¼ÃŸe", 2)]
    [InlineData("itâ€™s â€œquotedâ€\u009D", 3)]
    [InlineData("Ã¤Ã¶Ã¼", 3)]
    [InlineData("price:Â\u00A05", 1)]
    [InlineData("Ã£o", 1)]
    [InlineData("ä¸\u00ADæ–‡", 2)] // "中文" read as windows-1252
    public void CountsUtf8ReadAsWindows1252(string text, int expected) => Assert.Equal(expected, HtmlDecoder.MojibakeScore(text));

    [Theory]
    [InlineData("café, Grüße, “quoted”, it’s")]
    [InlineData("Fuß\u00ADball, ließ“, Straße«")]
    [InlineData("À bientôt, Ça va? Ã")]
    [InlineData("中文, Привет, ελληνικά, עברית")]
    [InlineData("")]
    public void CorrectTextScoresZero(string text) => Assert.Equal(0, HtmlDecoder.MojibakeScore(text));

    [Fact]
    public void MisdecodingRealisticTextIsCaughtEverywhere()
    {
        const string Text = "Über die Straße fuhr der Bürgermeister – „schön“, sagte er. Déjà vu à la française: l’été. Ação, coração.";
        var mojibake = Windows1252.GetString(Encoding.UTF8.GetBytes(Text));
        int nonAscii = Text.Count(c => c > 0x7F);
        // Every non-ASCII character of these Latin-script languages leaves exactly one trace.
        Assert.Equal(nonAscii, HtmlDecoder.MojibakeScore(mojibake));
        Assert.Equal(0, HtmlDecoder.MojibakeScore(Text));
    }
}
