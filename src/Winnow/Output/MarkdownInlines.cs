using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Winnow.Blocks;

namespace Winnow.Output;

/// <summary>
/// Writes a run of inlines as CommonMark inline text that parses back to the same text.
/// <para>
/// Four steps. (1) The inline tree is normalised: adjacent texts merged, emphasis nested in the
/// same kind of emphasis and links nested in links unwrapped, links with unsafe or no URL reduced
/// to their text, white space and line breaks at the edges of an emphasis moved outside it (a
/// delimiter next to a space does not open or close), empty emphasis removed. (2) The tree is
/// flattened into tokens and every emphasis delimiter is checked against the CommonMark flanking
/// rules with the characters that will really surround it. Only unambiguous delimiters are kept:
/// an opener must be left-flanking and not right-flanking, a closer the reverse; then no delimiter
/// can both open and close, the "multiple of 3" rule never applies, and each closer pairs with its
/// own opener. A closer followed directly by the next emphasis's opener would merge into one
/// delimiter run, so that opener switches to <c>_</c>. An emphasis whose delimiters still fail is
/// written without them: its text stays, its formatting is lost (e.g. <c>**Price:**10</c>).
/// (3) Texts, and code spans, that end up side by side once dropped delimiters write nothing are
/// joined (two code spans touching would merge their fences). (4) Text is escaped:
/// <c>\ ` * [ ] &lt; ~</c> always (a backtick right before a code span as <c>&amp;#96;</c>, as
/// Markdig reads "\`" there as part of the fence), <c>_</c> unless inside a word, <c>&amp;</c> when
/// it would start an entity, <c>!</c> before a link, and at the start of a line whatever would
/// start a block (<c># - + = &gt;</c>, <c>1.</c>, <c>1)</c>, a table delimiter row). Headings
/// also escape <c>#</c>, table cells <c>|</c>.
/// </para>
/// <para>
/// One construct cannot be escaped: a paragraph that opens with a link whose text holds a code
/// span with <c>]:</c> reads as a link reference definition. That link is written as its text.
/// The whole is checked by property tests that parse random trees back with Markdig.
/// </para>
/// </summary>
internal static class MarkdownInlines
{
    /// <summary>Where the inlines stand; it decides line breaks and extra escapes.</summary>
    public enum Context
    {
        /// <summary>A paragraph: line breaks kept as <c>\</c> + newline; line starts escaped.</summary>
        Paragraph,
        /// <summary>An ATX heading: one line, every <c>#</c> escaped (a trailing run would be a closing sequence).</summary>
        Heading,
        /// <summary>A pipe-table cell: one line, <c>|</c> escaped.</summary>
        TableCell,
        /// <summary>Inside other markup (image alt text): one line, no line start.</summary>
        Nested,
    }

    /// <summary>The inlines as Markdown; empty when they hold no text.</summary>
    public static string Write(ImmutableArray<Inline> inlines, Context ctx)
    {
        var normal = Normalize(inlines, ctx, insideLink: false);
        for (int unwrap = 0; ; unwrap++)
        {
            var toks = new List<Tok>();
            int skip = unwrap;
            Flatten(normal, toks, ref skip);
            TrimEdges(toks);
            if (toks.Count == 0) return "";
            ResolveDelimiters(toks);
            MergeAcrossDropped(toks);
            var text = Assemble(toks, ctx);
            // A paragraph opening with a link whose text holds a code span with "]:" would read
            // as a link reference definition (its label ends at the first "]", code or not).
            // Rare enough that the link is given up, its text kept.
            if (ctx != Context.Paragraph || !DefinitionLike(text)) return text;
        }
    }

    /// <summary>Whether text at a paragraph's start would begin a link reference definition:
    /// "[", a label without unescaped brackets, "]:".</summary>
    static bool DefinitionLike(string s)
    {
        if (s.Length == 0 || s[0] != '[') return false;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == '[') return false;
            if (s[i] == ']') return i + 1 < s.Length && s[i + 1] == ':';
        }
        return false;
    }

    /// <summary>A link destination, in the form that parses back to exactly <paramref name="url"/>.</summary>
    public static string Destination(string url)
    {
        var sb = new StringBuilder(url.Length + 2);
        // The bare form may not hold spaces or control characters nor start with '<'; the
        // pointed form may hold anything but line ends (the URL policy removed those).
        bool pointed = url.Length == 0 || url[0] == '<';
        foreach (var c in url)
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { pointed = true; break; }
        if (pointed) sb.Append('<');
        for (int i = 0; i < url.Length; i++)
        {
            char c = url[i];
            // An '&' that would start an entity is written as "&amp;": entities are decoded in
            // destinations, and Markdig decodes them even after a backslash.
            if (c == '&' && EntityLike(url, i)) { sb.Append("&amp;"); continue; }
            if (c == '\\' || (pointed ? c is '<' or '>' : c is '(' or ')')) sb.Append('\\');
            sb.Append(c);
        }
        if (pointed) sb.Append('>');
        return sb.ToString();
    }

    // ---------------------------------------------------------------- normalisation

    static List<Inline> Normalize(IEnumerable<Inline> src, Context ctx, bool insideLink)
    {
        var list = new List<Inline>();
        foreach (var inline in src)
        {
            switch (inline)
            {
                case TextInline t:
                    AddText(list, CleanText(t.Text));
                    break;
                case CodeInline c:
                    var code = CleanText(c.Code);
                    if (code.Length > 0) list.Add(new CodeInline(code));
                    break;
                case LineBreakInline:
                    if (ctx == Context.Paragraph) list.Add(inline);
                    else AddText(list, " ");
                    break;
                case EmphasisInline e:
                    Wrap(list, Normalize(e.Children, ctx, insideLink), strong: false);
                    break;
                case StrongInline s:
                    Wrap(list, Normalize(s.Children, ctx, insideLink), strong: true);
                    break;
                case LinkInline l:
                    // A link inside a link is not a link in CommonMark (nor in HTML): only the
                    // outermost kept link stays one.
                    var href = insideLink ? null : UrlPolicy.SafeLinkHref(l.Href);
                    var kids = Normalize(l.Children, ctx, insideLink || href is not null);
                    if (href is null) { foreach (var k in kids) Add(list, k); }
                    else if (kids.Count > 0) list.Add(new LinkInline(href, [.. kids]));
                    break;
            }
        }
        return MergeTexts(list);
    }

    /// <summary>Adds an emphasis around <paramref name="kids"/>, with edge white space moved out.</summary>
    static void Wrap(List<Inline> list, List<Inline> kids, bool strong)
    {
        // The same kind nested is the same formatting: unwrap it.
        kids = Unwrap(kids, strong);
        var lead = new List<Inline>();
        var trail = new List<Inline>();
        while (kids.Count > 0)
        {
            if (kids[0] is LineBreakInline) { lead.Add(kids[0]); kids.RemoveAt(0); continue; }
            if (kids[0] is TextInline t && t.Text.Length > 0 && IsSpace(t.Text[0]))
            {
                int n = 0;
                while (n < t.Text.Length && IsSpace(t.Text[n])) n++;
                lead.Add(new TextInline(t.Text[..n]));
                if (n == t.Text.Length) kids.RemoveAt(0); else kids[0] = new TextInline(t.Text[n..]);
                continue;
            }
            break;
        }
        while (kids.Count > 0)
        {
            var last = kids[^1];
            if (last is LineBreakInline) { trail.Insert(0, last); kids.RemoveAt(kids.Count - 1); continue; }
            if (last is TextInline t && t.Text.Length > 0 && IsSpace(t.Text[^1]))
            {
                int n = t.Text.Length;
                while (n > 0 && IsSpace(t.Text[n - 1])) n--;
                trail.Insert(0, new TextInline(t.Text[n..]));
                if (n == 0) kids.RemoveAt(kids.Count - 1); else kids[^1] = new TextInline(t.Text[..n]);
                continue;
            }
            break;
        }
        foreach (var i in lead) Add(list, i);
        if (kids.Count > 0)
        {
            // An emphasis right after the same kind of emphasis would write "*a**b*": merge them.
            if (list.Count > 0 && IsEmphasis(list[^1], strong))
            {
                var prev = Children(list[^1]);
                list[^1] = Make(strong, [.. prev, .. kids]);
            }
            else list.Add(Make(strong, kids));
        }
        foreach (var i in trail) Add(list, i);
    }

    static List<Inline> Unwrap(List<Inline> kids, bool strong)
    {
        var result = new List<Inline>();
        foreach (var k in kids)
        {
            if (IsEmphasis(k, strong)) { foreach (var c in Unwrap([.. Children(k)], strong)) Add(result, c); }
            else if (k is EmphasisInline e) result.Add(new EmphasisInline([.. Unwrap([.. e.Children], strong)]));
            else if (k is StrongInline s) result.Add(new StrongInline([.. Unwrap([.. s.Children], strong)]));
            else if (k is LinkInline l) result.Add(new LinkInline(l.Href, [.. Unwrap([.. l.Children], strong)]));
            else Add(result, k);
        }
        return MergeTexts(result);
    }

    static bool IsEmphasis(Inline i, bool strong) => strong ? i is StrongInline : i is EmphasisInline;
    static ImmutableArray<Inline> Children(Inline i) => i is StrongInline s ? s.Children : ((EmphasisInline)i).Children;
    static Inline Make(bool strong, List<Inline> kids) => strong ? new StrongInline([.. kids]) : new EmphasisInline([.. kids]);

    static void Add(List<Inline> list, Inline i)
    {
        if (i is TextInline t) AddText(list, t.Text);
        else list.Add(i);
    }

    static void AddText(List<Inline> list, string text)
    {
        if (text.Length > 0) list.Add(new TextInline(text)); // merged by MergeTexts
    }

    /// <summary>Adjacent texts as one (in one pass: a paragraph may hold thousands of them).</summary>
    static List<Inline> MergeTexts(List<Inline> list)
    {
        var result = new List<Inline>(list.Count);
        var sb = new StringBuilder();
        foreach (var i in list)
        {
            if (i is TextInline t) { sb.Append(t.Text); continue; }
            if (sb.Length > 0) { result.Add(new TextInline(sb.ToString())); sb.Clear(); }
            result.Add(i);
        }
        if (sb.Length > 0) result.Add(new TextInline(sb.ToString()));
        return result;
    }

    /// <summary>Line-ending and other vertical white space as a space (the writer decides the
    /// lines), tabs as a space, NUL as U+FFFD (as CommonMark reads it).</summary>
    static string CleanText(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            char r = c switch
            {
                '\t' or '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029' => ' ',
                '\0' => '\uFFFD',
                _ => c,
            };
            if (r != c) { sb ??= new StringBuilder(s, 0, i, s.Length); }
            sb?.Append(r);
        }
        return sb?.ToString() ?? s;
    }

    // ---------------------------------------------------------------- tokens

    enum Kind { Text, Open, Close, Code, LinkOpen, LinkClose, Break }

    sealed class Tok
    {
        public Kind Kind;
        public string Value = "";   // text, code, or the link's URL
        public bool Strong;
        public char Delim = '*';
        public bool Switched;       // already moved to '_'
        public bool Dropped;        // delimiter not written
        public Tok? Partner;        // the other delimiter of an emphasis pair
    }

    /// <param name="inlines">The normalised inlines.</param>
    /// <param name="toks">Where the tokens go.</param>
    /// <param name="unwrapLinks">How many links, from the first, to write as their text only.</param>
    static void Flatten(List<Inline> inlines, List<Tok> toks, ref int unwrapLinks)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case TextInline t: toks.Add(new Tok { Kind = Kind.Text, Value = t.Text }); break;
                case CodeInline c: toks.Add(new Tok { Kind = Kind.Code, Value = c.Code }); break;
                case LineBreakInline: toks.Add(new Tok { Kind = Kind.Break }); break;
                case LinkInline l when unwrapLinks > 0:
                    unwrapLinks--;
                    Flatten([.. l.Children], toks, ref unwrapLinks);
                    break;
                case LinkInline l:
                    toks.Add(new Tok { Kind = Kind.LinkOpen });
                    Flatten([.. l.Children], toks, ref unwrapLinks);
                    toks.Add(new Tok { Kind = Kind.LinkClose, Value = l.Href! });
                    break;
                case EmphasisInline or StrongInline:
                    bool strong = i is StrongInline;
                    var open = new Tok { Kind = Kind.Open, Strong = strong };
                    toks.Add(open);
                    Flatten([.. Children(i)], toks, ref unwrapLinks);
                    var close = new Tok { Kind = Kind.Close, Strong = strong, Partner = open };
                    open.Partner = close;
                    toks.Add(close);
                    break;
            }
        }
    }

    /// <summary>Removes white space at the start and end of lines, and line breaks at the
    /// start or end of the whole (a trailing <c>\</c> would be literal).</summary>
    static void TrimEdges(List<Tok> toks)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < toks.Count; i++)
            {
                var t = toks[i];
                if (t.Kind == Kind.Text)
                {
                    bool lineStart = i == 0 || toks[i - 1].Kind == Kind.Break;
                    bool lineEnd = i == toks.Count - 1 || toks[i + 1].Kind == Kind.Break;
                    var v = t.Value;
                    // Spaces only: CommonMark strips those (a leading run of four would even
                    // start indented code), while a no-break space is content.
                    if (lineStart) v = v.TrimStart(' ');
                    if (lineEnd) v = v.TrimEnd(' ');
                    if (v.Length == 0) { toks.RemoveAt(i); changed = true; break; }
                    if (v != t.Value) { t.Value = v; changed = true; }
                }
            }
            if (toks.Count > 0 && toks[0].Kind == Kind.Break) { toks.RemoveAt(0); changed = true; }
            if (toks.Count > 0 && toks[^1].Kind == Kind.Break) { toks.RemoveAt(toks.Count - 1); changed = true; }
        }
    }

    // ---------------------------------------------------------------- flanking

    enum CharClass { Space, Punct, Other, Either }

    static void ResolveDelimiters(List<Tok> toks)
    {
        // Each pass checks every delimiter run against the current state and fixes the ones
        // that would not parse as intended (switch an opener's pair to '_' once, else drop the
        // pair). A fix can change a neighbour already passed, so passes repeat until nothing
        // changes; every fix is final for its pair, so this ends.
        bool changed = true;
        while (changed)
        {
            changed = false;
            int i = 0;
            while (i < toks.Count)
            {
                if (!IsActiveDelim(toks[i])) { i++; continue; }
                // The delimiter run: active delimiters of the same character, with nothing
                // visible between them.
                var run = new List<Tok> { toks[i] };
                int j = i + 1;
                for (; j < toks.Count; j++)
                {
                    if (toks[j].Kind is Kind.Open or Kind.Close && toks[j].Dropped) continue;
                    if (IsActiveDelim(toks[j]) && toks[j].Delim == toks[i].Delim) { run.Add(toks[j]); continue; }
                    break;
                }
                changed |= FixRun(run, Classify(CharBefore(toks, i)), Classify(CharAfter(toks, j - 1)));
                i = j;
            }
        }
    }

    /// <summary>Fixes at most one delimiter of a run; whether it changed anything.</summary>
    static bool FixRun(List<Tok> run, CharClass before, CharClass after)
    {
        // A closer then an opener in one run: two sibling emphases touching.
        for (int k = 1; k < run.Count; k++)
        {
            if (run[k].Kind == Kind.Open && run[k - 1].Kind == Kind.Close)
            {
                var open = run[k];
                if (!open.Switched) { open.Delim = open.Partner!.Delim = '_'; open.Switched = open.Partner.Switched = true; }
                else open.Dropped = open.Partner!.Dropped = true;
                return true;
            }
        }
        bool openerOk = true, closerOk = true;
        foreach (var b in Options(before))
        foreach (var a in Options(after))
        {
            bool left = a != CharClass.Space && (a != CharClass.Punct || b is CharClass.Space or CharClass.Punct);
            bool right = b != CharClass.Space && (b != CharClass.Punct || a is CharClass.Space or CharClass.Punct);
            openerOk &= left && !right;
            closerOk &= right && !left;
        }
        foreach (var t in run)
        {
            if (t.Kind == Kind.Open ? openerOk : closerOk) continue;
            t.Dropped = t.Partner!.Dropped = true;
            return true;
        }
        return false;
    }

    static bool IsActiveDelim(Tok t) => t.Kind is Kind.Open or Kind.Close && !t.Dropped;

    static IEnumerable<CharClass> Options(CharClass c) =>
        c == CharClass.Either ? [CharClass.Punct, CharClass.Other] : [c];

    /// <summary>The last character written before token <paramref name="i"/>; a newline at a line start.</summary>
    static char CharBefore(List<Tok> toks, int i)
    {
        for (int k = i - 1; k >= 0; k--)
        {
            var t = toks[k];
            switch (t.Kind)
            {
                case Kind.Open or Kind.Close: if (!t.Dropped) return t.Delim; break;
                case Kind.Text: return t.Value[^1]; // escaping only adds a '\\' before a character
                case Kind.Code: return '`';
                case Kind.LinkOpen: return '[';
                case Kind.LinkClose: return ')';
                case Kind.Break: return '\n';
            }
        }
        return '\n';
    }

    /// <summary>The first character written after token <paramref name="i"/>; a newline at a line end.</summary>
    static char CharAfter(List<Tok> toks, int i)
    {
        for (int k = i + 1; k < toks.Count; k++)
        {
            var t = toks[k];
            switch (t.Kind)
            {
                case Kind.Open or Kind.Close: if (!t.Dropped) return t.Delim; break;
                case Kind.Text: return t.Value[0]; // escaped or not, an ASCII punctuation character either way
                case Kind.Code: return '`';
                case Kind.LinkOpen: return '[';
                case Kind.LinkClose: return ']';
                case Kind.Break: return '\\';
            }
        }
        return '\n';
    }

    /// <summary>CommonMark's classes: Unicode white space (Zs, tab, line ends), punctuation (ASCII
    /// punctuation and the P categories; CommonMark 0.31 adds the S categories, earlier versions
    /// and some parsers do not, so non-ASCII symbols and surrogates count as either).</summary>
    static CharClass Classify(char c)
    {
        if (c is ' ' or '\t' or '\n' or '\r' or '\f') return CharClass.Space;
        if (c < 0x80)
            return char.IsAsciiLetterOrDigit(c) || char.IsControl(c) ? CharClass.Other : CharClass.Punct;
        if (char.IsSurrogate(c)) return CharClass.Either;
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.SpaceSeparator: return CharClass.Space;
            case UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation: return CharClass.Punct;
            case UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol: return CharClass.Either;
            default: return CharClass.Other;
        }
    }

    static bool IsSpace(char c) => char.IsWhiteSpace(c);

    // ---------------------------------------------------------------- writing

    static string Assemble(List<Tok> toks, Context ctx)
    {
        var sb = new StringBuilder();
        bool lineStart = true;
        for (int i = 0; i < toks.Count; i++)
        {
            var t = toks[i];
            switch (t.Kind)
            {
                case Kind.Text:
                    var next = NextVisible(toks, i)?.Kind;
                    sb.Append(EscapeText(t.Value, lineStart && ctx == Context.Paragraph, next == Kind.LinkOpen, ctx, next == Kind.Code));
                    lineStart = false;
                    break;
                case Kind.Open or Kind.Close:
                    if (t.Dropped) break;
                    sb.Append(t.Delim, t.Strong ? 2 : 1);
                    lineStart = false;
                    break;
                case Kind.Code:
                    AppendCodeSpan(sb, t.Value);
                    lineStart = false;
                    break;
                case Kind.LinkOpen:
                    sb.Append('[');
                    lineStart = false;
                    break;
                case Kind.LinkClose:
                    sb.Append("](").Append(Destination(t.Value)).Append(')');
                    lineStart = false;
                    break;
                case Kind.Break:
                    sb.Append("\\\n");
                    lineStart = true;
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Texts or code spans that end up side by side once dropped delimiters are gone
    /// become one: texts so that escaping sees the real neighbours (a line start "42" + "10. "
    /// is a list marker, "&amp;amp" + ";" an entity), code spans because their fences would
    /// make one backtick run ("`a``b`").</summary>
    static void MergeAcrossDropped(List<Tok> toks)
    {
        var merged = new List<Tok>(toks.Count);
        var sb = new StringBuilder();
        for (int i = 0; i < toks.Count; i++)
        {
            var t = toks[i];
            merged.Add(t);
            if (t.Kind is not (Kind.Code or Kind.Text)) continue;
            // Take in the same kind of token that follows past dropped delimiters (which
            // stay in place, writing nothing).
            sb.Clear().Append(t.Value);
            int j = i + 1;
            var skipped = new List<Tok>();
            while (j < toks.Count)
            {
                if (toks[j].Kind is Kind.Open or Kind.Close && toks[j].Dropped) { skipped.Add(toks[j]); j++; continue; }
                if (toks[j].Kind != t.Kind) break;
                sb.Append(toks[j].Value);
                merged.AddRange(skipped);
                skipped.Clear();
                i = j;
                j++;
            }
            t.Value = sb.ToString();
        }
        toks.Clear();
        toks.AddRange(merged);
    }

    static Tok? NextVisible(List<Tok> toks, int i)
    {
        for (int k = i + 1; k < toks.Count; k++)
            if (!(toks[k].Kind is Kind.Open or Kind.Close && toks[k].Dropped)) return toks[k];
        return null;
    }

    static void AppendCodeSpan(StringBuilder sb, string code)
    {
        // The fence: the shortest backtick string whose length is no backtick run's in the code.
        var runs = new HashSet<int>();
        for (int i = 0; i < code.Length;)
        {
            if (code[i] != '`') { i++; continue; }
            int j = i;
            while (j < code.Length && code[j] == '`') j++;
            runs.Add(j - i);
            i = j;
        }
        int n = 1;
        while (runs.Contains(n)) n++;
        // A space on each side when the code starts or ends with a backtick, or starts and ends
        // with a space (CommonMark strips one space from each side in that case).
        bool allSpaces = code.All(c => c == ' ');
        bool pad = code[0] == '`' || code[^1] == '`' || (code[0] == ' ' && code[^1] == ' ' && !allSpaces);
        sb.Append('`', n);
        if (pad) sb.Append(' ');
        sb.Append(code);
        if (pad) sb.Append(' ');
        sb.Append('`', n);
    }

    /// <summary>Escapes text so that it reads back as itself.</summary>
    static string EscapeText(string s, bool lineStart, bool beforeLink, Context ctx, bool beforeCode = false)
    {
        var sb = new StringBuilder(s.Length + 8);
        int i = 0;
        if (lineStart && s.Length > 0)
        {
            char c0 = s[0];
            if (c0 is '#' or '-' or '+' or '=' or '>')
            {
                // ATX heading, list item, thematic break, setext underline, block quote.
                sb.Append('\\').Append(c0);
                i = 1;
            }
            else if (char.IsAsciiDigit(c0))
            {
                // An ordered list marker: up to 9 digits, then '.' or ')', then a space or the end.
                int k = 0;
                while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
                if (k <= 9 && k < s.Length && s[k] is '.' or ')' && (k + 1 == s.Length || s[k + 1] == ' '))
                {
                    sb.Append(s, 0, k).Append('\\').Append(s[k]);
                    i = k + 1;
                }
            }
            else if (c0 is '|' or ':' && s.All(c => c is '|' or ':' or '-' or ' '))
            {
                // It would read as a table's delimiter row under the paragraph's previous line.
                sb.Append('\\').Append(c0);
                i = 1;
            }
        }
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '`' && beforeCode && i == s.Length - 1)
            {
                // Markdig reads "\`" right before a code span's fence as part of the fence.
                sb.Append("&#96;");
                continue;
            }
            bool escape = c switch
            {
                '\\' or '`' or '*' or '[' or ']' or '<' or '~' => true,
                // Inside a word '_' neither opens nor closes emphasis.
                '_' => !(i > 0 && i < s.Length - 1 && char.IsLetterOrDigit(s[i - 1]) && char.IsLetterOrDigit(s[i + 1])),
                '&' => EntityLike(s, i),
                '!' => beforeLink && i == s.Length - 1,
                '#' => ctx == Context.Heading,
                '|' => ctx == Context.TableCell,
                _ => false,
            };
            if (escape) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Whether <c>&amp;</c> at <paramref name="i"/> starts something shaped like an
    /// entity or numeric character reference (<c>&amp;name;</c>, <c>&amp;#123;</c>, <c>&amp;#x1F;</c>).</summary>
    static bool EntityLike(string s, int i)
    {
        int j = i + 1;
        while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '#')) j++;
        return j > i + 1 && j < s.Length && s[j] == ';';
    }
}
