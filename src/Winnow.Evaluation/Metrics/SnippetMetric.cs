using Winnow.Evaluation.Json;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Metrics;

/// <summary>One page's snippet outcomes: "with" found (tp) / missed (fn), "without" found (fp) / missed (tn).</summary>
public sealed record SnippetCounts(int Tp, int Fp, int Fn, int Tn);

/// <summary>score.py's (ii): the trafilatura benchmark's with/without snippet metric, micro-averaged.</summary>
public static class SnippetMetric
{
    /// <summary>score.py's <c>snippet_counts</c>: whitespace-normalised, case-sensitive substring search in the body.</summary>
    public static SnippetCounts Counts(object? withs, object? withouts, string body)
    {
        string b = PyText.NormWs(body);
        var w = Strings(withs);
        var wo = Strings(withouts);
        int tp = w.Count(s => b.Contains(PyText.NormWs(s), StringComparison.Ordinal));
        int fp = wo.Count(s => b.Contains(PyText.NormWs(s), StringComparison.Ordinal));
        return new SnippetCounts(tp, fp, w.Count - tp, wo.Count - fp);
    }

    /// <summary><c>[s for s in v or [] if isinstance(s, str)]</c>.</summary>
    internal static List<string> Strings(object? v) => PyIter.Items(v).OfType<string>().ToList();

    /// <summary>score.py's <c>snippet_metric</c>.</summary>
    public static SnippetScore Score(IReadOnlyList<SnippetCounts> counts)
    {
        long tp = counts.Sum(c => (long)c.Tp), fp = counts.Sum(c => (long)c.Fp);
        long fn = counts.Sum(c => (long)c.Fn), tn = counts.Sum(c => (long)c.Tn);
        long total = tp + fp + fn + tn;
        return new SnippetScore(
            F1: 2 * tp + fp + fn != 0 ? (double)(2 * tp) / (2 * tp + fp + fn) : 0.0,
            Precision: tp + fp != 0 ? (double)tp / (tp + fp) : 0.0,
            Recall: tp + fn != 0 ? (double)tp / (tp + fn) : 0.0,
            Accuracy: total != 0 ? (double)(tp + tn) / total : 0.0,
            N: counts.Count, Tp: tp, Fp: fp, Fn: fn, Tn: tn);
    }
}

/// <summary>Python's iteration over a JSON value, as <c>for x in v or []</c> sees it.</summary>
internal static class PyIter
{
    /// <summary>
    /// A list's items, a string's characters, a dict's keys; nothing for a falsy value. Python raises
    /// TypeError for a truthy number or bool (score.py would stop); that is reported as bad gold here.
    /// </summary>
    public static IEnumerable<object?> Items(object? v)
    {
        if (!PyValue.Truthy(v)) return [];
        return v switch
        {
            List<object?> list => list,
            PyDict dict => dict.Keys,
            string s => StringChars(s),
            _ => throw new InvalidDataException($"cannot iterate over a {v!.GetType().Name} value"),
        };
    }

    static IEnumerable<object?> StringChars(string s)
    {
        for (int i = 0; i < s.Length;)
        {
            CodePoints.At(s, i, out int width);
            yield return s.Substring(i, width);
            i += width;
        }
    }
}
