using System.Runtime.InteropServices;

namespace Winnow.Evaluation.Text;

/// <summary>score.py's <c>shingles</c>: the multiset of token n-grams of a text.</summary>
public static class Shingles
{
    /// <summary>Tokens per shingle: 4, as the ScrapingHub benchmark's <c>evaluate.py</c> (score.py's <c>NGRAM_N</c>).</summary>
    public const int N = 4;

    /// <summary>
    /// Shingle → count. A text with fewer than <see cref="N"/> tokens gives one shorter shingle; a text
    /// without tokens gives none. A shingle is keyed by its tokens joined with a space (tokens never
    /// hold one, so the key is unambiguous).
    /// </summary>
    public static Dictionary<string, int> Count(string? text) => Count(Tokenizer.Tokenize(text));

    /// <inheritdoc cref="Count(string?)"/>
    public static Dictionary<string, int> Count(List<string> tokens)
    {
        // The default comparer is ordinal for strings (and faster than StringComparer.Ordinal's randomized hashing).
        var counts = new Dictionary<string, int>();
        if (tokens.Count == 0) return counts; // Python's empty tuple is skipped
        if (tokens.Count < N)
        {
            counts[string.Join(' ', tokens)] = 1;
            return counts;
        }
        for (int i = 0; i + N <= tokens.Count; i++)
        {
            var key = $"{tokens[i]} {tokens[i + 1]} {tokens[i + 2]} {tokens[i + 3]}"; // N = 4 tokens
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
        }
        return counts;
    }
}
