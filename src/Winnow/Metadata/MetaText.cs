using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>Small string helpers shared by the metadata readers.</summary>
internal static class MetaText
{
    /// <summary>Collapses every run of whitespace (incl. no-break spaces) to one space and trims; null for empty.</summary>
    public static string? Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return null;
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (IsSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// The element's text, whitespace collapsed, gathered iteratively (no recursion, so a 512-level
    /// subtree is fine) and stopped once <paramref name="maxChars"/> characters were read; block
    /// elements and &lt;br&gt; become line breaks when <paramref name="lines"/> is set.
    /// Script, style, template and noscript content is skipped.
    /// </summary>
    public static string TextOf(INode root, int maxChars, bool lines = false, bool spaced = false)
    {
        if (!lines) return CollapsedTextOf(root, maxChars, spaced);
        var sb = new StringBuilder();
        var stack = new Stack<(INodeList List, int Index)>();
        if (root is IText t0) return Clean(t0.Data) ?? "";
        stack.Push((root.ChildNodes, 0));
        while (stack.Count > 0 && sb.Length < maxChars)
        {
            var (list, i) = stack.Pop();
            if (i >= list.Length)
            {
                continue;
            }
            stack.Push((list, i + 1));
            var node = list[i];
            if (node is IText text)
            {
                sb.Append(text.Data);
            }
            else if (node is IElement el)
            {
                var name = el.LocalName;
                if (name is "script" or "style" or "template" or "noscript" or "svg") continue;
                if (lines && (name == "br" || IsBlock(name))) sb.Append('\n');
                // bylines: "Veröffentlicht von<a>Chris Jung</a>" has no space in the markup; a name is
                // never split across elements, so a boundary is a word break there
                else if (spaced) sb.Append(' ');
                if (el.HasChildNodes) stack.Push((el.ChildNodes, 0));
            }
        }
        if (!lines) return Clean(sb.ToString()) ?? "";
        var parts = sb.ToString().Split('\n');
        var outSb = new StringBuilder();
        foreach (var p in parts)
        {
            var c = Clean(p);
            if (c is null) continue;
            if (outSb.Length > 0) outSb.Append('\n');
            outSb.Append(c);
        }
        return outSb.ToString();
    }

    // One builder and one stack per thread, reused: TextOf runs hundreds of times a page (every element
    // near the headline is tried as a byline label) and its allocations were most of the metadata's (profile).
    [ThreadStatic] static StringBuilder? _text;
    [ThreadStatic] static Stack<(INodeList List, int Index)>? _nodes;

    static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF';

    /// <summary>
    /// <see cref="TextOf"/> without line breaks: whitespace is collapsed as the text is gathered (what
    /// <see cref="Clean"/> does afterwards), so the only allocation is the returned string. Reading stops
    /// once <paramref name="maxChars"/> characters of collapsed text are gathered.
    /// </summary>
    static string CollapsedTextOf(INode root, int maxChars, bool spaced)
    {
        if (root is IText t0) return Clean(t0.Data) ?? "";
        var sb = _text ??= new StringBuilder(256);
        var stack = _nodes ??= new Stack<(INodeList, int)>(32);
        sb.Clear();
        stack.Clear();
        bool pendingSpace = false;
        stack.Push((root.ChildNodes, 0));
        while (stack.Count > 0 && sb.Length < maxChars)
        {
            var (list, i) = stack.Pop();
            if (i >= list.Length) continue;
            stack.Push((list, i + 1));
            var node = list[i];
            if (node is IText text)
            {
                foreach (var c in text.Data)
                {
                    if (IsSpace(c)) { pendingSpace = sb.Length > 0; continue; }
                    if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                    sb.Append(c);
                }
            }
            else if (node is IElement el)
            {
                var name = el.LocalName;
                if (name is "script" or "style" or "template" or "noscript" or "svg") continue;
                // bylines: "Veröffentlicht von<a>Chris Jung</a>" has no space in the markup; a name is
                // never split across elements, so a boundary is a word break there
                if (spaced) pendingSpace = sb.Length > 0;
                if (el.HasChildNodes) stack.Push((el.ChildNodes, 0));
            }
        }
        stack.Clear();
        var result = sb.Length == 0 ? "" : sb.ToString();
        // a long text must not keep its buffer alive on the thread (16 K characters: eight times the 2,000-character
        // paragraphs AuthorChooser reads, the longest texts asked for here)
        if (sb.Capacity > 16_384) _text = null;
        return result;
    }

    public static bool IsBlock(string localName) => localName is "p" or "div" or "li" or "ul" or "ol" or "h1" or "h2" or "h3"
        or "h4" or "h5" or "h6" or "section" or "article" or "header" or "footer" or "aside" or "dl" or "dt" or "dd"
        or "table" or "tr" or "td" or "th" or "blockquote" or "figure" or "figcaption" or "address" or "nav" or "main";

    /// <summary>Lower-cases and removes diacritics ("März" → "marz", "août" → "aout").</summary>
    public static string Fold(string s)
    {
        bool ascii = true;
        foreach (var c in s) if (c > 127) { ascii = false; break; }
        if (ascii) return s.ToLowerInvariant();
        // Latin, Greek and Cyrillic letters through a table made once (Unicode normalisation of every
        // string was the largest cost of the metadata stage in the bench's profile); other scripts normalise
        if (FoldTable.TryFold(s) is { } quick) return quick;
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Letters and digits only, folded: for "resembles" comparisons ("Scheer Post" ≈ "scheerpost").</summary>
    public static string Key(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        // ASCII text in one pass and one allocation (titles and names are keyed many times per page)
        int n = 0;
        bool ascii = true;
        foreach (var c in s)
        {
            if (c > 127) { ascii = false; break; }
            if (char.IsAsciiLetterOrDigit(c)) n++;
        }
        if (ascii)
            return n == 0 ? "" : string.Create(n, s, static (span, src) =>
            {
                int i = 0;
                foreach (var c in src)
                    if (char.IsAsciiLetterOrDigit(c)) span[i++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            });
        var f = Fold(s);
        var sb = new StringBuilder(f.Length);
        foreach (var c in f) if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Resolves <paramref name="url"/> against <paramref name="baseUrl"/>; only absolute http(s) results, else null.</summary>
    public static string? Absolute(string? url, Uri? baseUrl)
    {
        url = Clean(url);
        if (url is null) return null;
        if (url.StartsWith("//", StringComparison.Ordinal)) url = (baseUrl?.Scheme ?? "https") + ":" + url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
            return abs.ToString();
        if (baseUrl is not null && !url.Contains(':') && Uri.TryCreate(baseUrl, url, out var rel))
            return rel.ToString();
        return null;
    }

    public static bool LooksLikeUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("//", StringComparison.Ordinal) || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (s.StartsWith('/') && !s.Contains(' '));

    /// <summary>Folded forms (lower case, diacritics removed) of the characters below U+0530, computed once the slow way.</summary>
    static class FoldTable
    {
        // Latin-1, Latin Extended-A/B, IPA, spacing modifiers, combining marks, Greek and Cyrillic
        const int Size = 0x530;
        static readonly string[] Folded = Build();

        static string[] Build()
        {
            var t = new string[Size];
            for (int c = 0; c < Size; c++)
            {
                var ch = (char)c;
                if (char.IsSurrogate(ch)) { t[c] = ch.ToString(); continue; }
                var d = ch.ToString().Normalize(NormalizationForm.FormD);
                var sb = new StringBuilder(2);
                foreach (var x in d)
                    if (CharUnicodeInfo.GetUnicodeCategory(x) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(x));
                t[c] = sb.ToString();
            }
            return t;
        }

        /// <summary>The folded string when every character is in the table, else null.</summary>
        public static string? TryFold(string s)
        {
            foreach (var c in s) if (c >= Size && !IsPunctuation(c)) return null;
            var sb = new StringBuilder(s.Length);
            foreach (var c in s) if (c < Size) sb.Append(Folded[c]); else sb.Append(c);
            return sb.ToString();
        }

        // General Punctuation from U+2010 (dashes, curly quotes, bullets, the ellipsis): no canonical decomposition, no case,
        // so folding leaves them; the typographic quotes of titles sent every such string to ICU normalisation, 4.5 % of
        // the metadata's time (profile, 2026-12-04). MetaTextFoldTests holds this equal to the slow path.
        internal static bool IsPunctuation(char c) => c is >= '\u2010' and <= '\u206F';
    }
}
