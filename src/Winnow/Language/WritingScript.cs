namespace Winnow.Language;

/// <summary>The writing systems the identifier tells apart (by Unicode block).</summary>
internal enum WritingScript : byte
{
    None, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Gurmukhi, Gujarati,
    Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Myanmar, Georgian, Hangul, Ethiopic, Khmer,
    Kana, Han,
}

/// <summary>Which <see cref="WritingScript"/> a character belongs to.</summary>
internal static class WritingScripts
{
    public const int Count = (int)WritingScript.Han + 1;

    /// <summary>The script of a letter (or combining vowel sign); <see cref="WritingScript.None"/> for digits, punctuation, symbols and white space.</summary>
    public static WritingScript Of(char c)
    {
        if (c < 0x80) return char.IsAsciiLetter(c) ? WritingScript.Latin : WritingScript.None;
        if (!IsLetterLike(c)) return WritingScript.None;
        return c switch
        {
            <= '\u024F' => WritingScript.Latin,
            >= '\u0370' and <= '\u03FF' => WritingScript.Greek,
            >= '\u0400' and <= '\u052F' => WritingScript.Cyrillic,
            >= '\u0530' and <= '\u058F' => WritingScript.Armenian,
            >= '\u0590' and <= '\u05FF' => WritingScript.Hebrew,
            >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' => WritingScript.Arabic,
            >= '\u0900' and <= '\u097F' => WritingScript.Devanagari,
            >= '\u0980' and <= '\u09FF' => WritingScript.Bengali,
            >= '\u0A00' and <= '\u0A7F' => WritingScript.Gurmukhi,
            >= '\u0A80' and <= '\u0AFF' => WritingScript.Gujarati,
            >= '\u0B80' and <= '\u0BFF' => WritingScript.Tamil,
            >= '\u0C00' and <= '\u0C7F' => WritingScript.Telugu,
            >= '\u0C80' and <= '\u0CFF' => WritingScript.Kannada,
            >= '\u0D00' and <= '\u0D7F' => WritingScript.Malayalam,
            >= '\u0D80' and <= '\u0DFF' => WritingScript.Sinhala,
            >= '\u0E00' and <= '\u0E7F' => WritingScript.Thai,
            >= '\u0E80' and <= '\u0EFF' => WritingScript.Lao,
            >= '\u1000' and <= '\u109F' => WritingScript.Myanmar,
            >= '\u10A0' and <= '\u10FF' => WritingScript.Georgian,
            >= '\u1100' and <= '\u11FF' => WritingScript.Hangul,
            >= '\u1200' and <= '\u139F' => WritingScript.Ethiopic,
            >= '\u1780' and <= '\u17FF' => WritingScript.Khmer,
            >= '\u1E00' and <= '\u1EFF' => WritingScript.Latin,
            >= '\u1F00' and <= '\u1FFF' => WritingScript.Greek,
            >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' => WritingScript.Kana,
            >= '\u3130' and <= '\u318F' => WritingScript.Hangul,
            >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' => WritingScript.Han,
            >= '\uAC00' and <= '\uD7AF' => WritingScript.Hangul,
            >= '\uFB1D' and <= '\uFB4F' => WritingScript.Hebrew,
            >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => WritingScript.Arabic,
            >= '\uFF66' and <= '\uFF9F' => WritingScript.Kana,
            _ => WritingScript.None,
        };
    }

    static bool IsLetterLike(char c)
    {
        var cat = char.GetUnicodeCategory(c);
        return cat is System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>The language a script names on its own, when only one language the identifier knows writes it; null otherwise.</summary>
    public static string? SoleLanguage(WritingScript script) => script switch
    {
        WritingScript.Greek => "el",
        WritingScript.Armenian => "hy",
        WritingScript.Hebrew => "he",
        WritingScript.Bengali => "bn",
        WritingScript.Gurmukhi => "pa",
        WritingScript.Gujarati => "gu",
        WritingScript.Tamil => "ta",
        WritingScript.Telugu => "te",
        WritingScript.Kannada => "kn",
        WritingScript.Malayalam => "ml",
        WritingScript.Sinhala => "si",
        WritingScript.Thai => "th",
        WritingScript.Lao => "lo",
        WritingScript.Myanmar => "my",
        WritingScript.Georgian => "ka",
        WritingScript.Hangul => "ko",
        WritingScript.Ethiopic => "am",
        WritingScript.Khmer => "km",
        _ => null,
    };
}
