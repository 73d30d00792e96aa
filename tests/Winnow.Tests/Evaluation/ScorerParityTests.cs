using Winnow.Evaluation;

namespace Winnow.Tests.Evaluation;

/// <summary>
/// The C# scorer against the reference scorer's own outputs (tests/data/eval-fixture/expected, made by
/// running score.py on the fixture's predictions): the printed report must be identical character for
/// character, the JSON identical in values (counts exactly, rates within 1e-9) and, as it happens, in text.
/// </summary>
public class ScorerParityTests(PredictionFixture fixture) : IClassFixture<PredictionFixture>
{
    static string Corpus => TestData.CorpusDir;

    [Fact]
    public void ReportTextMatchesScorePy()
    {
        var report = Scorer.Evaluate(Corpus, fixture.PredDir);
        Assert.Equal(PredictionFixture.Expected("all.txt"), ReportPrinter.ToText(report));
    }

    [Fact]
    public void ReportTextMatchesScorePyWithAnotherSeedAndBootstrapCount()
    {
        var report = Scorer.Evaluate(Corpus, fixture.PredDir, bootstrap: 200, seed: 7);
        Assert.Equal(PredictionFixture.Expected("all.seed7.bootstrap200.txt"), ReportPrinter.ToText(report));
    }

    [Fact]
    public void JsonWithCasesMatchesScorePy()
    {
        var json = Scorer.Evaluate(Corpus, fixture.PredDir, keepCases: true).ToJson() + "\n";
        var expected = PredictionFixture.Expected("all.cases.json.gz");
        JsonAssert.Equivalent(expected, json);
        Assert.Equal(expected, json);
    }

    [Fact]
    public void JsonWithoutBootstrapMatchesScorePy()
    {
        var json = Scorer.Evaluate(Corpus, fixture.PredDir, bootstrap: 0).ToJson() + "\n";
        var expected = PredictionFixture.Expected("all.bootstrap0.json");
        JsonAssert.Equivalent(expected, json);
        Assert.Equal(expected, json);
    }

    [Theory]
    [InlineData("comments")]
    [InlineData("readability")]
    [InlineData("scrapinghub")]
    [InlineData("trafilatura")]
    public void OneDatasetMatchesScorePy(string dataset)
    {
        // Scored on its own, a dataset's cases look up PRED/<id>.json first, and comments counts in full.
        var report = Scorer.Evaluate(Path.Combine(Corpus, dataset), fixture.PredDir, keepCases: true);
        Assert.Equal(PredictionFixture.Expected(dataset + ".txt"), ReportPrinter.ToText(report));
        JsonAssert.Equivalent(PredictionFixture.Expected(dataset + ".cases.json.gz"), report.ToJson());
    }

    [Fact]
    public void UnreadablePredictionsAreTheOnesScorePyWarnsAbout()
    {
        var report = Scorer.Evaluate(Corpus, fixture.PredDir, bootstrap: 0);
        const string prefix = "warning: unreadable prediction ";
        var warned = report.Warnings
            .Select(w => Path.GetRelativePath(fixture.PredDir, w[prefix.Length..w.IndexOf(".json: ", StringComparison.Ordinal)] + ".json").Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var expected = PredictionFixture.Expected("all.unreadable.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(expected, warned);
    }

    [Fact]
    public void GoldScoredAgainstItselfIsPerfect()
    {
        var report = Scorer.Evaluate(Corpus, Corpus);
        Assert.Equal(PredictionFixture.Expected("self.txt"), ReportPrinter.ToText(report));
        foreach (var d in report.DatasetList.Select(kv => kv.Value).Append(report.Overall))
        {
            Assert.Equal(0, d.MissingPredictions);
            if (d.Sh is { } sh) Assert.Equal([1.0, 1.0, 1.0, 1.0], new[] { sh.F1, sh.Precision, sh.Recall, sh.Accuracy });
            if (d.CommentsRecall is { } c) Assert.Equal(1.0, c.Rate);
            foreach (var f in d.Fields?.Values ?? []) Assert.Equal(1.0, f.Rate);
            if (d.Thread is { } t)
            {
                Assert.Equal([1.0, 1.0, 1.0, 1.0, 1.0], new[] { t.F1, t.Precision, t.Recall, t.AuthorAccuracy, t.ParentAccuracy });
                Assert.Equal(0.0, t.Leak);
            }
        }
    }

    [Fact]
    public void EmptyPredictionFolderScoresZeroAndCountsEveryCaseMissing()
    {
        var report = Scorer.Evaluate(Corpus, fixture.EmptyDir, keepCases: true);
        Assert.Equal(PredictionFixture.Expected("empty.txt"), ReportPrinter.ToText(report));
        Assert.Equal(PredictionFixture.Expected("empty.cases.json.gz"), report.ToJson() + "\n");
        Assert.Equal(report.Overall.Cases, report.Overall.MissingPredictions);
        Assert.Equal(0.0, report.Overall.Sh!.F1);
        Assert.Equal(0.0, report.Overall.Thread!.Recall);
        Assert.All(report.Cases!, c => Assert.False(c.PredFound));
    }

    [Fact]
    public void MissingGoldFolderIsAnError()
        => Assert.Throws<DirectoryNotFoundException>(() => Scorer.Evaluate(Path.Combine(fixture.EmptyDir, "nope"), fixture.EmptyDir));

    [Fact]
    public void ReportExposesTheNumbersItPrints()
    {
        var report = Scorer.Evaluate(Corpus, fixture.PredDir, bootstrap: 0, keepCases: true);
        Assert.Equal(["comments", "readability", "scrapinghub", "trafilatura"], report.Datasets.Keys.Order(StringComparer.Ordinal));
        var comments = report.Datasets["comments"];
        Assert.Equal(33, comments.Cases);
        Assert.NotNull(comments.Thread);
        Assert.Null(report.Datasets["scrapinghub"].Snippets);
        Assert.Null(report.Overall.Sh!.F1Std);
        // The comments pages are copies: they count in OVERALL only for threads.
        Assert.Equal(report.DatasetList.Where(kv => kv.Key != "comments").Sum(kv => kv.Value.Cases), report.Overall.Cases);
        Assert.Equal(report.DatasetList.Sum(kv => kv.Value.Cases), report.Cases!.Count);
    }
}
