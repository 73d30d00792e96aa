using Winnow.Language;

namespace Winnow.Tests.Language;

public class LanguageIdentifierTests
{
    /// <summary>Languages whose one- or two-sentence passages the profiles mix up with a close neighbour (measured: see the test below).</summary>
    static readonly Dictionary<string, string[]> Neighbours = new()
    {
        ["sk"] = ["cs"],
        ["hr"] = ["sl", "sr"],
        ["nb"] = ["da", "sv"],
        ["uk"] = ["ru", "be"],
        ["bg"] = ["mk", "ru"],
    };

    public static TheoryData<string, string> Sentences()
    {
        var data = new TheoryData<string, string>();
        foreach (var (language, text) in LanguageSentences.All)
            if (!Neighbours.ContainsKey(language)) data.Add(language, text);
        return data;
    }

    public static TheoryData<string, string> NeighbourSentences()
    {
        var data = new TheoryData<string, string>();
        foreach (var (language, text) in LanguageSentences.All)
            if (Neighbours.ContainsKey(language)) data.Add(language, text);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Identifies_a_sentence(string language, string text)
    {
        var guess = LanguageIdentifier.Identify(text);
        Assert.NotNull(guess);
        Assert.Equal(language, guess.Language);
        Assert.InRange(guess.Confidence, 0.0, 1.0);
    }

    /// <summary>
    /// A known weakness, pinned so that it cannot grow: TextCat's 400-n-gram profiles do not tell
    /// close neighbours apart on a passage this short, so the answer is the language, nothing, or
    /// the neighbour (which is why a page's statement is never replaced within such a group).
    /// </summary>
    [Theory]
    [MemberData(nameof(NeighbourSentences))]
    public void A_close_neighbours_passage_is_named_right_or_as_the_neighbour_or_not_at_all(string language, string text)
    {
        var guess = LanguageIdentifier.Identify(text);
        if (guess is null) return;
        Assert.Contains(guess.Language, Neighbours[language].Append(language));
    }

    [Fact]
    public void The_sentences_identified_exactly_cover_at_least_30_languages_and_the_identifier_knows_them()
    {
        var languages = LanguageSentences.All.Select(s => s.Language).Where(l => !Neighbours.ContainsKey(l)).Distinct().ToList();
        Assert.True(languages.Count >= 30, $"{languages.Count} languages");
        Assert.All(languages, l => Assert.Contains(l, LanguageIdentifier.Languages));
        Assert.True(LanguageIdentifier.Languages.Count >= 30);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12.03.2024 — 14:30")]
    [InlineData("Read more")]
    [InlineData("Der Hund bellt.")]
    [InlineData("東京")]
    public void Short_or_letterless_text_gives_no_guess(string text)
    {
        Assert.Null(LanguageIdentifier.Identify(text));
    }

    [Fact]
    public void Text_in_no_clear_script_majority_gives_no_guess()
    {
        // a third each of Latin, Cyrillic and Greek letters: no script holds a majority
        Assert.Null(LanguageIdentifier.Identify("house garden window дом сад окно дома σπίτι κήπος πόρτα"));
    }

    [Fact]
    public void Kana_makes_Han_text_Japanese_and_its_absence_Chinese()
    {
        Assert.Equal("ja", LanguageIdentifier.Identify("今日は東京で新しい図書館が開かれました。多くの人が本を借りに来ました。")?.Language);
        Assert.Equal("zh", LanguageIdentifier.Identify("今天在北京开了一家新的图书馆，很多人来借书，大家都很高兴。")?.Language);
    }

    [Fact]
    public void A_script_named_language_reports_the_script_share_as_confidence()
    {
        var guess = LanguageIdentifier.Identify("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις του κόσμου.");
        Assert.NotNull(guess);
        Assert.Equal(("el", "script"), (guess.Language, guess.Method));
        Assert.True(guess.Confidence > 0.99);
    }

    [Fact]
    public void Only_the_start_of_a_long_text_is_read()
    {
        var german = LanguageSentences.All.Single(s => s.Language == "de").Text;
        var english = LanguageSentences.All.Single(s => s.Language == "en").Text;
        var text = string.Concat(Enumerable.Repeat(german + " ", LanguageIdentifier.MaxChars / german.Length + 1))
                   + string.Concat(Enumerable.Repeat(english + " ", 200));
        Assert.Equal("de", LanguageIdentifier.Identify(text)?.Language);
    }

    [Fact]
    public void Concurrent_calls_give_the_same_answers_as_sequential_ones()
    {
        var texts = LanguageSentences.All.Select(s => s.Text).ToArray();
        var expected = texts.Select(t => LanguageIdentifier.Identify(t)).ToArray();
        var results = new LanguageGuess?[texts.Length * 20];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = LanguageIdentifier.Identify(texts[i % texts.Length]));
        for (int i = 0; i < results.Length; i++) Assert.Equal(expected[i % texts.Length], results[i]);
    }

    [Fact]
    public void The_identifier_keeps_no_mutable_static_state()
    {
        // Every static field of the language types is readonly (or a constant): nothing a call could change.
        var types = typeof(LanguageIdentifier).Assembly.GetTypes().Where(t => t.Namespace == typeof(LanguageIdentifier).Namespace);
        var mutable = types
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains('<'))
            .Select(f => $"{f.DeclaringType?.Name}.{f.Name}")
            .ToList();
        Assert.Empty(mutable);
    }
}
