using System.Text;
using Winnow.Input;

namespace Winnow.Tests.Input;

public class Utf8ValidatorTests
{
    [Fact]
    public void WellFormedNonAsciiIsUtf8() =>
        Assert.True(Utf8Validator.IsUtf8WithNonAscii(Encoding.UTF8.GetBytes("Grüße, 中文, 😀")));

    [Fact]
    public void PureAsciiSaysNothing() =>
        Assert.False(Utf8Validator.IsUtf8WithNonAscii(Encoding.UTF8.GetBytes("plain <b>ASCII</b>")));

    [Theory]
    [InlineData(new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65 })]         // windows-1252 "Grüße"
    [InlineData(new byte[] { 0xC3, 0x28 })]                           // lead byte without continuation
    [InlineData(new byte[] { 0xC0, 0xAF })]                           // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]                     // encoded surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]               // beyond U+10FFFF
    [InlineData(new byte[] { 0xE4, 0xB8, 0x41, 0x41 })]               // sequence broken before the end
    public void MalformedIsNotUtf8(byte[] bytes) => Assert.False(Utf8Validator.IsUtf8WithNonAscii(bytes));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ASequenceCutByTheEndOfTheInputStillCounts(int cut)
    {
        var bytes = Encoding.UTF8.GetBytes("<p>Grüße 😀");
        Assert.True(Utf8Validator.IsUtf8WithNonAscii(bytes[..^cut]));
    }

    [Fact]
    public void OnlyATruncatedTailIsForgiven()
    {
        // The tail "E4 B8" is an incomplete sequence, but the bytes before it are not UTF-8 either.
        Assert.False(Utf8Validator.IsUtf8WithNonAscii([0xFC, 0x41, 0xE4, 0xB8]));
        // A lone continuation byte at the end is not a truncated sequence.
        Assert.False(Utf8Validator.IsUtf8WithNonAscii([0x41, 0xC3, 0xBC, 0xBC]));
        Assert.Equal(4, Utf8Validator.LengthWithoutTruncatedTail([0x41, 0xC3, 0xBC, 0xBC]));
        Assert.Equal(1, Utf8Validator.LengthWithoutTruncatedTail([0x41, 0xF0, 0x9F, 0x98]));
    }

    [Fact]
    public void ChecksTheWholeInputNotAPrefix()
    {
        var bytes = Encoding.UTF8.GetBytes("Grüße " + new string('a', 5_000_000)).Concat(new byte[] { 0xFC }).ToArray();
        Assert.False(Utf8Validator.IsUtf8WithNonAscii(bytes));
    }
}
