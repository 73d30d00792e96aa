using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Winnow.Dedup;

/// <summary>
/// A document's MinHash signature (Broder 1997): for each of <see cref="Length"/> hash functions, the least hash of
/// the document's word shingles. The share of equal positions in two signatures estimates the Jaccard similarity
/// of the two shingle sets. Immutable; 4 bytes per position (512 bytes for the default 128) plus the array header.
/// </summary>
public sealed class MinHashFingerprint : IEquatable<MinHashFingerprint>
{
    /// <summary>Hash functions per signature.</summary>
    // 128: the estimate's standard error is sqrt(J(1-J)/128), at most 0.044, small next to the gap between
    // re-templated copies (0.53 and up) and distinct articles (0.12 at most) on the dev corpus; and 128 = 32 LSH bands of 4 rows.
    public const int Length = 128;

    /// <summary>Prefix of the text form, naming the scheme (v1: 128 × 32-bit, splitmix64 seeds, 5-word shingles by default).</summary>
    const string TextPrefix = "mh1:";

    static readonly ulong[] Seeds = MakeSeeds();

    readonly uint[] _values;

    MinHashFingerprint(uint[] values) => _values = values;

    /// <summary>The signature's values.</summary>
    public ReadOnlySpan<uint> Values => _values;

    /// <summary>
    /// The fingerprint of a text (normalised: lower case, words by <c>\w+</c>), or null when the text has fewer
    /// words than <see cref="DedupOptions.MinWords"/>.
    /// </summary>
    public static MinHashFingerprint? Compute(string text, DedupOptions? options = null)
    {
        options ??= DedupOptions.Default;
        var words = Shingles.WordHashes(text);
        if (words.Count < options.MinWords || words.Count == 0) return null;
        var shingles = Shingles.Hashes(words, options.ShingleWords);
        var values = new uint[Length];
        // 256-bit lanes (4 positions at once): .NET does not accelerate 512-bit vectors on these Xeons by default
        if (Vector256.IsHardwareAccelerated) MinimaVector256(shingles, values);
        else MinimaScalar(shingles, values);
        return new MinHashFingerprint(values);
    }

    // The two loops compute the same values (MinHashVectorTests holds them equal): position i is the least
    // high half of splitmix64(shingle ^ Seeds[i]) over the shingles. The scalar loop was 0.5-0.8 ms a page in
    // `winnow batch`, a tenth of the work per record (measured 2026-11-22); vector lanes do 4 positions at once.

    static void MinimaScalar(ReadOnlySpan<ulong> shingles, uint[] values)
    {
        Array.Fill(values, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Length; i++)
            {
                var h = (uint)(Shingles.Mix(shingle ^ Seeds[i]) >> 32);
                if (h < values[i]) values[i] = h;
            }
        }
    }

    // Per shingle, the 128 positions as 32 independent vectors of 4 lanes (one seed vector at a time over all the
    // shingles was slower: each chain waited on its multiplies, 150 µs a page against 116 µs).
    static void MinimaVector256(ReadOnlySpan<ulong> shingles, uint[] values)
    {
        const int lanes = 4;
        Span<Vector256<ulong>> minima = stackalloc Vector256<ulong>[Length / lanes];
        minima.Fill(Vector256.Create((ulong)uint.MaxValue));
        var seeds = Seeds.AsSpan();
        foreach (var shingle in shingles)
        {
            var s = Vector256.Create(shingle);
            for (var v = 0; v < minima.Length; v++)
            {
                var x = Vector256.Create<ulong>(seeds.Slice(v * lanes, lanes)) ^ s;
                x = (x ^ Vector256.ShiftRightLogical(x, 30)) * 0xBF58476D1CE4E5B9UL;
                x = (x ^ Vector256.ShiftRightLogical(x, 27)) * 0x94D049BB133111EBUL;
                x ^= Vector256.ShiftRightLogical(x, 31);
                minima[v] = Vector256.Min(minima[v], Vector256.ShiftRightLogical(x, 32));
            }
        }
        for (var v = 0; v < minima.Length; v++)
            for (var k = 0; k < lanes; k++) values[v * lanes + k] = (uint)minima[v][k];
    }

    /// <summary>The values the scalar loop gives (for tests: the vector loops must give the same).</summary>
    internal static uint[] ScalarMinima(ReadOnlySpan<ulong> shingles)
    {
        var values = new uint[Length];
        MinimaScalar(shingles, values);
        return values;
    }

    /// <summary>The values of the 256-bit loop (emulated where not accelerated), for tests.</summary>
    internal static uint[] Vector256Minima(ReadOnlySpan<ulong> shingles)
    {
        var values = new uint[Length];
        MinimaVector256(shingles, values);
        return values;
    }

    /// <summary>The estimated Jaccard similarity of the two documents' shingle sets: the share of equal positions.</summary>
    public double EstimateJaccard(MinHashFingerprint other)
    {
        var equal = 0;
        for (var i = 0; i < Length; i++) if (_values[i] == other._values[i]) equal++;
        return equal / (double)Length;
    }

    /// <summary>A compact text form (<c>mh1:</c> + base64 of the values, little-endian), for JSON lines.</summary>
    public override string ToString() => TextPrefix + Convert.ToBase64String(ToBytes());

    /// <summary>The values as bytes (4 each, little-endian): the binary form, for a database column.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length * 4];
        for (var i = 0; i < Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), _values[i]);
        return bytes;
    }

    /// <summary>Reads the form <see cref="ToBytes"/> writes; null for any other length.</summary>
    public static MinHashFingerprint? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length * 4) return null;
        var values = new uint[Length];
        for (var i = 0; i < Length; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i * 4));
        return new MinHashFingerprint(values);
    }

    /// <summary>Reads the form <see cref="ToString"/> writes; false for anything else (another scheme or length).</summary>
    public static bool TryParse(string? text, out MinHashFingerprint? fingerprint)
    {
        fingerprint = null;
        if (text is null || !text.StartsWith(TextPrefix, StringComparison.Ordinal)) return false;
        var bytes = new byte[Length * 4];
        if (!Convert.TryFromBase64String(text[TextPrefix.Length..], bytes, out var written) || written != bytes.Length) return false;
        fingerprint = FromBytes(bytes);
        return true;
    }

    public bool Equals(MinHashFingerprint? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);
    public override bool Equals(object? obj) => Equals(obj as MinHashFingerprint);
    public override int GetHashCode() => (int)_values[0];

    static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Length];
        // Any fixed odd 64-bit constant works as the stream's increment; this is splitmix64's own (the golden ratio).
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Length; i++) seeds[i] = Shingles.Mix(state += 0x9E3779B97F4A7C15UL);
        return seeds;
    }
}
