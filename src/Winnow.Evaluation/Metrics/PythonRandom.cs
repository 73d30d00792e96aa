namespace Winnow.Evaluation.Metrics;

/// <summary>
/// Python's <c>random.Random(seed)</c> for an integer seed: the MT19937 generator seeded with
/// <c>init_by_array</c> on the seed's 32-bit words, <c>getrandbits</c>, and <c>randrange(n)</c> by
/// rejection sampling — so a bootstrap here draws the very indices score.py draws.
/// </summary>
internal sealed class PythonRandom
{
    // MT19937 parameters (Matsumoto & Nishimura 1998): state size, shift, matrix and masks.
    const int N = 624;
    const int M = 397;
    const uint MatrixA = 0x9908B0DF;
    const uint UpperMask = 0x80000000;
    const uint LowerMask = 0x7FFFFFFF;

    readonly uint[] _mt = new uint[N];
    int _index;

    public PythonRandom(long seed)
    {
        // CPython's random_seed: the absolute value's 32-bit words, least significant first; 0 gives one word.
        ulong n = seed == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(seed);
        var key = new List<uint>();
        do
        {
            key.Add((uint)n);
            n >>= 32;
        } while (n != 0);
        InitByArray(key);
    }

    void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++)
            _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i; // Knuth's multiplier, from the MT reference code
        _index = N;
    }

    void InitByArray(List<uint> key)
    {
        InitGenrand(19650218u); // the reference code's fixed pre-seed
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Count); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j; // reference-code constant
            i++;
            j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Count) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i; // reference-code constant
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u; // assures a non-zero initial state, as the reference code
    }

    /// <summary>The next 32 random bits (<c>genrand_uint32</c>).</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            int k;
            for (k = 0; k < N - M; k++)
            {
                uint y = (_mt[k] & UpperMask) | (_mt[k + 1] & LowerMask);
                _mt[k] = _mt[k + M] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            for (; k < N - 1; k++)
            {
                uint y = (_mt[k] & UpperMask) | (_mt[k + 1] & LowerMask);
                _mt[k] = _mt[k + (M - N)] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            uint last = (_mt[N - 1] & UpperMask) | (_mt[0] & LowerMask);
            _mt[N - 1] = _mt[M - 1] ^ (last >> 1) ^ ((last & 1) != 0 ? MatrixA : 0);
            _index = 0;
        }
        uint r = _mt[_index++];
        // MT19937 tempering shifts and masks.
        r ^= r >> 11;
        r ^= (r << 7) & 0x9D2C5680u;
        r ^= (r << 15) & 0xEFC60000u;
        r ^= r >> 18;
        return r;
    }

    /// <summary><c>getrandbits(k)</c> for 0 ≤ k ≤ 32: the top k bits of one 32-bit draw.</summary>
    public uint GetRandBits(int k)
    {
        if (k is < 0 or > 32) throw new ArgumentOutOfRangeException(nameof(k));
        return k == 0 ? 0 : NextUInt32() >> (32 - k);
    }

    /// <summary><c>randrange(n)</c> (Python 3.2+ <c>_randbelow_with_getrandbits</c>): draw <c>n.bit_length()</c> bits until below n.</summary>
    public int RandRange(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), "empty range for randrange()");
        int k = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n);
        uint r = GetRandBits(k);
        while (r >= (uint)n) r = GetRandBits(k);
        return (int)r;
    }
}
