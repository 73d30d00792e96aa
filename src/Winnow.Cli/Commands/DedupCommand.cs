using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Winnow.Cli.Dedup;
using Winnow.Dedup;

namespace Winnow.Cli.Commands;

/// <summary>
/// <c>winnow dedup IN.jsonl --out OUT.jsonl [--threshold T]</c>: clusters near-duplicate articles among JSON
/// lines (as <c>winnow extract -f json</c> writes them) and writes each line back with <c>cluster</c> (the number
/// of the cluster's first line, counting from 0) and <c>canonical</c> (true on the cluster's canonical member)
/// added, and <c>fingerprint</c> when the line had none. Reads the input twice and keeps only fingerprints
/// and a few fields per line in memory.
/// </summary>
public static class DedupCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input")
        {
            HelpName = "IN.jsonl",
            Description = "JSON lines, one article each: text, url, canonical_url, published.iso, and optionally a fingerprint from an earlier run.",
        };
        var output = new Option<string>("--out", "-o")
        {
            HelpName = "OUT.jsonl",
            Description = "Where to write the lines with cluster and canonical added (- for standard output).",
            Required = true,
        };
        var threshold = new Option<double>("--threshold")
        {
            HelpName = "T",
            Description = $"Least estimated Jaccard similarity of two bodies' word shingles to count as near-duplicates (default {DedupOptions.Default.Threshold.ToString(CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => DedupOptions.Default.Threshold,
        };
        threshold.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0 && value <= 1)) result.AddError($"--threshold must be above 0 and at most 1, not '{value.ToString(CultureInfo.InvariantCulture)}'.");
        });
        var command = new Command("dedup", "Cluster near-duplicate articles in JSON lines and mark each cluster's canonical one.")
        {
            input, output, threshold,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = DedupOptions.Default with { Threshold = parse.GetValue(threshold) };
            return await WinnowCli.Guard(console, () => Task.FromResult(Run(parse.GetValue(input)!, parse.GetValue(output)!, options, console, cancellationToken))).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs <c>dedup</c>; expected failures are thrown as <see cref="CliException"/>.</summary>
    public static int Run(string inputPath, string outputPath, DedupOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        if (!File.Exists(inputPath)) throw new CliException(ExitCodes.Unreadable, $"cannot read '{inputPath}': no such file.");
        // The input is read twice, the second time while the output is written.
        if (outputPath != "-" && string.Equals(Path.GetFullPath(outputPath), Path.GetFullPath(inputPath), StringComparison.Ordinal))
            throw new CliException(ExitCodes.Usage, "--out must not be the input file.");
        var documents = new List<DedupDocument>();
        var computed = new List<bool>();
        foreach (var (_, root) in ReadLines(inputPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents.Add(DedupLine.Read(root, options, out var fresh));
            computed.Add(fresh);
        }
        var clusters = NearDuplicateClusterer.Cluster(documents, options);

        using var file = outputPath == "-" ? null : File.Create(outputPath);
        // a .gz output is written gzip-compressed, as batch writes it
        using Stream? target = file is null ? null
            : outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
        var writer = target is null ? console.Out : new StreamWriter(target, new UTF8Encoding(false));
        var index = 0;
        foreach (var (_, root) in ReadLines(inputPath))
        {
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (var property in root.EnumerateObject())
                    if (property.Name is not ("cluster" or "canonical")) property.WriteTo(json);
                if (computed[index] && !root.TryGetProperty("fingerprint", out _))
                {
                    if (documents[index].Fingerprint is { } f) json.WriteString("fingerprint", f.ToString());
                    else json.WriteNull("fingerprint");
                }
                json.WriteNumber("cluster", clusters[index].Cluster);
                json.WriteBoolean("canonical", clusters[index].IsCanonical);
                json.WriteEndObject();
            }
            writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            writer.Write('\n');
            index++;
        }
        writer.Flush();
        var duplicates = clusters.Count(c => !c.IsCanonical);
        console.Error.WriteLine($"winnow dedup: {clusters.Count} articles, {clusters.Select(c => c.Cluster).Distinct().Count()} clusters, {duplicates} near-duplicates of another.");
        return ExitCodes.Ok;
    }

    /// <summary>The non-blank lines of the file, each parsed as a JSON object (line numbers from 1).</summary>
    static IEnumerable<(int Number, JsonElement Root)> ReadLines(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : stream, Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(line);
                root = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new CliException(ExitCodes.Unreadable, $"'{path}' line {number} is not JSON: {e.Message}");
            }
            if (root.ValueKind != JsonValueKind.Object) throw new CliException(ExitCodes.Unreadable, $"'{path}' line {number} is not a JSON object.");
            yield return (number, root);
        }
    }
}
