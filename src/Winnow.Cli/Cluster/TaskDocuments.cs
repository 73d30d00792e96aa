using System.Text;
using System.Text.Json;
using Winnow.Cli.Dedup;
using Winnow.Dedup;

namespace Winnow.Cli.Cluster;

/// <summary>One line of a task's output as the band index keeps it: its record id and what clustering reads.</summary>
public sealed record TaskDocument(string? RecordId, DedupDocument Document);

/// <summary>Reads a finished task's output file into the documents its completion records (line by line, in order).</summary>
public static class TaskDocuments
{
    public static List<TaskDocument> Read(string path, DedupOptions options)
    {
        var documents = new List<TaskDocument>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            documents.Add(new TaskDocument(DedupLine.RecordId(json.RootElement), DedupLine.Read(json.RootElement, options, out _)));
        }
        return documents;
    }
}
