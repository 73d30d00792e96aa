using System.Globalization;
using System.Numerics;
using System.Text;

namespace Winnow.Evaluation.Text;

/// <summary>Python's number formatting and string padding, reproduced exactly.</summary>
internal static class PyFormat
{
    /// <summary>
    /// <c>f"{v:.{decimals}f}"</c>: the exact binary value rounded half-to-even (0.0625 → "0.062"),
    /// keeping the sign of negative values that round to zero ("-0.000"). .NET's "F3" rounds ties away from zero.
    /// </summary>
    public static string Fixed(double v, int decimals)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        var (mantissa, exponent) = Decompose(Math.Abs(v));
        BigInteger scaled = mantissa * BigInteger.Pow(10, decimals);
        BigInteger q;
        if (exponent >= 0)
        {
            q = scaled << exponent;
        }
        else
        {
            BigInteger den = BigInteger.One << -exponent;
            q = BigInteger.DivRem(scaled, den, out var r);
            int cmp = (r << 1).CompareTo(den);
            if (cmp > 0 || (cmp == 0 && !q.IsEven)) q += 1;
        }
        string digits = q.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var sb = new StringBuilder();
        if (double.IsNegative(v)) sb.Append('-');
        sb.Append(digits, 0, digits.Length - decimals);
        if (decimals > 0) sb.Append('.').Append(digits, digits.Length - decimals, decimals);
        return sb.ToString();
    }

    /// <summary>Python's <c>repr(float)</c> (also its <c>str</c> and its JSON form): shortest round-trip digits,
    /// exponent form when the decimal point would fall more than 16 places left or 4 places right.</summary>
    public static string FloatRepr(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        string sign = double.IsNegative(v) ? "-" : "";
        if (v == 0) return sign + "0.0";
        // .NET's "R" gives the shortest digits that round-trip, as Python's repr does (both pick the closest).
        string r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r, fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        string digits = intPart + fracPart;
        int decpt = intPart.Length + exp; // digits d1 d2 …: value = 0.d1d2… × 10^decpt
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..];
        decpt -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        // Python's float_repr_style 'short' switches to exponent form at these bounds (pystrtod.c, mode 'r').
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0) return sign + "0." + new string('0', -decpt) + digits;
            if (decpt >= digits.Length) return sign + digits + new string('0', decpt - digits.Length) + ".0";
            return sign + digits[..decpt] + "." + digits[decpt..];
        }
        int x = decpt - 1;
        string mant = digits.Length > 1 ? digits[..1] + "." + digits[1..] : digits;
        return sign + mant + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary><c>f"{s:&lt;width}"</c>: pads with spaces to <paramref name="width"/> code points.</summary>
    public static string PadRight(string s, int width)
    {
        int n = CodePoints.Count(s);
        return n >= width ? s : s + new string(' ', width - n);
    }

    /// <summary><c>f"{s:&gt;width}"</c>.</summary>
    public static string PadLeft(string s, int width)
    {
        int n = CodePoints.Count(s);
        return n >= width ? s : new string(' ', width - n) + s;
    }

    /// <summary>A finite double as mantissa × 2^exponent, exactly (mantissa ≥ 0).</summary>
    public static (BigInteger Mantissa, int Exponent) Decompose(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        // IEEE 754 binary64: 52 fraction bits, exponent bias 1023 (so 1075 = 1023 + 52).
        return biased == 0 ? (fraction, -1074) : (fraction | (1L << 52), biased - 1075);
    }
}
