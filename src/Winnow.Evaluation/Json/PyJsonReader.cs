using System.Globalization;
using System.Numerics;
using System.Text;

namespace Winnow.Evaluation.Json;

/// <summary>A JSON text Python's <c>json.load</c> would refuse (score.py: "unreadable").</summary>
public sealed class PyJsonException(string message, int position) : FormatException($"{message} (at character {position})")
{
    /// <summary>Index in the text where parsing stopped.</summary>
    public int Position { get; } = position;
}

/// <summary>
/// Reads JSON exactly as Python's <c>json.load</c> (strict mode) does, into Python-shaped values:
/// object → <see cref="PyDict"/> (insertion order, a repeated key keeps its first place and its last
/// value), array → <c>List&lt;object?&gt;</c>, string → <c>string</c> (a lone <c>\ud800</c> escape stays a
/// lone surrogate), integer → <c>long</c> or <see cref="BigInteger"/>, number with fraction or exponent →
/// <c>double</c>, <c>true</c>/<c>false</c> → <c>bool</c>, <c>null</c> → null. Like Python it accepts
/// <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>, and rejects a byte-order mark, control characters in
/// strings, trailing commas and integers longer than 4,300 digits.
/// </summary>
public static class PyJsonReader
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Python 3.11's default <c>sys.get_int_max_str_digits()</c>: longer integer literals raise ValueError.</summary>
    const int MaxIntDigits = 4300;

    /// <summary>
    /// Deepest nesting read. Python's C decoder recurses once per level and fails past its recursion
    /// limit (1000 by default) with RecursionError; here the page is reported unreadable instead.
    /// </summary>
    const int MaxDepth = 1000;

    /// <summary>Decodes the bytes as strict UTF-8 (no BOM skipping, as <c>open(encoding="utf-8")</c>) and parses them.</summary>
    public static object? Parse(byte[] utf8)
    {
        string text;
        try { text = StrictUtf8.GetString(utf8); }
        catch (DecoderFallbackException e) { throw new PyJsonException("invalid UTF-8: " + e.Message, 0); }
        return Parse(text);
    }

    /// <summary>Parses a whole JSON text (<c>json.loads</c>).</summary>
    public static object? Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') throw new PyJsonException("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        int pos = SkipWs(text, 0);
        var value = ReadValue(text, ref pos, 0);
        pos = SkipWs(text, pos);
        if (pos != text.Length) throw new PyJsonException("Extra data", pos);
        return value;
    }

    /// <summary>Reads a file as score.py does; throws <see cref="PyJsonException"/> or <see cref="IOException"/>.</summary>
    public static object? ReadFile(string path) => Parse(File.ReadAllBytes(path));

    static int SkipWs(string s, int pos)
    {
        while (pos < s.Length && s[pos] is ' ' or '\t' or '\n' or '\r') pos++;
        return pos;
    }

    static object? ReadValue(string s, ref int pos, int depth)
    {
        if (pos >= s.Length) throw new PyJsonException("Expecting value", pos);
        char c = s[pos];
        switch (c)
        {
            case '"':
                return ReadString(s, ref pos);
            case '{':
                return ReadObject(s, ref pos, depth + 1);
            case '[':
                return ReadArray(s, ref pos, depth + 1);
            case 'n' when Matches(s, pos, "null"):
                pos += 4;
                return null;
            case 't' when Matches(s, pos, "true"):
                pos += 4;
                return true;
            case 'f' when Matches(s, pos, "false"):
                pos += 5;
                return false;
            case 'N' when Matches(s, pos, "NaN"):
                pos += 3;
                return double.NaN;
            case 'I' when Matches(s, pos, "Infinity"):
                pos += 8;
                return double.PositiveInfinity;
            case '-' when Matches(s, pos, "-Infinity"):
                pos += 9;
                return double.NegativeInfinity;
            default:
                if (c == '-' || c is >= '0' and <= '9') return ReadNumber(s, ref pos);
                throw new PyJsonException("Expecting value", pos);
        }
    }

    static bool Matches(string s, int pos, string word) => string.CompareOrdinal(s, pos, word, 0, word.Length) == 0;

    static object ReadNumber(string s, ref int pos)
    {
        // Python's NUMBER_RE: (-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?
        int start = pos, i = pos;
        if (s[i] == '-') i++;
        if (i >= s.Length || s[i] is < '0' or > '9') throw new PyJsonException("Expecting value", start);
        if (s[i] == '0') i++;
        else while (i < s.Length && s[i] is >= '0' and <= '9') i++;
        int intEnd = i;
        bool isFloat = false;
        if (i + 1 < s.Length && s[i] == '.' && s[i + 1] is >= '0' and <= '9')
        {
            i += 2;
            while (i < s.Length && s[i] is >= '0' and <= '9') i++;
            isFloat = true;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < s.Length && s[j] is '+' or '-') j++;
            if (j < s.Length && s[j] is >= '0' and <= '9')
            {
                while (j < s.Length && s[j] is >= '0' and <= '9') j++;
                i = j;
                isFloat = true;
            }
        }
        pos = i;
        var literal = s.AsSpan(start, i - start);
        if (isFloat) return double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        int digits = intEnd - start - (s[start] == '-' ? 1 : 0);
        if (digits > MaxIntDigits) throw new PyJsonException($"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion", start);
        if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
        return BigInteger.Parse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    static string ReadString(string s, ref int pos)
    {
        int start = pos;
        int i = pos + 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= s.Length) throw new PyJsonException("Unterminated string starting at", start);
            char c = s[i];
            if (c == '"')
            {
                pos = i + 1;
                return sb.ToString();
            }
            if (c < 0x20) throw new PyJsonException("Invalid control character at", i);
            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.Length) throw new PyJsonException("Unterminated string starting at", start);
            char esc = s[i + 1];
            switch (esc)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (i + 6 > s.Length || !int.TryParse(s.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int unit))
                        throw new PyJsonException("Invalid \\uXXXX escape", i + 1);
                    // A high surrogate escape followed by a low one forms one code point in Python; in UTF-16 the
                    // two units side by side are that code point, and a lone one stays lone, as in Python.
                    sb.Append((char)unit);
                    i += 6;
                    continue;
                default:
                    throw new PyJsonException("Invalid \\escape", i);
            }
            i += 2;
        }
    }

    static PyDict ReadObject(string s, ref int pos, int depth)
    {
        if (depth > MaxDepth) throw new PyJsonException("nesting too deep", pos);
        var dict = new PyDict();
        pos = SkipWs(s, pos + 1);
        if (pos < s.Length && s[pos] == '}')
        {
            pos++;
            return dict;
        }
        while (true)
        {
            if (pos >= s.Length || s[pos] != '"') throw new PyJsonException("Expecting property name enclosed in double quotes", pos);
            string key = ReadString(s, ref pos);
            pos = SkipWs(s, pos);
            if (pos >= s.Length || s[pos] != ':') throw new PyJsonException("Expecting ':' delimiter", pos);
            pos = SkipWs(s, pos + 1);
            dict[key] = ReadValue(s, ref pos, depth);
            pos = SkipWs(s, pos);
            if (pos < s.Length && s[pos] == '}')
            {
                pos++;
                return dict;
            }
            if (pos >= s.Length || s[pos] != ',') throw new PyJsonException("Expecting ',' delimiter", pos);
            pos = SkipWs(s, pos + 1);
        }
    }

    static List<object?> ReadArray(string s, ref int pos, int depth)
    {
        if (depth > MaxDepth) throw new PyJsonException("nesting too deep", pos);
        var list = new List<object?>();
        pos = SkipWs(s, pos + 1);
        if (pos < s.Length && s[pos] == ']')
        {
            pos++;
            return list;
        }
        while (true)
        {
            list.Add(ReadValue(s, ref pos, depth));
            pos = SkipWs(s, pos);
            if (pos < s.Length && s[pos] == ']')
            {
                pos++;
                return list;
            }
            if (pos >= s.Length || s[pos] != ',') throw new PyJsonException("Expecting ',' delimiter", pos);
            pos = SkipWs(s, pos + 1);
        }
    }
}
