using System.Collections.Immutable;
using Winnow.Blocks;

namespace Winnow.Tests.Output;

/// <summary>Short constructors for hand-built block trees and results.</summary>
internal static class B
{
    public static TextInline T(string s) => new(s);
    public static EmphasisInline Em(params Inline[] c) => new([.. c]);
    public static StrongInline St(params Inline[] c) => new([.. c]);
    public static CodeInline C(string code) => new(code);
    public static LinkInline A(string? href, params Inline[] c) => new(href, [.. c]);
    public static LineBreakInline Br => new();

    public static ParagraphBlock P(params Inline[] c) => new([.. c]);
    public static ParagraphBlock P(string text) => new([T(text)]);
    public static HeadingBlock H(int level, string text) => new(level, [T(text)]);
    public static ListBlock Ul(params ListItem[] items) => new(false, [.. items]);
    public static ListBlock Ol(int start, params ListItem[] items) => new(true, [.. items], start);
    public static ListItem Li(params Block[] blocks) => new([.. blocks]);
    public static ListItem Li(string text) => new([P(text)]);
    public static QuoteBlock Q(params Block[] blocks) => new([.. blocks]);
    public static CodeBlock Code(string code, string? language = null) => new(code, language);
    public static TableBlock Table(params TableRow[] rows) => new([.. rows]);
    public static TableRow Row(params TableCell[] cells) => new([.. cells]);
    public static TableCell Th(string text) => new(true, [T(text)]);
    public static TableCell Td(string text) => new(false, [T(text)]);
    public static TableCell Td(params Inline[] c) => new(false, [.. c]);
    public static FigureBlock Fig(string? src, string? alt, params Inline[] caption) => new(src, alt, [.. caption]);
    public static ThematicBreakBlock Hr => new();

    public static ExtractionResult Result(ArticleMetadata article, params Block[] body) =>
        new(article, [.. body], new ExtractionDiagnostics { Strategy = "test" });

    public static ExtractionResult Result(params Block[] body) => Result(new ArticleMetadata(), body);

    /// <summary>The repository's <c>tests/data</c> folder, found by walking up from the test binaries.</summary>
    public static string DataDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("tests/data not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>White space runs as one space, trimmed: for comparing texts whose line layout differs.</summary>
    public static string Norm(string s) =>
        string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
