using System.Text;

namespace Winnow.Input;

/// <summary>How the encoding was chosen.</summary>
public enum EncodingSource { ByteOrderMark, Transport, MetaPrescan, Utf8Validity, Fallback }

/// <summary>Decoded page text and the encoding that produced it.</summary>
public sealed record DecodedText(string Text, string EncodingName, EncodingSource Source);

/// <summary>Bytes to text per the WHATWG encoding standard. (Placeholder: being written.)</summary>
public static class HtmlDecoder
{
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? transportContentType = null)
        => new(Encoding.UTF8.GetString(bytes), "utf-8", EncodingSource.Fallback);
}
