using System.Numerics;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Metrics;

/// <summary>The arithmetic score.py relies on, reproduced bit for bit.</summary>
internal static class PyMath
{
    /// <summary>
    /// <c>statistics.mean(xs)</c>: the exact rational mean of the doubles, rounded once to the nearest
    /// double (ties to even), as Python's Fraction → float conversion does. Null for an empty list.
    /// </summary>
    public static double? ExactMean(IReadOnlyList<double> xs)
    {
        if (xs.Count == 0) return null;
        foreach (double x in xs)
            if (!double.IsFinite(x)) return PlainMean(xs); // never reached by score.py's values (all in [0, 1])
        // Every finite double is an integer multiple of 2^-1074, so the scaled sum is exact.
        BigInteger sum = BigInteger.Zero;
        foreach (double x in xs)
        {
            var (mantissa, exponent) = PyFormat.Decompose(Math.Abs(x));
            var scaled = mantissa << (exponent + 1074);
            sum += double.IsNegative(x) ? -scaled : scaled;
        }
        return RationalToDouble(sum, (BigInteger)xs.Count << 1074);
    }

    /// <summary><c>sum(xs) / len(xs)</c> with Python 3.11's <c>sum</c> (plain left-to-right addition). Null when empty.</summary>
    /// <remarks>Python 3.12+ sums floats with Neumaier compensation; only score.py's bootstrap (the ± values) uses this mean.</remarks>
    public static double? PlainMean(IReadOnlyList<double> xs) => xs.Count == 0 ? null : Sum(xs) / xs.Count;

    /// <summary>Python 3.11's <c>sum(xs)</c> of floats.</summary>
    public static double Sum(IEnumerable<double> xs)
    {
        double total = 0;
        foreach (double x in xs) total += x;
        return total;
    }

    /// <summary>score.py's <c>_stdev</c>: sample standard deviation with <c>**</c> (the C library's <c>pow</c>, as Python calls it).</summary>
    public static double Stdev(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return 0.0;
        double m = Sum(xs) / xs.Count;
        double squares = 0;
        foreach (double x in xs) squares += Math.Pow(x - m, 2.0);
        return Math.Pow(squares / (xs.Count - 1), 0.5);
    }

    /// <summary>num / den rounded to the nearest double, ties to even (den &gt; 0).</summary>
    public static double RationalToDouble(BigInteger num, BigInteger den)
    {
        if (den.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(den));
        if (num.IsZero) return 0.0;
        bool negative = num.Sign < 0;
        num = BigInteger.Abs(num);
        // Scale so the quotient has at least 55 bits: 53 kept, one to round on, one spare.
        long shift = 55 - (long)(num.GetBitLength() - den.GetBitLength());
        BigInteger q = BigInteger.DivRem(shift >= 0 ? num << (int)shift : num, shift >= 0 ? den : den << (int)-shift, out var rem);
        bool sticky = !rem.IsZero;
        long excess = (long)q.GetBitLength() - 53; // binary64 keeps 53 significant bits
        excess = Math.Max(excess, -1074 + shift);   // below 2^-1022 fewer bits remain (subnormals)
        BigInteger mantissa = q >> (int)excess;
        BigInteger dropped = q - (mantissa << (int)excess);
        BigInteger half = BigInteger.One << (int)(excess - 1);
        int cmp = dropped.CompareTo(half);
        if (cmp > 0 || (cmp == 0 && (sticky || !mantissa.IsEven))) mantissa += 1;
        double result = Math.ScaleB((double)mantissa, (int)(excess - shift));
        return negative ? -result : result;
    }
}
