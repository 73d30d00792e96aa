using Winnow.Dedup;

namespace Winnow.Tests.Dedup;

/// <summary>The vector loop of <see cref="MinHashFingerprint"/> gives the scalar loop's values, bit for bit (stored fingerprints stay comparable).</summary>
public class MinHashVectorTests
{
    static ulong[] RandomShingles(int seed, int count)
    {
        var random = new Random(seed);
        var set = new HashSet<ulong>();
        while (set.Count < count) set.Add((ulong)random.NextInt64() ^ ((ulong)random.Next() << 40));
        return [.. set];
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 500)]
    [InlineData(4, 5000)]
    public void VectorLoopsEqualTheScalarLoop(int seed, int count)
    {
        var shingles = RandomShingles(seed, count);
        var scalar = MinHashFingerprint.ScalarMinima(shingles);
        Assert.Equal(scalar, MinHashFingerprint.Vector256Minima(shingles));
        // and the values are minima: each is at most the first shingle's hash at its position
        Assert.Contains(scalar, v => v < uint.MaxValue);
        // repeats change no minimum (the shingles are no longer made distinct first)
        Assert.Equal(scalar, MinHashFingerprint.ScalarMinima([.. shingles, .. shingles.Take(count / 2)]));
    }

    [Fact]
    public void AFingerprintIsTheSameWhicheverLoopMadeIt()
    {
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i % 97} term{i % 13}"));
        var fp = MinHashFingerprint.Compute(text)!;
        var shingles = Shingles.Hashes(Shingles.WordHashes(text), DedupOptions.Default.ShingleWords);
        Assert.Equal(MinHashFingerprint.ScalarMinima(shingles), fp.Values.ToArray());
    }
}
