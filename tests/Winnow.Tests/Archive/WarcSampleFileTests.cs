using System.Text;
using Winnow.Archive;

namespace Winnow.Tests.Archive;

/// <summary>
/// The real archives in tests/data/warc. Expected counts were established without this reader: plain files with
/// <c>grep -a -b '^WARC-Type'</c> and a walk by Content-Length; gzip files member by member with Python's zlib
/// (member offsets and the records in each), see tests/data/warc/README.md.
/// </summary>
public class WarcSampleFileTests
{
    [Theory]
    // file, counts by type, offsets of the yielded (response/resource) records, offsets of damage
    [InlineData("example.warc", "request=2 response=1 revisit=1 warcinfo=2", "1197", "")]
    [InlineData("example.warc.gz", "request=2 response=1 revisit=1 warcinfo=2", "784", "")]
    [InlineData("example-bad-non-chunked.warc.gz", "request=2 response=1 revisit=1 warcinfo=2", "0", "")]
    [InlineData("example-bad.warc.gz.bad", "request=2 response=2 revisit=1 warcinfo=1", "0 0", "")]
    [InlineData("example-digest.warc", "request=4", "", "")]
    [InlineData("example-iana.org-chunked.warc", "request=1 response=1 warcinfo=1", "405", "")]
    [InlineData("example-resource.warc.gz", "resource=1 warcinfo=2", "802", "")]
    [InlineData("example-space-in-target-uri.warc.gz", "resource=1 warcinfo=1", "241", "")]
    [InlineData("example-wget-bad-target-uri.warc.gz", "metadata=1 request=1 resource=2 response=1 warcinfo=1", "824 2295 2681", "")]
    [InlineData("example-wrong-chunks.warc.gz", "request=1 response=1", "0", "")]
    [InlineData("post-test.warc.gz", "request=3 response=3", "0 1196 2395", "")]
    // Its response declares 973 block bytes where there are 975: the end marker is missing at 2560, the request after it is found again at 2566.
    [InlineData("example-trunc.warc", "request=1 response=1 warcinfo=2", "1197", "2560")]
    public void CountsEveryRecordByType(string file, string counts, string offsets, string damageOffsets)
    {
        var (records, tally) = WarcSamples.Read(file);

        Assert.Equal(counts, string.Join(' ', tally.RecordsByType.Select(kv => $"{kv.Key}={kv.Value}")));
        Assert.Equal(offsets, string.Join(' ', records.Select(r => r.Offset)));
        Assert.Equal(records.Count, tally.Yielded);
        Assert.Equal(damageOffsets, string.Join(' ', tally.Damage.Select(d => d.Offset)));
        Assert.All(records, r => Assert.Contains(r.Type, new[] { "response", "resource" }));
    }

    [Fact]
    public void EveryFileInTheFolderIsCovered()
    {
        var covered = typeof(WarcSampleFileTests).GetMethod(nameof(CountsEveryRecordByType))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
        var files = Directory.EnumerateFiles(WarcSamples.Dir).Select(Path.GetFileName).Where(f => f != "README.md");
        Assert.All(files, f => Assert.Contains(f!, covered));
    }

    [Fact]
    public void YieldsEveryTypeWhenAskedAndInFileOrder()
    {
        var (records, tally) = WarcSamples.Read("example.warc.gz", allTypes: true);
        Assert.Equal("0 353 784 2012 2621 3207", string.Join(' ', records.Select(r => r.Offset)));
        Assert.Equal("warcinfo warcinfo response request revisit request", string.Join(' ', records.Select(r => r.Type)));
        Assert.Equal(6, tally.Yielded);
    }

    [Fact]
    public void ReadsTheHttpResponse()
    {
        var (records, _) = WarcSamples.Read("example.warc");
        var r = Assert.Single(records);
        Assert.Equal("WARC/1.0", r.Version);
        Assert.Equal("http://example.com/", r.TargetUri);
        Assert.Equal("2017-03-06T04:02:06Z", r.RawDate);
        Assert.Equal(new DateTimeOffset(2017, 3, 6, 4, 2, 6, TimeSpan.Zero), r.Date);
        Assert.Equal("<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>", r.RecordId);
        Assert.Equal(200, r.Http!.Status);
        Assert.Equal("text/html", r.PayloadContentType);
        // The body is Content-Encoding: gzip; the payload is the page.
        var payload = r.GetPayload();
        Assert.Empty(payload.Problems);
        var html = Encoding.UTF8.GetString(payload.Bytes.Span);
        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("<title>Example Domain</title>", html);
        Assert.EndsWith("</html>\n", html);
    }

    [Fact]
    public void UndoesChunkedTransferCodingAndHandsOverTheCharset()
    {
        var (records, _) = WarcSamples.Read("example-iana.org-chunked.warc");
        var r = Assert.Single(records);
        Assert.Equal("text/html; charset=UTF-8", r.PayloadContentType);
        var payload = r.GetPayload();
        Assert.Empty(payload.Problems);
        var html = Encoding.UTF8.GetString(payload.Bytes.Span);
        Assert.StartsWith("<!doctype html>", html);
        Assert.EndsWith("</html>\n", html);
        Assert.DoesNotContain("\r\n0\r\n", html);
        var result = new Extractor().Extract(payload.Bytes.Span, r.TargetUri, r.PayloadContentType);
        Assert.Equal("Internet Assigned Numbers Authority", result.Article.Title);
        Assert.Equal("utf-8", result.Diagnostics.Encoding?.ToLowerInvariant());
        Assert.Equal("Transport", result.Diagnostics.EncodingSource, ignoreCase: true);
    }

    [Fact]
    public void ARecordSplitOverTwoGzipMembersIsRead()
    {
        // example-wrong-chunks: the response's HTTP head is in member 0, its body in member 1, its end marker in member 2.
        var (records, tally) = WarcSamples.Read("example-wrong-chunks.warc.gz");
        var payload = Assert.Single(records).GetPayload();
        Assert.StartsWith("<!doctype html>", Encoding.UTF8.GetString(payload.Bytes.Span));
        Assert.Empty(tally.Damage);
    }

    [Fact]
    public void TargetUrisLoseAngleBracketsAndKeepSpaces()
    {
        Assert.Equal("file:///example with spaces.png", Assert.Single(WarcSamples.Read("example-space-in-target-uri.warc.gz").Records).TargetUri);
        Assert.Equal(["http://example.com/", "metadata://gnu.org/software/wget/warc/wget_arguments.txt", "metadata://gnu.org/software/wget/warc/wget.log"],
            WarcSamples.Read("example-wget-bad-target-uri.warc.gz").Records.Select(r => r.TargetUri));
    }

    [Fact]
    public void AResourceRecordsPayloadIsItsBlock()
    {
        var r = Assert.Single(WarcSamples.Read("example-resource.warc.gz").Records);
        Assert.Null(r.Http);
        Assert.Equal("text/html; charset=utf-8", r.PayloadContentType);
        Assert.Equal(r.Block.ToArray(), r.GetPayload().Bytes.ToArray());
        Assert.Equal(r.DeclaredLength, r.GetPayload().Bytes.Length);
    }

    [Fact]
    public void TheResponseBeforeTheDamageKeepsWhatDecodes()
    {
        // Its gzip body lost the last two bytes of the gzip trailer (the length); the page itself is complete.
        var r = Assert.Single(WarcSamples.Read("example-trunc.warc").Records);
        var payload = r.GetPayload();
        Assert.Contains("<title>Example Domain</title>", Encoding.UTF8.GetString(payload.Bytes.Span));
        Assert.EndsWith("</html>\n", Encoding.UTF8.GetString(payload.Bytes.Span));
    }
}
