namespace Winnow.Evaluation;

/// <summary>The scores of one dataset, or of all pages pooled (<see cref="EvaluationReport.Overall"/>). A metric is null when no page has its gold.</summary>
public sealed class DatasetReport
{
    /// <summary>Pages counted (copies of pages scored elsewhere are left out of the overall count).</summary>
    public required int Cases { get; init; }
    /// <summary>Pages whose prediction file is missing or unreadable.</summary>
    public required int MissingPredictions { get; init; }
    public ShScore? Sh { get; init; }
    public SnippetScore? Snippets { get; init; }
    public CommentsRecallScore? CommentsRecall { get; init; }
    public ThreadScore? Thread { get; init; }
    /// <summary>Per field (in score.py's field order), where any gold has it.</summary>
    public IReadOnlyDictionary<string, FieldScore>? Fields { get; init; }
}
