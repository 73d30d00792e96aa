using System.Text;
using Winnow.Dom;

namespace Winnow.Tests.Dom;

/// <summary>Every real page of the corpus parses exactly as it would without the depth bound.</summary>
public class CorpusParseTests
{
    public static TheoryData<string> Datasets()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(TestData.CorpusDir).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(folder));
        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void EveryPage_IsNotLimited_AndParsesAsWithoutTheBound(string dataset)
    {
        var pages = TestData.CorpusHtmlFiles(dataset).ToList();
        Assert.NotEmpty(pages);
        var failures = new List<string>();
        foreach (var file in pages)
        {
            // The bytes as UTF-8: the encoding does not matter to the structure compared here.
            var html = Encoding.UTF8.GetString(TestData.ReadCorpusHtml(file));
            var bounded = PageParser.Parse(html, 512);
            var rewritten = DepthPrepass.Apply(html, 512, default, out var scan);
            var unbounded = PageParser.Parse(html, int.MaxValue);
            if (bounded.DepthLimited || !ReferenceEquals(html, rewritten)
                || bounded.Document.DocumentElement.OuterHtml != unbounded.Document.DocumentElement.OuterHtml)
                failures.Add($"{Path.GetFileName(file)} (model depth {scan.MaxDepthSeen})");
        }
        Assert.True(failures.Count == 0, "changed by the bound: " + string.Join(", ", failures));
    }
}
