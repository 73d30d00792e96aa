using System.Text.RegularExpressions;
using Winnow.Dedup;

namespace Winnow.Tests.Dedup;

/// <summary>The hand-written word scan is the regex <c>\w+</c> it replaced: same words, same hashes, so stored fingerprints still compare.</summary>
public class ShinglesTests
{
    [Fact]
    public void IsWordCharIsTheRegexWordClassOnEveryUtf16Unit()
    {
        var word = new Regex(@"^\w$");
        var differ = new List<int>();
        for (int c = 0; c <= char.MaxValue; c++)
            if (Shingles.IsWordChar((char)c) != word.IsMatch(((char)c).ToString())) differ.Add(c);
        Assert.Empty(differ);
    }

    // The former implementation, kept here as the reference: \w+ matches, FNV-1a over char.ToLowerInvariant, splitmix64.
    static List<ulong> RegexWordHashes(string text)
    {
        var hashes = new List<ulong>();
        foreach (Match m in Regex.Matches(text, @"\w+"))
        {
            var h = 14695981039346656037UL;
            foreach (var c in m.Value) { h ^= char.ToLowerInvariant(c); h *= 1099511628211UL; }
            hashes.Add(Shingles.Mix(h));
        }
        return hashes;
    }

    [Theory]
    [InlineData("The Quick brown fox — jumps over_the lazy dog 1234!")]
    [InlineData("Größere Übung: Straße, ÆRØ, İstanbul, ΣΟΦΊΑ, Москва и ПИТЕР")]
    [InlineData("中文文本没有空格。日本語のテキスト、カタカナ。한국어 텍스트")]
    [InlineData("e\u0301cole na\u0308ive \u200Cjoin\u200D  tabs\tand\nnewlines\u00A0nbsp 𐐀𐐨 surrogate")]
    [InlineData("")]
    public void WordHashesAreTheRegexOnes(string text)
    {
        Assert.Equal(RegexWordHashes(text), Shingles.WordHashes(text));
    }

    [Fact]
    public void WordHashesAreTheRegexOnesOnTheCorpusPagesText()
    {
        var extractor = new Extractor();
        foreach (var file in TestData.CorpusHtmlFiles().Take(60))
        {
            var text = extractor.Extract(TestData.ReadCorpusHtml(file)).BodyText;
            Assert.Equal(RegexWordHashes(text), Shingles.WordHashes(text));
        }
    }
}
