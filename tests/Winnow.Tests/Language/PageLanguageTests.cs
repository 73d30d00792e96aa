using System.Collections.Immutable;
using Winnow.Blocks;
using Winnow.Language;

namespace Winnow.Tests.Language;

public class PageLanguageTests
{
    static readonly string German = LanguageSentences.All.Single(s => s.Language == "de").Text;
    static readonly string English = LanguageSentences.All.Single(s => s.Language == "en").Text;

    static ImmutableArray<Block> Body(params string[] paragraphs) =>
        paragraphs.Select(p => (Block)new ParagraphBlock([new TextInline(p)])).ToImmutableArray();

    static ArticleMetadata Stated(string? language) => new()
    {
        Language = language,
        Sources = language is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add("language", "html:lang"),
    };

    [Fact]
    public void A_page_stating_no_language_gets_the_identified_one()
    {
        var a = PageLanguage.Apply(Stated(null), Body(German, German));
        Assert.Equal("de", a.Language);
        Assert.Equal("text:ngram", a.Sources["language"]);
    }

    [Fact]
    public void A_wrong_statement_on_a_long_text_is_replaced_and_the_source_says_so()
    {
        var a = PageLanguage.Apply(Stated("en"), Body(German, German, German));
        Assert.Equal("de", a.Language);
        Assert.Equal("text:ngram (page said en)", a.Sources["language"]);
    }

    [Fact]
    public void A_statement_that_agrees_keeps_its_region_and_source()
    {
        var a = PageLanguage.Apply(Stated("en-US"), Body(English, English, English));
        Assert.Equal("en-US", a.Language);
        Assert.Equal("html:lang", a.Sources["language"]);
    }

    [Fact]
    public void A_statement_is_kept_when_the_text_is_short()
    {
        Assert.True(German.Length < PageLanguage.MinCharsToReplace);
        Assert.Equal("en", PageLanguage.Apply(Stated("en"), Body(German)).Language);
    }

    [Theory]
    [InlineData("lb")] // Luxembourgish: no profile, so German-looking text cannot prove it wrong
    [InlineData("de-AT")]
    public void A_statement_the_identifier_cannot_contradict_is_kept(string stated)
    {
        Assert.Equal(stated, PageLanguage.Apply(Stated(stated), Body(German, German, German)).Language);
    }

    [Fact]
    public void A_statement_within_a_group_of_close_neighbours_is_kept()
    {
        var danish = "Byrådet vedtog tirsdag aften det nye budget efter en lang debat om udgifterne til den offentlige transport og renoveringen af de gamle skolebygninger. ";
        Assert.Equal("nb", PageLanguage.Apply(Stated("nb"), Body(danish, danish, danish)).Language);
    }

    [Fact]
    public void A_script_that_names_the_language_replaces_a_wrong_statement()
    {
        var japanese = LanguageSentences.All.Single(s => s.Language == "ja").Text;
        var a = PageLanguage.Apply(Stated("en"), Body(japanese, japanese, japanese, japanese, japanese, japanese));
        Assert.Equal("ja", a.Language);
        Assert.Equal("text:script (page said en)", a.Sources["language"]);
    }

    [Fact]
    public void Code_is_not_read_as_text()
    {
        var body = ImmutableArray.Create<Block>(new CodeBlock(string.Concat(Enumerable.Repeat("for (int i = 0; i < n; i++) { total += values[i]; }\n", 20)), "c"));
        var a = PageLanguage.Apply(Stated(null), body);
        Assert.Null(a.Language);
        Assert.False(a.Sources.ContainsKey("language"));
    }

    [Fact]
    public void The_extractor_corrects_a_page_marked_english_that_is_written_in_german()
    {
        var html = $"<html lang=\"en\"><head><title>Haushalt</title></head><body><article><h1>Haushalt beschlossen</h1><p>{German}</p><p>{German}</p><p>{German}</p></article></body></html>";
        var result = new Extractor().Extract(html);
        Assert.Equal("de", result.Article.Language);
        Assert.Equal("text:ngram (page said en)", result.Article.Sources["language"]);
    }
}
