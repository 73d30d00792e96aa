using System.Buffers;

namespace Winnow.Language;

/// <summary>
/// A text's character n-grams as TextCat forms them: words are runs of characters between white
/// space and digits, each padded with "_" at both ends, and every 1- to 5-character slice of the
/// padded word counts. Case and punctuation are kept, as in the profiles. Counting uses an
/// open-addressing table in pooled arrays: no allocation per n-gram, and none kept between calls.
/// </summary>
internal static class TextNGrams
{
    // 1,000 characters of prose (LanguageIdentifier.MaxChars) make about 1,500 to 2,500 distinct n-grams.
    // A small table stays in the processor's cache and its three scans stay short (a 32,768-slot one made
    // identification 5-7 % of a page's extraction time; 8,192 slots were sized for 2,000 characters).
    const int Slots = 1 << 12;
    // Past three-quarters full, n-grams not yet seen are no longer added: they are the rarest
    // (first seen last), far below the ranked top, and linear probing slows down beyond this load.
    const int MaxFill = Slots / 4 * 3;

    /// <summary>
    /// The text's most frequent n-grams, most frequent first: at least <paramref name="limit"/> of
    /// them (or all), and every n-gram counted as often as the last one. Each has the rank of its
    /// position, n-grams counted equally often sharing the mean position of their group, so that the
    /// (arbitrary) order among equals cannot change a distance.
    /// </summary>
    public static RankedNGrams Ranked(ReadOnlySpan<char> text, int limit)
    {
        const int slots = Slots;
        var keys = ArrayPool<ulong>.Shared.Rent(slots);
        var counts = ArrayPool<int>.Shared.Rent(slots);
        var order = ArrayPool<int>.Shared.Rent(MaxFill);
        var entries = ArrayPool<ulong>.Shared.Rent(MaxFill);
        try
        {
            var table = new Table(keys.AsSpan(0, slots), counts.AsSpan(0, slots));
            table.Keys.Clear();
            int start = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                bool separator = i == text.Length || char.IsWhiteSpace(text[i]) || char.IsDigit(text[i]);
                if (!separator) { if (start < 0) start = i; continue; }
                if (start >= 0) CountWord(text[start..i], ref table);
                start = -1;
            }

            // Only the top `limit` are ranked: find the smallest count that still reaches them, keep the
            // n-grams counted at least that often, and sort just those (a full sort cost most of the time).
            int maxCount = 0;
            for (int s = 0; s < slots; s++)
                if (table.Keys[s] != 0 && table.Counts[s] > maxCount) maxCount = table.Counts[s];
            var histogram = ArrayPool<int>.Shared.Rent(maxCount + 1);
            try
            {
                Array.Clear(histogram, 0, maxCount + 1);
                for (int s = 0; s < slots; s++)
                    if (table.Keys[s] != 0) histogram[table.Counts[s]]++;
                int threshold = maxCount, above = 0;
                while (threshold > 1 && above + histogram[threshold] < limit) above += histogram[threshold--];
                int n = 0;
                for (int s = 0; s < slots; s++)
                    if (table.Keys[s] != 0 && table.Counts[s] >= threshold) { order[n] = -table.Counts[s]; entries[n] = table.Keys[s]; n++; }
                Array.Sort(order, entries, 0, n);
                var keysOut = new ulong[n];
                var ranks = new float[n];
                Array.Copy(entries, keysOut, n);
                for (int from = 0; from < n;)
                {
                    int to = from;
                    while (to < n && order[to] == order[from]) to++;
                    float rank = (from + to - 1) / 2f;
                    for (int i = from; i < to; i++) ranks[i] = rank;
                    from = to;
                }
                return new RankedNGrams(keysOut, ranks);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(histogram);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<ulong>.Shared.Return(entries);
        }
    }

    ref struct Table(Span<ulong> keys, Span<int> counts)
    {
        public readonly Span<ulong> Keys = keys;
        public readonly Span<int> Counts = counts;
        int _filled;

        public void Increment(ulong key)
        {
            if (key == 0) key = 1; // 0 marks an empty slot
            int mask = Keys.Length - 1;
            // Fibonacci hashing: the top bits of the product mix all of the key's bits.
            int s = (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
            while (true)
            {
                var k = Keys[s];
                if (k == key) { Counts[s]++; return; }
                if (k == 0)
                {
                    if (_filled == MaxFill) return;
                    _filled++;
                    Keys[s] = key;
                    Counts[s] = 1;
                    return;
                }
                s = (s + 1) & mask;
            }
        }
    }

    // The padded word is "_" + word + "_"; every slice of it up to five characters long counts once.
    static void CountWord(ReadOnlySpan<char> word, ref Table table)
    {
        int padded = word.Length + 2;
        for (int from = 0; from < padded; from++)
        {
            var key = NGramKey.Start;
            for (int len = 1; len <= NGramKey.MaxLength && from + len <= padded; len++)
            {
                int at = from + len - 1;
                char c = at == 0 || at == padded - 1 ? '_' : word[at - 1];
                key = NGramKey.Add(key, c);
                table.Increment(key);
            }
        }
    }
}

/// <summary>A text's n-gram keys, most frequent first, each with its rank (equal counts share a rank).</summary>
internal readonly record struct RankedNGrams(ulong[] Keys, float[] Ranks)
{
    public int Length => Keys.Length;
}
