using Winnow.Evaluation.Json;

namespace Winnow.Evaluation;

/// <summary>What <see cref="Scorer.Evaluate(string, string, int, int, bool)"/> returns: score.py's result dict.</summary>
public sealed class EvaluationReport
{
    /// <summary>Per dataset, in Python's sorted (code point) order of names.</summary>
    public required IReadOnlyList<KeyValuePair<string, DatasetReport>> DatasetList { get; init; }

    /// <summary>Per dataset name.</summary>
    public IReadOnlyDictionary<string, DatasetReport> Datasets => _datasets ??= DatasetList.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    Dictionary<string, DatasetReport>? _datasets;

    /// <summary>All pages pooled (not an average of the datasets).</summary>
    public required DatasetReport Overall { get; init; }

    /// <summary>Per-page rows in corpus order, when asked for.</summary>
    public IReadOnlyList<CaseResult>? Cases { get; init; }

    /// <summary>Unreadable prediction files (score.py prints these to stderr).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The report as score.py's <c>--json</c> (with <c>--cases</c> when the rows were kept) prints it, without the final newline.</summary>
    public string ToJson() => PyJsonWriter.Write(ReportJson.Build(this));
}
