using System.Text;

namespace Winnow.Tests.Archive;

public class WarcHeaderTests
{
    static byte[] Record(string header, string block) =>
        Encoding.UTF8.GetBytes(header.Replace("{length}", Encoding.UTF8.GetByteCount(block).ToString()) + block + "\r\n\r\n");

    [Fact]
    public void ReadsWarc11FieldsFoldedLinesFractionalDatesAndBareLineFeeds()
    {
        var block = "<p>caf\u00e9</p>";
        var bytes = Record(
            "WARC/1.1\n" +
            "WARC-Type: Resource\n" +
            "WARC-Target-URI: <https://example.org/a b>\n" +
            "WARC-Date: 2024-02-29T23:59:59.123456Z\n" +
            "X-Note: first part\n" +
            "  second part\n" +
            "Content-Type: text/html; charset=utf-8\n" +
            "Content-Length: {length}\n\n", block);

        var (records, tally) = WarcSamples.Read(bytes);

        var r = Assert.Single(records);
        Assert.Empty(tally.Damage);
        Assert.Equal("WARC/1.1", r.Version);
        Assert.Equal("resource", r.Type);
        Assert.Equal("https://example.org/a b", r.TargetUri);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(1234560), r.Date);
        Assert.Equal("first part second part", r.Headers["x-note"]);
        Assert.Equal(block, Encoding.UTF8.GetString(r.GetPayload().Bytes.Span));
    }

    [Fact]
    public void ARecordWithoutAValidLengthIsDamageAndTheNextIsRead()
    {
        var bytes = Record("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: lots\r\n\r\n", "x")
            .Concat(Record("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: {length}\r\n\r\n", "second")).ToArray();
        var (records, tally) = WarcSamples.Read(bytes);
        Assert.Equal("second", Encoding.UTF8.GetString(Assert.Single(records).GetPayload().Bytes.Span));
        Assert.Equal(0, Assert.Single(tally.Damage).Offset);
    }

    [Fact]
    public void AResponseThatClaimsChunkedButIsNotKeepsItsBody()
    {
        var body = "<html><body>plain</body></html>";
        var http = $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n{body}";
        var bytes = Record("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n", http);
        var payload = Assert.Single(WarcSamples.Read(bytes).Records).GetPayload();
        Assert.Equal(body, Encoding.UTF8.GetString(payload.Bytes.Span));
        Assert.Equal(2, payload.Problems.Length);
    }
}
