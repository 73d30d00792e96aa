using Winnow.Archive;
using Winnow.Dedup;
using Winnow.Tests.Archive;

namespace Winnow.Tests.Dedup;

/// <summary>The path a batch run takes: pages out of a WARC, extracted, fingerprinted and clustered.</summary>
public class WarcToClustersTests
{
    [Fact]
    public void CopiesInAnArchiveClusterWithTheirOriginals()
    {
        // Ten corpus pages of the scrapinghub dataset (news articles), then a re-templated copy of each, in one archive.
        var extractor = new Extractor();
        var pages = TestData.CorpusHtmlFiles("scrapinghub").Take(10).Select(TestData.ReadCorpusHtml).ToList();
        var writer = new WarcWriter(WarcCompression.GzipPerRecord);
        for (var i = 0; i < pages.Count; i++) writer.WriteResponse($"https://origin{i}.example/story", pages[i], "text/html");
        for (var i = 0; i < pages.Count; i++)
        {
            var original = extractor.Extract(pages[i]);
            var copy = Retemplater.Wrap(original.Article.Title ?? "", original.BodyText, i);
            writer.WriteResponse($"https://copies.example/{i}", System.Text.Encoding.UTF8.GetBytes(copy), "text/html; charset=utf-8",
                chunked: true, gzipBody: true, date: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }

        var reader = new WarcReader(new MemoryStream(writer.ToArray()));
        var documents = reader.ReadRecords()
            .Select(r => DedupDocument.From(extractor.Extract(r.GetPayload(extractor.Options.MaxInputBytes).Bytes.Span, r.TargetUri, r.PayloadContentType), r.TargetUri))
            .ToList();
        var clusters = NearDuplicateClusterer.Cluster(documents);

        Assert.Equal(20, documents.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(i, clusters[i].Cluster);
            Assert.Equal(i, clusters[10 + i].Cluster);
            // One canonical per pair (which one depends on the dates the templates show; see CanonicalChooserTests).
            Assert.True(clusters[i].IsCanonical ^ clusters[10 + i].IsCanonical);
        }
    }
}
