using System.Collections.Immutable;
using System.Text;
using Winnow.Blocks;
using Winnow.Dom;

namespace Winnow.Content;

/// <summary>
/// Collapses white space across a run of inlines as a browser renders it: runs become one space,
/// no space at the start or end of the block or next to a line break; empty containers go.
/// No-break spaces are text, not white space, and are kept.
/// </summary>
internal static class InlineNormalizer
{
    public static ImmutableArray<Inline> Normalize(List<Inline> inlines)
    {
        bool space = true; // at block start, leading white space is dropped
        var result = NormalizeRun(inlines, ref space);
        TrimEnd(ref result);
        return result;
    }

    static ImmutableArray<Inline> NormalizeRun(IReadOnlyList<Inline> inlines, ref bool space)
    {
        var b = ImmutableArray.CreateBuilder<Inline>(inlines.Count);
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    var s = Collapse(t.Text, ref space);
                    if (s.Length > 0) b.Add(new TextInline(s));
                    break;
                case LineBreakInline:
                    TrimEnd(b);
                    b.Add(inline);
                    space = true;
                    break;
                case CodeInline c:
                    var code = Collapse(c.Code, ref space);
                    if (code.Trim().Length > 0) b.Add(new CodeInline(code));
                    break;
                case EmphasisInline e:
                    var ec = NormalizeRun(e.Children, ref space);
                    if (HasText(ec)) b.Add(new EmphasisInline(ec)); else AddSpaces(b, ec);
                    break;
                case StrongInline st:
                    var sc = NormalizeRun(st.Children, ref space);
                    if (HasText(sc)) b.Add(new StrongInline(sc)); else AddSpaces(b, sc);
                    break;
                case LinkInline l:
                    var lc = NormalizeRun(l.Children, ref space);
                    if (HasText(lc)) b.Add(l with { Children = lc }); else AddSpaces(b, lc);
                    break;
            }
        }
        return b.ToImmutable();
    }

    static void AddSpaces(ImmutableArray<Inline>.Builder b, ImmutableArray<Inline> children)
    {
        foreach (var c in children) if (c is TextInline) b.Add(c);
    }

    static bool HasText(ImmutableArray<Inline> inlines)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case TextInline t when t.Text.Trim().Length > 0: return true;
                case CodeInline: return true;
                case EmphasisInline e when HasText(e.Children): return true;
                case StrongInline s when HasText(s.Children): return true;
                case LinkInline l when HasText(l.Children): return true;
            }
        }
        return false;
    }

    static string Collapse(string text, ref bool space)
    {
        if (IsClean(text, space))
        {
            space = text[^1] == ' ';
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Invisible format characters: soft hyphens (weinkenner.de hyphenates every word with them), zero-width
            // spaces and joiners, byte-order marks. A reader never sees them; a search for the words must find them.
            if (c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF') continue;
            if (TextMeasure.IsSpace(c) && c != '\u00A0')
            {
                if (!space) { sb.Append(' '); space = true; }
            }
            else { sb.Append(c); space = false; }
        }
        return sb.ToString();
    }

    /// <summary>Text that collapsing would leave as it is: no white space but single spaces, none doubled across
    /// the boundary, no invisible characters. Most text runs are like this; they need no copy.</summary>
    static bool IsClean(string text, bool spaceBefore)
    {
        if (text.Length == 0) return false;
        bool prevSpace = spaceBefore;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (prevSpace) return false;
                prevSpace = true;
            }
            else if (c < '!' || c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' || (c > '~' && c != '\u00A0' && TextMeasure.IsSpace(c))) return false;
            else prevSpace = false;
        }
        return true;
    }

    static void TrimEnd(ImmutableArray<Inline>.Builder b)
    {
        while (b.Count > 0)
        {
            if (b[^1] is TextInline t)
            {
                var s = t.Text.TrimEnd(' ');
                if (s.Length == 0) { b.RemoveAt(b.Count - 1); continue; }
                b[^1] = new TextInline(s);
            }
            return;
        }
    }

    static void TrimEnd(ref ImmutableArray<Inline> arr)
    {
        var b = arr.ToBuilder();
        TrimEnd(b);
        // Trailing white space inside a trailing container.
        if (b.Count > 0)
        {
            b[^1] = b[^1] switch
            {
                EmphasisInline e => new EmphasisInline(TrimmedEnd(e.Children)),
                StrongInline s => new StrongInline(TrimmedEnd(s.Children)),
                LinkInline l => l with { Children = TrimmedEnd(l.Children) },
                var other => other,
            };
        }
        while (b.Count > 0 && b[^1] is LineBreakInline) b.RemoveAt(b.Count - 1);
        arr = b.ToImmutable();
    }

    static ImmutableArray<Inline> TrimmedEnd(ImmutableArray<Inline> arr)
    {
        TrimEnd(ref arr);
        return arr;
    }
}
