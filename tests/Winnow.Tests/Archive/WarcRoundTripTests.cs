using Winnow.Archive;

namespace Winnow.Tests.Archive;

/// <summary>Archives written by the tests' <see cref="WarcWriter"/> from corpus pages read back unchanged.</summary>
public class WarcRoundTripTests
{
    [Theory]
    [InlineData(WarcCompression.None)]
    [InlineData(WarcCompression.GzipPerRecord)]
    [InlineData(WarcCompression.GzipWholeFile)]
    public void CorpusPagesComeBackAsTheyWent(WarcCompression compression)
    {
        // Every 20th page of the corpus: 78 pages of all datasets, 0.1 to 1 MB each.
        var pages = TestData.CorpusHtmlFiles().Where((_, i) => i % 20 == 0).Select(TestData.ReadCorpusHtml).ToList();
        var writer = new WarcWriter(compression);
        writer.WriteRecord("warcinfo", null, "application/warc-fields", "software: Winnow tests\r\n"u8.ToArray());
        for (var i = 0; i < pages.Count; i++)
        {
            writer.WriteResponse($"https://site{i}.example/a/{i}", pages[i], $"text/html; charset=windows-1252",
                chunked: i % 2 == 1, gzipBody: i % 3 == 1, date: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i));
            writer.WriteRecord("request", $"https://site{i}.example/a/{i}", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"u8.ToArray());
        }

        var (records, tally) = WarcSamples.Read(writer.ToArray());

        Assert.Empty(tally.Damage);
        Assert.Equal(1, tally.Count("warcinfo"));
        Assert.Equal(pages.Count, tally.Count("request"));
        Assert.Equal(pages.Count, records.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var r = records[i];
            Assert.Equal($"https://site{i}.example/a/{i}", r.TargetUri);
            Assert.Equal(writer.Offsets[1 + 2 * i], r.Offset);
            Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), r.Date);
            Assert.Equal("text/html; charset=windows-1252", r.PayloadContentType);
            var payload = r.GetPayload();
            Assert.Empty(payload.Problems);
            Assert.False(payload.Truncated);
            Assert.True(pages[i].AsSpan().SequenceEqual(payload.Bytes.Span), $"page {i} differs");
        }
    }

    [Fact]
    public void APayloadCapCutsTheDecodedBody()
    {
        var writer = new WarcWriter(WarcCompression.GzipPerRecord);
        var page = new byte[100_000];
        writer.WriteResponse("https://a.example/", page, gzipBody: true, chunked: true);
        var r = Assert.Single(WarcSamples.Read(writer.ToArray()).Records);
        var payload = r.GetPayload(maxBytes: 1000);
        Assert.Equal(1000, payload.Bytes.Length);
        Assert.True(payload.Truncated);
    }
}
