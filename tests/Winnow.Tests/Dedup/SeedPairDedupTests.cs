using Winnow.Dedup;
using Xunit.Abstractions;

namespace Winnow.Tests.Dedup;

/// <summary>
/// The founding example as a syndication pair: the republished page (tests/data/seeds/page.html, WordPress
/// template, author box and 18 reader comments) and the original record's text in a plain page of another template.
/// </summary>
public class SeedPairDedupTests(ITestOutputHelper output)
{
    static readonly string SeedDir = Path.Combine(TestData.Root, "seeds");

    [Fact]
    public void TheSyndicatedCopyAndTheOriginalLandInOneCluster()
    {
        var extractor = new Extractor();
        var copy = extractor.Extract(File.ReadAllBytes(Path.Combine(SeedDir, "page.html")), "https://scheerpost.com/2022/07/06/white-house-says-us-wont-push-ukraine-to-negotiate-with-russia/");
        const string originalUrl = "https://news.antiwar.example/2022/07/05/white-house-says-us-wont-push-ukraine-to-negotiate-with-russia/";
        var original = extractor.Extract(Retemplater.RecordPage(File.ReadAllText(Path.Combine(SeedDir, "article-record.txt")), originalUrl, "2022-07-05T18:30:00-04:00"));
        // A distinct article on the same subject, to show the cluster is not everything.
        var other = extractor.Extract(Retemplater.Wrap("Talks stall", string.Join("\n\n", Enumerable.Range(0, 6).Select(i =>
            $"Negotiators from both sides met again on day {i} of the talks but reported no progress on the questions of territory, " +
            "sanctions or prisoner exchanges, and officials in Washington said they did not expect a settlement this year.")), 1));

        var documents = new[]
        {
            DedupDocument.From(copy, "https://scheerpost.com/2022/07/06/white-house-says-us-wont-push-ukraine-to-negotiate-with-russia/"),
            DedupDocument.From(original, originalUrl),
            DedupDocument.From(other, "https://elsewhere.example/talks"),
        };
        var similarity = documents[0].Fingerprint!.EstimateJaccard(documents[1].Fingerprint!);
        output.WriteLine($"seed pair: estimated Jaccard {similarity:F3}; copy's body {copy.BodyText.Length} chars, original's {original.BodyText.Length}");

        var clusters = NearDuplicateClusterer.Cluster(documents);

        Assert.Equal(clusters[0].Cluster, clusters[1].Cluster);
        Assert.NotEqual(clusters[0].Cluster, clusters[2].Cluster);
        // Neither page names the other; the original is the earlier published.
        Assert.True(clusters[1].IsCanonical);
        Assert.False(clusters[0].IsCanonical);
        Assert.True(clusters[2].IsCanonical);
    }
}
