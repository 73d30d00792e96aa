namespace Winnow.Tests;

/// <summary>The per-page time budget holds whatever the timer thread does.</summary>
public class TimeBudgetTests
{
    static readonly string SeedPage = File.ReadAllText(Path.Combine(TestData.Root, "seeds", "page.html"));

    [Fact]
    public void ASpentBudgetStopsTheExtractionEveryTime()
    {
        // A 1-tick budget is gone before the parse ends; CI once saw the timer fire too late and a
        // result come back, so the budget is also read from the clock between stages.
        var extractor = new Extractor(ExtractionOptions.Default with { Timeout = TimeSpan.FromTicks(1) });
        for (int i = 0; i < 20; i++)
            Assert.Throws<ExtractionTimeoutException>(() => extractor.Extract(SeedPage));
    }

    [Fact]
    public void AnAmpleBudgetLetsThePageThrough()
    {
        var extractor = new Extractor(ExtractionOptions.Default with { Timeout = TimeSpan.FromMinutes(5) });
        Assert.False(string.IsNullOrEmpty(extractor.Extract(SeedPage).BodyText));
    }
}
