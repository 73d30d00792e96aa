using System.Text;

namespace Winnow.Input;

/// <summary>
/// The charset of a transport <c>Content-Type</c> header value, found the way the Fetch standard does
/// ("extract a MIME type", https://fetch.spec.whatwg.org/#concept-header-extract-mime-type, then
/// "legacy extract an encoding"), with MIME types parsed per https://mimesniff.spec.whatwg.org/#parse-a-mime-type.
/// </summary>
internal static class ContentTypeCharset
{
    /// <summary>
    /// The encoding the header's charset parameter names, or null when there is none or its label is
    /// unknown. Combined header values (<c>a, b</c>) are handled like Fetch does. As a convenience, a
    /// value that is not a MIME type but is an encoding label on its own (e.g. <c>latin1</c>) is used too.
    /// </summary>
    public static WebEncoding? Find(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;

        string? essence = null;
        string? charset = null;
        bool parsedAny = false;
        foreach (var value in SplitHeaderValues(contentType))
        {
            if (!TryParseMimeType(value, out var mimeEssence, out var mimeCharset) || mimeEssence == "*/*") continue;
            parsedAny = true;
            if (mimeEssence != essence)
            {
                charset = mimeCharset;
                essence = mimeEssence;
            }
            else if (mimeCharset is not null)
            {
                charset = mimeCharset;
            }
        }

        if (parsedAny) return charset is null ? null : EncodingLabels.Lookup(charset);
        return contentType.AsSpan().IndexOfAny("/;=") < 0 ? EncodingLabels.Lookup(contentType) : null;
    }

    /// <summary>Fetch's "get, decode, and split": commas outside quoted strings separate values.</summary>
    static List<string> SplitHeaderValues(string header)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        int i = 0;
        while (i < header.Length)
        {
            char c = header[i];
            if (c == '"')
            {
                int start = i;
                CollectQuotedString(header, ref i);
                current.Append(header, start, i - start);
                continue;
            }
            if (c == ',')
            {
                values.Add(current.ToString().Trim(" \t".ToCharArray()));
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
            i++;
        }
        values.Add(current.ToString().Trim(" \t".ToCharArray()));
        return values;
    }

    /// <summary>MIME Sniffing's "parse a MIME type", keeping only the essence and the charset parameter.</summary>
    static bool TryParseMimeType(string input, out string essence, out string? charset)
    {
        essence = string.Empty;
        charset = null;
        var s = input.AsSpan().Trim(HttpWhitespace);

        int slash = s.IndexOf('/');
        if (slash <= 0 || !IsToken(s[..slash])) return false;
        var type = s[..slash];
        var rest = s[(slash + 1)..];
        int semicolon = rest.IndexOf(';');
        var subtype = (semicolon < 0 ? rest : rest[..semicolon]).TrimEnd(HttpWhitespace);
        if (subtype.IsEmpty || !IsToken(subtype)) return false;
        essence = string.Concat(type, "/", subtype).ToLowerInvariant();
        if (semicolon < 0) return true;

        string text = rest[semicolon..].ToString();
        int position = 0;
        bool seenCharset = false;
        while (position < text.Length)
        {
            position++; // past ';'
            while (position < text.Length && HttpWhitespace.Contains(text[position])) position++;

            int nameStart = position;
            while (position < text.Length && text[position] != ';' && text[position] != '=') position++;
            string name = text[nameStart..position].ToLowerInvariant();

            if (position < text.Length)
            {
                if (text[position] == ';') continue;
                position++; // past '='
            }
            if (position >= text.Length) break;

            string value;
            if (text[position] == '"')
            {
                value = CollectQuotedString(text, ref position);
                while (position < text.Length && text[position] != ';') position++;
            }
            else
            {
                int valueStart = position;
                while (position < text.Length && text[position] != ';') position++;
                value = text.AsSpan(valueStart, position - valueStart).TrimEnd(HttpWhitespace).ToString();
                if (value.Length == 0) continue;
            }

            if (name == "charset" && !seenCharset && IsQuotedStringTokenText(value))
            {
                charset = value;
                seenCharset = true;
            }
        }
        return true;
    }

    /// <summary>Fetch's "collect an HTTP quoted string" with extract-value: returns the unescaped content.</summary>
    static string CollectQuotedString(string text, ref int position)
    {
        var value = new StringBuilder();
        position++; // past the opening quote
        while (true)
        {
            while (position < text.Length && text[position] != '"' && text[position] != '\\')
                value.Append(text[position++]);
            if (position >= text.Length) break;
            char quoteOrBackslash = text[position++];
            if (quoteOrBackslash == '\\')
            {
                if (position >= text.Length)
                {
                    value.Append('\\');
                    break;
                }
                value.Append(text[position++]);
            }
            else
            {
                break;
            }
        }
        return value.ToString();
    }

    /// <summary>HTTP whitespace (Fetch): TAB, LF, CR, SPACE.</summary>
    const string HttpWhitespace = "\t\n\r ";

    static bool IsToken(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c))) return false;
        return true;
    }

    static bool IsQuotedStringTokenText(string s)
    {
        foreach (char c in s)
            if (!(c == '\t' || (c >= ' ' && c <= '~') || (c >= '\u0080' && c <= '\u00FF'))) return false;
        return true;
    }
}
