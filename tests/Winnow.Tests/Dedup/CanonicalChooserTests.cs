using Winnow.Dedup;

namespace Winnow.Tests.Dedup;

public class CanonicalChooserTests
{
    static readonly DateTimeOffset Day1 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheMemberOthersNameAsCanonicalWinsOverAnEarlierDate()
    {
        var members = new[]
        {
            new DedupDocument(null, "https://early.example/a", Published: Day1),
            new DedupDocument(null, "https://copy.example/b", CanonicalUrl: "http://www.origin.example/story/", Published: Day1.AddDays(2)),
            new DedupDocument(null, "https://origin.example/story", Published: Day1.AddDays(1)),
        };
        Assert.Equal(2, CanonicalChooser.Choose(members));
    }

    [Fact]
    public void ACreditedSourceCountsLikeACanonicalLink()
    {
        var members = new[]
        {
            new DedupDocument(null, "https://syndicator.example/x", SourceUrl: "https://origin.example/x"),
            new DedupDocument(null, "https://origin.example/x#comments"),
        };
        Assert.Equal(1, CanonicalChooser.Choose(members));
    }

    [Fact]
    public void ACopyPointingElsewhereLosesToAMemberThatDoesNot()
    {
        var members = new[]
        {
            new DedupDocument(null, "https://a.example/1", CanonicalUrl: "https://absent.example/1", Published: Day1),
            new DedupDocument(null, "https://b.example/1", CanonicalUrl: "https://b.example/1", Published: Day1.AddDays(1)),
        };
        Assert.Equal(1, CanonicalChooser.Choose(members));
    }

    [Fact]
    public void ThenTheEarliestDateThenTheFirstSeen()
    {
        Assert.Equal(1, CanonicalChooser.Choose([new(null, "u1", Published: Day1.AddHours(1)), new(null, "u2", Published: Day1), new(null, "u3")]));
        Assert.Equal(1, CanonicalChooser.Choose([new(null, "u1"), new(null, "u2", Published: Day1)]));
        Assert.Equal(0, CanonicalChooser.Choose([new(null, "u1"), new(null, "u2")]));
    }
}
