using Winnow.Dedup;

namespace Winnow.Cli.Cluster;

/// <summary>
/// Union-find over documents numbered 0…n-1 in job order, fed one bucket (documents sharing a band key) at a time: a
/// document joins a group of the bucket when its estimated Jaccard similarity with any member reaches the threshold —
/// the closure <see cref="NearDuplicateIndex"/> builds, so the clusters are the same. Each document is compared with the
/// members of a group only until it joins it, so a bucket of thousands of copies of one page costs about one estimate
/// a copy, not one per pair.
/// </summary>
public sealed class BandUnion(IReadOnlyList<MinHashFingerprint?> fingerprints, double threshold)
{
    readonly int[] _parent = Enumerable.Range(0, fingerprints.Count).ToArray();

    /// <summary>Jaccard estimates made so far (for tests: the work a bucket costs).</summary>
    public long Estimates { get; private set; }

    /// <summary>The cluster of a document: its group's least number (its first member in job order).</summary>
    public int RootOf(int x)
    {
        while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
        return x;
    }

    /// <summary>Joins the near-duplicates among the documents of one bucket (in any order; repeats are ignored).</summary>
    public void AddBucket(IReadOnlyList<int> bucket)
    {
        if (bucket.Count < 2) return;
        var groups = new List<List<int>>();
        foreach (var doc in bucket)
        {
            if (fingerprints[doc] is not { } fp) continue;
            List<int>? own = null;
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                if (RootOf(group[0]) == RootOf(doc))
                {
                    // already together (an earlier bucket joined them): the same group from here on
                    if (own is null) own = group;
                    else if (!ReferenceEquals(own, group)) { own.AddRange(group); groups.RemoveAt(g--); }
                    continue;
                }
                foreach (var member in group)
                {
                    Estimates++;
                    if (fp.EstimateJaccard(fingerprints[member]!) < threshold) continue;
                    Union(doc, member);
                    if (own is null) own = group;
                    else { own.AddRange(group); groups.RemoveAt(g--); }
                    break;
                }
            }
            if (own is null) groups.Add([doc]);
            else own.Add(doc);
        }
    }

    // the smaller number becomes the root, as in NearDuplicateIndex: a cluster's first member names it
    void Union(int a, int b)
    {
        a = RootOf(a);
        b = RootOf(b);
        if (a < b) _parent[b] = a;
        else if (b < a) _parent[a] = b;
    }
}
