using System.Text;
using System.Text.Unicode;

namespace Winnow.Input;

/// <summary>Whether undeclared bytes are UTF-8: the whole input is checked (vectorised, GB/s), not a prefix.</summary>
internal static class Utf8Validator
{
    /// <summary>
    /// True when the bytes are well-formed UTF-8 and hold at least one non-ASCII character (pure ASCII
    /// says nothing about the encoding). A multi-byte sequence cut off by the end of the input still
    /// counts as UTF-8: a page truncated in transfer is not thereby in another encoding.
    /// </summary>
    public static bool IsUtf8WithNonAscii(ReadOnlySpan<byte> bytes)
    {
        if (Ascii.IsValid(bytes)) return false;
        if (Utf8.IsValid(bytes)) return true;
        int complete = LengthWithoutTruncatedTail(bytes);
        return complete < bytes.Length && Utf8.IsValid(bytes[..complete]);
    }

    /// <summary>
    /// The input's length without a trailing incomplete (but so far well-formed) UTF-8 sequence, or
    /// the full length when the input does not end inside one.
    /// </summary>
    internal static int LengthWithoutTruncatedTail(ReadOnlySpan<byte> bytes)
    {
        // A UTF-8 sequence is at most 4 bytes, so an incomplete one is at most the last 3.
        int earliest = Math.Max(0, bytes.Length - 3);
        for (int start = bytes.Length - 1; start >= earliest; start--)
        {
            byte b = bytes[start];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead byte
            var status = Rune.DecodeFromUtf8(bytes[start..], out _, out _);
            return status == System.Buffers.OperationStatus.NeedMoreData ? start : bytes.Length;
        }
        return bytes.Length;
    }
}
