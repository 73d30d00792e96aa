using System.Globalization;
using System.Numerics;
using System.Text;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Json;

/// <summary>
/// Writes values as Python's <c>json.dumps(value, ensure_ascii=False, indent=1)</c> does, character for
/// character: one space of indent per level, <c>", "</c>-free item separators (",\n"), <c>": "</c> after
/// keys, floats as <c>repr</c>, non-ASCII text as is.
/// </summary>
public static class PyJsonWriter
{
    /// <summary>The JSON text (no trailing newline).</summary>
    public static string Write(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value, 0);
        return sb.ToString();
    }

    static void Append(StringBuilder sb, object? value, int level)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case BigInteger big: sb.Append(big.ToString(CultureInfo.InvariantCulture)); break;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : PyFormat.FloatRepr(d));
                break;
            case string s: AppendString(sb, s); break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
            {
                bool any = false;
                foreach (var (key, item) in dict)
                {
                    sb.Append(any ? ",\n" : "{\n").Append(' ', level + 1);
                    any = true;
                    AppendString(sb, key);
                    sb.Append(": ");
                    Append(sb, item, level + 1);
                }
                if (any) sb.Append('\n').Append(' ', level).Append('}');
                else sb.Append("{}");
                break;
            }
            case System.Collections.IEnumerable list:
            {
                bool any = false;
                foreach (var item in list)
                {
                    sb.Append(any ? ",\n" : "[\n").Append(' ', level + 1);
                    any = true;
                    Append(sb, item, level + 1);
                }
                if (any) sb.Append('\n').Append(' ', level).Append(']');
                else sb.Append("[]");
                break;
            }
            default: throw new ArgumentException($"cannot write a {value.GetType().Name} as JSON");
        }
    }

    static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
