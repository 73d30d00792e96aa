using System.Collections.Immutable;
using System.Text.Json;
using Winnow.Blocks;
using Winnow.Output;
using static Winnow.Tests.Output.B;

namespace Winnow.Tests.Output;

public class JsonRendererTests
{
    static readonly string[] TopLevelKeys =
    [
        "schema", "url", "title", "standfirst", "authors", "authors_are_organizations", "author_bio", "published", "modified", "site_name",
        "language", "canonical_url", "image", "tags", "categories", "license", "page_type", "sources", "text", "body", "thread_partial", "thread", "thread_nested", "diagnostics",
    ];

    static ExtractionResult Full() => new(
        new ArticleMetadata
        {
            Title = "Title “quoted” <b>",
            Standfirst = "Stand",
            Authors = ["A", "B"],
            AuthorBio = "Bio",
            Published = new PageDate("July 6, 2022", new DateTimeOffset(2022, 7, 6, 10, 42, 0, TimeSpan.FromHours(2)), true, "json-ld:datePublished"),
            Modified = new PageDate("yesterday", null, false, "meta:article:modified_time"),
            SiteName = "Site",
            Language = "en",
            CanonicalUrl = "https://example.com/a",
            Image = "https://example.com/i.png",
            Tags = ["x", "y"],
            Sources = ImmutableDictionary<string, string>.Empty.Add("title", "og:title").Add("author", "json-ld"),
        },
        [
            H(2, "Heading"),
            P(T("text "), Em(T("em")), St(T("strong")), C("code"), Br, A("https://x.test/", T("link")), A(null, T("no href"))),
            Ul(Li("a"), Li(P("b"), Ol(3, Li("c")))),
            Q(P("quoted"), Code("x = 1;\n", "py")),
            Code("raw", null),
            Table(Row(Th("h"), Th("i")), Row(Td("1"), Td(Em(T("2"))))),
            Fig("https://x.test/i.png", "alt", T("cap")),
            Fig(null, null),
            Hr,
        ],
        new ExtractionDiagnostics
        {
            Encoding = "utf-8",
            EncodingSource = "Bom",
            Strategy = "semantic",
            Candidates = [new CandidateReport("semantic", 1234, "article", null), new CandidateReport("density", 999, null, "shorter")],
            Removals = [new RemovalReport("boilerplate", 3, "nav.menu")],
            CommentRegions = 1,
            Warnings = ["deep"],
        });

    [Fact]
    public void HasEveryDocumentedFieldInOrder()
    {
        using var doc = JsonDocument.Parse(JsonRenderer.Render(Full(), url: "https://example.com/a?x=1"));
        var root = doc.RootElement;
        Assert.Equal(TopLevelKeys, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("winnow/1", root.GetProperty("schema").GetString());
        Assert.Equal("https://example.com/a?x=1", root.GetProperty("url").GetString());
        Assert.Equal(["A", "B"], root.GetProperty("authors").EnumerateArray().Select(e => e.GetString()));
        var published = root.GetProperty("published");
        Assert.Equal("2022-07-06T10:42:00+02:00", published.GetProperty("iso").GetString());
        Assert.Equal("July 6, 2022", published.GetProperty("raw").GetString());
        Assert.True(published.GetProperty("has_time").GetBoolean());
        Assert.Equal("json-ld:datePublished", published.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("modified").GetProperty("iso").ValueKind);
        Assert.Equal(["author", "title"], root.GetProperty("sources").EnumerateObject().Select(p => p.Name));
        Assert.Equal(Full().BodyText, root.GetProperty("text").GetString());
        var d = root.GetProperty("diagnostics");
        Assert.Equal(["encoding", "encoding_source", "strategy", "candidates", "removals", "comment_regions", "warnings"], d.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1234, d.GetProperty("candidates")[0].GetProperty("text_length").GetInt32());
        Assert.Equal(JsonValueKind.Null, d.GetProperty("candidates")[0].GetProperty("note").ValueKind);
        Assert.Equal("nav.menu", d.GetProperty("removals")[0].GetProperty("example").GetString());
    }

    [Fact]
    public void EmptyResultStillHasEveryKey()
    {
        using var doc = JsonDocument.Parse(JsonRenderer.Render(Result()));
        var root = doc.RootElement;
        Assert.Equal(TopLevelKeys, root.EnumerateObject().Select(p => p.Name));
        foreach (var key in new[] { "url", "title", "standfirst", "author_bio", "published", "modified", "site_name", "language", "canonical_url", "image" })
            Assert.Equal(JsonValueKind.Null, root.GetProperty(key).ValueKind);
        Assert.Equal(0, root.GetProperty("authors").GetArrayLength());
        Assert.Equal(0, root.GetProperty("body").GetArrayLength());
        Assert.Equal("", root.GetProperty("text").GetString());
    }

    [Fact]
    public void BlockObjectsHaveTheDocumentedShape()
    {
        using var doc = JsonDocument.Parse(JsonRenderer.Render(Full()));
        var body = doc.RootElement.GetProperty("body");
        Assert.Equal(["heading", "paragraph", "list", "quote", "code", "table", "figure", "figure", "break"],
            body.EnumerateArray().Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(2, body[0].GetProperty("level").GetInt32());
        Assert.Equal(["text", "emphasis", "strong", "code", "break", "link", "link"],
            body[1].GetProperty("inlines").EnumerateArray().Select(i => i.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.Null, body[1].GetProperty("inlines")[6].GetProperty("href").ValueKind);
        var list = body[2];
        Assert.False(list.GetProperty("ordered").GetBoolean());
        Assert.Equal(1, list.GetProperty("start").GetInt32());
        Assert.Equal(3, list.GetProperty("items")[1].GetProperty("blocks")[1].GetProperty("start").GetInt32());
        Assert.Equal("py", body[3].GetProperty("blocks")[1].GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Null, body[4].GetProperty("language").ValueKind);
        Assert.True(body[5].GetProperty("rows")[0].GetProperty("cells")[0].GetProperty("header").GetBoolean());
        Assert.Equal("https://x.test/i.png", body[6].GetProperty("src").GetString());
        Assert.Equal(JsonValueKind.Null, body[7].GetProperty("alt").ValueKind);
    }

    [Fact]
    public void EveryBlockKindRoundTrips()
    {
        var r = Full();
        var json = JsonRenderer.Render(r);
        using var doc = JsonDocument.Parse(json);
        var back = JsonBody.Read(doc.RootElement.GetProperty("body"));
        Assert.True(JsonBody.SameBlocks(r.Body, back));
        Assert.Equal(json, JsonRenderer.Render(r with { Body = back }));
    }

    [Fact]
    public void RandomTreesRoundTrip()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var r = Result([.. new RandomTrees(seed).Blocks()]);
            foreach (var indented in new[] { false, true })
            {
                var json = JsonRenderer.Render(r, indented);
                using var doc = JsonDocument.Parse(json);
                var back = JsonBody.Read(doc.RootElement.GetProperty("body"));
                Assert.True(JsonBody.SameBlocks(r.Body, back), $"seed {seed}");
                Assert.Equal(r.BodyText, doc.RootElement.GetProperty("text").GetString());
            }
        }
    }

    [Fact]
    public void CompactIsOneLineIndentedIsNot()
    {
        var compact = JsonRenderer.Render(Full());
        var indented = JsonRenderer.Render(Full(), indented: true);
        Assert.DoesNotContain('\n', compact);
        Assert.Contains("\n  \"schema\": \"winnow/1\"", indented);
        // The same document: the indented one written back compactly is the compact one.
        using var b = JsonDocument.Parse(indented);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonRenderer.Options(Full())))
            b.RootElement.WriteTo(w);
        Assert.Equal(compact, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void TextIsWrittenAsIsExceptWhatJsonMustEscape()
    {
        var r = Result(new ArticleMetadata { Title = "é 日本 <b> & 'x' \"q\" back\\slash tab\t nl\n bell\u0007" });
        var json = JsonRenderer.Render(r);
        Assert.Contains("\"title\":\"é 日本 <b> & 'x' \\\"q\\\" back\\\\slash tab\\t nl\\n bell\\u0007\"", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(r.Article.Title, doc.RootElement.GetProperty("title").GetString());
        // The framework's encoder still escapes characters beyond the BMP and a few invisible
        // ones; they read back the same.
        var other = Result(new ArticleMetadata { Title = "😀 \u00A0 \u2028" });
        var otherJson = JsonRenderer.Render(other);
        Assert.Contains("\"title\":\"\\uD83D\\uDE00 \\u00A0 \\u2028\"", otherJson);
        using var otherDoc = JsonDocument.Parse(otherJson);
        Assert.Equal(other.Article.Title, otherDoc.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void DeepTreesDoNotHitTheWritersDepthLimit()
    {
        // 600 nested quotes: 1,200 JSON levels, past Utf8JsonWriter's default of 1,000.
        Block b = P("deep");
        for (int i = 0; i < 600; i++) b = Q(b);
        var json = JsonRenderer.Render(Result(b));
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2000 });
        Assert.Equal("deep", doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void WriteStreamsTheSameObject()
    {
        var r = Full();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonRenderer.Options(r)))
            JsonRenderer.Write(w, r, "u");
        Assert.Equal(JsonRenderer.Render(r, url: "u"), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}

/// <summary>Reads the JSON body back into blocks, and compares block trees structurally
/// (records holding ImmutableArray compare arrays by reference, so == would not do).</summary>
internal static class JsonBody
{
    public static ImmutableArray<Block> Read(JsonElement array) => [.. array.EnumerateArray().Select(ReadBlock)];

    static Block ReadBlock(JsonElement e) => e.GetProperty("type").GetString() switch
    {
        "paragraph" => new ParagraphBlock(Inlines(e.GetProperty("inlines"))),
        "heading" => new HeadingBlock(e.GetProperty("level").GetInt32(), Inlines(e.GetProperty("inlines"))),
        "list" => new ListBlock(e.GetProperty("ordered").GetBoolean(),
            [.. e.GetProperty("items").EnumerateArray().Select(i => new ListItem(Read(i.GetProperty("blocks"))))],
            e.GetProperty("start").GetInt32()),
        "quote" => new QuoteBlock(Read(e.GetProperty("blocks"))),
        "code" => new CodeBlock(e.GetProperty("code").GetString()!, e.GetProperty("language").GetString()),
        "table" => new TableBlock([.. e.GetProperty("rows").EnumerateArray().Select(r =>
            new TableRow([.. r.GetProperty("cells").EnumerateArray().Select(c =>
                new TableCell(c.GetProperty("header").GetBoolean(), Inlines(c.GetProperty("inlines"))))]))]),
        "figure" => new FigureBlock(e.GetProperty("src").GetString(), e.GetProperty("alt").GetString(), Inlines(e.GetProperty("caption"))),
        "break" => new ThematicBreakBlock(),
        var t => throw new InvalidDataException("unknown block type " + t),
    };

    static ImmutableArray<Inline> Inlines(JsonElement array) => [.. array.EnumerateArray().Select(ReadInline)];

    static Inline ReadInline(JsonElement e) => e.GetProperty("type").GetString() switch
    {
        "text" => new TextInline(e.GetProperty("text").GetString()!),
        "emphasis" => new EmphasisInline(Inlines(e.GetProperty("children"))),
        "strong" => new StrongInline(Inlines(e.GetProperty("children"))),
        "code" => new CodeInline(e.GetProperty("code").GetString()!),
        "link" => new LinkInline(e.GetProperty("href").GetString(), Inlines(e.GetProperty("children"))),
        "break" => new LineBreakInline(),
        var t => throw new InvalidDataException("unknown inline type " + t),
    };

    public static bool SameBlocks(ImmutableArray<Block> a, ImmutableArray<Block> b) =>
        a.Length == b.Length && a.Zip(b).All(p => Same(p.First, p.Second));

    static bool Same(Block x, Block y) => (x, y) switch
    {
        (ParagraphBlock a, ParagraphBlock b) => SameInlines(a.Inlines, b.Inlines),
        (HeadingBlock a, HeadingBlock b) => a.Level == b.Level && SameInlines(a.Inlines, b.Inlines),
        (ListBlock a, ListBlock b) => a.Ordered == b.Ordered && a.Start == b.Start && a.Items.Length == b.Items.Length
            && a.Items.Zip(b.Items).All(p => SameBlocks(p.First.Blocks, p.Second.Blocks)),
        (QuoteBlock a, QuoteBlock b) => SameBlocks(a.Blocks, b.Blocks),
        (CodeBlock a, CodeBlock b) => a == b,
        (TableBlock a, TableBlock b) => a.Rows.Length == b.Rows.Length && a.Rows.Zip(b.Rows).All(r =>
            r.First.Cells.Length == r.Second.Cells.Length && r.First.Cells.Zip(r.Second.Cells).All(c =>
                c.First.IsHeader == c.Second.IsHeader && SameInlines(c.First.Inlines, c.Second.Inlines))),
        (FigureBlock a, FigureBlock b) => a.Source == b.Source && a.Alt == b.Alt && SameInlines(a.Caption, b.Caption),
        (ThematicBreakBlock, ThematicBreakBlock) => true,
        _ => false,
    };

    static bool SameInlines(ImmutableArray<Inline> a, ImmutableArray<Inline> b) =>
        a.Length == b.Length && a.Zip(b).All(p => (p.First, p.Second) switch
        {
            (TextInline x, TextInline y) => x.Text == y.Text,
            (CodeInline x, CodeInline y) => x.Code == y.Code,
            (LineBreakInline, LineBreakInline) => true,
            (EmphasisInline x, EmphasisInline y) => SameInlines(x.Children, y.Children),
            (StrongInline x, StrongInline y) => SameInlines(x.Children, y.Children),
            (LinkInline x, LinkInline y) => x.Href == y.Href && SameInlines(x.Children, y.Children),
            _ => false,
        });
}
