using System.Text;
using Winnow.Input;

namespace Winnow.Tests.Input;

public class MetaCharsetPrescanTests
{
    static string? Prescan(string markup) => MetaCharsetPrescan.Prescan(Encoding.Latin1.GetBytes(markup))?.Name;

    [Theory]
    [InlineData("<meta charset=\"iso-8859-2\">", "iso-8859-2")]
    [InlineData("<meta charset='koi8-r'>", "koi8-r")]
    [InlineData("<meta charset=shift_jis>", "shift_jis")]
    [InlineData("<META CHARSET=\"Windows-1251\">", "windows-1251")]
    [InlineData("<meta charset = \"euc-jp\" >", "euc-jp")]
    [InlineData("<meta/charset=big5>", "big5")]
    [InlineData("<meta name=x charset=latin1>", "windows-1252")]
    [InlineData("<!DOCTYPE html><html lang=de><head><meta charset=\"utf-8\"><title>x</title>", "utf-8")]
    public void FindsMetaCharset(string markup, string expected) => Assert.Equal(expected, Prescan(markup));

    [Theory]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", "windows-1252")]
    [InlineData("<meta content=\"text/html; charset=gb2312\" http-equiv=\"content-type\">", "gbk")]
    [InlineData("<meta http-equiv=content-type content='text/html;charset=\"euc-kr\"'>", "euc-kr")]
    [InlineData("<meta http-equiv=\"CONTENT-TYPE\" content=\"text/html; CHARSET = windows-1250; foo\">", "windows-1250")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charsetx=1; charset=koi8-u\">", "koi8-u")]
    public void FindsHttpEquivContentType(string markup, string expected) => Assert.Equal(expected, Prescan(markup));

    [Theory]
    [InlineData("<meta content=\"text/html; charset=iso-8859-2\">")] // content without http-equiv (need pragma)
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; charset=iso-8859-2\">")]
    [InlineData("<meta charset=\"no-such-encoding\">")]
    [InlineData("<meta charset>")]
    [InlineData("<meta\u00A0charset=\"iso-8859-2\">")] // only ASCII whitespace or '/' may follow "<meta"
    [InlineData("<metacharset=\"iso-8859-2\">")]
    [InlineData("<p>meta charset=iso-8859-2</p>")]
    [InlineData("")]
    public void IgnoresWhatIsNotADeclaration(string markup) => Assert.Null(Prescan(markup));

    [Fact]
    public void SkipsComments()
    {
        Assert.Equal("koi8-r", Prescan("<!-- <meta charset=\"iso-8859-2\"> --><meta charset=\"koi8-r\">"));
        // "<!-->" is a complete comment: the dashes of "<!--" count towards "-->".
        Assert.Equal("koi8-r", Prescan("<!--><meta charset=\"koi8-r\"> -->"));
        // An unterminated comment hides everything after it.
        Assert.Null(Prescan("<!-- <meta charset=\"koi8-r\">"));
        // Bogus comments and processing instructions end at the first '>'.
        Assert.Equal("koi8-r", Prescan("<!DOCTYPE html><?php x ?><meta charset=\"koi8-r\">"));
    }

    [Fact]
    public void SkipsOtherTagsWithTheirAttributes()
    {
        // A meta inside another tag's quoted attribute value is not a tag.
        Assert.Equal("koi8-r", Prescan("<div title='<meta charset=\"iso-8859-2\">'><meta charset=koi8-r>"));
        Assert.Equal("koi8-r", Prescan("<a href=\"x\" data-x=\"<meta charset=iso-8859-2>\"></a><meta charset=koi8-r>"));
        // Unquoted values end at whitespace or '>', so the '<' after them starts a real tag.
        Assert.Equal("koi8-r", Prescan("<img alt=x><meta charset=koi8-r>"));
        // End tags have their attributes skipped too.
        Assert.Equal("koi8-r", Prescan("</div class='<meta charset=iso-8859-2>'><meta charset=koi8-r>"));
        // A script's content is not skipped by the spec's prescan (it has no notion of raw text).
        Assert.Equal("iso-8859-2", Prescan("<script>var s = '<meta charset=iso-8859-2>';</script><meta charset=koi8-r>"));
    }

    [Fact]
    public void TheFirstOccurrenceOfEachAttributeCounts()
    {
        Assert.Equal("koi8-r", Prescan("<meta charset=koi8-r charset=iso-8859-2>"));
        // A charset attribute with an unknown label makes the whole element fail, even with a valid content.
        Assert.Null(Prescan("<meta charset=bogus http-equiv=content-type content=\"text/html; charset=koi8-r\">"));
        // A charset attribute beats an earlier content attribute.
        Assert.Equal("koi8-r", Prescan("<meta content=\"text/html; charset=iso-8859-2\" charset=koi8-r>"));
        // ...and the next meta is still examined after one that declared nothing.
        Assert.Equal("koi8-r", Prescan("<meta charset=bogus><meta charset=koi8-r>"));
    }

    [Theory]
    [InlineData("<meta charset=\"utf-16\">", "utf-8")]
    [InlineData("<meta charset=\"UTF-16LE\">", "utf-8")]
    [InlineData("<meta charset=\"utf-16be\">", "utf-8")]
    [InlineData("<meta http-equiv=content-type content=\"text/html; charset=unicode\">", "utf-8")]
    [InlineData("<meta charset=\"x-user-defined\">", "windows-1252")]
    [InlineData("<meta charset=\"iso-2022-kr\">", "replacement")]
    public void AppliesTheSpecsSubstitutions(string markup, string expected) => Assert.Equal(expected, Prescan(markup));

    [Fact]
    public void ReadsOnlyTheFirst1024Bytes()
    {
        string Padded(int padding, string meta) => "<!DOCTYPE html><html><head>" + new string(' ', padding) + meta;
        const string Meta = "<meta charset=\"koi8-r\">";
        int prefix = Padded(0, "").Length;

        // Ends exactly at byte 1024: found.
        Assert.Equal("koi8-r", Prescan(Padded(MetaCharsetPrescan.PrescanLength - prefix - Meta.Length, Meta)));
        // Starts before byte 1024 but its value is cut: not found by the prescan...
        var cut = Padded(MetaCharsetPrescan.PrescanLength - prefix - 10, Meta);
        Assert.Null(Prescan(cut));
        // ...nor one wholly after it.
        var late = Padded(2000, Meta);
        Assert.Null(Prescan(late));
        // Both are still found by the late scan, which reads the whole document.
        Assert.Equal("koi8-r", MetaCharsetPrescan.FindLateDeclaration(Encoding.Latin1.GetBytes(cut))?.Name);
        Assert.Equal("koi8-r", MetaCharsetPrescan.FindLateDeclaration(Encoding.Latin1.GetBytes(late))?.Name);
    }

    [Fact]
    public void TheLateScanSkipsRawTextElements()
    {
        string? Late(string markup) => MetaCharsetPrescan.FindLateDeclaration(Encoding.Latin1.GetBytes(markup))?.Name;
        Assert.Equal("koi8-r", Late("<script>document.write('<meta charset=iso-8859-2>')</script><meta charset=koi8-r>"));
        Assert.Equal("koi8-r", Late("<title>About <meta charset=iso-8859-2></title><meta charset=koi8-r>"));
        Assert.Equal("koi8-r", Late("<textarea><meta charset=iso-8859-2></textarea><meta charset=koi8-r>"));
        Assert.Equal("koi8-r", Late("<STYLE type=text/css>/* <meta charset=iso-8859-2> */</Style ><meta charset=koi8-r>"));
        // "</scripts>" does not end a script; "</script>" does.
        Assert.Null(Late("<script>a</scripts><meta charset=iso-8859-2>"));
        Assert.Null(Late("<plaintext><meta charset=koi8-r>"));
        Assert.Equal("koi8-r", Late("<body><p>text</p><meta charset=koi8-r></body>"));
    }

    [Fact]
    public void RecognisesXmlDeclarations()
    {
        Assert.Equal("windows-1252", Prescan("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>"));
        Assert.Equal("koi8-r", Prescan("<?xml version='1.0' encoding = 'koi8-r' ?><html>"));
        Assert.Equal("utf-8", Prescan("<?xml version=\"1.0\" encoding=\"utf-16\"?><html>"));
        // A meta beats the XML declaration (the declaration is only the prescan's fallback).
        Assert.Equal("koi8-r", Prescan("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><meta charset=koi8-r>"));
        // Not at the very start: ignored.
        Assert.Null(Prescan(" <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
        // UTF-16 encoded "<?x" is recognised by its zero bytes.
        Assert.Equal("utf-16le", MetaCharsetPrescan.Prescan(Encoding.Unicode.GetBytes("<?xml version=\"1.0\"?>"))?.Name);
        Assert.Equal("utf-16be", MetaCharsetPrescan.Prescan(Encoding.BigEndianUnicode.GetBytes("<?xml version=\"1.0\"?>"))?.Name);
    }

    [Theory]
    [InlineData("text/html; charset=iso-8859-2", "iso-8859-2")]
    [InlineData("text/html;charset=\"koi8-r\"", "koi8-r")]
    [InlineData("charset='koi8-r' trailing", "koi8-r")]
    [InlineData("text/html; charset=\"koi8-r", null)] // unmatched quote
    [InlineData("text/html; charset=", null)]
    [InlineData("text/html; charset; charset=koi8-r", "koi8-r")]
    [InlineData("text/html", null)]
    public void ExtractsTheCharsetFromAContentValue(string content, string? expected)
        => Assert.Equal(expected, MetaCharsetPrescan.ExtractFromContent(Encoding.ASCII.GetBytes(content))?.Name);
}
