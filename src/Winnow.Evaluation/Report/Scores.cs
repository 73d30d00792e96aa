namespace Winnow.Evaluation;

/// <summary>The ScrapingHub metric over a set of pages; the <c>*Std</c> values are the bootstrap standard deviations (null when the bootstrap is off).</summary>
public sealed record ShScore(double F1, double Precision, double Recall, double Accuracy, int N,
    double? F1Std, double? PrecisionStd, double? RecallStd, double? AccuracyStd);

/// <summary>The snippet metric over a set of pages (counts summed).</summary>
public sealed record SnippetScore(double F1, double Precision, double Recall, double Accuracy, int N, long Tp, long Fp, long Fn, long Tn);

/// <summary>Share of gold comment snippets found in the predictions' "comments".</summary>
public sealed record CommentsRecallScore(double Rate, int Found, int Total);

/// <summary>Exact-match rate of one metadata field over the pages whose gold has it.</summary>
public sealed record FieldScore(double Rate, int Match, int Gold);

/// <summary>The comment-thread metric over a set of pages (counts summed, then rates).</summary>
public sealed record ThreadScore(int Gold, int Pred, int Matched, int AuthorOk, int ParentOk, int LeakN, int Leaked, int Pages,
    double Precision, double Recall, double F1, double AuthorAccuracy, double ParentAccuracy, double Leak);

/// <summary>One page's ScrapingHub scores: precision / recall are null when the page is left out of that average.</summary>
public sealed record CaseSh(double? Precision, double? Recall, double Exact);

/// <summary>One scored page (score.py's per-case row, kept with <c>keepCases</c>).</summary>
public sealed record CaseResult(string Id, string Dataset, bool PredFound, CaseSh? Sh, Metrics.SnippetCounts? Snippets,
    IReadOnlyDictionary<string, bool>? Fields, Metrics.ThreadCounts? Thread);
