namespace Winnow.Dedup;

/// <summary>
/// Picks a cluster's canonical member: first the member the others point to as the original (their
/// <c>rel=canonical</c> or credited source naming its URL); then, among members not declaring themselves a copy
/// of a page elsewhere, the earliest published; then the first seen.
/// </summary>
internal static class CanonicalChooser
{
    /// <summary>The index (into <paramref name="members"/>, given in order of appearance) of the canonical member.</summary>
    public static int Choose(IReadOnlyList<DedupDocument> members)
    {
        var keys = members.Select(m => UrlKey(m.Url)).ToList();
        var votes = new int[members.Count];
        var declaresCopy = new bool[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var claim in new[] { members[i].CanonicalUrl, members[i].SourceUrl })
            {
                var target = UrlKey(claim);
                if (target is null || target == keys[i]) continue;
                declaresCopy[i] = true;
                for (var j = 0; j < members.Count; j++)
                    if (j != i && keys[j] == target) votes[j]++;
            }
        }
        var best = 0;
        for (var i = 1; i < members.Count; i++)
            if (Better(i, best)) best = i;
        return best;

        bool Better(int a, int b)
        {
            if (votes[a] != votes[b]) return votes[a] > votes[b];
            if (declaresCopy[a] != declaresCopy[b]) return !declaresCopy[a];
            var da = members[a].Published;
            var db = members[b].Published;
            if (da is not null && db is not null && da != db) return da < db;
            if ((da is null) != (db is null)) return da is not null;
            return false; // the earlier seen (b) stays
        }
    }

    /// <summary>A URL reduced for comparison: no scheme, fragment, "www." or trailing slash; host lower-cased. Null when empty.</summary>
    internal static string? UrlKey(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.ToLowerInvariant();
            if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
            var path = uri.AbsolutePath.TrimEnd('/');
            return host + (uri.IsDefaultPort ? "" : ":" + uri.Port) + path + uri.Query;
        }
        var hash = url.IndexOf('#');
        return (hash >= 0 ? url[..hash] : url).TrimEnd('/');
    }
}
