using System.Collections.Immutable;
using System.Text.Json;
using Winnow.Blocks;
using Winnow.Output;
using static Winnow.Tests.Output.B;

namespace Winnow.Tests.Output;

public class TextRecordRendererTests
{
    static string SeedRecord => File.ReadAllText(Path.Combine(DataDir, "seeds", "article-record.txt"));

    [Fact]
    public void RendersTheFoundingRecordExactly()
    {
        // The record's own parts put into a result: the renderer must lay them out byte for byte
        // as the seed file (title, standfirst, paragraphs, "Author:", bio; blank lines between).
        var parts = SeedRecord.Split("\n\n");
        Assert.StartsWith("Author: ", parts[^2]);
        var article = new ArticleMetadata
        {
            Title = parts[0],
            Standfirst = parts[1],
            Authors = [parts[^2]["Author: ".Length..]],
            AuthorBio = parts[^1],
        };
        var body = parts[2..^2].Select(p => (Block)P(p)).ToArray();
        Assert.Equal(SeedRecord, TextRecordRenderer.Render(Result(article, body)));
    }

    [Fact]
    public void TheExpectedExtractionOfTheFoundingPageRendersToTheRecordsStructure()
    {
        // What the engine must return for page.html (expected.json), rendered: the same parts in
        // the same order as article-record.txt. The two seed files differ in title casing, the
        // standfirst's final period and no-break spaces (README.md), so those are normalised.
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDir, "seeds", "expected.json")));
        var e = doc.RootElement;
        var article = new ArticleMetadata
        {
            Title = e.GetProperty("title").GetString(),
            Standfirst = e.GetProperty("subtitle").GetString(),
            Authors = [e.GetProperty("author").GetString()!],
            AuthorBio = e.GetProperty("author_bio").GetString(),
            SiteName = e.GetProperty("site_name").GetString(),
            Published = new PageDate(e.GetProperty("date").GetString()!, new DateTimeOffset(2022, 7, 6, 0, 0, 0, TimeSpan.Zero), false, "test"),
        };
        var body = e.GetProperty("body").GetString()!.Split("\n\n").Select(p => (Block)P(p)).ToArray();
        var rendered = TextRecordRenderer.Render(Result(article, body)).Split("\n\n");
        var seed = SeedRecord.Split("\n\n");
        Assert.Equal(seed.Length, rendered.Length);
        Assert.Equal(seed[0], rendered[0], ignoreCase: true);
        Assert.Equal(seed[1].TrimEnd('.'), rendered[1].TrimEnd('.'));
        for (int i = 2; i < seed.Length; i++)
            Assert.Equal(seed[i].Replace('\u00A0', ' '), rendered[i].Replace('\u00A0', ' '));
    }

    [Fact]
    public void BodyUsesThePlainTextOfEveryBlockKind()
    {
        var r = Result(new ArticleMetadata { Title = "T" },
            H(2, "Section"),
            P(T("one "), Em(T("two")), Br, T("three")),
            Ul(Li("a"), Li("b")),
            Table(Row(Th("x"), Th("y")), Row(Td("1"), Td("2"))),
            Code("let x = 1;\n\nlet y = 2;", "js"));
        Assert.Equal("T\n\nSection\n\none two\nthree\n\na\n\nb\n\nx | y\n\n1 | 2\n\nlet x = 1;\n\nlet y = 2;", TextRecordRenderer.Render(r));
        Assert.Equal(r.BodyText, TextRecordRenderer.Render(r)["T\n\n".Length..]);
    }

    [Fact]
    public void SeveralAuthorsShareOneLineSeparatedBySemicolons()
    {
        var r = Result(new ArticleMetadata { Title = "T", Authors = ["Smith, Jane", "Li Wei", "Li Wei", "  "] }, P("Body."));
        Assert.Equal("T\n\nBody.\n\nAuthors: Smith, Jane; Li Wei", TextRecordRenderer.Render(r));
    }

    [Fact]
    public void MissingPartsAreLeftOutWithoutEmptyLines()
    {
        Assert.Equal("Body.", TextRecordRenderer.Render(Result(P("Body."))));
        Assert.Equal("", TextRecordRenderer.Render(Result()));
        var onlyMeta = Result(new ArticleMetadata { Title = "  Two\nlines ", Authors = ["A"], AuthorBio = "Bio line 1  \r\nBio line 2\n\n" });
        Assert.Equal("Two lines\n\nAuthor: A\n\nBio line 1\nBio line 2", TextRecordRenderer.Render(onlyMeta));
    }

    [Fact]
    public void CommentsFlagIsAcceptedButChangesNothingYet()
    {
        var r = Result(new ArticleMetadata { Title = "T" }, P("Body."));
        Assert.Equal(TextRecordRenderer.Render(r), TextRecordRenderer.Render(r, includeComments: true));
    }
}
