namespace Winnow.Cli.Batch;

/// <summary>
/// One record read from an input: a page to extract, or a record that cannot be (a read error,
/// a non-HTML payload) with the reason. <see cref="Id"/> is stable across runs: the file path for
/// an HTML file, the WARC-Record-ID (or file#offset) for an archive record.
/// </summary>
public sealed record PageRecord
{
    public required string File { get; init; }
    public required string Id { get; init; }
    /// <summary>Byte offset of the record in the file (of its gzip member for compressed archives); 0 for a page file.</summary>
    public long Offset { get; init; }
    public string? Url { get; init; }
    /// <summary>When the page was fetched (WARC-Date), as written in the archive.</summary>
    public string? FetchDate { get; init; }
    public string? ContentType { get; init; }
    /// <summary>The page's bytes (for an archive record, a slice of the record's block), or null when not extracted.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; init; }
    /// <summary>Why the record is not extracted (set instead of <see cref="Bytes"/>).</summary>
    public string? SkipReason { get; init; }
    /// <summary>The kind of problem for the error log: <c>skipped</c>, <c>read_error</c>, …</summary>
    public string? SkipKind { get; init; }
    /// <summary>Size of the record's payload as read (for bytes/s).</summary>
    public long Size { get; init; }
    /// <summary>Bytes of the input file this record accounts for (the whole file for a page file, the record's
    /// compressed length in an archive): progress and ETA are measured against the inputs' total size.</summary>
    public long SourceBytes { get; init; }
}

/// <summary>Reads the records of one input file in order.</summary>
public interface IRecordSource
{
    IEnumerable<PageRecord> Read(InputFile file, CancellationToken token);
}

/// <summary>An HTML file (plain or .gz) is one record.</summary>
public sealed class HtmlFileSource(long maxBytes) : IRecordSource
{
    public IEnumerable<PageRecord> Read(InputFile file, CancellationToken token)
    {
        PageRecord record;
        try
        {
            var bytes = Input.PageReader.ReadFile(file.Path, maxBytes);
            record = new PageRecord { File = file.Path, Id = file.Path, Bytes = bytes, Size = bytes.Length, SourceBytes = file.Size };
        }
        catch (CliException e)
        {
            record = new PageRecord { File = file.Path, Id = file.Path, SkipKind = e.ExitCode == ExitCodes.TooLarge ? "too_large" : "read_error", SkipReason = e.Message, Size = file.Size, SourceBytes = file.Size };
        }
        yield return record;
    }
}
