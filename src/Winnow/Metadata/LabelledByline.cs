using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>
/// Bylines without any class to say so, in two shapes: a label element whose whole text is an
/// author label ("&lt;h4&gt;Autor&lt;/h4&gt;&lt;p&gt;&lt;a&gt;Nikolai Huke&lt;/a&gt;&lt;/p&gt;") followed by the element
/// holding the name, and a short line that is a date, a separator and a name ("11.12.2019 - Amelie
/// Loevenich") right under the headline. Both only near the headline and outside excluded regions,
/// and the name must look like a person's (two to four capitalised words).
/// </summary>
internal static partial class LabelledByline
{
    // The label's whole text: a few words at most ("Written by:"); longer text is a sentence.
    const int MaxLabelChars = 20;
    // The name element's text: a name or two with a separator (corpus: under 40 characters).
    const int MaxNameChars = 80;
    // The date line: a date, a separator and a name ("11.12.2019 - Amelie Loevenich": 31 characters).
    const int MaxDateLineChars = 60;

    // Label words that stand alone as a heading or a term before the name. Words that also start
    // ordinary text ("Text", "Von", "By") count only with a colon.
    static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "autor", "autorin", "autoren", "autorinnen", "author", "authors", "written by", "verfasser", "verfasserin",
        "auteur", "auteurs", "autore", "autori", "redakteur", "redakteurin",
    };
    static readonly HashSet<string> ColonOnlyLabels = new(StringComparer.OrdinalIgnoreCase) { "text", "von", "by", "text und fotos" };

    static readonly System.Buffers.SearchValues<char> OtherSpace = System.Buffers.SearchValues.Create("\t\n\r\f\v\u00A0\u2009\u202F\u3000");

    /// <summary>Whether the first non-space character of the element's text is the first letter of a label.</summary>
    static bool StartsLikeALabel(IElement el)
    {
        for (var node = el.FirstChild; node is not null;)
        {
            if (node is IText t)
            {
                foreach (var c in t.Data)
                {
                    if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF') continue; // as MetaText.Clean skips them
                    return (c | 0x20) is 'a' or 'b' or 'r' or 't' or 'v' or 'w';
                }
            }
            else if (node is IElement e && e.LocalName is not ("script" or "style" or "template" or "noscript" or "svg") && e.FirstChild is { } down)
            {
                node = down;
                continue;
            }
            // next in document order within el
            while (node is not null && node.NextSibling is null)
            {
                node = node.Parent;
                if (node == el) return false;
            }
            node = node?.NextSibling;
        }
        return false;
    }

    /// <summary>Whether <paramref name="text"/> is nothing but an author label ("Autor", "Written by:", "Text:").</summary>
    internal static bool IsLabel(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Length > MaxLabelChars) return false;
        bool colon = t.EndsWith(':') || t.EndsWith('：');
        if (colon) t = t[..^1].TrimEnd();
        // runs of white space as one space (TextOf's texts are collapsed already: then nothing is copied)
        if (t.AsSpan().IndexOfAny(OtherSpace) >= 0 || t.Contains("  ", StringComparison.Ordinal)) t = MetaText.Clean(t) ?? "";
        return Labels.Contains(t) || (colon && ColonOnlyLabels.Contains(t));
    }

    /// <summary>
    /// A person's name shape: two to four words, each capitalised, an initial ("P.") or a name
    /// particle ("von", "de"); no digits.
    /// </summary>
    internal static bool LooksLikePersonName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4) return false;
        int capitalised = 0;
        foreach (var w in words)
        {
            if (w.Any(char.IsDigit)) return false;
            if (w is "von" or "van" or "de" or "der" or "den" or "da" or "di" or "del" or "la" or "le" or "zu") continue;
            if (!char.IsUpper(w[0])) return false;
            capitalised++;
        }
        return capitalised >= 2;
    }

    /// <summary>The names after a label element near the headline, or an empty list.</summary>
    public static List<string> AfterLabel(PageScan scan, Hit? headline, int before, int after, string? title = null)
    {
        foreach (var anchor in Anchors(scan, headline, title))
        {
            var names = AfterLabel(scan, anchor, before, after);
            if (names.Count > 0) return names;
        }
        return new List<string>();
    }

    static List<string> AfterLabel(PageScan scan, Hit anchor, int before, int after)
    {
        int from = Math.Max(0, anchor.Order - before), to = Math.Min(scan.Elements.Count, anchor.Order + after);
        for (int i = from; i < to; i++)
        {
            var el = scan.Elements[i];
            if ((scan.Contexts[i] & Ctx.Excluded) != 0) continue;
            if (el.LocalName is "script" or "style" or "a" or "button" or "option" or "label") continue;
            // the label's own text only: a leaf element (or one holding only inline markup)
            if (el.ChildElementCount > 1) continue;
            // every label starts with a, b, r, t, v or w: the element's first letter rules out nearly all others
            // before their text is gathered (gathering it for ~190 elements per anchor was most of this search)
            if (!StartsLikeALabel(el)) continue;
            var text = MetaText.TextOf(el, MaxLabelChars + 1, spaced: true);
            if (!IsLabel(text)) continue;
            var next = el.NextElementSibling;
            if (next is null) continue;
            var nameText = MetaText.TextOf(next, MaxNameChars + 1, spaced: true);
            if (nameText.Length == 0 || nameText.Length > MaxNameChars) continue;
            var names = AuthorNames.Parse(nameText);
            if (names.Count > 0 && names.All(LooksLikePersonName)) return names;
        }
        return new List<string>();
    }

    // "11.12.2019 - Amelie Loevenich", "2019-12-11 | Jane Doe", "Jane Doe – 11.12.2019": numeric dates only
    // (a month name line is a dateline of its own kind, read by the date rules)
    [GeneratedRegex(@"^\s*(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\s+[-–—|·•]\s+(?<name>[^\d|]+?)\s*$")]
    private static partial Regex DateThenName();
    [GeneratedRegex(@"^\s*(?<name>[^\d|]+?)\s+[-–—|·•]\s+(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\s*$")]
    private static partial Regex NameThenDate();

    /// <summary>The name in a short "date - name" line right under the headline, or an empty list.</summary>
    public static List<string> DateLine(PageScan scan, Hit? headline, int after)
    {
        if (headline is not { } h) return new List<string>();
        int to = Math.Min(scan.Elements.Count, h.Order + after);
        for (int i = h.Order + 1; i < to; i++)
        {
            var el = scan.Elements[i];
            if ((scan.Contexts[i] & Ctx.Excluded) != 0) continue;
            if (el.LocalName is not ("p" or "span" or "div" or "small" or "em" or "time")) continue;
            if (el.ChildElementCount > 2) continue;
            var text = MetaText.TextOf(el, MaxDateLineChars + 1, spaced: true);
            if (text.Length is 0 or > MaxDateLineChars) continue;
            var name = NameOfDateLine(text);
            if (name is not null) return new List<string> { name };
        }
        return new List<string>();
    }

    /// <summary>The name in a "date - name" / "name - date" line, when it looks like a person's; else null.</summary>
    internal static string? NameOfDateLine(string text)
    {
        var m = DateThenName().Match(text);
        if (!m.Success) m = NameThenDate().Match(text);
        if (!m.Success) return null;
        var names = AuthorNames.Parse(m.Groups["name"].Value);
        return names.Count == 1 && LooksLikePersonName(names[0]) ? names[0] : null;
    }

    // Pages repeat the headline (a header banner h1, then the article's h2: rosalux in the corpus, 569 elements
    // apart); 3 headings cover every corpus page, 4000 elements hold the headline on all of them (DateAnchor).
    const int MaxAnchors = 3;
    const int MaxElementsSearched = 4000;
    const int MaxHeadingChars = 300;

    /// <summary>The headline, then other h1–h4 headings whose text is the title (at most <see cref="MaxAnchors"/>).</summary>
    static List<Hit> Anchors(PageScan scan, Hit? headline, string? title)
    {
        var result = new List<Hit>();
        if (headline is { } h) result.Add(h);
        if (title is null) return result;
        var keyed = new KeyedTitle(title);
        int n = Math.Min(scan.Elements.Count, MaxElementsSearched);
        for (int i = 0; i < n && result.Count < MaxAnchors; i++)
        {
            var el = scan.Elements[i];
            if (el.LocalName is not ("h1" or "h2" or "h3" or "h4") || (headline is { } hh && hh.Order == i)) continue;
            var text = MetaText.TextOf(el, MaxHeadingChars);
            if (MetaText.Key(text).Length >= 4 && (TitleChooser.Corroborates(text, keyed) || ContainsTitle(el, keyed)))
                result.Add(new Hit(el, i, scan.Contexts[i]));
        }
        return result;
    }

    // a heading with a kicker ("Nachricht | 30.10.2021 Migration") before the title: its itemprop="headline" child holds the title alone
    static bool ContainsTitle(IElement heading, KeyedTitle title)
    {
        foreach (var d in heading.QuerySelectorAll("[itemprop~=headline]"))
            if (TitleChooser.Corroborates(MetaText.TextOf(d, MaxHeadingChars), title)) return true;
        return false;
    }
}
