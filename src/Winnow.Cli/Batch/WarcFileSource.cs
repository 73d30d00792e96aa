using System.Collections.Concurrent;
using Winnow.Archive;
using Winnow.Cli.Input;

namespace Winnow.Cli.Batch;

/// <summary>
/// A web archive (WARC / WARC.gz) as batch records: each <c>response</c> and <c>resource</c> record
/// is a page (its id the WARC-Record-ID, its URL the WARC-Target-URI, its fetch date the WARC-Date,
/// the HTTP Content-Type handed to the decoder); an HTTP status other than 2xx, a binary payload
/// (an image, a PDF) and a payload over the size limit become records with the reason, and every
/// damaged stretch of the file becomes a <c>damaged</c> record with its byte offset, after the good
/// records. Other WARC record types (request, warcinfo, metadata, revisit) are not pages: they are
/// counted in <see cref="OtherRecords"/>, not written.
/// </summary>
public sealed class WarcFileSource(long maxBytes) : IRecordSource
{
    /// <summary>WARC records that are not pages, by type, over every file read by this source.</summary>
    public ConcurrentDictionary<string, long> OtherRecords { get; } = new(StringComparer.Ordinal);

    public IEnumerable<PageRecord> Read(InputFile file, CancellationToken token)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new PageRecord { File = file.Path, Id = file.Path, SkipKind = "read_error", SkipReason = e.Message, SourceBytes = file.Size }];
        }
        return ReadArchive(file, stream, token);
    }

    IEnumerable<PageRecord> ReadArchive(InputFile file, FileStream stream, CancellationToken token)
    {
        using var _ = stream;
        var reader = new WarcReader(stream, new WarcReaderOptions { MaxBlockBytes = maxBytes + 64 * 1024 });
        long lastOffset = 0;
        foreach (var record in reader.ReadRecords())
        {
            token.ThrowIfCancellationRequested();
            var id = record.RecordId ?? $"{file.Path}#{record.Offset}";
            // progress by compressed position: the distance since the previous record's start
            var sourceBytes = Math.Max(0, record.Offset - lastOffset);
            lastOffset = record.Offset;
            var page = new PageRecord
            {
                File = file.Path, Id = id, Offset = record.Offset, Url = record.TargetUri, FetchDate = record.RawDate,
                ContentType = record.PayloadContentType, SourceBytes = sourceBytes,
            };
            if (record.Http is { } http && http.Status is < 200 or > 299)
            {
                yield return page with { SkipKind = "skipped", SkipReason = $"HTTP {http.Status} {http.Reason}".TrimEnd() };
                continue;
            }
            if (BinarySniffer.DescribeMediaType(record.PayloadContentType?.Split(';')[0].Trim()) is { } what)
            {
                yield return page with { SkipKind = "not_html", SkipReason = $"the payload is {what} ({record.PayloadContentType})" };
                continue;
            }
            var payload = record.GetPayload(maxBytes);
            if (payload.Truncated || record.BlockTruncated)
            {
                yield return page with { SkipKind = "too_large", SkipReason = $"the payload is over the limit of {maxBytes:N0} bytes", Size = payload.Bytes.Length };
                continue;
            }
            yield return page with { Bytes = payload.Bytes, Size = payload.Bytes.Length };
        }
        var tally = reader.Tally;
        foreach (var (type, count) in tally.RecordsByType)
            if (type is not ("response" or "resource"))
                OtherRecords.AddOrUpdate(type, count, (_, c) => c + count);
        foreach (var damage in tally.Damage)
            yield return new PageRecord
            {
                File = file.Path, Id = $"{file.Path}#{damage.Offset}", Offset = damage.Offset,
                SkipKind = "damaged", SkipReason = $"{damage.Reason} (at byte {damage.Offset})",
            };
    }
}
