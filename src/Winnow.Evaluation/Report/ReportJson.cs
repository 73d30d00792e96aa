using Winnow.Evaluation.Metrics;

namespace Winnow.Evaluation;

/// <summary>Builds score.py's result dict, key for key in its insertion order, for <see cref="Json.PyJsonWriter"/>.</summary>
internal static class ReportJson
{
    sealed class Obj : List<KeyValuePair<string, object?>>
    {
        public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
    }

    public static object Build(EvaluationReport report)
    {
        var datasets = new Obj();
        foreach (var (name, dataset) in report.DatasetList) datasets.Add(name, Dataset(dataset));
        var root = new Obj { { "datasets", datasets }, { "overall", Dataset(report.Overall) } };
        if (report.Cases is not null) root.Add("cases", report.Cases.Select(Case).ToList());
        return root;
    }

    static Obj Dataset(DatasetReport d)
    {
        var o = new Obj { { "cases", d.Cases }, { "missing_predictions", d.MissingPredictions } };
        if (d.Sh is { } sh)
        {
            var m = new Obj { { "f1", sh.F1 }, { "precision", sh.Precision }, { "recall", sh.Recall }, { "accuracy", sh.Accuracy }, { "n", sh.N } };
            if (sh.F1Std is not null)
            {
                m.Add("f1_std", sh.F1Std);
                m.Add("precision_std", sh.PrecisionStd);
                m.Add("recall_std", sh.RecallStd);
                m.Add("accuracy_std", sh.AccuracyStd);
            }
            o.Add("sh", m);
        }
        if (d.Snippets is { } s)
        {
            o.Add("snippets", new Obj
            {
                { "precision", s.Precision }, { "recall", s.Recall }, { "accuracy", s.Accuracy }, { "f1", s.F1 },
                { "n", s.N }, { "tp", s.Tp }, { "fp", s.Fp }, { "fn", s.Fn }, { "tn", s.Tn },
            });
        }
        if (d.CommentsRecall is { } c)
            o.Add("comments_recall", new Obj { { "rate", c.Rate }, { "found", c.Found }, { "total", c.Total } });
        if (d.Thread is { } t)
        {
            o.Add("thread", new Obj
            {
                { "gold", t.Gold }, { "pred", t.Pred }, { "matched", t.Matched }, { "author_ok", t.AuthorOk },
                { "parent_ok", t.ParentOk }, { "leak_n", t.LeakN }, { "leaked", t.Leaked }, { "pages", t.Pages },
                { "precision", t.Precision }, { "recall", t.Recall }, { "f1", t.F1 },
                { "author_accuracy", t.AuthorAccuracy }, { "parent_accuracy", t.ParentAccuracy }, { "leak", t.Leak },
            });
        }
        if (d.Fields is { } fields)
        {
            var f = new Obj();
            foreach (var (name, score) in fields)
                f.Add(name, new Obj { { "rate", score.Rate }, { "match", score.Match }, { "gold", score.Gold } });
            o.Add("fields", f);
        }
        return o;
    }

    static Obj Case(CaseResult c)
    {
        var o = new Obj { { "id", c.Id }, { "dataset", c.Dataset }, { "pred_found", c.PredFound } };
        if (c.Sh is { } sh) o.Add("sh", new Obj { { "precision", sh.Precision }, { "recall", sh.Recall }, { "exact", sh.Exact } });
        if (c.Snippets is { } s) o.Add("snippets", new Obj { { "tp", s.Tp }, { "fp", s.Fp }, { "fn", s.Fn }, { "tn", s.Tn } });
        if (c.Fields is { } fields)
        {
            var f = new Obj();
            foreach (var (name, match) in fields) f.Add(name, match);
            o.Add("fields", f);
        }
        if (c.Thread is { } t) o.Add("thread", ThreadCountsObj(t));
        return o;
    }

    static Obj ThreadCountsObj(ThreadCounts t) => new()
    {
        { "gold", t.Gold }, { "pred", t.Pred }, { "matched", t.Matched }, { "author_ok", t.AuthorOk },
        { "parent_ok", t.ParentOk }, { "leak_n", t.LeakN }, { "leaked", t.Leaked },
    };
}
