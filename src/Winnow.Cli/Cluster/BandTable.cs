using Npgsql;
using NpgsqlTypes;
using Winnow.Dedup;

namespace Winnow.Cli.Cluster;

/// <summary>
/// The near-duplicate index of a cluster job on PostgreSQL: <c>winnow_doc</c> holds each output line's fingerprint and
/// what chooses a canonical copy (keyed by task and line), <c>winnow_band</c> one row per band key of each fingerprint
/// (<see cref="NearDuplicateIndex.BandKeys"/>, 32 a document). Written by binary COPY inside the task's completion
/// transaction, so a task's documents are in the index exactly when the task is done.
/// </summary>
public static class BandTable
{
    /// <summary>The tables (no index on the band key: the clustering pass sorts once, and COPY stays fast).</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS winnow_doc (
            task_id       bigint  NOT NULL,
            line          integer NOT NULL,
            record_id     text,
            url           text,
            canonical_url text,
            source_url    text,
            published     timestamptz,
            fingerprint   bytea,
            PRIMARY KEY (task_id, line)
        );
        CREATE TABLE IF NOT EXISTS winnow_band (
            band_key integer NOT NULL,
            task_id  bigint  NOT NULL,
            line     integer NOT NULL
        );
        """;

    /// <summary>Writes a task's documents and their band rows on <paramref name="conn"/>, inside its open transaction.</summary>
    public static void Write(NpgsqlConnection conn, long taskId, IReadOnlyList<TaskDocument> documents)
    {
        using (var copy = conn.BeginBinaryImport("COPY winnow_doc (task_id, line, record_id, url, canonical_url, source_url, published, fingerprint) FROM STDIN (FORMAT BINARY)"))
        {
            for (var line = 0; line < documents.Count; line++)
            {
                var (recordId, d) = documents[line];
                copy.StartRow();
                copy.Write(taskId, NpgsqlDbType.Bigint);
                copy.Write(line, NpgsqlDbType.Integer);
                WriteText(copy, recordId);
                WriteText(copy, d.Url);
                WriteText(copy, d.CanonicalUrl);
                WriteText(copy, d.SourceUrl);
                // timestamptz takes UTC instants; the offset does not matter to the comparison that uses it
                if (d.Published is { } p) copy.Write(p.ToUniversalTime(), NpgsqlDbType.TimestampTz); else copy.WriteNull();
                if (d.Fingerprint is { } f) copy.Write(f.ToBytes(), NpgsqlDbType.Bytea); else copy.WriteNull();
            }
            copy.Complete();
        }
        using (var copy = conn.BeginBinaryImport("COPY winnow_band (band_key, task_id, line) FROM STDIN (FORMAT BINARY)"))
        {
            for (var line = 0; line < documents.Count; line++)
            {
                if (documents[line].Document.Fingerprint is not { } f) continue;
                foreach (var key in NearDuplicateIndex.BandKeys(f))
                {
                    copy.StartRow();
                    copy.Write(unchecked((int)key), NpgsqlDbType.Integer);
                    copy.Write(taskId, NpgsqlDbType.Bigint);
                    copy.Write(line, NpgsqlDbType.Integer);
                }
            }
            copy.Complete();
        }
    }

    static void WriteText(NpgsqlBinaryImporter copy, string? text)
    {
        // PostgreSQL's text cannot hold U+0000, which a page's URL may carry
        if (text is null) copy.WriteNull(); else copy.Write(text.Replace('\0', '\uFFFD'), NpgsqlDbType.Text);
    }
}
