using System.Text.Json;
using Winnow.Cli;
using Winnow.Evaluation;
using Xunit.Abstractions;

namespace Winnow.Tests.Evaluation;

/// <summary>
/// The evaluation gate: the extractor runs over the whole dev corpus (tests/data/corpus), is scored as
/// score.py scores it, and every figure pinned in tests/eval-floors.json must be reached. A floor is
/// raised when the extractor improves and is never lowered silently.
/// </summary>
public sealed class EvalGateTests(ITestOutputHelper output) : IDisposable
{
    readonly string _outDir = Directory.CreateTempSubdirectory("winnow-eval-gate-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_outDir, recursive: true); }
        catch (IOException) { }
    }

    static string FloorsPath => Path.Combine(Path.GetDirectoryName(TestData.Root)!, "eval-floors.json");

    /// <summary>The figures a floor can pin, by the name used in eval-floors.json.</summary>
    static readonly Dictionary<string, Func<DatasetReport, double?>> Metrics = new()
    {
        ["sh_f1"] = d => d.Sh?.F1,
        ["sh_precision"] = d => d.Sh?.Precision,
        ["sh_recall"] = d => d.Sh?.Recall,
        ["sh_accuracy"] = d => d.Sh?.Accuracy,
        ["snippets_f1"] = d => d.Snippets?.F1,
        ["snippets_precision"] = d => d.Snippets?.Precision,
        ["snippets_recall"] = d => d.Snippets?.Recall,
        ["comments_recall"] = d => d.CommentsRecall?.Rate,
        ["thread_f1"] = d => d.Thread?.F1,
        ["thread_precision"] = d => d.Thread?.Precision,
        ["thread_recall"] = d => d.Thread?.Recall,
        ["thread_author_accuracy"] = d => d.Thread?.AuthorAccuracy,
        ["thread_parent_accuracy"] = d => d.Thread?.ParentAccuracy,
        ["title"] = d => d.Fields?.GetValueOrDefault("title")?.Rate,
        ["author"] = d => d.Fields?.GetValueOrDefault("author")?.Rate,
        ["date"] = d => d.Fields?.GetValueOrDefault("date")?.Rate,
        ["site_name"] = d => d.Fields?.GetValueOrDefault("site_name")?.Rate,
        ["language"] = d => d.Fields?.GetValueOrDefault("language")?.Rate,
    };

    [Fact]
    public void ExtractorReachesThePinnedFloorsOnTheDevCorpus()
    {
        var errors = new StringWriter();
        var run = CorpusRunner.WritePredictions(new Extractor(), TestData.CorpusDir, _outDir, Environment.ProcessorCount, errors);
        var report = Scorer.Evaluate(TestData.CorpusDir, _outDir, bootstrap: 0);
        output.WriteLine($"extracted {run.Pages} pages in {run.Elapsed.TotalSeconds:0.0} s ({run.Failed} failed)");
        output.WriteLine(errors.ToString());
        output.WriteLine(ReportPrinter.ToText(report));

        using var floors = JsonDocument.Parse(File.ReadAllBytes(FloorsPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var failures = new List<string>();
        int checkedFloors = 0;
        foreach (var dataset in floors.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('_')))
        {
            Assert.True(report.Datasets.TryGetValue(dataset.Name, out var scores), $"eval-floors.json names dataset '{dataset.Name}', which the corpus lacks");
            foreach (var floor in dataset.Value.EnumerateObject())
            {
                Assert.True(Metrics.TryGetValue(floor.Name, out var measure), $"eval-floors.json: unknown metric '{floor.Name}'");
                double? value = measure(scores!);
                Assert.True(value is not null, $"{dataset.Name} has no '{floor.Name}' score");
                double min = floor.Value.GetDouble();
                output.WriteLine($"{dataset.Name,-12} {floor.Name,-24} {value:0.0000}  floor {min:0.000}  {(value >= min ? "ok" : "BELOW")}");
                checkedFloors++;
                if (value < min) failures.Add($"{dataset.Name} {floor.Name} = {value:0.0000} < floor {min:0.000}");
            }
        }
        Assert.True(checkedFloors > 0, "eval-floors.json pins no figure");
        Assert.True(failures.Count == 0, "below the pinned floors:\n" + string.Join("\n", failures));
    }
}
