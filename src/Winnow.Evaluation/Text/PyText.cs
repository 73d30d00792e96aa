using System.Globalization;
using System.Text;

namespace Winnow.Evaluation.Text;

/// <summary>Python 3's character classes for <c>str</c> regexes (<c>\w</c>, <c>\s</c>, <c>\d</c>) and the helpers built on them.</summary>
internal static class PyText
{
    /// <summary>
    /// Python's <c>\w</c> on <c>str</c>: <c>ch.isalnum() or ch == "_"</c>, i.e. a letter (Lu Ll Lt Lm Lo)
    /// or a character with a numeric value (Nd Nl No). Unlike .NET's <c>\w</c> it excludes combining
    /// marks (Mn Mc) and connector punctuation other than "_" (Pc).
    /// </summary>
    /// <remarks>
    /// Checked over every code point against Python 3.11 (Unicode 14.0): the only differences are the
    /// ~9,400 letters and digits assigned in Unicode 15.0+, which .NET 10 knows and Python 3.11 does not.
    /// </remarks>
    public static bool IsWordChar(int cp)
    {
        if (cp < 0x80) return cp is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
        if (cp is >= 0xD800 and <= 0xDFFF) return false; // lone surrogate: category Cs
        return CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>
    /// Python's <c>\s</c> on <c>str</c> and <c>str.isspace()</c> (CPython's <c>_PyUnicode_IsWhitespace</c>):
    /// exactly these 29 code points. .NET's <c>char.IsWhiteSpace</c> lacks U+001C–U+001F.
    /// </summary>
    public static bool IsSpace(int cp) => cp switch
    {
        >= 0x09 and <= 0x0D => true,   // \t \n \v \f \r
        >= 0x1C and <= 0x20 => true,   // file/group/record/unit separators, space
        0x85 or 0xA0 or 0x1680 => true, // NEL, no-break space, ogham space mark
        >= 0x2000 and <= 0x200A => true, // en quad … hair space
        0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true, // line/paragraph separators, narrow nbsp, math space, ideographic space
        _ => false,
    };

    /// <summary>Python's <c>\d</c> on <c>str</c> (a decimal digit, category Nd) and its value, else -1.</summary>
    public static int DecimalValue(int cp)
    {
        if (cp is >= '0' and <= '9') return cp - '0';
        if (cp < 0x80 || cp is >= 0xD800 and <= 0xDFFF) return -1;
        if (CharUnicodeInfo.GetUnicodeCategory(cp) != UnicodeCategory.DecimalDigitNumber) return -1;
        return (int)Rune.GetNumericValue(new Rune(cp));
    }

    /// <summary>score.py's <c>norm_ws</c>: <c>re.sub(r"\s+", " ", text or "").strip()</c>.</summary>
    public static string NormWs(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        for (int i = 0; i < text.Length;)
        {
            int cp = CodePoints.At(text, i, out int width);
            if (IsSpace(cp))
            {
                pendingSpace = sb.Length > 0; // leading whitespace is stripped
            }
            else
            {
                if (pendingSpace) sb.Append(' ');
                pendingSpace = false;
                sb.Append(text, i, width);
            }
            i += width;
        }
        return sb.ToString(); // trailing whitespace never appended: stripped
    }
}
