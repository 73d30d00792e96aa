using System.CommandLine;
using System.Globalization;
using Winnow.Evaluation;

namespace Winnow.Cli.Commands;

/// <summary>
/// <c>winnow eval CORPUS_DIR --predictions OUT_DIR</c>: runs the extractor over every page of a corpus, writes one
/// prediction file per page, and prints the score exactly as the reference scorer <c>score.py</c> would on the same
/// folders. With <c>--score-only</c> it only scores the predictions already in OUT_DIR (any tool's).
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Argument<DirectoryInfo>("CORPUS_DIR")
        {
            Description = "The corpus: <id>.html or <id>.html.gz pages with their gold <id>.json, searched recursively.",
        };
        var predictions = new Option<DirectoryInfo>("--predictions", "-p")
        {
            Description = "Where the predictions are written (<same relative folder>/<id>.json), or read with --score-only.",
            HelpName = "OUT_DIR",
            Required = true,
        };
        var threads = new Option<int>("--threads", "-j")
        {
            Description = "Pages extracted at once.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Bootstrap resamples for the ± values of the ScrapingHub metric (0: off).",
            HelpName = "N",
            DefaultValueFactory = _ => 1000, // score.py's default
        };
        var seed = new Option<int>("--seed") { Description = "The bootstrap's random seed.", HelpName = "S" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON (score.py --json)." };
        var cases = new Option<bool>("--cases") { Description = "With --json: include one row per page." };
        var scoreOnly = new Option<bool>("--score-only") { Description = "Do not extract: score the predictions already in the --predictions folder." };

        var command = new Command("eval", "Run the extractor over a corpus and score it as score.py does.")
        {
            corpus, predictions, threads, bootstrap, seed, json, cases, scoreOnly,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var corpusDir = parse.GetValue(corpus)!.FullName;
            var outDir = parse.GetValue(predictions)!.FullName;
            int threadCount = parse.GetValue(threads);
            if (!Directory.Exists(corpusDir))
            {
                error.WriteLine($"error: no such folder: {corpusDir}");
                return 2;
            }
            if (threadCount < 1)
            {
                error.WriteLine("error: --threads must be at least 1");
                return 2;
            }
            if (!parse.GetValue(scoreOnly))
            {
                var summary = CorpusRunner.WritePredictions(new Extractor(), corpusDir, outDir, threadCount, error);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"extracted {summary.Pages} pages in {summary.Elapsed.TotalSeconds:0.0} s with {threadCount} threads ({summary.Failed} failed) into {outDir}"));
            }
            else if (!Directory.Exists(outDir))
            {
                error.WriteLine($"error: no such folder: {outDir}");
                return 2;
            }
            return Score(corpusDir, outDir, parse.GetValue(bootstrap), parse.GetValue(seed), parse.GetValue(json), parse.GetValue(cases), output, error);
        });
        return command;
    }

    /// <summary>Scores and prints as score.py does (its exit code 2 and message when the corpus holds no case).</summary>
    internal static int Score(string corpusDir, string predDir, int bootstrap, int seed, bool json, bool cases, TextWriter output, TextWriter error)
    {
        EvaluationReport report;
        try
        {
            report = Scorer.Evaluate(corpusDir, predDir, bootstrap, seed, keepCases: json && cases);
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        foreach (var warning in report.Warnings) error.WriteLine(warning);
        if (report.DatasetList.Count == 0)
        {
            error.WriteLine($"error: no cases under {corpusDir}");
            return 2;
        }
        if (json) output.Write(report.ToJson() + "\n");
        else ReportPrinter.Print(report, output);
        return 0;
    }
}
