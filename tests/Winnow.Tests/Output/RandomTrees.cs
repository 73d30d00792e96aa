using System.Collections.Immutable;
using System.Text;
using Winnow.Blocks;

namespace Winnow.Tests.Output;

/// <summary>
/// Random block trees for property tests, from a seeded <see cref="Random"/> (reproducible: a
/// failing seed is reported by the test). Text is built from pieces chosen to be hard for every
/// format: Markdown syntax at line starts and inside words, HTML, entities, URLs, non-ASCII,
/// odd white space.
/// </summary>
internal sealed class RandomTrees(int seed)
{
    readonly Random _r = new(seed);
    // Every other seed packs short texts with few spaces, so that emphasis, code spans and
    // links touch each other and punctuation more often.
    readonly bool _dense = seed % 2 == 1;

    static readonly string[] Pieces =
    [
        "alpha", "Beta", "x", "42", "2024", "snake_case", "a_b", "é", "日本", "😀", "€", "—", "“quoted”", "naïve",
        "*", "**", "_", "__", "#", "##", "1.", "2)", "-", "+", ">", "=", "`", "``", "```", "~", "~~", "[", "]",
        "(", ")", "![", "<", "<b>", "</p>", "<!--", "<script>alert(1)</script>", "&", "&amp;", "&#35;", "&copy",
        "\\", "!", "|", ":", "---", "***", ":-|", "http://x.com/(a)", "www.example.com", "a@b.c", "{", "}",
        "$", "^", "'", "\"", ".", ",", "?", "javascript:alert(1)", "on" + "click=x", "1)", "10.", "<http://x.y>",
        "]: /u", "[^1]", "\\*", "\\`", "&#x26;", "&nbsp;", "=====", "- [ ]", "+++",
    ];

    static readonly string[] Spaces = [" ", " ", " ", "  ", "\u00A0", "\t", "\n", "\r\n", "\u2028", ""];

    static readonly string?[] Hrefs =
    [
        "https://example.com/x", "https://example.com/a b", "https://e.com/(p)", "https://e.com/p)", "/rel",
        "#frag", "mailto:a@b.c", "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x", "vbscript:x",
        "data:text/html,<script>alert(1)</script>", null, "", "https://e.com/?a=1&amp;b=2", "https://e.com/\\x",
        "https://e.com/<x>", "https://e.com/a\"b'c", "https://e.com/|pipe",
    ];

    static readonly string?[] Sources =
    [
        "https://example.com/a.png", "https://example.com/a b.png", "/img/(1).png", "data:image/png;base64,AAAA",
        "javascript:alert(1)", null, "",
    ];

    static readonly string[] CodeLines =
    [
        "let x = 1;", "", "    indented", "\ttabbed", "```", "````", "~~~", "- item", "> q", "# h", "<script>",
        "a | b", "x `y` z", "   ", "&amp;",
    ];

    static readonly string?[] Languages = [null, null, "js", "c#", "C++", "a b", "x`y", "\"><script>"];

    T Pick<T>(T[] items) => items[_r.Next(items.Length)];
    bool Chance(double p) => _r.NextDouble() < p;

    public string Text()
    {
        var sb = new StringBuilder();
        int n = _dense ? _r.Next(1, 3) : _r.Next(1, 6);
        double space = _dense ? 0.3 : 1;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 ? Chance(space) : Chance(0.15)) sb.Append(Pick(Spaces));
            sb.Append(Pick(Pieces));
        }
        if (Chance(0.15)) sb.Append(Pick(Spaces));
        return sb.ToString();
    }

    public ImmutableArray<Inline> Inlines(int depth = 0)
    {
        var b = ImmutableArray.CreateBuilder<Inline>();
        int n = _r.Next(1, 6);
        for (int i = 0; i < n; i++) b.Add(Inline(depth));
        return b.ToImmutable();
    }

    Inline Inline(int depth)
    {
        int roll = _r.Next(100);
        if (depth >= 3) roll = roll % 60; // deep down: leaves only
        return roll switch
        {
            < 45 => new TextInline(Text()),
            < 52 => new CodeInline(Pick(Pieces) + (Chance(0.5) ? Pick(Spaces) + Pick(Pieces) : "")),
            < 57 => new LineBreakInline(),
            < 60 => new TextInline(Pick(Spaces)),
            < 73 => new EmphasisInline(Inlines(depth + 1)),
            < 86 => new StrongInline(Inlines(depth + 1)),
            _ => new LinkInline(Pick(Hrefs), Inlines(depth + 1)),
        };
    }

    public ImmutableArray<Block> Blocks(int depth = 0, int max = 6)
    {
        var b = ImmutableArray.CreateBuilder<Block>();
        int n = _r.Next(depth == 0 ? 1 : 0, max);
        for (int i = 0; i < n; i++) b.Add(Block(depth));
        return b.ToImmutable();
    }

    Block Block(int depth)
    {
        int roll = _r.Next(100);
        if (depth >= 3) roll = roll % 50; // deep down: no containers
        return roll switch
        {
            < 30 => new ParagraphBlock(Inlines()),
            < 38 => new HeadingBlock(_r.Next(0, 8), Inlines()),
            < 44 => new CodeBlock(string.Join("\n", Enumerable.Range(0, _r.Next(0, 5)).Select(_ => Pick(CodeLines))), Pick(Languages)),
            < 48 => new ThematicBreakBlock(),
            < 50 => new ParagraphBlock([]),
            < 64 => List(depth),
            < 74 => new QuoteBlock(Blocks(depth + 1, 4)),
            < 86 => Table(),
            _ => new FigureBlock(Pick(Sources), Chance(0.7) ? Text() : null, Chance(0.7) ? Inlines(2) : []),
        };
    }

    ListBlock List(int depth)
    {
        var items = ImmutableArray.CreateBuilder<ListItem>();
        int n = _r.Next(0, 5);
        for (int i = 0; i < n; i++)
        {
            // Mostly the common shapes: one paragraph, or a paragraph and a nested list.
            int shape = _r.Next(10);
            var blocks = shape switch
            {
                < 5 => [new ParagraphBlock(Inlines())],
                < 7 => ImmutableArray.Create<Block>(new ParagraphBlock(Inlines()), List(depth + 1)),
                _ => Blocks(depth + 1, 4),
            };
            items.Add(new ListItem(blocks));
        }
        int start = _r.Next(10) switch { < 6 => 1, < 8 => _r.Next(0, 20), 8 => -3, _ => 1_000_000_005 };
        return new ListBlock(Chance(0.5), items.ToImmutable(), start);
    }

    TableBlock Table()
    {
        int rows = _r.Next(1, 5), cols = _r.Next(1, 4);
        bool rectangular = Chance(0.7);
        var b = ImmutableArray.CreateBuilder<TableRow>();
        for (int i = 0; i < rows; i++)
        {
            int c = rectangular ? cols : _r.Next(0, 4);
            var cells = ImmutableArray.CreateBuilder<TableCell>();
            for (int j = 0; j < c; j++)
                cells.Add(new TableCell(i == 0 && Chance(0.6), Chance(0.1) ? [] : Inlines(2)));
            b.Add(new TableRow(cells.ToImmutable()));
        }
        return new TableBlock(b.ToImmutable());
    }
}
