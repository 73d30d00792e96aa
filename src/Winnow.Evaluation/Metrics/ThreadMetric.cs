using System.Numerics;
using Winnow.Evaluation.Json;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Metrics;

/// <summary>One comment of a thread as score.py reads it: parent = 0-based index of the parent comment, null for top level.</summary>
/// <remarks>An integer parent beyond <c>long</c>'s range is clamped: it is out of range of any list either way.</remarks>
public sealed record ThreadComment(string Text, string? Author, long? Parent);

/// <summary>One page's thread counts (score.py's <c>thread_counts</c>).</summary>
public sealed record ThreadCounts(int Gold, int Pred, int Matched, int AuthorOk, int ParentOk, int LeakN, int Leaked);

/// <summary>score.py's (iv): reader-comment threads matched greedily by shingle F1.</summary>
public static class ThreadMetric
{
    /// <summary>Pairs below this shingle F1 are never matched (score.py's <c>THREAD_MATCH_F1</c>).</summary>
    public const double MatchF1 = 0.8;

    /// <summary>score.py's <c>thread_list</c>: a "thread" value as comments; anything but a list is no comments, non-objects are skipped.</summary>
    public static List<ThreadComment> ReadThread(object? v)
    {
        var list = new List<ThreadComment>();
        if (v is not List<object?> items) return list;
        foreach (var item in items)
        {
            if (item is not PyDict c) continue;
            long? parent = c.Get("parent") switch
            {
                long l => l,
                BigInteger b => b.Sign < 0 ? long.MinValue : long.MaxValue,
                _ => null, // bool, float, string, null: not an index
            };
            list.Add(new ThreadComment(c.Get("text") as string ?? "", c.Get("author") as string, parent));
        }
        return list;
    }

    /// <summary>score.py's <c>text_f1</c>: shingle F1 of two texts; two token-less texts match when their normalised strings are equal.</summary>
    public static double TextF1(string a, string b, Dictionary<string, int>? sa = null, Dictionary<string, int>? sb = null)
    {
        sa ??= Shingles.Count(a);
        sb ??= Shingles.Count(b);
        if (sa.Count == 0 || sb.Count == 0)
            return sa.Count == 0 && sb.Count == 0 && PyText.NormWs(a) == PyText.NormWs(b) ? 1.0 : 0.0;
        long tp = 0;
        foreach (var (key, ca) in sa)
            if (sb.TryGetValue(key, out int cb)) tp += Math.Min(ca, cb);
        if (tp == 0) return 0.0;
        double p = (double)tp / sb.Values.Sum(x => (long)x), r = (double)tp / sa.Values.Sum(x => (long)x);
        return 2 * p * r / (p + r);
    }

    /// <summary>score.py's <c>match_thread</c>: greedy one-to-one matching, best F1 first (ties: lower gold, then lower predicted index).</summary>
    public static Dictionary<int, int> Match(IReadOnlyList<ThreadComment> gold, IReadOnlyList<ThreadComment> pred)
    {
        var gs = gold.Select(c => Shingles.Count(c.Text)).ToList();
        var ps = pred.Select(c => Shingles.Count(c.Text)).ToList();
        var pairs = new List<(double F, int I, int J)>();
        for (int i = 0; i < gold.Count; i++)
            for (int j = 0; j < pred.Count; j++)
            {
                double f = TextF1(gold[i].Text, pred[j].Text, gs[i], ps[j]);
                if (f >= MatchF1) pairs.Add((f, i, j));
            }
        pairs.Sort((x, y) => x.F != y.F ? y.F.CompareTo(x.F) : x.I != y.I ? x.I.CompareTo(y.I) : x.J.CompareTo(y.J));
        var g2p = new Dictionary<int, int>();
        var used = new HashSet<int>();
        foreach (var (_, i, j) in pairs)
        {
            if (!g2p.ContainsKey(i) && !used.Contains(j))
            {
                g2p[i] = j;
                used.Add(j);
            }
        }
        return g2p;
    }

    /// <summary>score.py's <c>_author_key</c>: normalised author, empty as null.</summary>
    static string? AuthorKey(string? author)
    {
        string? key = FieldMetric.NormText(author);
        return string.IsNullOrEmpty(key) ? null : key;
    }

    /// <summary>score.py's <c>thread_counts</c> for one page.</summary>
    public static ThreadCounts Counts(object? goldThread, object? predThread, string body)
    {
        var gold = ReadThread(goldThread);
        var pred = ReadThread(predThread);
        var g2p = Match(gold, pred);
        var p2g = g2p.ToDictionary(kv => kv.Value, kv => kv.Key);
        int authorOk = 0, parentOk = 0;
        foreach (var (i, j) in g2p)
        {
            if (AuthorKey(gold[i].Author) == AuthorKey(pred[j].Author)) authorOk++;
            long? gp = gold[i].Parent, pp = pred[j].Parent;
            if (gp is null || gp < 0 || gp >= gold.Count)
            {
                if (pp is null || pp < 0 || pp >= pred.Count) parentOk++;
            }
            else if (pp is not null && pp >= 0 && pp < pred.Count && p2g.TryGetValue((int)pp.Value, out int gi) && gi == gp)
            {
                parentOk++;
            }
        }
        var bodyShingles = string.IsNullOrEmpty(body) ? new HashSet<string>() : Shingles.Count(body).Keys.ToHashSet(StringComparer.Ordinal);
        int leakN = 0, leaked = 0;
        foreach (var c in gold)
        {
            var tokens = Tokenizer.Tokenize(c.Text);
            if (tokens.Count < Shingles.N) continue;
            var sh = Shingles.Count(tokens).Keys;
            leakN++;
            int present = sh.Count(bodyShingles.Contains);
            // score.py's LEAK_SHARE = 0.5: leaked when at least half the comment's distinct shingles are in the body.
            if (2 * present >= sh.Count) leaked++;
        }
        return new ThreadCounts(gold.Count, pred.Count, g2p.Count, authorOk, parentOk, leakN, leaked);
    }

    /// <summary>score.py's <c>thread_metric</c>: counts summed over pages, then the rates.</summary>
    public static ThreadScore Score(IReadOnlyList<ThreadCounts> rows)
    {
        int gold = rows.Sum(r => r.Gold), pred = rows.Sum(r => r.Pred), matched = rows.Sum(r => r.Matched);
        int authorOk = rows.Sum(r => r.AuthorOk), parentOk = rows.Sum(r => r.ParentOk);
        int leakN = rows.Sum(r => r.LeakN), leaked = rows.Sum(r => r.Leaked);
        double p = pred != 0 ? (double)matched / pred : 0.0;
        double r = gold != 0 ? (double)matched / gold : 0.0;
        return new ThreadScore(gold, pred, matched, authorOk, parentOk, leakN, leaked, rows.Count,
            Precision: p, Recall: r, F1: p + r != 0 ? 2 * p * r / (p + r) : 0.0,
            AuthorAccuracy: matched != 0 ? (double)authorOk / matched : 0.0,
            ParentAccuracy: matched != 0 ? (double)parentOk / matched : 0.0,
            Leak: leakN != 0 ? (double)leaked / leakN : 0.0);
    }
}
