using System.Globalization;

namespace Winnow.Dedup;

/// <summary>
/// The text's words (lower case, runs of <c>\w</c>) and the stable 64-bit hashes of its word shingles (runs of
/// consecutive words). Hashes do not depend on the process (no <see cref="string.GetHashCode()"/>), so fingerprints
/// stored by one run compare with those of another.
/// </summary>
internal static class Shingles
{
    /// <summary>
    /// <see cref="char.ToLowerInvariant(char)"/> of every UTF-16 unit, worked out once (128 KB, a few ms): called per
    /// character, it went to ICU for each non-ASCII letter, a fifth of the fingerprint's time on the corpus pages
    /// (measured 2026-11-22). The same function, so fingerprints are unchanged.
    /// </summary>
    static readonly char[] Lower = BuildLower();

    static char[] BuildLower()
    {
        var table = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++) table[c] = char.ToLowerInvariant((char)c);
        return table;
    }

    /// <summary>The words of the text (runs of <c>\w</c>), lower-cased (invariant culture), as hashes.</summary>
    public static List<ulong> WordHashes(string text)
    {
        // about one word per six characters of prose: the list rarely regrows (its copies showed in the profile)
        var hashes = new List<ulong>(text.Length / 6 + 1);
        var lower = Lower;
        // A hand-written scan with the regex's own \w (ShinglesTests holds them equal on every UTF-16 unit):
        // enumerating \w+ matches cost 250 ns a word (measured 2026-11-22).
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            // FNV-1a 64-bit offset basis and prime (Fowler, Noll, Vo) over the lower-cased UTF-16 units, then mixed
            var h = 14695981039346656037UL;
            for (; i < text.Length && IsWordChar(text[i]); i++)
            {
                h ^= lower[text[i]];
                h *= 1099511628211UL;
            }
            hashes.Add(Mix(h));
        }
        return hashes;
    }

    /// <summary>Whether the regex class <c>\w</c> holds <paramref name="c"/>: letters, non-spacing marks, decimal digits, connector punctuation.</summary>
    internal static bool IsWordChar(char c)
    {
        if (c < 128) return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';
        return WordChars[c];
    }

    static readonly bool[] WordChars = BuildWordChars();

    static bool[] BuildWordChars()
    {
        var table = new bool[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
            table[c] = char.GetUnicodeCategory((char)c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
        return table;
    }

    /// <summary>
    /// The shingle hashes of <paramref name="shingleWords"/> consecutive words (one shingle when the text is shorter),
    /// in text order, repeats included: a MinHash minimum is the same with or without them, and a set cost a quarter
    /// of the fingerprint's time (measured 2026-11-22).
    /// </summary>
    public static ulong[] Hashes(List<ulong> words, int shingleWords)
    {
        if (words.Count == 0) return [];
        var last = Math.Max(0, words.Count - shingleWords);
        var result = new ulong[last + 1];
        for (var i = 0; i <= last; i++)
        {
            var h = 0x9E3779B97F4A7C15UL;
            for (var j = i; j < Math.Min(i + shingleWords, words.Count); j++) h = Mix(h ^ words[j]);
            result[i] = h;
        }
        return result;
    }

    /// <summary>The splitmix64 finaliser (Steele, Lea, Flood 2014): a cheap, well-spread 64-bit mix.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
