using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Metrics;

/// <summary>One page's shingle counts, each divided by their sum (so every page weighs the same).</summary>
public readonly record struct TpFpFn(double Tp, double Fp, double Fn);

/// <summary>
/// score.py's (i): the ScrapingHub article-extraction-benchmark metric. Per page, multiset shingle
/// counts give tp/fp/fn (normalised); precision and recall are averaged over pages, F1 is the harmonic
/// mean of the averages, accuracy the share of pages whose token lists are identical.
/// </summary>
public static class ShMetric
{
    /// <summary>score.py's <c>shingle_tp_fp_fn</c>.</summary>
    public static TpFpFn Counts(string? gold, string? pred)
    {
        var g = Shingles.Count(gold);
        var p = Shingles.Count(pred);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (key, gc) in g)
        {
            int pc = p.GetValueOrDefault(key);
            tp += Math.Min(gc, pc);
            fn += Math.Max(0, gc - pc);
            fp += Math.Max(0, pc - gc);
        }
        foreach (var (key, pc) in p)
            if (!g.ContainsKey(key)) fp += pc;
        // Python accumulates these as floats; integer sums below 2^53 are exact either way.
        double s = (double)tp + fp + fn;
        return s > 0 ? new TpFpFn(tp / s, fp / s, fn / s) : new TpFpFn(tp, fp, fn);
    }

    /// <summary>score.py's <c>_precision</c>.</summary>
    public static double Precision(TpFpFn t)
    {
        if (t.Fp == 0 && t.Fn == 0) return 1.0;
        if (t.Tp == 0 && t.Fp == 0) return 0.0;
        return t.Tp / (t.Tp + t.Fp);
    }

    /// <summary>score.py's <c>_recall</c>.</summary>
    public static double Recall(TpFpFn t)
    {
        if (t.Fp == 0 && t.Fn == 0) return 1.0;
        if (t.Tp == 0 && t.Fn == 0) return 0.0;
        return t.Tp / (t.Tp + t.Fn);
    }

    /// <summary>Whether the page counts in the precision average (<c>tp + fp &gt; 0</c>).</summary>
    public static bool HasPrecision(TpFpFn t) => t.Tp + t.Fp > 0;

    /// <summary>Whether the page counts in the recall average (<c>tp + fn &gt; 0</c>).</summary>
    public static bool HasRecall(TpFpFn t) => t.Tp + t.Fn > 0;

    /// <summary>score.py's <c>sh_from_cases</c>: (F1, precision, recall, accuracy); exact means, or plain float means inside the bootstrap.</summary>
    internal static (double F1, double Precision, double Recall, double Accuracy) FromCases(
        IReadOnlyList<TpFpFn> tfns, IReadOnlyList<double> accs, bool exact)
    {
        var precs = new List<double>(tfns.Count);
        var recs = new List<double>(tfns.Count);
        foreach (var t in tfns)
        {
            if (HasPrecision(t)) precs.Add(Precision(t));
            if (HasRecall(t)) recs.Add(Recall(t));
        }
        double? p = exact ? PyMath.ExactMean(precs) : PyMath.PlainMean(precs);
        double? r = exact ? PyMath.ExactMean(recs) : PyMath.PlainMean(recs);
        double f1 = p is null || r is null || p.Value + r.Value == 0 ? 0.0 : 2 * p.Value * r.Value / (p.Value + r.Value);
        double acc = (exact ? PyMath.ExactMean(accs) : PyMath.PlainMean(accs)) ?? 0.0;
        return (f1, p ?? 0.0, r ?? 0.0, acc);
    }

    /// <summary>score.py's <c>sh_metric</c>: the scores plus, unless <paramref name="bootstrap"/> is 0, their bootstrap standard deviations.</summary>
    public static ShScore Score(IReadOnlyList<TpFpFn> tfns, IReadOnlyList<double> accs, int bootstrap, long seed)
    {
        var (f1, precision, recall, accuracy) = FromCases(tfns, accs, exact: true);
        if (bootstrap == 0 || tfns.Count == 0)
            return new ShScore(f1, precision, recall, accuracy, tfns.Count, null, null, null, null);
        var rng = new PythonRandom(seed);
        int n = tfns.Count;
        int rounds = Math.Max(0, bootstrap); // a negative count runs no resample, as range(-1) in Python
        var f1s = new List<double>(rounds);
        var ps = new List<double>(rounds);
        var rs = new List<double>(rounds);
        var accsOut = new List<double>(rounds);
        var sampleT = new TpFpFn[n];
        var sampleA = new double[n];
        for (int b = 0; b < rounds; b++)
        {
            for (int k = 0; k < n; k++)
            {
                int i = rng.RandRange(n);
                sampleT[k] = tfns[i];
                sampleA[k] = accs[i];
            }
            var s = FromCases(sampleT, sampleA, exact: false);
            f1s.Add(s.F1);
            ps.Add(s.Precision);
            rs.Add(s.Recall);
            accsOut.Add(s.Accuracy);
        }
        return new ShScore(f1, precision, recall, accuracy, n,
            PyMath.Stdev(f1s), PyMath.Stdev(ps), PyMath.Stdev(rs), PyMath.Stdev(accsOut));
    }
}
