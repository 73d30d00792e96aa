using System.Buffers;
using System.Text;

namespace Winnow.Input;

/// <summary>
/// Finds the encoding a page declares in its markup, following the HTML standard's
/// "prescan a byte stream to determine its encoding"
/// (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding):
/// <c>&lt;meta charset&gt;</c> and <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c>, with
/// comments and other tags (and their attributes, quoted or not) skipped the way the spec does.
/// </summary>
internal static class MetaCharsetPrescan
{
    /// <summary>
    /// How many bytes the prescan reads: "User agents are encouraged to only prescan the first 1024 bytes"
    /// (HTML standard, determining the character encoding, step 5).
    /// </summary>
    public const int PrescanLength = 1024;

    /// <summary>
    /// The spec's prescan over the first <see cref="PrescanLength"/> bytes, including its UTF-16 XML
    /// declaration check and the "get an XML encoding" fallback. Returns null when nothing is declared.
    /// </summary>
    public static WebEncoding? Prescan(ReadOnlySpan<byte> bytes)
    {
        var input = bytes.Length > PrescanLength ? bytes[..PrescanLength] : bytes;

        // "Prescan for UTF-16 XML declarations": '<?x' in UTF-16LE or UTF-16BE.
        if (input.StartsWith("<\0?\0x\0"u8)) return WebEncoding.Utf16LE;
        if (input.StartsWith("\0<\0?\0x"u8)) return WebEncoding.Utf16BE;

        return Scan(input, skipRawText: false) ?? XmlDeclarationEncoding(input);
    }

    /// <summary>
    /// A meta declaration anywhere in the document, for when the prescan found none in the first
    /// 1024 bytes. Browsers honour such a late <c>&lt;meta&gt;</c> too: the tree builder's
    /// "change the encoding" reparses the page when it meets one and the encoding was only a guess.
    /// This scan uses the same meta and attribute rules, but skips the content of raw-text elements
    /// (script, style, title, textarea, …) the way the tokenizer would, so a <c>&lt;meta&gt;</c> written
    /// inside a script string does not count.
    /// </summary>
    public static WebEncoding? FindLateDeclaration(ReadOnlySpan<byte> bytes)
    {
        // Nothing after the last "<meta" can declare anything, so the scan (which must parse every
        // tag's attributes) stops there; on a page of many megabytes that is usually within the head.
        int lastMeta = LastMetaTag(bytes);
        return lastMeta < 0 ? null : Scan(bytes, skipRawText: true, stopAfter: lastMeta);
    }

    static WebEncoding? Scan(ReadOnlySpan<byte> input, bool skipRawText, int stopAfter = int.MaxValue)
    {
        int position = 0;
        while (position < input.Length && position <= stopAfter)
        {
            // Nothing but '<' can start a construct the prescan cares about.
            int next = input[position..].IndexOf((byte)'<');
            if (next < 0) return null;
            position += next;
            var rest = input[position..];

            if (rest.StartsWith("<!--"u8))
            {
                // Skip to the '>' of the first "-->" after '<' (the dashes of "<!--" count: "<!-->" closes).
                int close = rest[2..].IndexOf("-->"u8);
                if (close < 0) return null;
                position += 2 + close + 2;
            }
            else if (rest.Length >= 6 && Ascii.EqualsIgnoreCase(rest[1..5], "meta"u8) && IsSpaceOrSlash(rest[5]))
            {
                position += 5;
                var found = ReadMetaAttributes(input, ref position);
                if (found is not null) return found;
            }
            else if (rest.Length >= 2 && (IsAsciiLetter(rest[1]) || (rest[1] == '/' && rest.Length >= 3 && IsAsciiLetter(rest[2]))))
            {
                int nameStart = position + 1;
                int nameLength = input[nameStart..].IndexOfAny(WhitespaceOrGreaterThan);
                if (nameLength < 0) return null;
                int nameEnd = nameStart + nameLength;
                position = nameEnd;
                while (TryGetAttribute(input, ref position, out _)) { }
                if (position >= input.Length) return null;

                if (skipRawText && input[nameStart] != '/')
                {
                    var name = input[nameStart..nameEnd];
                    if (Ascii.EqualsIgnoreCase(name, "plaintext"u8)) return null;
                    if (IsRawTextElement(name))
                    {
                        position = EndOfRawText(input, position, name);
                        if (position < 0) return null;
                    }
                }
            }
            else if (rest.Length >= 2 && (rest[1] == '!' || rest[1] == '/' || rest[1] == '?'))
            {
                int close = rest.IndexOf((byte)'>');
                if (close < 0) return null;
                position += close;
            }
            position++; // "next byte"
        }
        return null;
    }

    /// <summary>Steps 2–15 of the prescan's meta branch; <paramref name="position"/> is at the space or slash after "&lt;meta".</summary>
    static WebEncoding? ReadMetaAttributes(ReadOnlySpan<byte> input, ref int position)
    {
        bool seenHttpEquiv = false, seenContent = false, seenCharset = false;
        bool gotPragma = false;
        bool? needPragma = null;
        // The spec's charset variable has three states: null (nothing yet), "failure" (a charset
        // attribute gave an unknown label, which a later content attribute may not replace), an encoding.
        WebEncoding? charset = null;
        bool charsetFailed = false;

        while (TryGetAttribute(input, ref position, out var attribute))
        {
            var name = input.Slice(attribute.NameStart, attribute.NameLength);
            if (!seenHttpEquiv && Ascii.EqualsIgnoreCase(name, "http-equiv"u8))
            {
                seenHttpEquiv = true;
                if (Ascii.EqualsIgnoreCase(attribute.Value(input), "content-type"u8)) gotPragma = true;
            }
            else if (!seenContent && Ascii.EqualsIgnoreCase(name, "content"u8))
            {
                seenContent = true;
                if (charset is null && !charsetFailed)
                {
                    var fromContent = ExtractFromContent(attribute.Value(input));
                    if (fromContent is not null)
                    {
                        charset = fromContent;
                        needPragma = true;
                    }
                }
            }
            else if (!seenCharset && Ascii.EqualsIgnoreCase(name, "charset"u8))
            {
                seenCharset = true;
                charset = LookupLabel(attribute.Value(input));
                charsetFailed = charset is null;
                needPragma = false;
            }
        }

        if (needPragma is null) return null;
        if (needPragma == true && !gotPragma) return null;
        if (charset is null) return null;
        return ForDocument(charset);
    }

    /// <summary>
    /// The meta rules' last steps: a page cannot declare itself UTF-16 in ASCII-compatible markup, so
    /// UTF-16BE/LE mean UTF-8; x-user-defined means windows-1252.
    /// </summary>
    static WebEncoding ForDocument(WebEncoding encoding) =>
        encoding.IsUtf16 ? WebEncoding.Utf8
        : ReferenceEquals(encoding, WebEncoding.XUserDefined) ? WebEncoding.Windows1252
        : encoding;

    /// <summary>
    /// "Extracting a character encoding from a meta element" (the content attribute's
    /// <c>…; charset=label</c>), https://html.spec.whatwg.org/multipage/urls-and-fetching.html#algorithm-for-extracting-a-character-encoding-from-a-meta-element.
    /// </summary>
    internal static WebEncoding? ExtractFromContent(ReadOnlySpan<byte> s)
    {
        int position = 0;
        while (true)
        {
            int found = IndexOfIgnoreCase(s[position..], "charset"u8);
            if (found < 0) return null;
            position += found + "charset".Length;
            while (position < s.Length && IsWhitespace(s[position])) position++;
            if (position < s.Length && s[position] == '=')
            {
                position++;
                break;
            }
            // Not "charset=": look for the next occurrence from here.
        }
        while (position < s.Length && IsWhitespace(s[position])) position++;
        if (position >= s.Length) return null;

        byte first = s[position];
        if (first == '"' || first == '\'')
        {
            int close = s[(position + 1)..].IndexOf(first);
            return close < 0 ? null : LookupLabel(s.Slice(position + 1, close));
        }
        int end = position;
        while (end < s.Length && !IsWhitespace(s[end]) && s[end] != ';') end++;
        return LookupLabel(s[position..end]);
    }

    /// <summary>"Get an XML encoding" when sniffing: the encoding pseudo-attribute of a leading <c>&lt;?xml … ?&gt;</c>.</summary>
    internal static WebEncoding? XmlDeclarationEncoding(ReadOnlySpan<byte> input)
    {
        if (!input.StartsWith("<?xml"u8)) return null;
        int declarationEnd = input.IndexOf((byte)'>');
        if (declarationEnd < 0) return null;
        var declaration = input[..declarationEnd];

        int position = declaration.IndexOf("encoding"u8);
        if (position < 0) return null;
        position += "encoding".Length;
        while (position < declaration.Length && declaration[position] <= 0x20) position++;
        if (position >= declaration.Length || declaration[position] != '=') return null;
        position++;
        while (position < declaration.Length && declaration[position] <= 0x20) position++;
        if (position >= declaration.Length) return null;
        byte quote = declaration[position];
        if (quote != '"' && quote != '\'') return null;
        position++;
        int close = declaration[position..].IndexOf(quote);
        if (close < 0) return null;
        var encoding = LookupLabel(declaration.Slice(position, close));
        return encoding is null ? null : ForDocument(encoding);
    }

    /// <summary>A span of the input holding one attribute: its name and its raw (not lower-cased) value.</summary>
    readonly record struct Attribute(int NameStart, int NameLength, int ValueStart, int ValueLength)
    {
        public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> input) => input.Slice(ValueStart, ValueLength);
    }

    /// <summary>
    /// The spec's "get an attribute" (https://html.spec.whatwg.org/multipage/parsing.html#concept-get-attributes-when-sniffing).
    /// The spec lower-cases names and values as it goes; here they are kept as spans of the input and
    /// compared case-insensitively instead. Returns false when there is no further attribute, or the
    /// input ends inside one.
    /// </summary>
    static bool TryGetAttribute(ReadOnlySpan<byte> input, ref int position, out Attribute attribute)
    {
        attribute = default;
        while (position < input.Length && (IsWhitespace(input[position]) || input[position] == '/')) position++;
        if (position >= input.Length || input[position] == '>') return false;

        int nameStart = position;
        // The first byte always belongs to the name, even '=' (the spec appends it when the name is empty).
        position++;
        int nameRest = input[position..].IndexOfAny(EndOfAttributeName);
        if (nameRest < 0)
        {
            position = input.Length;
            return false;
        }
        position += nameRest;
        int nameLength = position - nameStart;

        if (input[position] == '/' || input[position] == '>')
        {
            attribute = new Attribute(nameStart, nameLength, position, 0);
            return true;
        }
        if (IsWhitespace(input[position]))
        {
            while (position < input.Length && IsWhitespace(input[position])) position++;
            if (position >= input.Length) return false;
            if (input[position] != '=')
            {
                attribute = new Attribute(nameStart, nameLength, position, 0);
                return true;
            }
        }
        position++; // past '='

        while (position < input.Length && IsWhitespace(input[position])) position++;
        if (position >= input.Length) return false;

        byte first = input[position];
        if (first == '"' || first == '\'')
        {
            int close = input[(position + 1)..].IndexOf(first);
            if (close < 0)
            {
                position = input.Length;
                return false;
            }
            attribute = new Attribute(nameStart, nameLength, position + 1, close);
            position += close + 2;
            return true;
        }
        if (first == '>')
        {
            attribute = new Attribute(nameStart, nameLength, position, 0);
            return true;
        }
        int valueStart = position;
        position++;
        int valueRest = input[position..].IndexOfAny(WhitespaceOrGreaterThan);
        if (valueRest < 0)
        {
            position = input.Length;
            return false;
        }
        position += valueRest;
        attribute = new Attribute(nameStart, nameLength, valueStart, position - valueStart);
        return true;
    }

    /// <summary>Elements whose content the tokenizer reads as raw text (RAWTEXT, RCDATA or script data), with scripting on.</summary>
    static bool IsRawTextElement(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "script"u8) || Ascii.EqualsIgnoreCase(name, "style"u8)
        || Ascii.EqualsIgnoreCase(name, "title"u8) || Ascii.EqualsIgnoreCase(name, "textarea"u8)
        || Ascii.EqualsIgnoreCase(name, "xmp"u8) || Ascii.EqualsIgnoreCase(name, "iframe"u8)
        || Ascii.EqualsIgnoreCase(name, "noembed"u8) || Ascii.EqualsIgnoreCase(name, "noframes"u8)
        || Ascii.EqualsIgnoreCase(name, "noscript"u8);

    /// <summary>Position of the '&lt;' of the end tag that closes a raw-text element, or -1 when the input ends first.</summary>
    static int EndOfRawText(ReadOnlySpan<byte> input, int position, ReadOnlySpan<byte> name)
    {
        while (true)
        {
            int found = input[position..].IndexOf("</"u8);
            if (found < 0) return -1;
            position += found;
            int afterName = position + 2 + name.Length;
            if (afterName < input.Length
                && Ascii.EqualsIgnoreCase(input.Slice(position + 2, name.Length), name)
                && (IsWhitespace(input[afterName]) || input[afterName] == '/' || input[afterName] == '>'))
                return position - 1; // the caller's "next byte" step lands on '<'
            position += 2;
        }
    }

    static WebEncoding? LookupLabel(ReadOnlySpan<byte> label)
    {
        // Labels are ASCII; widen bytes to chars one to one (what the spec's byte-to-code-point appends do).
        if (label.Length > 64) return null; // far longer than any label; not worth widening
        Span<char> chars = stackalloc char[label.Length];
        for (int i = 0; i < label.Length; i++) chars[i] = (char)label[i];
        return EncodingLabels.Lookup(chars);
    }

    static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
            if (Ascii.EqualsIgnoreCase(haystack.Slice(i, lowerNeedle.Length), lowerNeedle)) return i;
        return -1;
    }

    /// <summary>Index of the '&lt;' of the last "&lt;meta" (any case) followed by whitespace or '/', or -1.</summary>
    static int LastMetaTag(ReadOnlySpan<byte> input)
    {
        int end = input.Length;
        while (true)
        {
            int lt = input[..end].LastIndexOf((byte)'<');
            if (lt < 0) return -1;
            if (lt + 5 < input.Length && Ascii.EqualsIgnoreCase(input.Slice(lt + 1, 4), "meta"u8) && IsSpaceOrSlash(input[lt + 5]))
                return lt;
            end = lt;
        }
    }

    static readonly SearchValues<byte> WhitespaceOrGreaterThan = SearchValues.Create("\t\n\f\r >"u8);
    static readonly SearchValues<byte> EndOfAttributeName = SearchValues.Create("\t\n\f\r =/>"u8);

    static bool IsWhitespace(byte b) => b is 0x09 or 0x0A or 0x0C or 0x0D or 0x20;
    static bool IsSpaceOrSlash(byte b) => IsWhitespace(b) || b == '/';
    static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
