namespace Winnow.Evaluation.Text;

/// <summary>
/// Walks a string by Unicode code point as Python does: a well-formed surrogate pair is one code
/// point; a lone surrogate (possible after a JSON <c>\ud800</c> escape) is a code point of its own.
/// </summary>
internal static class CodePoints
{
    /// <summary>The code point starting at <paramref name="index"/> and how many UTF-16 units it spans.</summary>
    public static int At(string s, int index, out int width)
    {
        char c = s[index];
        if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, s[index + 1]);
        }
        width = 1;
        return c;
    }

    /// <summary>Python's <c>len(s)</c>: the number of code points.</summary>
    public static int Count(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; n++)
        {
            At(s, i, out int width);
            i += width;
        }
        return n;
    }

    /// <summary>Python's ordering of <c>str</c> values: by code point (UTF-16 ordinal order differs above U+D7FF).</summary>
    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            int ca = At(a, i, out int wa), cb = At(b, j, out int wb);
            if (ca != cb) return ca < cb ? -1 : 1;
            i += wa;
            j += wb;
        }
        return (a.Length - i).CompareTo(b.Length - j) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    /// <summary>A comparer with <see cref="Compare"/>'s order.</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);
}
