using Winnow.Cli.Cluster;
using Winnow.Dedup;

namespace Winnow.Tests.Cluster;

/// <summary>The cluster's union over band buckets gives the clusters of <see cref="NearDuplicateIndex"/>, and a bucket of copies costs little.</summary>
public sealed class BandUnionTests
{
    /// <summary>Corpus pages, with re-worded and identical copies of some of them, in a shuffled order.</summary>
    static List<MinHashFingerprint?> Fingerprints(int seed)
    {
        var random = new Random(seed);
        var texts = new List<string>();
        foreach (var f in TestData.CorpusHtmlFiles("scrapinghub").Take(40))
        {
            var body = new Extractor().Extract(TestData.ReadCorpusHtml(f)).BodyText;
            texts.Add(body);
            var words = body.Split(' ');
            // a copy with every 12th word changed: similar, not identical
            if (random.Next(3) == 0) texts.Add(string.Join(' ', words.Select((w, i) => i % 12 == 5 ? "changed" : w)));
            // exact copies
            for (var k = random.Next(3); k > 0; k--) texts.Add(body);
        }
        return texts.OrderBy(_ => random.Next()).Select(t => MinHashFingerprint.Compute(t)).ToList();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheBucketsGiveTheClustersOfTheIndex(int seed)
    {
        var fps = Fingerprints(seed);
        var index = new NearDuplicateIndex();
        foreach (var f in fps) index.Add(f);
        var union = new BandUnion(fps, DedupOptions.Default.Threshold);
        var buckets = new Dictionary<uint, List<int>>();
        for (var i = 0; i < fps.Count; i++)
            if (fps[i] is { } f)
                foreach (var key in NearDuplicateIndex.BandKeys(f))
                    (buckets.TryGetValue(key, out var b) ? b : buckets[key] = []).Add(i);
        // buckets in an order unrelated to the documents', as the database's sort gives them
        foreach (var b in buckets.OrderBy(kv => kv.Key).Select(kv => kv.Value)) union.AddBucket(b);
        Assert.Equal(Enumerable.Range(0, fps.Count).Select(index.ClusterOf), Enumerable.Range(0, fps.Count).Select(union.RootOf));
        Assert.True(Enumerable.Range(0, fps.Count).Select(union.RootOf).Distinct().Count() < fps.Count, "the sample has near-duplicates");
    }

    [Fact]
    public void ABucketOfCopiesCostsAboutOneEstimateACopy()
    {
        var fp = MinHashFingerprint.Compute(string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}")));
        var fps = Enumerable.Repeat(fp, 5000).ToList();
        var union = new BandUnion(fps, DedupOptions.Default.Threshold);
        union.AddBucket(Enumerable.Range(0, fps.Count).ToList());
        Assert.All(Enumerable.Range(0, fps.Count), i => Assert.Equal(0, union.RootOf(i)));
        // every pair would be 12.5 million estimates
        Assert.True(union.Estimates < fps.Count, $"{union.Estimates} estimates");
    }
}
