using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Winnow.Blocks;

namespace Winnow.Output;

/// <summary>
/// The article as clean, minimal, safe HTML5, from the block tree and metadata.
/// <para>
/// Structure: <c>&lt;article&gt;</c> holding a <c>&lt;header&gt;</c> (<c>&lt;h1&gt;</c> title,
/// <c>&lt;p class="standfirst"&gt;</c>, <c>&lt;p class="byline"&gt;</c> with the authors and a
/// <c>&lt;time datetime="ISO"&gt;</c> showing the date as the page wrote it), the body, and a <c>&lt;footer&gt;</c> with <c>&lt;p class="author-bio"&gt;</c>.
/// Body blocks map to <c>p</c>, <c>h2</c>–<c>h6</c> (a body <c>h1</c> becomes <c>h2</c>: the title is
/// the page's only <c>h1</c>), <c>ul</c>/<c>ol start</c>/<c>li</c>, <c>blockquote</c>,
/// <c>pre&gt;code class="language-x"</c>, <c>table</c>/<c>thead</c>/<c>tbody</c>/<c>tr</c>/<c>th</c>/<c>td</c>,
/// <c>figure</c>/<c>img</c>/<c>figcaption</c>, <c>hr</c>; inlines to <c>em</c>, <c>strong</c>,
/// <c>code</c>, <c>a</c>, <c>br</c>.
/// </para>
/// <para>
/// Safety: every text and attribute value is escaped; the only attributes written are
/// <c>class</c>, <c>href</c>, <c>rel</c>, <c>src</c>, <c>alt</c>, <c>start</c>, <c>datetime</c>
/// and <c>lang</c>, so there are no scripts, styles or event handlers. URLs follow
/// <see cref="UrlPolicy"/> (links http, https, mailto or relative; images http, https or
/// relative; <c>data:</c> dropped everywhere, even for images, so no content arrives inline).
/// Links carry <c>rel="nofollow noopener noreferrer"</c>: the links are the scraped page's, not
/// ours, so we do not vouch for them (nofollow), the target gets no handle on this window
/// (noopener) and does not learn which page the reader came from (noreferrer). The full document
/// adds a Content-Security-Policy that allows images only, as a second line of defence.
/// </para>
/// </summary>
public static class HtmlRenderer
{
    const string LinkRel = "nofollow noopener noreferrer";

    /// <summary>Renders the article.</summary>
    /// <param name="r">The extraction result.</param>
    /// <param name="fullDocument">A whole HTML document (doctype, head with title and charset);
    /// otherwise only the <c>&lt;article&gt;</c> element.</param>
    public static string Render(ExtractionResult r, bool fullDocument = true)
    {
        ArgumentNullException.ThrowIfNull(r);
        var a = r.Article;
        var sb = new StringBuilder();
        var title = OutputText.Collapse(a.Title);
        if (fullDocument)
        {
            sb.Append("<!DOCTYPE html>\n<html");
            var lang = Lang(a.Language);
            if (lang is not null) sb.Append(" lang=\"").Append(lang).Append('"');
            sb.Append(">\n<head>\n<meta charset=\"utf-8\">\n");
            sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' http: https:\">\n");
            sb.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
            sb.Append("<title>"); Text(sb, title); sb.Append("</title>\n");
            var canonical = UrlPolicy.SafeImageSrc(a.CanonicalUrl); // http(s) or relative, as for images
            if (canonical is not null) { sb.Append("<link rel=\"canonical\" href=\""); Attr(sb, canonical); sb.Append("\">\n"); }
            sb.Append("</head>\n<body>\n");
        }
        sb.Append("<article>\n");
        RenderHeader(sb, a, title);
        foreach (var block in r.Body) RenderBlock(sb, block);
        var bio = OutputText.Block(a.AuthorBio);
        if (bio.Length > 0)
        {
            sb.Append("<footer>\n<p class=\"author-bio\">");
            Lines(sb, bio);
            sb.Append("</p>\n</footer>\n");
        }
        sb.Append("</article>\n");
        if (r.Thread.Count > 0)
        {
            // The readers' thread apart from the article: replies are lists nested in their parent's item.
            sb.Append("<section class=\"comments\">\n<h2>").Append(r.Thread.IsPartial ? "Comments (part of the thread)" : "Comments").Append("</h2>\n");
            foreach (var block in CommentOutline.ToBlocks(r.Thread)) RenderBlock(sb, block);
            sb.Append("</section>\n");
        }
        if (fullDocument) sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    static void RenderHeader(StringBuilder sb, ArticleMetadata a, string title)
    {
        var standfirst = OutputText.Collapse(a.Standfirst);
        var authors = OutputText.Authors(a);
        var date = a.Published;
        var dateText = date is null ? null : OutputText.NullIfEmpty(OutputText.Collapse(date.Raw)) ?? date.Iso;
        if (title.Length == 0 && standfirst.Length == 0 && authors.Count == 0 && dateText is null) return;
        sb.Append("<header>\n");
        if (title.Length > 0) { sb.Append("<h1>"); Text(sb, title); sb.Append("</h1>\n"); }
        if (standfirst.Length > 0) { sb.Append("<p class=\"standfirst\">"); Text(sb, standfirst); sb.Append("</p>\n"); }
        if (authors.Count > 0 || dateText is not null)
        {
            sb.Append("<p class=\"byline\">");
            if (authors.Count > 0)
            {
                sb.Append("By ");
                for (int i = 0; i < authors.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append("<span class=\"author\">"); Text(sb, authors[i]); sb.Append("</span>");
                }
            }
            if (dateText is not null)
            {
                if (authors.Count > 0) sb.Append(" · ");
                sb.Append("<time");
                if (date!.Iso is not null) sb.Append(" datetime=\"").Append(date.Iso).Append('"');
                sb.Append('>'); Text(sb, dateText); sb.Append("</time>");
            }
            sb.Append("</p>\n");
        }
        sb.Append("</header>\n");
    }

    /// <summary>The page's language tag when it looks like one (letters, digits, hyphens).</summary>
    static string? Lang(string? language)
    {
        var s = language?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > 35) return null; // 35: the longest well-formed BCP 47 tag RFC 5646 §4.4.1 asks implementations to support
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')) return null;
        return s.Replace('_', '-');
    }

    static void RenderBlock(StringBuilder sb, Block block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                if (!HasContent(p.Inlines)) break;
                sb.Append("<p>"); Inlines(sb, p.Inlines); sb.Append("</p>\n");
                break;
            case HeadingBlock h:
                if (!HasContent(h.Inlines)) break;
                int level = Math.Clamp(h.Level, 2, 6);
                sb.Append("<h").Append(level).Append('>');
                Inlines(sb, h.Inlines);
                sb.Append("</h").Append(level).Append(">\n");
                break;
            case ListBlock l:
                if (l.Items.Length == 0) break;
                sb.Append(l.Ordered ? "<ol" : "<ul");
                if (l.Ordered && l.Start != 1) sb.Append(" start=\"").Append(l.Start.ToString(CultureInfo.InvariantCulture)).Append('"');
                sb.Append(">\n");
                foreach (var item in l.Items)
                {
                    sb.Append("<li>");
                    if (item.Blocks.Length == 1 && item.Blocks[0] is ParagraphBlock only)
                        Inlines(sb, only.Inlines); // a tight item: no <p> inside
                    else
                    {
                        if (item.Blocks.Length > 0) sb.Append('\n');
                        foreach (var b in item.Blocks) RenderBlock(sb, b);
                    }
                    sb.Append("</li>\n");
                }
                sb.Append(l.Ordered ? "</ol>\n" : "</ul>\n");
                break;
            case QuoteBlock q:
                sb.Append("<blockquote>\n");
                foreach (var b in q.Blocks) RenderBlock(sb, b);
                sb.Append("</blockquote>\n");
                break;
            case CodeBlock c:
                var code = c.Code.Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n');
                if (code.Trim().Length == 0) break;
                sb.Append("<pre><code");
                var language = MarkdownRenderer.Language(c.Language);
                if (language.Length > 0) { sb.Append(" class=\"language-"); Attr(sb, language); sb.Append('"'); }
                sb.Append('>'); Text(sb, code); sb.Append("</code></pre>\n");
                break;
            case TableBlock t:
                RenderTable(sb, t);
                break;
            case FigureBlock f:
                var src = UrlPolicy.SafeImageSrc(f.Source);
                bool caption = HasContent(f.Caption);
                if (src is null && !caption) break;
                sb.Append("<figure>\n");
                if (src is not null)
                {
                    sb.Append("<img src=\""); Attr(sb, src);
                    sb.Append("\" alt=\""); Attr(sb, OutputText.Collapse(f.Alt)); sb.Append("\">\n");
                }
                if (caption) { sb.Append("<figcaption>"); Inlines(sb, f.Caption); sb.Append("</figcaption>\n"); }
                sb.Append("</figure>\n");
                break;
            case ThematicBreakBlock:
                sb.Append("<hr>\n");
                break;
        }
    }

    static void RenderTable(StringBuilder sb, TableBlock t)
    {
        if (t.Rows.Length == 0) return;
        sb.Append("<table>\n");
        int start = 0;
        if (t.Rows[0].Cells.Length > 0 && t.Rows[0].Cells.All(c => c.IsHeader))
        {
            sb.Append("<thead>\n");
            Row(sb, t.Rows[0]);
            sb.Append("</thead>\n");
            start = 1;
        }
        if (start < t.Rows.Length)
        {
            sb.Append("<tbody>\n");
            for (int i = start; i < t.Rows.Length; i++) Row(sb, t.Rows[i]);
            sb.Append("</tbody>\n");
        }
        sb.Append("</table>\n");
    }

    static void Row(StringBuilder sb, TableRow row)
    {
        sb.Append("<tr>");
        foreach (var cell in row.Cells)
        {
            var tag = cell.IsHeader ? "th" : "td";
            sb.Append('<').Append(tag).Append('>');
            Inlines(sb, cell.Inlines);
            sb.Append("</").Append(tag).Append('>');
        }
        sb.Append("</tr>\n");
    }

    static bool HasContent(ImmutableArray<Inline> inlines) => PlainText.Inlines(inlines).Length > 0;

    /// <param name="sb">The output.</param>
    /// <param name="inlines">The inlines.</param>
    /// <param name="insideLink">Inside a written link: a nested link keeps only its text (HTML
    /// does not allow <c>a</c> in <c>a</c>; a parser would close the outer one).</param>
    static void Inlines(StringBuilder sb, ImmutableArray<Inline> inlines, bool insideLink = false)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case TextInline t: Text(sb, t.Text); break;
                case EmphasisInline e: sb.Append("<em>"); Inlines(sb, e.Children, insideLink); sb.Append("</em>"); break;
                case StrongInline s: sb.Append("<strong>"); Inlines(sb, s.Children, insideLink); sb.Append("</strong>"); break;
                case CodeInline c: sb.Append("<code>"); Text(sb, c.Code); sb.Append("</code>"); break;
                case LineBreakInline: sb.Append("<br>"); break;
                case LinkInline l:
                    var href = insideLink ? null : UrlPolicy.SafeLinkHref(l.Href);
                    if (href is null) { Inlines(sb, l.Children, insideLink); break; }
                    sb.Append("<a href=\""); Attr(sb, href);
                    sb.Append("\" rel=\"").Append(LinkRel).Append("\">");
                    Inlines(sb, l.Children, insideLink: true);
                    sb.Append("</a>");
                    break;
            }
        }
    }

    static void Lines(StringBuilder sb, string text)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append("<br>\n");
            Text(sb, lines[i]);
        }
    }

    /// <summary>Text content: <c>&amp; &lt; &gt;</c> escaped, characters HTML forbids replaced.</summary>
    static void Text(StringBuilder sb, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: AppendChar(sb, c); break;
            }
        }
    }

    /// <summary>A double-quoted attribute value: quotes escaped as well.</summary>
    static void Attr(StringBuilder sb, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: AppendChar(sb, c); break;
            }
        }
    }

    /// <summary>Controls other than ASCII white space (tab, line feed, form feed, carriage return)
    /// are not allowed in HTML text: they become U+FFFD.</summary>
    static void AppendChar(StringBuilder sb, char c)
    {
        if (c < 0x20 && c is not '\t' and not '\n' and not '\f' and not '\r' || c is >= '\u007F' and <= '\u009F')
            sb.Append('\uFFFD');
        else sb.Append(c);
    }
}
