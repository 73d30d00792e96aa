namespace Winnow.Dedup;

/// <summary>
/// Groups documents whose fingerprints are near-duplicates. Locality-sensitive hashing (Indyk and Motwani 1998;
/// banding as in Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", ch. 3.4): each signature is cut into
/// <see cref="Bands"/> bands of <see cref="RowsPerBand"/> values; documents sharing any band are candidates, and a
/// candidate pair is kept when its estimated Jaccard similarity reaches the threshold. Kept pairs join clusters
/// (union-find), so a cluster is the transitive closure of kept pairs.
/// </summary>
/// <remarks>
/// Memory grows linearly: per document the signature (512 bytes + 24 of object and array headers), one bucket
/// entry per band (32 × (a Dictionary entry of 16 bytes + its 4-byte bucket slot + a 4-byte chain link)) and
/// 8 bytes of cluster state: about 1.3 KB, and about 2.0 KB measured with the slack of the collections' doubling
/// (NearDuplicateIndexTests: 20,000 documents). Not thread-safe: add from one thread.
/// </remarks>
public sealed class NearDuplicateIndex
{
    /// <summary>Bands of the signature.</summary>
    // 32 bands of 4 rows: a pair becomes a candidate with probability 1-(1-s^4)^32: 0.56 at s = 0.4, 0.93 at 0.53 (the
    // least similar re-templated copy of the dev corpus), 0.99 at 0.6, 1 at 0.89 (their 1st percentile); 0.003 at 0.1.
    public const int Bands = 32;

    public const int RowsPerBand = MinHashFingerprint.Length / Bands;

    readonly DedupOptions _options;
    readonly List<MinHashFingerprint?> _fingerprints = [];
    readonly Dictionary<uint, int> _bucketHeads = [];
    readonly List<int> _bucketNext = [];
    readonly List<int> _parent = [];

    public NearDuplicateIndex(DedupOptions? options = null) => _options = options ?? DedupOptions.Default;

    public int Count => _fingerprints.Count;

    /// <summary>Adds a document (a null fingerprint: too short, never clustered) and returns its number (0, 1, …).</summary>
    public int Add(MinHashFingerprint? fingerprint)
    {
        var id = _fingerprints.Count;
        _fingerprints.Add(fingerprint);
        _parent.Add(id);
        if (fingerprint is null) return id;
        var values = fingerprint.Values;
        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(band, values.Slice(band * RowsPerBand, RowsPerBand));
            var slot = id * Bands + band;
            while (_bucketNext.Count <= slot) _bucketNext.Add(-1);
            if (_bucketHeads.TryGetValue(key, out var head))
            {
                for (var other = head; other >= 0; other = _bucketNext[other * Bands + band])
                {
                    if (Find(other) == Find(id)) continue;
                    if (fingerprint.EstimateJaccard(_fingerprints[other]!) >= _options.Threshold) Union(other, id);
                }
                _bucketNext[slot] = head;
            }
            _bucketHeads[key] = id;
        }
        return id;
    }

    /// <summary>The cluster of a document: the number of its first-added member.</summary>
    public int ClusterOf(int id) => Find(id);

    /// <summary>Every cluster (with two members or more when <paramref name="includeSingletons"/> is false), members in order of addition.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Clusters(bool includeSingletons = false)
    {
        var groups = new Dictionary<int, List<int>>();
        for (var id = 0; id < _parent.Count; id++)
        {
            var root = Find(id);
            if (!groups.TryGetValue(root, out var members)) groups[root] = members = [];
            members.Add(id);
        }
        return groups.Values.Where(g => includeSingletons || g.Count > 1).OrderBy(g => g[0]).ToList<IReadOnlyList<int>>();
    }

    /// <summary>
    /// The fingerprint's <see cref="Bands"/> bucket keys, band by band: documents sharing a key are candidates (a key
    /// names its band, but two bands' keys may collide; that only costs one more verified candidate). For an index
    /// kept elsewhere (the cluster's band table), which must find exactly the candidates this index finds.
    /// </summary>
    public static uint[] BandKeys(MinHashFingerprint fingerprint)
    {
        var keys = new uint[Bands];
        var values = fingerprint.Values;
        for (var band = 0; band < Bands; band++) keys[band] = BandKey(band, values.Slice(band * RowsPerBand, RowsPerBand));
        return keys;
    }

    // 32-bit keys keep the buckets small; two bands that collide only cost one more verified candidate.
    static uint BandKey(int band, ReadOnlySpan<uint> rows)
    {
        var h = Shingles.Mix((ulong)band + 1);
        foreach (var v in rows) h = Shingles.Mix(h ^ v);
        return (uint)(h >> 32);
    }

    int Find(int id)
    {
        while (_parent[id] != id)
        {
            _parent[id] = _parent[_parent[id]];
            id = _parent[id];
        }
        return id;
    }

    // The smaller number becomes the root, so a cluster's number is its first-added member.
    void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return;
        if (a < b) _parent[b] = a;
        else _parent[a] = b;
    }
}
