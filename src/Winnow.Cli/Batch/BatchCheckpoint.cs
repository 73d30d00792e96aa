using System.Text.Json;
using System.Text.Json.Serialization;

namespace Winnow.Cli.Batch;

/// <summary>
/// Where a batch stands, saved next to its output (<c>OUT.checkpoint.json</c>) each time the
/// output is committed: the next record to write (file index, record index within the file), the
/// committed lengths of the output and error files, and the counts so far. A restarted batch
/// truncates both files to the committed lengths (dropping anything written after the last
/// commit, even a half line from a <c>kill -9</c>) and goes on from the next record: nothing is
/// lost, nothing is written twice. Saved by writing a temporary file and renaming it over the
/// old one, so the checkpoint itself is never half written.
/// </summary>
public sealed record BatchCheckpoint
{
    [JsonPropertyName("version")] public int Version { get; init; } = 1;
    /// <summary>A hash of the input file list and the options that shape the output: a checkpoint of another job is not used.</summary>
    [JsonPropertyName("job")] public string Job { get; init; } = "";
    [JsonPropertyName("next_file")] public int NextFile { get; init; }
    [JsonPropertyName("next_record")] public long NextRecord { get; init; }
    [JsonPropertyName("out_bytes")] public long OutBytes { get; init; }
    [JsonPropertyName("errors_bytes")] public long ErrorBytes { get; init; }
    [JsonPropertyName("complete")] public bool Complete { get; init; }
    [JsonPropertyName("counts")] public BatchCounts Counts { get; init; } = new();

    public static string PathFor(string output) => output + ".checkpoint.json";

    public static BatchCheckpoint? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<BatchCheckpoint>(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCodes.Unreadable, $"the checkpoint '{path}' is damaged ({e.Message}); remove it and the output to start over (--restart).");
        }
    }

    public void Save(string path)
    {
        var tmp = path + ".tmp";
        using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(f, this);
            f.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }
}

/// <summary>What a batch did with the records it read: every record read is counted in exactly one of extracted, failed, skipped.</summary>
public sealed record BatchCounts
{
    [JsonPropertyName("read")] public long Read { get; init; }
    [JsonPropertyName("extracted")] public long Extracted { get; init; }
    [JsonPropertyName("failed")] public long Failed { get; init; }
    [JsonPropertyName("skipped")] public long Skipped { get; init; }
    /// <summary>Page bytes extracted or logged (decompressed).</summary>
    [JsonPropertyName("bytes")] public long Bytes { get; init; }
    /// <summary>Input bytes accounted for (as stored: compressed files count their compressed size).</summary>
    [JsonPropertyName("source_bytes")] public long SourceBytes { get; init; }
    /// <summary>Failed and skipped records by kind (not_html, too_large, timeout, read_error, …).</summary>
    [JsonPropertyName("by_kind")] public Dictionary<string, long> ByKind { get; init; } = new();
}
