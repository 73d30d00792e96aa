using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Winnow.Cli.Batch;

namespace Winnow.Cli.Commands;

/// <summary>
/// <c>winnow batch INPUT... --out OUT.jsonl [--threads N] [--include GLOB]... [--shard K/N] [--restart]</c>:
/// many pages in, JSON lines out, in parallel, resumable.
/// </summary>
public static partial class BatchCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            HelpName = "INPUT",
            Arity = ArgumentArity.OneOrMore,
            Description = "HTML files (plain or .gz), directories (searched recursively), WARC / WARC.gz files, or - for a list of paths on standard input.",
        };
        var output = new Option<string>("--out", "-o")
        {
            HelpName = "OUT.jsonl",
            Required = true,
            Description = "The JSON lines output (gzip when it ends in .gz); failures and skipped records go to OUT.errors.jsonl, the checkpoint to OUT.jsonl.checkpoint.json.",
        };
        var threads = new Option<int>("--threads", "-t")
        {
            HelpName = "N",
            Description = $"Pages extracted at once (default: all {Environment.ProcessorCount} cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var include = new Option<string[]>("--include")
        {
            HelpName = "GLOB",
            Description = "File name patterns taken from directories (default: " + string.Join(" ", BatchInputs.DefaultIncludes) + ").",
            AllowMultipleArgumentsPerToken = true,
        };
        var shard = new Option<string?>("--shard")
        {
            HelpName = "K/N",
            Description = "Process only shard K of N (1-based): a stable 1/N of the input files, by a hash of each path.",
        };
        var restart = new Option<bool>("--restart") { Description = "Start over: replace the output, its errors file and checkpoint." };
        var noMetadata = new Option<bool>("--no-metadata") { Description = "Extract bodies (and threads) only: no title, authors, dates, language or other metadata (faster)." };
        var dedup = new Option<bool>("--dedup") { Description = "When the batch is complete, cluster near-duplicate articles: each line gains cluster and canonical (as winnow dedup)." };
        var threshold = new Option<double>("--threshold")
        {
            HelpName = "T",
            Description = $"With --dedup: least estimated Jaccard similarity of two bodies to count as near-duplicates (default {Winnow.Dedup.DedupOptions.Default.Threshold.ToString(CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => Winnow.Dedup.DedupOptions.Default.Threshold,
        };
        var command = new Command("batch", "Extract many pages to JSON lines, in parallel, resumable after a crash or kill.")
        {
            inputs, output, threads, include, shard, restart, noMetadata, dedup, threshold,
        };
        command.SetAction((parse, token) => WinnowCli.Guard(console, () =>
        {
            var (k, n) = ParseShard(parse.GetValue(shard));
            var n_threads = parse.GetValue(threads);
            if (n_threads < 1) throw new CliException(ExitCodes.Usage, "--threads must be at least 1.");
            var includes = parse.GetValue(include) is { Length: > 0 } inc ? inc : BatchInputs.DefaultIncludes;
            var stdin = parse.GetValue(inputs)!.Contains("-") ? new StreamReader(console.Stdin) : null;
            var files = BatchInputs.Expand(parse.GetValue(inputs)!, includes, stdin).Where(f => BatchInputs.InShard(f, k, n)).ToList();
            var options = new BatchOptions
            {
                Files = files,
                Output = parse.GetValue(output)!,
                Threads = n_threads,
                Restart = parse.GetValue(restart),
                Extraction = ExtractionOptions.Default with { IncludeMetadata = !parse.GetValue(noMetadata) },
            };
            var maxBytes = options.Extraction.MaxInputBytes;
            var warc = new WarcFileSource(maxBytes);
            var sources = new Dictionary<InputKind, IRecordSource>
            {
                [InputKind.Html] = new HtmlFileSource(maxBytes),
                [InputKind.Warc] = warc,
            };
            bool terminal = ReferenceEquals(console.Error, Console.Error) ? !Console.IsErrorRedirected : false;
            var progress = new BatchProgress(console.Error, terminal, files.Sum(f => f.Size));
            if (options.Restart)
                foreach (var p in new[] { options.Output, BatchRunner.ErrorsPathFor(options.Output), BatchCheckpoint.PathFor(options.Output) })
                    if (File.Exists(p)) File.Delete(p);
            // the counts are printed by the progress reporter; every record is in the output or the errors file
            new BatchRunner(options, sources).Run(progress, token);
            if (!warc.OtherRecords.IsEmpty)
                console.Error.WriteLine("winnow batch: WARC records that are not pages (not counted above): "
                    + string.Join(", ", warc.OtherRecords.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:N0}")) + ".");
            if (parse.GetValue(dedup))
            {
                var t = parse.GetValue(threshold);
                if (!(t > 0 && t <= 1)) throw new CliException(ExitCodes.Usage, $"--threshold must be above 0 and at most 1, not '{t.ToString(CultureInfo.InvariantCulture)}'.");
                // clustered into a temporary file, then renamed over the output: a kill leaves the plain output whole
                var tmp = options.Output + ".dedup.tmp" + (options.Output.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ".gz" : "");
                DedupCommand.Run(options.Output, tmp, Winnow.Dedup.DedupOptions.Default with { Threshold = t }, console, token);
                File.Move(tmp, options.Output, overwrite: true);
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    static (int K, int N) ParseShard(string? value)
    {
        if (value is null) return (1, 1);
        var m = ShardPattern().Match(value);
        if (m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var k) && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
            return (k, n);
        throw new CliException(ExitCodes.Usage, $"--shard must be K/N with 1 <= K <= N, not '{value}'.");
    }

    [GeneratedRegex(@"^\s*(\d+)\s*/\s*(\d+)\s*$")]
    private static partial Regex ShardPattern();
}
