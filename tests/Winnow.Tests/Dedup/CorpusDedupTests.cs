using Winnow.Dedup;
using Xunit.Abstractions;

namespace Winnow.Tests.Dedup;

/// <summary>Near-duplicate clustering over the dev corpus: distinct articles stay apart, re-templated copies join their originals.</summary>
public class CorpusDedupTests(CorpusDedupFixture corpus, ITestOutputHelper output) : IClassFixture<CorpusDedupFixture>
{
    string Name(int i) => Path.GetRelativePath(TestData.CorpusDir, corpus.Pages[i].Path);

    [Fact]
    public void NoTwoDistinctArticlesAreClusteredTogether()
    {
        var pages = corpus.Pages;
        var index = new NearDuplicateIndex();
        foreach (var p in pages) index.Add(p.Original);

        // A cluster may only hold pages that are the same article by the ground truth (see SameArticle), linked
        // through such pairs: the corpus has a few (two captures of one page, one article in two datasets,
        // Readability's unit-test pages that all hold the same Lorem ipsum).
        var clusters = index.Clusters();
        var merged = clusters.Where(c => !ConnectedBySameArticle(c)).Select(c => string.Join(" + ", c.Select(Name))).ToList();
        foreach (var c in clusters) output.WriteLine($"  cluster: {string.Join(" + ", c.Select(Name))}");

        // The figure behind DedupOptions.Threshold: the most similar pair of distinct articles.
        var fingerprinted = Enumerable.Range(0, pages.Count).Where(i => pages[i].Original is not null).ToList();
        var (best, a, b) = (0.0, -1, -1);
        foreach (var i in fingerprinted)
            foreach (var j in fingerprinted)
                if (j > i && pages[i].Original!.EstimateJaccard(pages[j].Original!) is var s && s > best && !SameArticle(i, j)) (best, a, b) = (s, i, j);
        output.WriteLine($"{pages.Count} distinct pages, {fingerprinted.Count} fingerprinted; false merges: {merged.Count}; " +
            $"same-article clusters: {clusters.Count - merged.Count} of {clusters.Sum(c => c.Count)} pages; most similar pair of distinct articles: {best:F3} ({(a >= 0 ? Name(a) + " / " + Name(b) : "-")})");
        Assert.True(merged.Count == 0, "clustered together: " + string.Join("; ", merged));
    }

    bool ConnectedBySameArticle(IReadOnlyList<int> cluster)
    {
        var reached = new HashSet<int> { cluster[0] };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var i in cluster)
                if (!reached.Contains(i) && reached.Any(j => SameArticle(i, j))) grew = reached.Add(i);
        }
        return reached.Count == cluster.Count;
    }

    /// <summary>
    /// Ground truth, independent of fingerprints: all the gold snippets of one page (trafilatura's must-have
    /// snippets, or the three longest paragraphs of the gold body) are found in the other page's extracted body;
    /// or both pages are Lorem ipsum filler (Readability's unit-test pages), one non-article however re-cut.
    /// </summary>
    bool SameArticle(int a, int b) => Contains(a, b) || Contains(b, a) || (IsFiller(a) && IsFiller(b));

    // The two common Lorem ipsum texts: "… sed do eiusmod tempor incididunt ut labore …" and "… consetetur sadipscing elitr …".
    bool IsFiller(int page) => NormalisedBody(page) is var t && (t.Contains("incididunt ut labore") || t.Contains("sadipscing elitr"));

    readonly Dictionary<int, string> _normalised = [];
    readonly Dictionary<int, List<string>> _snippets = [];

    string NormalisedBody(int page) => _normalised.TryGetValue(page, out var t) ? t : _normalised[page] = Normalise(corpus.Pages[page].Body);

    bool Contains(int snippetsOf, int bodyOf)
    {
        var body = NormalisedBody(bodyOf);
        if (!_snippets.TryGetValue(snippetsOf, out var snippets)) _snippets[snippetsOf] = snippets = GoldSnippets(corpus.Pages[snippetsOf].Path);
        return snippets.Count > 0 && snippets.All(s => body.Contains(Normalise(s), StringComparison.Ordinal));
    }

    static List<string> GoldSnippets(string htmlPath)
    {
        var jsonPath = htmlPath[..htmlPath.IndexOf(".html", StringComparison.Ordinal)] + ".json";
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var root = json.RootElement;
        if (root.TryGetProperty("with", out var with) && with.ValueKind == System.Text.Json.JsonValueKind.Array && with.GetArrayLength() > 0)
            return with.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToList();
        if (root.TryGetProperty("body", out var body) && body.ValueKind == System.Text.Json.JsonValueKind.String)
            return body.GetString()!.Split("\n\n").OrderByDescending(p => p.Length).Take(3).ToList();
        return [];
    }

    static string Normalise(string text) => string.Join(' ', System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), @"\w+").Select(m => m.Value));

    [Fact]
    public void ReTemplatedCopiesJoinTheirOriginalsAtLeast98PercentOfTheTime()
    {
        var pages = corpus.Pages;
        var index = new NearDuplicateIndex();
        var ids = pages.Select(p => (Original: index.Add(p.Original), Copy: -1)).ToList();
        for (var i = 0; i < pages.Count; i++) ids[i] = ids[i] with { Copy = index.Add(pages[i].Copy) };

        var measured = Enumerable.Range(0, pages.Count).Where(i => pages[i].Original is not null).ToList();
        var joined = measured.Where(i => index.ClusterOf(ids[i].Original) == index.ClusterOf(ids[i].Copy)).ToList();
        var missed = measured.Except(joined).ToList();
        var similarities = measured.Select(i => pages[i].Copy is null ? 0 : pages[i].Original!.EstimateJaccard(pages[i].Copy!)).Order().ToList();
        // No copy may bring originals together that are apart without the copies.
        var alone = new NearDuplicateIndex();
        foreach (var p in pages) alone.Add(p.Original);
        var newlyMerged = measured.GroupBy(i => index.ClusterOf(ids[i].Original))
            .Where(g => g.Select(i => alone.ClusterOf(i)).Distinct().Count() > 1).Select(g => string.Join(" + ", g.Select(Name))).ToList();

        var recall = joined.Count / (double)measured.Count;
        output.WriteLine($"re-templated copies joined: {joined.Count}/{measured.Count} = {recall:P2} " +
            $"({pages.Count - measured.Count} pages too short to fingerprint); similarity to the original: " +
            $"min {similarities[0]:F3}, 1st percentile {similarities[similarities.Count / 100]:F3}, median {similarities[similarities.Count / 2]:F3}");
        foreach (var i in missed) output.WriteLine($"  missed {Name(i)}");
        foreach (var i in Enumerable.Range(0, pages.Count).Where(i => pages[i].Original is null))
            output.WriteLine($"  too short: {Name(i)} ({System.Text.RegularExpressions.Regex.Count(pages[i].Body, @"\w+")} words): {pages[i].Body[..Math.Min(80, pages[i].Body.Length)].ReplaceLineEndings(" ")}");
        foreach (var i in measured.OrderBy(i => pages[i].Copy is null ? 0 : pages[i].Original!.EstimateJaccard(pages[i].Copy!)).Take(5))
            output.WriteLine($"  least similar copy: {Name(i)} {(pages[i].Copy is null ? 0 : pages[i].Original!.EstimateJaccard(pages[i].Copy!)):F3}");
        Assert.Empty(newlyMerged);
        Assert.True(recall >= 0.98, $"recall {recall:P2}; missed: {string.Join(", ", missed.Select(Name))}");
    }
}
