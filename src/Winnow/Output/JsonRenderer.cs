using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Winnow.Blocks;

namespace Winnow.Output;

/// <summary>
/// The result as JSON, schema <c>winnow/1</c> (documented field by field in
/// <c>docs/json-schema.md</c>). Written with <see cref="Utf8JsonWriter"/>: no reflection, no
/// intermediate objects.
/// <para>
/// Every key is always present, <c>null</c> or empty when the page has no value, so that
/// consumers can rely on one shape. Strings are written as they are as far as the framework's
/// encoder allows (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>): letters of any
/// script are not turned into <c>\u</c> escapes and HTML-sensitive characters
/// (<c>&lt; &gt; &amp; '</c>) are not escaped, as JSON does not need it; quotes, backslashes and
/// control characters are escaped as JSON requires, and the encoder also escapes characters
/// beyond the Basic Multilingual Plane (emoji, as surrogate pairs) and a few invisible ones
/// (U+00A0, U+2028, U+2029, U+FEFF): valid JSON that every parser reads back unchanged. The
/// output is data for files, JSON lines and APIs; a consumer that pastes it into an HTML
/// <c>&lt;script&gt;</c> must encode it for that context itself.
/// </para>
/// <para>Link and image URLs are kept as the page gave them (this is the faithful record; the
/// Markdown and HTML renderers are the ones that drop unsafe schemes).</para>
/// </summary>
public static class JsonRenderer
{
    /// <summary>The value of the <c>schema</c> field. The number changes only when a field is
    /// removed, renamed or changes meaning; adding fields or block types keeps it.</summary>
    public const string Schema = "winnow/1";

    /// <summary>Renders the result as one JSON object.</summary>
    /// <param name="r">The extraction result.</param>
    /// <param name="indented">Pretty-print (two-space indent); otherwise one line, for JSON lines.</param>
    /// <param name="url">The page's URL, when the caller knows it (the result does not hold it).</param>
    public static string Render(ExtractionResult r, bool indented = false, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options(r, indented)))
            Write(writer, r, url);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The writer options for <paramref name="r"/>: relaxed escaping, and a nesting
    /// limit deep enough for its block tree.</summary>
    public static JsonWriterOptions Options(ExtractionResult r, bool indented = false) => new()
    {
        Indented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Utf8JsonWriter refuses to nest deeper than MaxDepth (1000 by default). A list level
        // costs 4 JSON levels (list, items, item, blocks), the most of any level, so 4 per level
        // of the tree is a safe bound; the envelope (result, body) needs 2 more, 16 is margin.
        MaxDepth = Math.Max(1000, 16 + 4 * Math.Max(Depth(r.Body), 1 + r.Thread.Comments.Select(c => c.Depth).DefaultIfEmpty(0).Max())),
    };

    /// <summary>Writes the result as one JSON object to <paramref name="writer"/> (for streaming
    /// JSON lines); create the writer with <see cref="Options"/>.</summary>
    /// <param name="extra">Writes more properties right after <c>url</c> (e.g. a batch record's <c>source</c>).</param>
    public static void Write(Utf8JsonWriter writer, ExtractionResult r, string? url = null, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(r);
        var a = r.Article;
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("url", url);
        extra?.Invoke(writer);
        writer.WriteString("title", a.Title);
        writer.WriteString("standfirst", a.Standfirst);
        StringArray(writer, "authors", a.Authors);
        writer.WriteBoolean("authors_are_organizations", a.AuthorsAreOrganizations);
        writer.WriteString("author_bio", a.AuthorBio);
        Date(writer, "published", a.Published);
        Date(writer, "modified", a.Modified);
        writer.WriteString("site_name", a.SiteName);
        writer.WriteString("language", a.Language);
        writer.WriteString("canonical_url", a.CanonicalUrl);
        writer.WriteString("image", a.Image);
        StringArray(writer, "tags", a.Tags);
        StringArray(writer, "categories", a.Categories);
        writer.WriteString("license", a.License);
        writer.WriteString("page_type", PageTypeName(a.PageType));
        writer.WriteStartObject("sources");
        foreach (var kv in a.Sources.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            writer.WriteString(kv.Key, kv.Value);
        writer.WriteEndObject();
        writer.WriteString("text", PlainText.Render(r.Body));
        writer.WritePropertyName("body");
        Blocks(writer, r.Body);
        Thread(writer, r.Thread);
        Diagnostics(writer, r.Diagnostics);
        writer.WriteEndObject();
    }

    /// <summary>The JSON name of a page type: "article", "listing", "forum", "product", "other".</summary>
    public static string PageTypeName(PageType t) => t switch
    {
        PageType.Article => "article",
        PageType.Listing => "listing",
        PageType.Forum => "forum",
        PageType.Product => "product",
        _ => "other",
    };

    /// <summary>The comment thread twice: <c>thread</c>, the flat list in document order with each comment's parent index
    /// (the corpus format), and <c>thread_nested</c>, the same comments as a tree of replies.</summary>
    static void Thread(Utf8JsonWriter w, Comments.CommentThread t)
    {
        w.WriteBoolean("thread_partial", t.IsPartial);
        w.WriteStartArray("thread");
        for (int i = 0; i < t.Count; i++)
        {
            w.WriteStartObject();
            CommentFields(w, i, t.Comments[i]);
            w.WritePropertyName("blocks");
            Blocks(w, t.Comments[i].Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("thread_nested");
        foreach (var node in t.Nested()) Node(w, node);
        w.WriteEndArray();
    }

    static void Node(Utf8JsonWriter w, Comments.CommentNode node)
    {
        w.WriteStartObject();
        CommentFields(w, node.Index, node.Comment);
        w.WriteStartArray("replies");
        foreach (var r in node.Replies) Node(w, r);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void CommentFields(Utf8JsonWriter w, int index, Comments.Comment c)
    {
        w.WriteNumber("index", index);
        w.WriteString("id", c.Id);
        if (c.Parent is { } p) w.WriteNumber("parent", p); else w.WriteNull("parent");
        w.WriteNumber("depth", c.Depth);
        w.WriteString("author", c.Author);
        w.WriteString("author_url", c.AuthorUrl);
        Date(w, "date", c.Date);
        w.WriteString("text", c.PlainText);
        if (c.Score is { } s) w.WriteNumber("score", s); else w.WriteNull("score");
        w.WriteBoolean("accepted", c.IsAccepted);
    }

    static void StringArray(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        if (!values.IsDefault)
            foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    static void Date(Utf8JsonWriter w, string name, PageDate? d)
    {
        if (d is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteString("iso", d.Iso);
        w.WriteString("raw", d.Raw);
        w.WriteBoolean("has_time", d.HasTime);
        w.WriteString("source", d.Source);
        w.WriteEndObject();
    }

    static void Diagnostics(Utf8JsonWriter w, ExtractionDiagnostics d)
    {
        w.WriteStartObject("diagnostics");
        w.WriteString("encoding", d.Encoding);
        w.WriteString("encoding_source", d.EncodingSource);
        w.WriteString("strategy", d.Strategy);
        w.WriteStartArray("candidates");
        foreach (var c in d.Candidates.IsDefault ? [] : d.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("strategy", c.Strategy);
            w.WriteNumber("text_length", c.TextLength);
            w.WriteString("root", c.Root);
            w.WriteString("note", c.Note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("removals");
        foreach (var x in d.Removals.IsDefault ? [] : d.Removals)
        {
            w.WriteStartObject();
            w.WriteString("reason", x.Reason);
            w.WriteNumber("count", x.Count);
            w.WriteString("example", x.Example);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("comment_regions", d.CommentRegions);
        StringArray(w, "warnings", d.Warnings);
        w.WriteEndObject();
    }

    static void Blocks(Utf8JsonWriter w, ImmutableArray<Block> blocks)
    {
        w.WriteStartArray();
        if (!blocks.IsDefault)
            foreach (var b in blocks) Block(w, b);
        w.WriteEndArray();
    }

    static void Block(Utf8JsonWriter w, Block block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                w.WriteStartObject();
                w.WriteString("type", "paragraph");
                w.WritePropertyName("inlines"); Inlines(w, p.Inlines);
                w.WriteEndObject();
                break;
            case HeadingBlock h:
                w.WriteStartObject();
                w.WriteString("type", "heading");
                w.WriteNumber("level", h.Level);
                w.WritePropertyName("inlines"); Inlines(w, h.Inlines);
                w.WriteEndObject();
                break;
            case ListBlock l:
                w.WriteStartObject();
                w.WriteString("type", "list");
                w.WriteBoolean("ordered", l.Ordered);
                w.WriteNumber("start", l.Start);
                w.WriteStartArray("items");
                foreach (var item in l.Items.IsDefault ? [] : l.Items)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("blocks"); Blocks(w, item.Blocks);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case QuoteBlock q:
                w.WriteStartObject();
                w.WriteString("type", "quote");
                w.WritePropertyName("blocks"); Blocks(w, q.Blocks);
                w.WriteEndObject();
                break;
            case CodeBlock c:
                w.WriteStartObject();
                w.WriteString("type", "code");
                w.WriteString("code", c.Code);
                w.WriteString("language", c.Language);
                w.WriteEndObject();
                break;
            case TableBlock t:
                w.WriteStartObject();
                w.WriteString("type", "table");
                w.WriteStartArray("rows");
                foreach (var row in t.Rows.IsDefault ? [] : t.Rows)
                {
                    w.WriteStartObject();
                    w.WriteStartArray("cells");
                    foreach (var cell in row.Cells.IsDefault ? [] : row.Cells)
                    {
                        w.WriteStartObject();
                        w.WriteBoolean("header", cell.IsHeader);
                        w.WritePropertyName("inlines"); Inlines(w, cell.Inlines);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case FigureBlock f:
                w.WriteStartObject();
                w.WriteString("type", "figure");
                w.WriteString("src", f.Source);
                w.WriteString("alt", f.Alt);
                w.WritePropertyName("caption"); Inlines(w, f.Caption);
                w.WriteEndObject();
                break;
            case ThematicBreakBlock:
                w.WriteStartObject();
                w.WriteString("type", "break");
                w.WriteEndObject();
                break;
            // A block type this version does not know is left out rather than guessed at.
        }
    }

    static void Inlines(Utf8JsonWriter w, ImmutableArray<Inline> inlines)
    {
        w.WriteStartArray();
        if (!inlines.IsDefault)
            foreach (var i in inlines) Inline(w, i);
        w.WriteEndArray();
    }

    static void Inline(Utf8JsonWriter w, Inline inline)
    {
        switch (inline)
        {
            case TextInline t:
                w.WriteStartObject();
                w.WriteString("type", "text");
                w.WriteString("text", t.Text);
                w.WriteEndObject();
                break;
            case EmphasisInline e:
                w.WriteStartObject();
                w.WriteString("type", "emphasis");
                w.WritePropertyName("children"); Inlines(w, e.Children);
                w.WriteEndObject();
                break;
            case StrongInline s:
                w.WriteStartObject();
                w.WriteString("type", "strong");
                w.WritePropertyName("children"); Inlines(w, s.Children);
                w.WriteEndObject();
                break;
            case CodeInline c:
                w.WriteStartObject();
                w.WriteString("type", "code");
                w.WriteString("code", c.Code);
                w.WriteEndObject();
                break;
            case LinkInline l:
                w.WriteStartObject();
                w.WriteString("type", "link");
                w.WriteString("href", l.Href);
                w.WritePropertyName("children"); Inlines(w, l.Children);
                w.WriteEndObject();
                break;
            case LineBreakInline:
                w.WriteStartObject();
                w.WriteString("type", "break");
                w.WriteEndObject();
                break;
        }
    }

    /// <summary>How deep blocks and inlines nest, in the units of <see cref="Options"/>.</summary>
    static int Depth(ImmutableArray<Block> blocks)
    {
        int max = 0;
        if (blocks.IsDefault) return 0;
        foreach (var b in blocks)
        {
            int d = b switch
            {
                ParagraphBlock p => Depth(p.Inlines),
                HeadingBlock h => Depth(h.Inlines),
                ListBlock l => 1 + l.Items.Select(i => Depth(i.Blocks)).DefaultIfEmpty(0).Max(),
                QuoteBlock q => 1 + Depth(q.Blocks),
                TableBlock t => 2 + t.Rows.SelectMany(r => r.Cells).Select(c => Depth(c.Inlines)).DefaultIfEmpty(0).Max(),
                FigureBlock f => Depth(f.Caption),
                _ => 0,
            };
            max = Math.Max(max, d);
        }
        return max;
    }

    static int Depth(ImmutableArray<Inline> inlines)
    {
        int max = 0;
        if (inlines.IsDefault) return 0;
        foreach (var i in inlines)
        {
            int d = i switch
            {
                EmphasisInline e => 1 + Depth(e.Children),
                StrongInline s => 1 + Depth(s.Children),
                LinkInline l => 1 + Depth(l.Children),
                _ => 0,
            };
            max = Math.Max(max, d);
        }
        return max;
    }
}
