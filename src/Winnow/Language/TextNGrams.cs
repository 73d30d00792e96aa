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
    // 2,000 characters make at most 5 n-grams each, about 6,000 distinct: 16,384 slots keep the table under half full.
    const int Slots = 1 << 14;

    /// <summary>The keys of the text's <paramref name="limit"/> most frequent n-grams, most frequent first.</summary>
    public static ulong[] Ranked(ReadOnlySpan<char> text, int limit)
    {
        // Enough room for every n-gram of the text at half load, whatever its length.
        int slots = Slots;
        while (slots < text.Length * 2 * NGramKey.MaxLength && slots < 1 << 24) slots <<= 1;
        var keys = ArrayPool<ulong>.Shared.Rent(slots);
        var counts = ArrayPool<int>.Shared.Rent(slots);
        var order = ArrayPool<int>.Shared.Rent(slots);
        var entries = ArrayPool<ulong>.Shared.Rent(slots);
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
                // Most frequent first; equal counts in an order that depends only on the text (the sort is not stable).
                Array.Sort(order, entries, 0, n);
                var result = new ulong[Math.Min(limit, n)];
                Array.Copy(entries, result, result.Length);
                return result;
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
                if (k == 0) { Keys[s] = key; Counts[s] = 1; return; }
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
