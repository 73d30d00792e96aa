namespace Winnow.Language;

/// <summary>
/// An n-gram of 1 to 5 characters as a 64-bit key (FNV-1a over its UTF-16 units), so that counting
/// a text's n-grams needs no string per n-gram. Profiles and texts are keyed the same way; two
/// different n-grams sharing a key is a chance of about 1 in 10^10 per page.
/// </summary>
internal static class NGramKey
{
    public const int MaxLength = 5;
    const ulong Offset = 14695981039346656037UL;
    const ulong Prime = 1099511628211UL;

    public static ulong Start => Offset;

    public static ulong Add(ulong key, char c) => (key ^ c) * Prime;

    public static ulong Of(ReadOnlySpan<char> gram)
    {
        var k = Offset;
        foreach (var c in gram) k = Add(k, c);
        return k == 0 ? 1 : k; // as the text's table stores it: 0 marks its empty slots
    }
}
