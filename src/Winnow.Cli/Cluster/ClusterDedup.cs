using System.Text.Json;
using Npgsql;
using Winnow.Dedup;

namespace Winnow.Cli.Cluster;

/// <summary>One document of a cluster: where its line is (task, line) and its record id and URL.</summary>
public sealed record ClusterMember(long Task, int Line, string? RecordId, string? Url);

/// <summary>A cluster of near-duplicates with two members or more, members in job order; <c>Canonical</c> indexes them.</summary>
public sealed record NearDuplicateCluster(IReadOnlyList<ClusterMember> Members, int Canonical);

/// <summary>
/// <c>winnow cluster dedup</c>: one pass over the band table gives the clusters single-machine <c>batch --dedup</c>
/// gives on the same inputs, whatever order the workers ran in. Documents are numbered in job order (task id, which
/// is submission order, then line), as the single-machine output holds them; band rows sharing a key are the
/// candidates <see cref="NearDuplicateIndex"/> finds; a candidate pair is joined when its estimated Jaccard
/// similarity reaches the threshold, so a cluster is the same transitive closure of the same kept pairs; the
/// canonical member is chosen by the same rule from the same fields.
/// </summary>
public static class ClusterDedup
{
    /// <summary>Every cluster of two documents or more, in order of their first member; and how many documents were read.</summary>
    public static (IReadOnlyList<NearDuplicateCluster> Clusters, int Documents) Run(NpgsqlDataSource db, DedupOptions options, CancellationToken token)
    {
        using var conn = db.OpenConnection();
        // one snapshot for both reads: a task completing meanwhile is in both or in neither
        using var tx = conn.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var members = new List<ClusterMember>();
        var documents = new List<DedupDocument>();
        var firstOfTask = new Dictionary<long, int>();
        using (var cmd = new NpgsqlCommand("""
            SELECT d.task_id, d.line, d.record_id, d.url, d.canonical_url, d.source_url, d.published, d.fingerprint
            FROM winnow_doc d JOIN winnow_task t ON t.id = d.task_id AND t.state = 'done'
            ORDER BY d.task_id, d.line
            """, conn, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                token.ThrowIfCancellationRequested();
                var task = r.GetInt64(0);
                var line = r.GetInt32(1);
                // lines are numbered 0, 1, … within a task, so a document's number is its task's first number plus its line
                if (line == 0) firstOfTask[task] = documents.Count;
                string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var published = r.IsDBNull(6) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(6);
                var fingerprint = r.IsDBNull(7) ? null : MinHashFingerprint.FromBytes(r.GetFieldValue<byte[]>(7));
                members.Add(new ClusterMember(task, line, Text(2), Text(3)));
                documents.Add(new DedupDocument(fingerprint, Text(3), Text(4), Text(5), published));
            }
        }

        var union = new BandUnion(documents.Select(d => d.Fingerprint).ToList(), options.Threshold);
        var bucket = new List<int>();
        var key = 0;
        void Close()
        {
            union.AddBucket(bucket);
            bucket.Clear();
        }
        using (var cmd = new NpgsqlCommand("""
            SELECT b.band_key, b.task_id, b.line FROM winnow_band b
            JOIN winnow_task t ON t.id = b.task_id AND t.state = 'done'
            ORDER BY b.band_key
            """, conn, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var k = r.GetInt32(0);
                if (bucket.Count > 0 && k != key)
                {
                    token.ThrowIfCancellationRequested();
                    Close();
                }
                key = k;
                if (firstOfTask.TryGetValue(r.GetInt64(1), out var first)) bucket.Add(first + r.GetInt32(2));
            }
        }
        Close();
        tx.Commit();

        // a cluster's root is its least number, so walking the numbers in order meets each cluster at its first member
        var groups = new Dictionary<int, List<int>>();
        var roots = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            var root = union.RootOf(i);
            if (!groups.TryGetValue(root, out var g))
            {
                groups[root] = g = [];
                roots.Add(root);
            }
            g.Add(i);
        }
        var clusters = new List<NearDuplicateCluster>();
        foreach (var root in roots)
        {
            var g = groups[root];
            if (g.Count < 2) continue;
            var canonical = NearDuplicateClusterer.ChooseCanonical(g.Select(i => documents[i]).ToList());
            clusters.Add(new NearDuplicateCluster(g.Select(i => members[i]).ToList(), canonical));
        }
        return (clusters, documents.Count);
    }

    /// <summary>Writes one JSON line per cluster: its number, size, canonical member and members.</summary>
    public static void Write(IReadOnlyList<NearDuplicateCluster> clusters, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var c = 0; c < clusters.Count; c++)
        {
            var cluster = clusters[c];
            json.WriteStartObject();
            json.WriteNumber("cluster", c);
            json.WriteNumber("size", cluster.Members.Count);
            json.WritePropertyName("canonical");
            WriteMember(json, cluster.Members[cluster.Canonical]);
            json.WriteStartArray("members");
            foreach (var m in cluster.Members) WriteMember(json, m);
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    static void WriteMember(Utf8JsonWriter json, ClusterMember m)
    {
        json.WriteStartObject();
        json.WriteNumber("task", m.Task);
        json.WriteNumber("line", m.Line);
        json.WriteString("record_id", m.RecordId);
        json.WriteString("url", m.Url);
        json.WriteEndObject();
    }
}
