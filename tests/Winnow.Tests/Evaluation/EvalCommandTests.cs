using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using Winnow.Blocks;
using Winnow.Cli;
using Winnow.Cli.Commands;
using Winnow.Evaluation;

namespace Winnow.Tests.Evaluation;

/// <summary><c>winnow eval</c> and the <see cref="CorpusRunner"/> it is built on.</summary>
public sealed class EvalCommandTests(PredictionFixture fixture) : IClassFixture<PredictionFixture>, IDisposable
{
    readonly string _temp = Directory.CreateTempSubdirectory("winnow-eval-cmd-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_temp, recursive: true); }
        catch (IOException) { }
    }

    static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand("winnow") { EvalCommand.Create() };
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A small corpus: three scrapinghub pages (one in a subfolder, one without gold) and one readability page.</summary>
    string SmallCorpus()
    {
        var corpus = Path.Combine(_temp, "corpus");
        var pages = TestData.CorpusHtmlFiles("scrapinghub").Take(3).Append(TestData.CorpusHtmlFiles("readability").First()).ToList();
        for (int i = 0; i < pages.Count; i++)
        {
            var dataset = Path.GetFileName(Path.GetDirectoryName(pages[i])!);
            var dir = i == 1 ? Path.Combine(corpus, dataset, "sub") : Path.Combine(corpus, dataset);
            Directory.CreateDirectory(dir);
            File.Copy(pages[i], Path.Combine(dir, Path.GetFileName(pages[i])));
            var gold = pages[i][..^".html.gz".Length] + ".json";
            if (i != 2) File.Copy(gold, Path.Combine(dir, Path.GetFileName(gold)));
        }
        return corpus;
    }

    [Fact]
    public void ScoreOnlyPrintsExactlyWhatScorePyPrints()
    {
        var (exit, output, error) = Run("eval", TestData.CorpusDir, "--predictions", fixture.PredDir, "--score-only");
        Assert.Equal(0, exit);
        Assert.Equal(PredictionFixture.Expected("all.txt"), output);
        Assert.Contains("warning: unreadable prediction", error);
    }

    [Fact]
    public void ScoreOnlyJsonIsScorePysJson()
    {
        var (exit, output, _) = Run("eval", TestData.CorpusDir, "-p", fixture.PredDir, "--score-only", "--json", "--bootstrap", "0");
        Assert.Equal(0, exit);
        Assert.Equal(PredictionFixture.Expected("all.bootstrap0.json"), output);
    }

    [Fact]
    public void EvalExtractsEveryPageThenScoresAsScorePyWould()
    {
        var corpus = SmallCorpus();
        var outDir = Path.Combine(_temp, "out");
        var (exit, output, error) = Run("eval", corpus, "-p", outDir, "--threads", "2", "--bootstrap", "50", "--seed", "3");
        Assert.Equal(0, exit);
        Assert.Contains("extracted 4 pages", error);
        var files = Directory.EnumerateFiles(outDir, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var expectedFiles = CorpusRunner.FindPages(corpus).Select(p => p.PredictionRelativePath.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, files);
        Assert.Contains("scrapinghub/sub/", string.Join(" ", files));
        Assert.Equal(ReportPrinter.ToText(Scorer.Evaluate(corpus, outDir, 50, 3)), output);
    }

    [Fact]
    public void MissingCorpusOrNoCasesExitWithTwo()
    {
        Assert.Equal(2, Run("eval", Path.Combine(_temp, "nope"), "-p", _temp).Exit);
        var (exit, _, error) = Run("eval", fixture.EmptyDir, "-p", fixture.EmptyDir, "--score-only");
        Assert.Equal(2, exit);
        Assert.Contains("no cases under", error);
    }

    [Fact]
    public void FindPagesListsHtmlAndGzipPagesWithTheirGold()
    {
        var corpus = SmallCorpus();
        File.WriteAllText(Path.Combine(corpus, "plain.html"), "<p>x</p>");
        File.WriteAllText(Path.Combine(corpus, "notes.txt"), "not a page");
        var pages = CorpusRunner.FindPages(corpus);
        Assert.Equal(5, pages.Count);
        Assert.Equal("plain", pages[0].Id);
        Assert.Equal("", pages[0].RelativeDir);
        Assert.Null(pages[0].GoldPath);
        Assert.Equal(4, pages.Count(p => p.HtmlPath.EndsWith(".html.gz", StringComparison.Ordinal)));
        Assert.Equal(3, pages.Count(p => p.GoldPath is not null));
    }

    [Fact]
    public void AFailingPageGetsAnEmptyPredictionAndTheRunGoesOn()
    {
        var corpus = Path.Combine(_temp, "failing");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "small.html"), "<html><body><p>Hello world, this is a page.</p></body></html>");
        File.WriteAllText(Path.Combine(corpus, "large.html"), "<html><body>" + new string('x', 5000) + "</body></html>");
        var outDir = Path.Combine(_temp, "failing-out");
        var errors = new StringWriter();
        // A 1,000-byte limit makes the 5 kB page fail with PageTooLargeException.
        var summary = CorpusRunner.WritePredictions(new Extractor(new ExtractionOptions { MaxInputBytes = 1000 }), corpus, outDir, 2, errors);
        Assert.Equal((2, 1), (summary.Pages, summary.Failed));
        Assert.Contains("large.json: PageTooLargeException", errors.ToString());
        using var large = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "large.json")));
        Assert.Equal("", large.RootElement.GetProperty("body").GetString());
        using var small = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "small.json")));
        Assert.Contains("Hello world", small.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public void PredictionsDoNotDependOnTheThreadCount()
    {
        var corpus = SmallCorpus();
        string one = Path.Combine(_temp, "one"), four = Path.Combine(_temp, "four");
        CorpusRunner.WritePredictions(new Extractor(), corpus, one, 1, TextWriter.Null);
        CorpusRunner.WritePredictions(new Extractor(), corpus, four, 4, TextWriter.Null);
        foreach (var page in CorpusRunner.FindPages(corpus))
            Assert.Equal(File.ReadAllBytes(Path.Combine(one, page.PredictionRelativePath)), File.ReadAllBytes(Path.Combine(four, page.PredictionRelativePath)));
    }

    [Fact]
    public void ToPredictionHasTheKeysScorePyReads()
    {
        var result = new ExtractionResult(
            new ArticleMetadata
            {
                Title = "A title",
                Authors = ["Ann Example", "Bob Example"],
                Published = new PageDate("5 Jan 2020", new DateTimeOffset(2020, 1, 5, 0, 0, 0, TimeSpan.Zero), false, "test"),
                SiteName = "Example",
                Language = "en-GB",
            },
            [new ParagraphBlock([new TextInline("First.")]), new ParagraphBlock([new TextInline("Second \ud800 lone.")])],
            new ExtractionDiagnostics());
        var prediction = CorpusRunner.ToPrediction(result);
        Assert.Equal(["body", "title", "author", "date", "site_name", "language", "categories", "tags", "license", "page_type", "thread", "comments"], prediction.Keys);
        Assert.Empty((System.Collections.IEnumerable)prediction["thread"]!);
        Assert.Null(prediction["comments"]);
        Assert.Equal("First.\n\nSecond \ud800 lone.", prediction["body"]);
        Assert.Equal("Ann Example, Bob Example", prediction["author"]);
        Assert.Equal("2020-01-05", prediction["date"]);
        using var doc = JsonDocument.Parse(CorpusRunner.Serialize(prediction));
        Assert.Equal("First.\n\nSecond \ufffd lone.", doc.RootElement.GetProperty("body").GetString());
        Assert.Null(CorpusRunner.ToPrediction(result with { Article = new ArticleMetadata() })["author"]);

        // The thread as score.py's (iv) reads it, and its texts joined for the comment snippets.
        var withThread = result with
        {
            Thread = new Winnow.Comments.CommentThread([
                new Winnow.Comments.Comment("c1", null, 0, "Ann", null, new PageDate("1 May", null, false, "comment"), [new ParagraphBlock([new TextInline("Top.")])], null),
                new Winnow.Comments.Comment("c2", 0, 1, null, null, null, [new ParagraphBlock([new TextInline("Reply.")])], 3),
            ], false),
        };
        using var threadDoc = JsonDocument.Parse(CorpusRunner.Serialize(CorpusRunner.ToPrediction(withThread)));
        var thread = threadDoc.RootElement.GetProperty("thread");
        Assert.Equal("""[{"author":"Ann","date":"1 May","text":"Top.","parent":null},{"author":null,"date":null,"text":"Reply.","parent":0}]""",
            JsonSerializer.Serialize(thread));
        Assert.Equal("Top.\n\nReply.", threadDoc.RootElement.GetProperty("comments").GetString());
    }
}
