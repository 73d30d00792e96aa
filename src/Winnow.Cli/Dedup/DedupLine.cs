using System.Globalization;
using System.Text.Json;
using Winnow.Dedup;

namespace Winnow.Cli.Dedup;

/// <summary>
/// What near-duplicate clustering reads of one JSON line (as <c>extract -f json</c> and <c>batch</c> write it): the
/// fingerprint (computed from <c>text</c> when the line has none), <c>url</c>, <c>canonical_url</c>,
/// <c>source_url</c> and <c>published.iso</c>. Shared by <c>winnow dedup</c> (and so <c>batch --dedup</c>) and the
/// cluster worker, so both cluster the same documents the same way.
/// </summary>
public static class DedupLine
{
    /// <summary>The line's document; <paramref name="computed"/> says whether the fingerprint was computed here.</summary>
    public static DedupDocument Read(JsonElement root, DedupOptions options, out bool computed)
    {
        var fromLine = Text(root, "fingerprint") is { } stored && MinHashFingerprint.TryParse(stored, out var parsed) ? parsed : null;
        var fingerprint = fromLine ?? MinHashFingerprint.Compute(Text(root, "text") ?? "", options);
        computed = fromLine is null;
        return new DedupDocument(fingerprint, Text(root, "url"), Text(root, "canonical_url"), Text(root, "source_url"), Published(root));
    }

    /// <summary>The WARC record id (<c>source.record_id</c>) of a batch line, when it has one.</summary>
    public static string? RecordId(JsonElement root) =>
        root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object ? Text(source, "record_id") : null;

    public static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary><c>published.iso</c> as <c>extract -f json</c> writes it (or <c>published</c> as a plain string).</summary>
    static DateTimeOffset? Published(JsonElement root)
    {
        if (!root.TryGetProperty("published", out var published)) return null;
        var text = published.ValueKind switch
        {
            JsonValueKind.Object => Text(published, "iso"),
            JsonValueKind.String => published.GetString(),
            _ => null,
        };
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }
}
