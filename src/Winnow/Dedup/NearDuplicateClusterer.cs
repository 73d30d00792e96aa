namespace Winnow.Dedup;

/// <summary>Clusters a batch of documents into near-duplicates and marks each cluster's canonical member.</summary>
public static class NearDuplicateClusterer
{
    /// <summary>One assignment per document, in the documents' order; a document alone is its own cluster and canonical.</summary>
    public static IReadOnlyList<ClusterAssignment> Cluster(IReadOnlyList<DedupDocument> documents, DedupOptions? options = null)
    {
        var index = new NearDuplicateIndex(options);
        foreach (var d in documents) index.Add(d.Fingerprint);
        var assignments = new ClusterAssignment[documents.Count];
        foreach (var members in index.Clusters(includeSingletons: true))
        {
            var canonical = members[CanonicalChooser.Choose(members.Select(i => documents[i]).ToList())];
            foreach (var i in members) assignments[i] = new ClusterAssignment(members[0], i == canonical);
        }
        return assignments;
    }

    /// <summary>
    /// The canonical member of one cluster, as <see cref="Cluster"/> chooses it: the index into
    /// <paramref name="members"/> (given in order of appearance). For clusters formed elsewhere (the cluster's band table).
    /// </summary>
    public static int ChooseCanonical(IReadOnlyList<DedupDocument> members) => CanonicalChooser.Choose(members);
}
