using System.Reflection;

namespace Winnow.Language;

/// <summary>
/// The shipped TextCat fingerprints (<c>Profiles/textcat-ngrams.txt</c>): per language, its 400 most
/// frequent n-grams in rank order. Loaded once per process on first use; read-only afterwards, so
/// safe to share between threads.
/// </summary>
internal sealed class NGramProfiles
{
    const string ResourceName = "Winnow.Language.Profiles.textcat-ngrams.txt";

    /// <summary>The profiles shipped with the library.</summary>
    public static NGramProfiles Shared => Holder.Instance;

    static class Holder
    {
        // The runtime runs a static initialiser once, under a lock: loading is thread-safe and lazy.
        public static readonly NGramProfiles Instance = Load();
    }

    /// <summary>Language tags, by profile index.</summary>
    public IReadOnlyList<string> Languages { get; }
    /// <summary>The script each profile is written in (the most frequent among its n-grams' letters).</summary>
    public IReadOnlyList<WritingScript> Scripts { get; }
    /// <summary>The most n-grams a profile ranks; an n-gram it lacks costs this much.</summary>
    public int Depth { get; }

    // n-gram key → range in the flat arrays below, one (profile, rank) pair per profile that has it: an open-addressing
    // table (key, start, count side by side, half full, linear probing), so a lookup reads one slot, mostly; the
    // FrozenDictionary before it read a bucket and an entry apart and was as costly as counting the text's n-grams
    // (perf, 2026-12-04)
    readonly Slot[] _slots;
    readonly int _shift;
    readonly struct Slot(ulong key, int start, int count)
    {
        public readonly ulong Key = key;
        public readonly int Start = start;
        public readonly int Count = count;
    }
    readonly byte[] _profile;
    readonly short[] _rank;

    NGramProfiles(List<(string Tag, List<string> Grams)> profiles)
    {
        Languages = profiles.Select(p => p.Tag).ToArray();
        Scripts = profiles.Select(p => ScriptOf(p.Grams)).ToArray();
        Depth = profiles.Max(p => p.Grams.Count);
        var byKey = new Dictionary<ulong, List<(byte, short)>>();
        for (int p = 0; p < profiles.Count; p++)
        {
            var seen = new HashSet<ulong>();
            for (int r = 0; r < profiles[p].Grams.Count; r++)
            {
                var key = NGramKey.Of(profiles[p].Grams[r]);
                if (!seen.Add(key)) continue;
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                list.Add(((byte)p, (short)r));
            }
        }
        int total = byKey.Values.Sum(l => l.Count);
        _profile = new byte[total];
        _rank = new short[total];
        int bits = 1;
        while ((1 << bits) < byKey.Count * 2) bits++;
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        int at = 0;
        foreach (var (key, list) in byKey)
        {
            // keys are never 0 (NGramKey.Of), so 0 marks an empty slot
            var s = SlotOf(key);
            while (_slots[s].Key != 0) s = (s + 1) & (_slots.Length - 1);
            _slots[s] = new Slot(key, at, list.Count);
            foreach (var (p, r) in list) { _profile[at] = p; _rank[at] = r; at++; }
        }
    }

    // Fibonacci hashing: the top bits of the product mix all of the key's bits
    int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The profiles that rank the n-gram <paramref name="key"/>, and its rank in each; false when none does.</summary>
    public bool TryGet(ulong key, out ReadOnlySpan<byte> profiles, out ReadOnlySpan<short> ranks)
    {
        if (key != 0)
        {
            var mask = _slots.Length - 1;
            for (var s = SlotOf(key); _slots[s].Key != 0; s = (s + 1) & mask)
            {
                if (_slots[s].Key != key) continue;
                profiles = _profile.AsSpan(_slots[s].Start, _slots[s].Count);
                ranks = _rank.AsSpan(_slots[s].Start, _slots[s].Count);
                return true;
            }
        }
        profiles = default;
        ranks = default;
        return false;
    }

    static NGramProfiles Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return new NGramProfiles(Parse(reader));
    }

    /// <summary>Reads the packed format: "# comment" lines, "@tag" starting a profile, then one n-gram a line.</summary>
    internal static List<(string Tag, List<string> Grams)> Parse(TextReader reader)
    {
        var profiles = new List<(string, List<string>)>();
        List<string>? current = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '@')
            {
                current = [];
                profiles.Add((line[1..], current));
                continue;
            }
            if (current is null) throw new InvalidDataException("An n-gram precedes the first @language line.");
            if (line.Length <= NGramKey.MaxLength) current.Add(line);
        }
        if (profiles.Count is 0 or > byte.MaxValue) throw new InvalidDataException($"{profiles.Count} profiles; expected 1 to 255.");
        return profiles;
    }

    static WritingScript ScriptOf(List<string> grams)
    {
        Span<int> counts = stackalloc int[WritingScripts.Count];
        foreach (var g in grams)
            foreach (var c in g)
                counts[(int)WritingScripts.Of(c)]++;
        counts[0] = 0;
        int best = 0;
        for (int s = 1; s < counts.Length; s++) if (counts[s] > counts[best]) best = s;
        return (WritingScript)best;
    }
}
