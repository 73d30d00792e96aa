using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Metadata;

/// <summary>
/// The dates the reader sees around the headline: &lt;time&gt; elements, short elements classed
/// date/published/posted, and short text nodes that are a date. Each is sorted by its label:
/// "Published …", "Veröffentlicht am …" or no label → published; "Updated …", "Aktualisiert",
/// "Stand" → modified (never taken as published).
/// </summary>
internal sealed class VisibleDates
{
    /// <summary>Prefix of the sources of visible dates.</summary>
    public const string SourcePrefix = "visible:";

    /// <summary>The published date of a &lt;time&gt; or date line; all readings of it (attribute and text) in <see cref="PublishedReadings"/>.</summary>
    public PageDate? Published { get; private set; }
    /// <summary>A short text near the headline that is a date: weaker than the URL (it may be an event's date).</summary>
    public PageDate? Text { get; private set; }
    /// <summary>Every reading of the first visible published date (time@datetime and its text): the page's local wall time, for <see cref="DateLocaliser"/>.</summary>
    public List<PageDate> PublishedReadings { get; } = new();
    public PageDate? Modified { get; private set; }

    // The date line sits with the byline: the same window as VisibleByline (40 elements before
    // the h1: kicker/date above the headline; 150 after: below the dek and lead figure).
    const int WindowBefore = 40;
    const int WindowAfter = 150;
    // A date line ("Published July 6, 2022 at 10:42 am | Updated …") is short; longer text is a teaser or paragraph.
    const int MaxDateLineChars = 120;
    // A date written as a short text of its own ("Datum: 26. Januar 2022", "Mi, 02.02.2022 - 10:31")
    // near the headline; within a paragraph a date is an event, not the publication. 60 characters
    // holds a label, a date and a time; 20 elements before the h1 cover a date line above it.
    const int MaxDateTextChars = 60;
    const int TextBefore = 20;

    /// <summary>Reads the &lt;time&gt; elements and date lines; the short texts only on demand (<see cref="ReadTexts"/>): they cost a parse per text node.</summary>
    public static VisibleDates Read(PageScan scan, Hit? anchor)
    {
        var v = new VisibleDates();
        v.ReadTimes(scan, anchor);
        v.ReadDateLines(scan, anchor);
        return v;
    }

    bool Near(Hit h, Hit? anchor) =>
        anchor is { } a ? h.Order >= a.Order - WindowBefore && h.Order <= a.Order + WindowAfter : (h.Ctx & Ctx.Article) != 0;

    void Take(DateWords.Label label, List<PageDate> readings)
    {
        var best = readings.Find(r => r.Value is not null);
        if (best is null) return;
        if (label == DateWords.Label.Other) return;
        if (label == DateWords.Label.Modified) { Modified ??= best; return; }
        if (Published is not null) return;
        Published = best;
        PublishedReadings.AddRange(readings.Where(r => r.Value is not null));
    }

    /// <summary>&lt;time&gt;: one marked published (pubdate, itemprop, class publish/entry-date, a "Published" label) anywhere outside excluded regions first, else the first near the headline.</summary>
    void ReadTimes(PageScan scan, Hit? anchor)
    {
        Hit? first = null;
        foreach (var t in scan.Times)
        {
            if (DateAnchor.IsExcluded(t, anchor)) continue;
            var el = t.Element;
            var label = LabelOf(el);
            var cls = el.GetAttribute("class") ?? "";
            bool marked = label == DateWords.Label.Published || el.HasAttribute("pubdate") || PageScan.HasToken(el.GetAttribute("itemprop"), "datePublished")
                          || cls.Contains("publish", StringComparison.OrdinalIgnoreCase) || cls.Contains("entry-date", StringComparison.OrdinalIgnoreCase);
            if (label == DateWords.Label.Other) continue;
            if (label == DateWords.Label.Modified)
            {
                if (Near(t, anchor)) Take(label, Readings(el, SourcePrefix + "time"));
                continue;
            }
            if (marked && Published is null)
            {
                var r = Readings(el, SourcePrefix + "time:published");
                if (r.Count > 0) Take(DateWords.Label.Published, r);
            }
            if (first is null && Near(t, anchor)) first = t;
        }
        if (Published is null && first is { } f) Take(DateWords.Label.Published, Readings(f.Element, SourcePrefix + "time"));
    }

    /// <summary>A short element classed date/published/posted near the headline (anywhere outside excluded regions when no headline is known).</summary>
    void ReadDateLines(PageScan scan, Hit? anchor)
    {
        foreach (var d in scan.DateClassed)
        {
            if (Published is not null && Modified is not null) return;
            if (DateAnchor.IsExcluded(d, anchor)) continue;
            if (anchor is { } a && (d.Order < a.Order - WindowBefore || d.Order > a.Order + WindowAfter)) continue;
            var text = MetaText.TextOf(d.Element, MaxDateLineChars + 1);
            if (text.Length > MaxDateLineChars) continue;
            var label = LabelOf(d.Element, text);
            var readings = new List<PageDate>();
            if (DateParsing.Parse(text, SourcePrefix + "date-line") is { Value: not null } p) readings.Add(p);
            // <abbr class="published" title="2020-04-28T21:11:00+02:00">21:11</abbr> (blogspot), <span class="date" content="…">
            foreach (var attr in new[] { "datetime", "content", "title" })
                if (DateParsing.Parse(d.Element.GetAttribute(attr), SourcePrefix + "date-line") is { Value: not null } q) readings.Add(q);
            if (readings.Count == 0) continue;
            Take(label, readings);
        }
    }

    /// <summary>The first short text node near the headline that is a full date (into <see cref="Text"/>), and a labelled modified one.</summary>
    public void ReadTexts(PageScan scan, Hit? anchor)
    {
        if (anchor is not { } h) return;
        int from = Math.Max(0, h.Order - TextBefore), to = Math.Min(scan.Elements.Count - 1, h.Order + WindowAfter);
        for (int i = from; i <= to; i++)
        {
            var el = scan.Elements[i];
            if (el.LocalName is "script" or "style" or "a" or "option") continue;
            var kids = el.ChildNodes;
            for (int k = 0; k < kids.Length; k++)
            {
                if (kids[k] is not IText tx) continue;
                var data = tx.Data;
                var clean = data.Length > 4 * MaxDateTextChars ? null : MetaText.Clean(data);
                // a press dateline opening the text: "29.11.2022 – Mehrfach …", "Berlin, 27.1.2022 - Bei …"
                if ((clean is null || clean.Length > MaxDateTextChars) && Dateline(data) is { } line) clean = line;
                if (clean is null || clean.Length > MaxDateTextChars || !clean.Any(char.IsDigit)) continue;
                if (DateWords.LabelOf(clean) == DateWords.Label.Other || LabelBefore(kids[k]) == DateWords.Label.Other) continue;
                if (DateParsing.Parse(clean, SourcePrefix + "text") is not { Value: not null } d) continue;
                // exclusion is checked on dates only: it walks the ancestors
                if (DateAnchor.IsExcluded(new Hit(el, i, scan.Contexts[i]), anchor)) break;
                var label = DateWords.LabelOf(clean);
                if (label == DateWords.Label.None && k > 0) label = LabelBefore(kids[k]);
                if (label == DateWords.Label.Modified) Modified ??= d;
                else if (Text is null)
                {
                    Text = d;
                    if (Published is null) PublishedReadings.Add(d);
                }
                if (Text is not null && Modified is not null) return;
            }
        }
    }

    // A dateline is a place and a date before the dash: "Berlin, 29.11.2022 –" fits in 40 characters.
    const int MaxDatelineChars = 40;

    /// <summary>The "place, date" before the first dash of a text that opens with one, else null.</summary>
    static string? Dateline(string data)
    {
        var head = data.AsSpan().TrimStart();
        if (head.Length > MaxDatelineChars + 2) head = head[..(MaxDatelineChars + 2)];
        int dash = head.IndexOfAny('–', '—', '-');
        // the dash stands apart ("2022 – Text"), unlike the dashes inside "2022-11-29"
        while (dash > 0 && !(dash + 1 < head.Length && char.IsWhiteSpace(head[dash + 1]) && char.IsWhiteSpace(head[dash - 1])))
        {
            int next = head[(dash + 1)..].IndexOfAny('–', '—', '-');
            dash = next < 0 ? -1 : dash + 1 + next;
        }
        if (dash <= 0) return null;
        return MetaText.Clean(head[..dash].ToString());
    }

    /// <summary>Readings of a &lt;time&gt;: its datetime attribute, then its text (or aria-label).</summary>
    static List<PageDate> Readings(IElement el, string source)
    {
        var list = new List<PageDate>(2);
        if (DateParsing.Parse(el.GetAttribute("datetime"), source) is { Value: not null } a) list.Add(a);
        if (DateParsing.Parse(MetaText.TextOf(el, 120), source) is { Value: not null } b) list.Add(b);
        else if (DateParsing.Parse(el.GetAttribute("aria-label"), source) is { Value: not null } c) list.Add(c);
        return list;
    }

    /// <summary>The label of a date element: its own text's start, its aria-label, or the text just before it ("PUBLISHED: &lt;time&gt;").</summary>
    static DateWords.Label LabelOf(IElement el, string? text = null)
    {
        text ??= MetaText.TextOf(el, 80);
        var l = DateWords.LabelOf(text);
        if (l != DateWords.Label.None) return l;
        if (el.GetAttribute("aria-label") is { } aria && (l = DateWords.LabelOf(aria)) != DateWords.Label.None) return l;
        return LabelBefore(el);
    }

    // Text just before a date that may be its label: "Veröffentlicht am", "| UPDATED:" (a few words).
    const int MaxLabelChars = 40;

    static DateWords.Label LabelBefore(INode node)
    {
        var prev = node.PreviousSibling;
        while (prev is IText t && string.IsNullOrWhiteSpace(t.Data)) prev = prev.PreviousSibling;
        if (prev is null) return DateWords.Label.None;
        var text = prev is IElement e ? MetaText.TextOf(e, MaxLabelChars + 1) : MetaText.Clean(NodeText.Of(prev)) ?? "";
        if (text.Length is 0 or > MaxLabelChars) return DateWords.Label.None;
        return DateWords.LabelOf(LastWords(text));
    }

    /// <summary>The text after its last separator ("Staff | UPDATED:" → "UPDATED:").</summary>
    static string LastWords(string text)
    {
        int cut = text.LastIndexOfAny(['|', '·', '•', '/']);
        return cut >= 0 ? text[(cut + 1)..] : text;
    }
}
