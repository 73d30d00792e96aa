using System.Globalization;
using static Winnow.Evaluation.Text.PyFormat;

namespace Winnow.Evaluation;

/// <summary>Prints a report exactly as score.py's <c>print_report</c> does: same lines, spacing and rounding, "\n" line ends.</summary>
public static class ReportPrinter
{
    public static void Print(EvaluationReport report, TextWriter output)
    {
        var rows = report.DatasetList.Append(new KeyValuePair<string, DatasetReport>("OVERALL", report.Overall)).ToList();
        void Line(string s) => output.Write(s + "\n");

        Line("(i) ScrapingHub metric (4-gram shingles, per-page macro average)");
        Line($"  {PadRight("dataset", 24)} {PadLeft("n", 5)}  {PadRight("F1", 14)} {PadRight("precision", 14)} {PadRight("recall", 14)} {PadRight("accuracy", 14)}");
        foreach (var (name, r) in rows)
        {
            if (r.Sh is not { } m) continue;
            Line($"  {PadRight(name, 24)} {PadLeft(Int(m.N), 5)}  {PadRight(WithStd(m.F1, m.F1Std), 14)} {PadRight(WithStd(m.Precision, m.PrecisionStd), 14)} "
                + $"{PadRight(WithStd(m.Recall, m.RecallStd), 14)} {PadRight(WithStd(m.Accuracy, m.AccuracyStd), 14)}");
        }

        Line("(ii) Snippet metric (trafilatura-style with/without, micro counts)");
        Line($"  {PadRight("dataset", 24)} {PadLeft("n", 5)}  {PadRight("F1", 7)} {PadRight("prec.", 7)} {PadRight("recall", 7)} {PadRight("acc.", 7)} tp/fp/fn/tn");
        foreach (var (name, r) in rows)
        {
            if (r.Snippets is { } m)
            {
                Line($"  {PadRight(name, 24)} {PadLeft(Int(m.N), 5)}  {F7(m.F1)} {F7(m.Precision)} {F7(m.Recall)} "
                    + $"{F7(m.Accuracy)} {Int(m.Tp)}/{Int(m.Fp)}/{Int(m.Fn)}/{Int(m.Tn)}");
            }
            if (r.CommentsRecall is { } c)
                Line($"  {PadRight(name, 24)} comment snippets found: {Fixed(c.Rate, 3)} ({Int(c.Found)}/{Int(c.Total)})");
        }

        Line("(iii) Metadata exact match (where gold has the field)");
        foreach (var (name, r) in rows)
        {
            if (r.Fields is not { } fields) continue;
            var parts = fields.Select(kv => $"{kv.Key} {Fixed(kv.Value.Rate, 3)} ({Int(kv.Value.Match)}/{Int(kv.Value.Gold)})");
            Line($"  {PadRight(name, 24)} " + string.Join("  ", parts));
        }

        if (rows.Any(kv => kv.Value.Thread is not null))
        {
            Line("(iv) Comment threads (greedy text match, shingle F1 >= 0.8; counts over pages)");
            Line($"  {PadRight("dataset", 24)} {PadLeft("pages", 5)}  {PadRight("F1", 7)} {PadRight("prec.", 7)} {PadRight("recall", 7)} {PadRight("author", 7)} "
                + $"{PadRight("parent", 7)} {PadRight("leak", 7)} matched/gold/pred");
            foreach (var (name, r) in rows)
            {
                if (r.Thread is not { } m) continue;
                Line($"  {PadRight(name, 24)} {PadLeft(Int(m.Pages), 5)}  {F7(m.F1)} {F7(m.Precision)} "
                    + $"{F7(m.Recall)} {F7(m.AuthorAccuracy)} {F7(m.ParentAccuracy)} "
                    + $"{F7(m.Leak)} {Int(m.Matched)}/{Int(m.Gold)}/{Int(m.Pred)}");
            }
        }

        Line("cases: " + string.Join(", ", rows.Select(kv => $"{kv.Key} {Int(kv.Value.Cases)} ({Int(kv.Value.MissingPredictions)} without prediction)")));
    }

    /// <summary>The printed report as a string.</summary>
    public static string ToText(EvaluationReport report)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Print(report, writer);
        return writer.ToString();
    }

    /// <summary>score.py's <c>_fmt</c>: "0.950 ± 0.012", or "0.950" without a bootstrap.</summary>
    static string WithStd(double v, double? std) => std is { } s ? $"{Fixed(v, 3)} ± {Fixed(s, 3)}" : Fixed(v, 3);

    /// <summary><c>f"{v:&lt;7.3f}"</c>.</summary>
    static string F7(double v) => PadRight(Fixed(v, 3), 7);

    static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
}
