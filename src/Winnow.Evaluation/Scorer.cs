using Winnow.Evaluation.Json;
using Winnow.Evaluation.Loading;
using Winnow.Evaluation.Metrics;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation;

/// <summary>
/// Scores predictions against the corpus ground truth exactly as the reference scorer
/// <c>score.py</c> does (its <c>evaluate</c>): same cases, same metrics, same numbers.
/// </summary>
public static class Scorer
{
    /// <summary>Scores the predictions in <paramref name="predDir"/> against every case under <paramref name="goldDir"/>.</summary>
    /// <param name="goldDir">Searched recursively for case files (<c>&lt;id&gt;.json</c> with "id" and "dataset").</param>
    /// <param name="predDir">Holds one <c>&lt;id&gt;.json</c> per case (see <see cref="PredictionLoading.Load"/>); a missing file is empty output.</param>
    /// <param name="bootstrap">Bootstrap resamples for the ± values of the ScrapingHub metric; 0 turns them off.</param>
    /// <param name="seed">The bootstrap's seed (Python's <c>random.Random(seed)</c>).</param>
    /// <param name="keepCases">Keep the per-case rows (<see cref="EvaluationReport.Cases"/>).</param>
    /// <exception cref="DirectoryNotFoundException">The gold folder does not exist.</exception>
    public static EvaluationReport Evaluate(string goldDir, string predDir, int bootstrap = 1000, int seed = 0, bool keepCases = false)
    {
        if (!Directory.Exists(goldDir)) throw new DirectoryNotFoundException($"no such folder: {goldDir}");
        var cases = GoldCases.Load(goldDir);
        var present = cases.Select(c => (c.Dataset, c.Id)).ToHashSet();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var overall = new Group();
        var rows = new List<CaseResult>();
        var warnings = new List<string>();

        foreach (var gold in cases)
        {
            var rec = gold.Record;
            var (pred, found) = PredictionLoading.Load(predDir, gold, warnings);
            string body = PredictionLoading.Body(pred);
            if (!groups.TryGetValue(gold.Dataset, out var g)) groups[gold.Dataset] = g = new Group();
            // A copy of another scored case (the comments dataset's pages) adds to "overall" only its thread score.
            bool dup = rec.Get("source_dataset") is string src && src.Length > 0 && src != gold.Dataset && present.Contains((src, gold.Id));
            Group[] targets = dup ? [g] : [g, overall];
            foreach (var x in targets)
            {
                x.N++;
                if (!found) x.Missing++;
            }

            CaseSh? caseSh = null;
            if (rec.Get("body") is string goldBody)
            {
                var t = ShMetric.Counts(goldBody, body);
                double a = Tokenizer.Tokenize(goldBody).SequenceEqual(Tokenizer.Tokenize(body), StringComparer.Ordinal) ? 1.0 : 0.0;
                foreach (var x in targets)
                {
                    x.Tfn.Add(t);
                    x.Acc.Add(a);
                }
                caseSh = new CaseSh(ShMetric.HasPrecision(t) ? ShMetric.Precision(t) : null,
                    ShMetric.HasRecall(t) ? ShMetric.Recall(t) : null, a);
            }

            SnippetCounts? snippets = null;
            if (PyValue.Truthy(rec.Get("with")) || PyValue.Truthy(rec.Get("without")))
            {
                snippets = SnippetMetric.Counts(rec.Get("with"), rec.Get("without"), body);
                foreach (var x in targets) x.Snippets.Add(snippets);
            }

            var commentsWith = SnippetMetric.Strings(rec.Get("comments_with"));
            if (commentsWith.Count > 0)
            {
                string predComments = PyText.NormWs(PyValue.AsText(pred.Get("comments")) ?? "");
                int hit = commentsWith.Count(c => predComments.Contains(PyText.NormWs(c), StringComparison.Ordinal));
                foreach (var x in targets)
                {
                    x.CommentsFound += hit;
                    x.CommentsTotal += commentsWith.Count;
                }
            }

            Dictionary<string, bool>? fieldRow = null;
            foreach (var field in FieldMetric.Fields)
            {
                if (FieldMetric.Match(field, rec.Get(field), pred.Get(field)) is not { } m) continue;
                foreach (var x in targets)
                {
                    var fc = x.Fields.GetValueOrDefault(field);
                    x.Fields[field] = (fc.Hit + (m ? 1 : 0), fc.Total + 1);
                }
                (fieldRow ??= new Dictionary<string, bool>())[field] = m;
            }

            ThreadCounts? thread = null;
            if (rec.Get("thread") is List<object?> goldThread)
            {
                thread = ThreadMetric.Counts(goldThread, pred.Get("thread"), body);
                g.Threads.Add(thread);
                overall.Threads.Add(thread);
            }

            if (keepCases)
                rows.Add(new CaseResult(gold.Id, gold.Dataset, found, caseSh, snippets, fieldRow is null ? null : Ordered(fieldRow), thread));
        }

        return new EvaluationReport
        {
            DatasetList = groups.Keys.Order(CodePoints.Comparer)
                .Select(name => new KeyValuePair<string, DatasetReport>(name, Summarize(groups[name], bootstrap, seed))).ToList(),
            Overall = Summarize(overall, bootstrap, seed),
            Cases = keepCases ? rows : null,
            Warnings = warnings,
        };
    }

    /// <summary>The per-dataset accumulator of score.py's <c>new_group</c>.</summary>
    sealed class Group
    {
        public int N, Missing, CommentsFound, CommentsTotal;
        public readonly List<TpFpFn> Tfn = [];
        public readonly List<double> Acc = [];
        public readonly List<SnippetCounts> Snippets = [];
        public readonly Dictionary<string, (int Hit, int Total)> Fields = new(StringComparer.Ordinal);
        public readonly List<ThreadCounts> Threads = [];
    }

    static DatasetReport Summarize(Group g, int bootstrap, int seed) => new()
    {
        Cases = g.N,
        MissingPredictions = g.Missing,
        Sh = g.Tfn.Count > 0 ? ShMetric.Score(g.Tfn, g.Acc, bootstrap, seed) : null,
        Snippets = g.Snippets.Count > 0 ? SnippetMetric.Score(g.Snippets) : null,
        CommentsRecall = g.CommentsTotal > 0 ? new CommentsRecallScore((double)g.CommentsFound / g.CommentsTotal, g.CommentsFound, g.CommentsTotal) : null,
        Thread = g.Threads.Count > 0 ? ThreadMetric.Score(g.Threads) : null,
        Fields = g.Fields.Count > 0
            ? Ordered(g.Fields.ToDictionary(kv => kv.Key, kv => new FieldScore((double)kv.Value.Hit / kv.Value.Total, kv.Value.Hit, kv.Value.Total)))
            : null,
    };

    /// <summary>The entries in score.py's field order.</summary>
    static IReadOnlyDictionary<string, T> Ordered<T>(Dictionary<string, T> byField)
    {
        var ordered = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var field in FieldMetric.Fields)
            if (byField.TryGetValue(field, out var v)) ordered.Add(field, v);
        return ordered;
    }
}
