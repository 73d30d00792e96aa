using System.Collections.Immutable;
using Winnow.Blocks;

namespace Winnow.Language;

/// <summary>
/// Fills in or corrects the article's language from its body text: when the page states none, a
/// confident identification is taken (source <c>text:ngram</c> or <c>text:script</c>); when it states
/// one that a very confident identification of a long enough text contradicts (pages marked
/// <c>en</c> by their theme while written in German are common), the identification wins and the
/// source keeps what the page said: <c>text:ngram (page said en)</c>.
/// </summary>
internal static class PageLanguage
{
    /// <summary>Below this many characters of body text a stated language is never replaced.</summary>
    // A 58-character English note on a German blog (trafilatura/nurmeinstandpunkt) must not relabel the page.
    public const int MinCharsToReplace = 300;

    /// <summary>An n-gram guess replaces a stated language only with at least this margin.</summary>
    // On the corpus pages, guesses contradicting a right statement had margins up to 0.031 (Papiamento
    // taken for Spanish); wrong statements had guesses with margins 0.057 (Spanish marked en) and
    // 0.137 to 0.27 (German and French marked en): 0.08 sits between, taking all but one.
    public const double MinMarginToReplace = 0.08;

    /// <summary>Characters of the text that confirm a stated language before the whole sample is identified.</summary>
    // 400: 40 % of the identification's work. On the corpus pages the answers are the same as identifying 1,000
    // characters every time (LanguageCorpusTests and `winnow eval` unchanged, 2026-12-04).
    public const int ConfirmChars = 400;

    /// <summary>A guess from the script replaces a stated language only when this share of the letters is in the script.</summary>
    // Judgement, not measured (the corpus has no such page): a mostly-Latin page with a quoted Greek line keeps its statement.
    public const double MinScriptShareToReplace = 0.8;

    // Languages whose texts the profiles cannot keep apart reliably (one or two sentences of Slovak
    // come out as Czech, Croatian as Slovenian, Bokmål as Danish, Ukrainian as Russian: see
    // LanguageIdentifierTests), or which pages name interchangeably: a statement within the group is
    // never replaced by another member.
    static readonly string[][] CloseGroups =
    [
        ["no", "nb", "nn", "da", "sv"],
        ["hr", "sr", "bs", "sh", "sl"],
        ["cs", "sk"],
        ["ru", "uk", "be"],
        ["bg", "mk"],
        ["id", "ms"],
        ["ja", "zh"],
    ];

    /// <summary>The article with its language filled in or corrected from <paramref name="body"/>; unchanged when the text says nothing sure.</summary>
    public static ArticleMetadata Apply(ArticleMetadata article, ImmutableArray<Block> body)
    {
        var sample = LanguageSample.From(body, LanguageIdentifier.MaxChars);
        if (article.Language is { } said)
        {
            // A statement that no identification could replace needs none (ShouldReplace's first two refusals).
            var primary = Primary(said);
            if (sample.Length < MinCharsToReplace || !LanguageIdentifier.Languages.Contains(primary)) return article;
            // Confirm cheaply, decide carefully: when the start of the text already agrees with the statement it
            // stands; only a text that disagrees is identified in full. Most pages state their language rightly, and
            // identification was the largest part of what metadata adds to an extraction (`winnow bench`, 2026-12-04).
            if (sample.Length > ConfirmChars && LanguageIdentifier.Identify(sample.AsSpan(0, ConfirmChars)) is { } first && first.Language == primary)
                return article;
        }
        var guess = LanguageIdentifier.Identify(sample);
        if (guess is null) return article;
        var source = "text:" + guess.Method;
        if (article.Language is not { } stated)
            return article with { Language = guess.Language, Sources = article.Sources.SetItem("language", source) };
        if (!ShouldReplace(stated, guess, sample.Length)) return article;
        return article with { Language = guess.Language, Sources = article.Sources.SetItem("language", $"{source} (page said {stated})") };
    }

    internal static bool ShouldReplace(string stated, LanguageGuess guess, int textLength)
    {
        var primary = Primary(stated);
        if (primary == guess.Language) return false;
        if (textLength < MinCharsToReplace) return false;
        // A language the identifier cannot recognise (Luxembourgish, Galician, ...) is never wrong by it.
        if (!LanguageIdentifier.Languages.Contains(primary)) return false;
        if (CloseGroups.Any(g => g.Contains(primary) && g.Contains(guess.Language))) return false;
        return guess.Method == "script" ? guess.Confidence >= MinScriptShareToReplace : guess.Confidence >= MinMarginToReplace;
    }

    static string Primary(string tag)
    {
        int dash = tag.IndexOf('-');
        return (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
    }
}
