using System.Globalization;
using System.Numerics;
using System.Text;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Json;

/// <summary>Python semantics of the values <see cref="PyJsonReader"/> produces: truthiness, <c>isinstance(v, int)</c>, <c>str()</c> and <c>repr()</c>.</summary>
public static class PyValue
{
    /// <summary><c>bool(v)</c>: false for None, False, 0, 0.0, "", [] and {}.</summary>
    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        BigInteger b => !b.IsZero,
        double d => d != 0, // NaN is truthy in Python, and NaN != 0 is true here too
        string s => s.Length > 0,
        List<object?> list => list.Count > 0,
        PyDict dict => dict.Count > 0,
        _ => true,
    };

    /// <summary><c>isinstance(v, int) and not isinstance(v, bool)</c>.</summary>
    public static bool IsInt(object? v) => v is long or BigInteger;

    /// <summary>score.py's <c>_as_text</c>: None stays None, a list becomes <c>"; ".join(str(x) …)</c>, anything else <c>str(v)</c>.</summary>
    public static string? AsText(object? v) => v switch
    {
        null => null,
        List<object?> list => string.Join("; ", list.Select(Str)),
        _ => Str(v),
    };

    /// <summary>Python's <c>str(v)</c>.</summary>
    public static string Str(object? v) => v is string s ? s : Repr(v);

    /// <summary>Python's <c>repr(v)</c>.</summary>
    public static string Repr(object? v)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, v);
        return sb.ToString();
    }

    static void AppendRepr(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case BigInteger big: sb.Append(big.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(PyFormat.FloatRepr(d)); break;
            case string s: AppendStringRepr(sb, s); break;
            case List<object?> list:
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendRepr(sb, list[i]);
                }
                sb.Append(']');
                break;
            case PyDict dict:
                sb.Append('{');
                bool first = true;
                foreach (var (key, value) in dict)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendStringRepr(sb, key);
                    sb.Append(": ");
                    AppendRepr(sb, value);
                }
                sb.Append('}');
                break;
            default: sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Python's <c>repr(str)</c>: single quotes unless the text has ' and no ", escapes for the unprintable.</summary>
    static void AppendStringRepr(StringBuilder sb, string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int width);
            if (cp == quote || cp == '\\') sb.Append('\\').Append((char)cp);
            else if (cp == '\t') sb.Append("\\t");
            else if (cp == '\n') sb.Append("\\n");
            else if (cp == '\r') sb.Append("\\r");
            else if (cp < 0x20 || cp == 0x7F) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp < 0x7F || IsPrintable(cp)) sb.Append(s, i, width);
            else if (cp <= 0xFF) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp <= 0xFFFF) sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
            i += width;
        }
        sb.Append(quote);
    }

    /// <summary><c>str.isprintable()</c> for one code point: not in categories Cc Cf Cs Co Cn Zl Zp, nor Zs other than the space.</summary>
    static bool IsPrintable(int cp)
    {
        if (cp == ' ') return true;
        if (cp is >= 0xD800 and <= 0xDFFF) return false;
        return CharUnicodeInfo.GetUnicodeCategory(cp) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }
}
