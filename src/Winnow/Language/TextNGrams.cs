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
        var entries = ArrayPool<Entry>.Shared.Rent(Slots);
        var filled = ArrayPool<short>.Shared.Rent(MaxFill);
        try
        {
            var table = new Table(entries.AsSpan(0, Slots), filled.AsSpan(0, MaxFill));
            table.Entries.Clear();
            int start = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                bool separator = i == text.Length || char.IsWhiteSpace(text[i]) || char.IsDigit(text[i]);
                if (!separator) { if (start < 0) start = i; continue; }
                if (start >= 0) CountWord(text[start..i], ref table);
                start = -1;
            }

            // Only the top `limit` are ranked: find the smallest count that still reaches them and keep the
            // n-grams counted at least that often. The filled slots are listed as they are taken, so these
            // passes read only them (scanning all 4,096 slots, a third of them empty at random, was a third
            // of identification's time: measured 2026-11-22).
            var used = table.Filled[..table.Count];
            int maxCount = 0;
            foreach (var slot in used) maxCount = Math.Max(maxCount, table.Entries[slot].Count);
            var histogram = ArrayPool<int>.Shared.Rent(maxCount + 1);
            try
            {
                Array.Clear(histogram, 0, maxCount + 1);
                foreach (var slot in used) histogram[table.Entries[slot].Count]++;
                int threshold = maxCount, above = 0;
                while (threshold > 1 && above + histogram[threshold] < limit) above += histogram[threshold--];
                // A counting sort on the histogram: the counts are small integers, and a comparison sort
                // of the n-grams was the largest cost once the counting was cheap (measured 2026-11-22).
                int n = 0;
                for (int c = maxCount; c >= threshold; c--) n += histogram[c];
                var keysOut = new ulong[n];
                var ranks = new float[n];
                // histogram[c] becomes the first position of count c, most frequent first
                int position = 0;
                for (int c = maxCount; c >= threshold; c--)
                {
                    int group = histogram[c];
                    float rank = (2 * position + group - 1) / 2f;
                    histogram[c] = position;
                    for (int i = position; i < position + group; i++) ranks[i] = rank;
                    position += group;
                }
                foreach (var slot in used)
                {
                    var e = table.Entries[slot];
                    if (e.Count >= threshold) keysOut[histogram[e.Count]++] = e.Key;
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
            ArrayPool<Entry>.Shared.Return(entries);
            ArrayPool<short>.Shared.Return(filled);
        }
    }

    /// <summary>One slot: the key and its count side by side, so a probe touches one cache line, not two.</summary>
    struct Entry
    {
        public ulong Key;
        public int Count;
    }

    ref struct Table(Span<Entry> entries, Span<short> filled)
    {
        public readonly Span<Entry> Entries = entries;
        /// <summary>The slots taken, in the order they were taken (the first <see cref="Count"/>).</summary>
        public readonly Span<short> Filled = filled;
        public int Count;

        public void Increment(ulong key)
        {
            if (key == 0) key = 1; // 0 marks an empty slot
            const int mask = Slots - 1;
            // Fibonacci hashing: the top bits of the product mix all of the key's bits.
            int s = (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
            while (true)
            {
                ref var e = ref Entries[s];
                if (e.Key == key) { e.Count++; return; }
                if (e.Key == 0)
                {
                    if (Count == MaxFill) return;
                    Filled[Count++] = (short)s;
                    e.Key = key;
                    e.Count = 1;
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
