using Winnow.Dedup;
using Xunit.Abstractions;

namespace Winnow.Tests.Dedup;

public class NearDuplicateIndexTests(ITestOutputHelper output)
{
    [Fact]
    public void ClustersAreNumberedByTheirFirstMember()
    {
        var random = new Random(5);
        string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => "w" + random.Next(100_000)));
        var a = Text(200);
        var b = Text(200);
        var index = new NearDuplicateIndex();
        Assert.Equal(0, index.Add(MinHashFingerprint.Compute(a)));
        index.Add(MinHashFingerprint.Compute(b));
        index.Add(null);
        index.Add(MinHashFingerprint.Compute(a + " " + Text(10)));
        index.Add(MinHashFingerprint.Compute(Text(5) + " " + b));

        Assert.Equal([0, 1, 2, 0, 1], Enumerable.Range(0, 5).Select(index.ClusterOf));
        Assert.Equal(2, index.Clusters().Count);
        Assert.Equal(3, index.Clusters(includeSingletons: true).Count);
    }
}

/// <summary>
/// The index's memory per document. <c>GC.GetTotalMemory</c> counts the whole process, so this runs alone
/// (the timed tests' collection): beside the parallel tests it once read -1,884 bytes per document on CI.
/// </summary>
[Collection(nameof(Winnow.Tests.Dom.TimedTests))]
public class NearDuplicateIndexMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void StateGrowsByAboutTwoKilobytesPerDocument()
    {
        const int documents = 20_000;
        var random = new Random(1);
        var texts = Enumerable.Range(0, documents).Select(_ => string.Join(' ', Enumerable.Range(0, 30).Select(_ => "w" + random.Next(1_000_000)))).ToList();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new NearDuplicateIndex();
        foreach (var t in texts) index.Add(MinHashFingerprint.Compute(t));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        GC.KeepAlive(texts);

        var perDocument = (after - before) / (double)documents;
        output.WriteLine($"index state: {perDocument:F0} bytes per document");
        // The doc comment's count is ~1.3 KB (signature 536, buckets 32 × 24, cluster state 8), plus up to double for the collections' slack.
        Assert.InRange(perDocument, 1000, 2700);
    }
}
