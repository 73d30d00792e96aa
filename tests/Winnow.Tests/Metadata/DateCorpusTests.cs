using Xunit.Abstractions;

namespace Winnow.Tests.Metadata;

/// <summary>
/// The published-date rate on the corpus (same calendar day as the gold), measured by
/// <see cref="CorpusMetadataTests.Measure"/>: fails when the date reader falls below what it reached.
/// </summary>
public class DateCorpusTests(ITestOutputHelper output)
{
    // Floors: the rates measured when the date reader was reworked (trafilatura 346/397 = 87.2%,
    // readability 33/33, comments 27/27), less a margin (6 pages on trafilatura: 0.855 = 340/397;
    // one page on the two small sets) so a change elsewhere that moves the headline of a page or two does not fail it.
    [Theory]
    [InlineData("trafilatura", 0.855)]
    [InlineData("readability", 0.96)]
    [InlineData("comments", 0.96)]
    public void DateRateReachesItsMeasuredFigure(string dataset, double floor)
    {
        var score = CorpusMetadataTests.Measure(dataset);
        var date = score.Fields["date"];
        output.WriteLine($"{dataset} date {date.Matched}/{date.Total} {date.Rate:P1}");
        foreach (var miss in score.Misses.Where(m => m.Contains(" date: ", StringComparison.Ordinal))) output.WriteLine("  " + miss);
        Assert.True(date.Rate >= floor, $"{dataset} date: {date.Rate:P1} < floor {floor:P1}");
    }
}
