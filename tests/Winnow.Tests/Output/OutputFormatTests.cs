using Winnow.Output;
using static Winnow.Tests.Output.B;

namespace Winnow.Tests.Output;

public class OutputFormatTests
{
    static readonly ExtractionResult Sample = Result(new ArticleMetadata { Title = "T", Authors = ["A"] }, P("Body."));

    [Fact]
    public void DispatchesToEachRendererWithItsDefaults()
    {
        Assert.Equal(TextRecordRenderer.Render(Sample), OutputRenderer.Render(Sample, OutputFormat.Text));
        Assert.Equal(MarkdownRenderer.Render(Sample), OutputRenderer.Render(Sample, OutputFormat.Markdown));
        Assert.Equal(HtmlRenderer.Render(Sample), OutputRenderer.Render(Sample, OutputFormat.Html));
        Assert.Equal(JsonRenderer.Render(Sample), OutputRenderer.Render(Sample, OutputFormat.Json));
    }

    [Fact]
    public void UnknownFormatIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputRenderer.Render(Sample, (OutputFormat)42));
    }

    [Fact]
    public void RenderersCanRunOnManyThreadsAtOnce()
    {
        var results = Enumerable.Range(0, 64).Select(i => Result([.. new RandomTrees(i).Blocks()])).ToArray();
        var expected = results.Select(r => Enum.GetValues<OutputFormat>().Select(f => OutputRenderer.Render(r, f)).ToArray()).ToArray();
        Parallel.For(0, results.Length * 4, i =>
        {
            int k = i % results.Length;
            foreach (var f in Enum.GetValues<OutputFormat>())
                Assert.Equal(expected[k][(int)f], OutputRenderer.Render(results[k], f));
        });
    }
}
