using Winnow.Archive;

namespace Winnow.Tests.Archive;

/// <summary>Damaged archives: every good record before (and, where it can be found, after) the damage is kept.</summary>
public class WarcDamageTests
{
    /// <summary>Where each record of the file ends (its end marker included), from the reader's own offsets of an intact read.</summary>
    static List<(long Offset, long End)> Extents(byte[] bytes)
    {
        var offsets = WarcSamples.Read(bytes, allTypes: true).Records.Select(r => r.Offset).ToList();
        return offsets.Select((o, i) => (o, i + 1 < offsets.Count ? offsets[i + 1] : (long)bytes.Length)).ToList();
    }

    [Theory]
    [InlineData("example.warc")]
    [InlineData("example.warc.gz")]
    [InlineData("post-test.warc.gz")]
    [InlineData("example-resource.warc.gz")]
    public void EveryCutKeepsTheRecordsBeforeIt(string file)
    {
        var bytes = WarcSamples.Bytes(file);
        var extents = Extents(bytes);
        Assert.True(extents.Count >= 3);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var (records, tally) = WarcSamples.Read(bytes[..cut], allTypes: true);
            // Plain: a record is whole once its block is (the end marker may be cut); gzip: once its member is.
            var whole = extents.Count(e => e.End <= cut);
            Assert.InRange(records.Count, whole, whole + 1);
            Assert.Equal(extents.Take(records.Count).Select(e => e.Offset), records.Select(r => r.Offset));
            if (records.Count < extents.Count && cut > extents[records.Count].Offset)
            {
                // Something was cut inside a record: it is reported where that record starts.
                var damage = Assert.Single(tally.Damage);
                Assert.Equal(extents[records.Count].Offset, damage.Offset);
            }
            else
            {
                // Only the last record's gzip trailer can have been cut: the record was read before the check.
                Assert.All(tally.Damage, d => Assert.Equal(records[^1].Offset, d.Offset));
                if (!file.EndsWith(".gz")) Assert.Empty(tally.Damage);
            }
        }
    }

    [Fact]
    public void ACutThroughAWholeFileGzipKeepsTheRecordsDecodedBeforeIt()
    {
        var bytes = WarcSamples.Bytes("example-bad-non-chunked.warc.gz");
        var all = WarcSamples.Read(bytes, allTypes: true).Records;
        Assert.Equal(6, all.Count);
        var counts = new List<int>();
        for (var cut = 0; cut < bytes.Length; cut += 37)
        {
            var (records, tally) = WarcSamples.Read(bytes[..cut], allTypes: true);
            Assert.Equal(all.Take(records.Count).Select(r => r.RecordId), records.Select(r => r.RecordId));
            if (cut > 0) Assert.Equal(0L, Assert.Single(tally.Damage).Offset);
            counts.Add(records.Count);
        }
        // The more of the file, the more records; the last cut (past 95 % of the file) recovers most of them.
        Assert.Equal(counts.Order(), counts);
        Assert.True(counts[^1] >= 4, string.Join(",", counts));
    }

    [Fact]
    public void ACorruptGzipMemberLosesOnlyItsRecord()
    {
        var bytes = WarcSamples.Bytes("example.warc.gz");
        // The response's member spans 784..2012; overwrite bytes in the middle of its deflate data.
        var damaged = bytes.ToArray();
        for (var i = 1200; i < 1260; i++) damaged[i] = 0xAA;

        var (records, tally) = WarcSamples.Read(damaged, allTypes: true);

        Assert.Equal("0 353 2012 2621 3207", string.Join(' ', records.Select(r => r.Offset)));
        Assert.Contains(tally.Damage, d => d.Offset == 784);
        Assert.Equal(5, tally.Records);
    }

    [Fact]
    public void GarbageBetweenRecordsIsSkippedToTheNextRecord()
    {
        var bytes = WarcSamples.Bytes("example.warc");
        // Replace the request's version line (at 2566) with other bytes: the request is lost, the revisit after it found.
        var damaged = bytes.ToArray();
        "GARBAGE!"u8.CopyTo(damaged.AsSpan(2566));

        var (records, tally) = WarcSamples.Read(damaged, allTypes: true);

        Assert.Equal("0 488 1197 3370 4316", string.Join(' ', records.Select(r => r.Offset)));
        Assert.Equal(2566, Assert.Single(tally.Damage).Offset);
    }

    [Fact]
    public void BytesThatAreNotAWarcAreReportedNotThrown()
    {
        var (records, tally) = WarcSamples.Read("<html><body>not an archive</body></html>\n"u8.ToArray());
        Assert.Empty(records);
        Assert.Equal(0L, Assert.Single(tally.Damage).Offset);
        var (none, empty) = WarcSamples.Read([]);
        Assert.Empty(none);
        Assert.Empty(empty.Damage);
    }

    [Fact]
    public void AnOversizedBlockIsCutAtTheCapAndTheNextRecordStillRead()
    {
        var writer = new WarcWriter(WarcCompression.GzipPerRecord);
        writer.WriteResponse("http://a.example/", new byte[5000]);
        writer.WriteResponse("http://b.example/", "<p>b</p>"u8.ToArray());
        var (records, _) = WarcSamples.Read(writer.ToArray(), options: WarcReaderOptions.Default with { MaxBlockBytes = 1000 });
        Assert.Equal(2, records.Count);
        Assert.True(records[0].BlockTruncated);
        Assert.True(records[0].GetPayload().Truncated);
        Assert.Equal("<p>b</p>"u8.ToArray(), records[1].GetPayload().Bytes.ToArray());
    }
}
