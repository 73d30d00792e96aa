using Winnow.Dedup;

namespace Winnow.Tests.Dedup;

/// <summary>
/// The dev corpus's distinct pages (the comments dataset left out: it holds copies of pages of the other
/// datasets), each extracted and fingerprinted, and a re-templated copy of each (<see cref="Retemplater"/>)
/// extracted and fingerprinted too. Computed once for the tests that share it.
/// </summary>
public sealed class CorpusDedupFixture
{
    public sealed record Page(string Path, string Body, MinHashFingerprint? Original, MinHashFingerprint? Copy);

    public IReadOnlyList<Page> Pages { get; }

    public CorpusDedupFixture()
    {
        var files = TestData.CorpusHtmlFiles()
            .Where(f => !System.IO.Path.GetRelativePath(TestData.CorpusDir, f).StartsWith("comments", StringComparison.Ordinal))
            .ToList();
        var pages = new Page[files.Count];
        var extractor = new Extractor();
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var result = extractor.Extract(TestData.ReadCorpusHtml(files[i]));
            var body = result.BodyText;
            var copy = extractor.Extract(Retemplater.Wrap(result.Article.Title ?? "", body, i));
            pages[i] = new Page(files[i], body, MinHashFingerprint.Compute(body), MinHashFingerprint.Compute(copy.BodyText));
        });
        Pages = pages;
    }
}
