using System.Buffers;
using System.Text;

namespace Winnow.Input;

/// <summary>
/// Counts the traces UTF-8 text leaves when it was decoded as windows-1252 or ISO-8859-1:
/// "é" shows as "Ã©", "’" as "â€™", "ä" as "Ã¤", a no-break space as "Â ".
/// </summary>
internal static class MojibakeDetector
{
    /// <summary>
    /// The number of places in <paramref name="text"/> where consecutive characters, turned back into
    /// windows-1252 (or Latin-1) bytes, form one well-formed multi-byte UTF-8 sequence: a lead byte
    /// 0xC2–0xF4 followed by the right number of continuation bytes 0x80–0xBF. Correctly decoded
    /// text seldom has such runs; nearly every mis-decoded non-ASCII character leaves one.
    /// </summary>
    public static int Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int score = 0;
        Span<byte> sequence = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char lead = text[i];
            // U+00C2–U+00F4 are the windows-1252 (and Latin-1) readings of the UTF-8 lead bytes 0xC2–0xF4,
            // minus 0xDC–0xDF: those start Syriac, Thaana and NKo (U+0700–U+07FF), which mojibake seldom
            // hides, while "Ü", "Ý", "Þ", "ß" before a soft hyphen or a curly quote are everyday German
            // in correctly decoded text ("Fuß­ball", "ließ“"), which would otherwise count.
            if (lead < '\u00C2' || lead > '\u00F4' || (lead >= '\u00DC' && lead <= '\u00DF')) continue;
            int length = lead < '\u00E0' ? 2 : lead < '\u00F0' ? 3 : 4;
            if (i + length > text.Length) break;

            sequence[0] = (byte)lead;
            bool continuation = true;
            for (int k = 1; k < length && continuation; k++)
            {
                int b = ContinuationByte(text[i + k]);
                if (b < 0) continuation = false;
                else sequence[k] = (byte)b;
            }
            if (!continuation) continue;

            // Overlong or out-of-range forms (e.g. "à€" = E0 80) are not what an encoder produces.
            if (Rune.DecodeFromUtf8(sequence[..length], out _, out int consumed) == OperationStatus.Done && consumed == length)
            {
                score++;
                i += length - 1;
            }
        }
        return score;
    }

    /// <summary>The byte 0x80–0xBF whose windows-1252 or Latin-1 reading is <paramref name="c"/>, or -1.</summary>
    static int ContinuationByte(char c)
    {
        if (c >= '\u0080' && c <= '\u00BF') return c; // Latin-1 reading (and windows-1252 for 0xA0–0xBF)
        return c switch
        {
            '\u20AC' => 0x80, '\u201A' => 0x82, '\u0192' => 0x83, '\u201E' => 0x84, '\u2026' => 0x85,
            '\u2020' => 0x86, '\u2021' => 0x87, '\u02C6' => 0x88, '\u2030' => 0x89, '\u0160' => 0x8A,
            '\u2039' => 0x8B, '\u0152' => 0x8C, '\u017D' => 0x8E, '\u2018' => 0x91, '\u2019' => 0x92,
            '\u201C' => 0x93, '\u201D' => 0x94, '\u2022' => 0x95, '\u2013' => 0x96, '\u2014' => 0x97,
            '\u02DC' => 0x98, '\u2122' => 0x99, '\u0161' => 0x9A, '\u203A' => 0x9B, '\u0153' => 0x9C,
            '\u017E' => 0x9E, '\u0178' => 0x9F,
            _ => -1,
        };
    }
}
