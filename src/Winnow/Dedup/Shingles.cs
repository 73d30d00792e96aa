using System.Text.RegularExpressions;

namespace Winnow.Dedup;

/// <summary>
/// The text's words (lower case, runs of <c>\w</c>) and the stable 64-bit hashes of its word shingles (runs of
/// consecutive words). Hashes do not depend on the process (no <see cref="string.GetHashCode()"/>), so fingerprints
/// stored by one run compare with those of another.
/// </summary>
internal static partial class Shingles
{
    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();

    /// <summary>The words of the text, lower-cased (invariant culture), as hashes.</summary>
    public static List<ulong> WordHashes(string text)
    {
        var hashes = new List<ulong>();
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, match.Length);
            hashes.Add(HashWord(word));
        }
        return hashes;
    }

    /// <summary>The distinct shingle hashes of <paramref name="shingleWords"/> consecutive words (one shingle when the text is shorter).</summary>
    public static HashSet<ulong> Hashes(List<ulong> words, int shingleWords)
    {
        var set = new HashSet<ulong>();
        if (words.Count == 0) return set;
        var last = Math.Max(0, words.Count - shingleWords);
        for (var i = 0; i <= last; i++)
        {
            var h = 0x9E3779B97F4A7C15UL;
            for (var j = i; j < Math.Min(i + shingleWords, words.Count); j++) h = Mix(h ^ words[j]);
            set.Add(h);
        }
        return set;
    }

    /// <summary>FNV-1a over the word's lower-cased UTF-16 code units, then mixed.</summary>
    static ulong HashWord(ReadOnlySpan<char> word)
    {
        // FNV-1a 64-bit offset basis and prime (Fowler, Noll, Vo).
        var h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    /// <summary>The splitmix64 finaliser (Steele, Lea, Flood 2014): a cheap, well-spread 64-bit mix.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
