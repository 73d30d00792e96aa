using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Winnow.Cli.Bench;

namespace Winnow.Cli.Commands;

/// <summary><c>winnow bench DIR [--repeat N] [--warmup N]</c>: single-thread throughput, full extraction against parse only, and full extraction with and without the comment thread.</summary>
public static class BenchCommand
{
    // 5 measured rounds: enough for stable sums over the 85 ScrapingHub pages (425 latency samples) in well under a minute.
    const int DefaultRepeat = 5;
    // 2 warm-up rounds: tiered JIT promotes a method after 30 calls plus a 100 ms back-off (.NET defaults),
    // which one pass over a few dozen pages does not always reach.
    const int DefaultWarmup = 2;

    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string>("dir")
        {
            HelpName = "DIR",
            Description = "A directory of pages: every .html and .html.gz file under it.",
        };
        var repeat = new Option<int>("--repeat", "-n")
        {
            HelpName = "N",
            Description = $"Measured rounds over all pages (default {DefaultRepeat}).",
            DefaultValueFactory = _ => DefaultRepeat,
            CustomParser = r => ParseCount(r, "--repeat", min: 1),
        };
        var warmup = new Option<int>("--warmup", "-w")
        {
            HelpName = "N",
            Description = $"Untimed rounds first, for the JIT (default {DefaultWarmup}).",
            DefaultValueFactory = _ => DefaultWarmup,
            CustomParser = r => ParseCount(r, "--warmup", min: 0),
        };

        var command = new Command("bench", "Measure single-thread pages/s: full extraction against parse only, in the same run.")
        {
            dir, repeat, warmup,
        };
        command.SetAction((parse, _) => WinnowCli.Guard(console, () =>
            Task.FromResult(Run(parse.GetValue(dir)!, parse.GetValue(repeat), parse.GetValue(warmup), console))));
        return command;
    }

    // A validator cannot do this: reading a value that failed to convert throws inside the parser.
    static int ParseCount(System.CommandLine.Parsing.ArgumentResult result, string option, int min)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        result.AddError($"{option} must be a whole number of at least {min}, not '{text}'.");
        return min;
    }

    /// <summary>Runs the benchmark and prints its report on stdout (progress goes to stderr).</summary>
    public static int Run(string directory, int repeat, int warmup, CliConsole console)
    {
        if (!Directory.Exists(directory))
            throw new CliException(ExitCodes.Unreadable, $"cannot read '{directory}': no such directory.");
        IReadOnlyList<BenchPage> pages;
        try
        {
            pages = ThroughputBenchmark.LoadPages(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliException(ExitCodes.Unreadable, $"cannot read the pages under '{directory}': {e.Message}", e);
        }
        if (pages.Count == 0)
            throw new CliException(ExitCodes.Unreadable, $"no .html or .html.gz files under '{directory}'.");

        var o = console.Out;
        var c = CultureInfo.InvariantCulture;
        var bytes = pages.Sum(p => (long)p.Bytes.Length);
        o.WriteLine(string.Format(c, "winnow bench: {0} pages, {1:F2} MB from {2}", pages.Count, bytes / 1_000_000.0, directory));
        o.WriteLine(string.Format(c, "{0} warm-up + {1} measured rounds, parse-only and full passes interleaved, single thread; {2}, {3} logical CPUs",
            warmup, repeat, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount));
        if (ThroughputBenchmark.LibraryIsDebugBuild)
            o.WriteLine("warning: the library is a Debug build; measure with -c Release.");
        o.Flush();

        var result = new ThroughputBenchmark(new Extractor()).Run(pages, repeat, warmup, line => console.Error.WriteLine("  " + line));
        foreach (var line in ThroughputBenchmark.Report(result)) o.WriteLine(line);
        o.Flush();
        return ExitCodes.Ok;
    }
}
