using System.Collections.Frozen;

namespace Winnow.Language;

/// <summary>
/// Identifies the language of a text. The writing system comes first: a script that only one known
/// language uses names it (Greek, Hebrew, Thai, Hangul, ...; Han with kana is Japanese, Han alone
/// Chinese). Among the languages sharing a script (Latin, Cyrillic, Arabic, Devanagari) the text's
/// character n-grams are ranked and compared with each language's shipped TextCat profile by
/// Cavnar and Trenkle's "out-of-place" distance. Stateless and thread-safe.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>Only this many characters from the start of the text are looked at (speed).</summary>
    // 1,000: on the corpus pages (LanguageCorpusTests) 1,000 characters identify 641 of 655 pages with 624
    // agreeing (0.973), against 640 / 624 (0.975) for 2,000, at half the cost: with 2,000 the language step
    // was 7 % of a page's extraction time in `winnow bench`, and metadata must stay within 15 %.
    public const int MaxChars = 1_000;

    /// <summary>Fewer letters than this give no guess.</summary>
    // Judgement: a headline's worth. On trafilatura's snippets (prototype) the de/nl and es/ca mix-ups were
    // texts of 50 to 100 characters; the margin threshold, not this, is what rejects those.
    public const int MinLetters = 30;

    /// <summary>An n-gram guess whose <see cref="LanguageGuess.Confidence"/> is below this is no guess.</summary>
    // On the corpus pages, wrong guesses had margins up to 0.016 (a Portuguese results table taken for
    // Catalan; Lorem-ipsum test pages up to 0.006); 10 of 600 right ones fall below this and are lost.
    public const double MinMargin = 0.017;

    /// <summary>No guess unless the leading script holds at least this share of the letters.</summary>
    // Judgement (a majority); the corpus pages named by their script (ja, zh, ko) had shares from 0.93.
    public const double MinScriptShare = 0.5;

    /// <summary>Every language the identifier can name (BCP 47 primary subtags): those with an n-gram profile and those a script names.</summary>
    public static IReadOnlySet<string> Languages => KnownLanguages.Value;

    static readonly Lazy<IReadOnlySet<string>> KnownLanguages = new(() =>
    {
        var set = new HashSet<string>(NGramProfiles.Shared.Languages) { "ja", "zh" };
        foreach (var s in Enum.GetValues<WritingScript>())
            if (WritingScripts.SoleLanguage(s) is { } tag) set.Add(tag);
        return set.ToFrozenSet();
    });

    /// <summary>The language of <paramref name="text"/>, or null when the text is too short or no language is clearly ahead.</summary>
    public static LanguageGuess? Identify(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxChars) text = text[..MaxChars];
        Span<int> letters = stackalloc int[WritingScripts.Count];
        int total = 0;
        foreach (var c in text)
        {
            var s = WritingScripts.Of(c);
            if (s == WritingScript.None) continue;
            // A Han, kana or Hangul character stands for a syllable or a word: weigh it like three Latin letters.
            int weight = s is WritingScript.Han or WritingScript.Kana or WritingScript.Hangul ? 3 : 1;
            letters[(int)s] += weight;
            total += weight;
        }
        if (total < MinLetters) return null;

        int cjk = letters[(int)WritingScript.Han] + letters[(int)WritingScript.Kana];
        var dominant = WritingScript.None;
        for (int s = 1; s < letters.Length; s++)
            if (letters[s] > letters[(int)dominant]) dominant = (WritingScript)s;
        // Han and kana count together: Japanese mixes them, and either may lead.
        if (cjk > letters[(int)dominant]) dominant = WritingScript.Han;
        int dominantCount = dominant == WritingScript.Han ? cjk : letters[(int)dominant];
        double share = dominantCount / (double)total;
        if (share < MinScriptShare) return null;

        if (dominant == WritingScript.Han)
        {
            // Japanese prose is a third or more kana; Chinese has none, but for a quoted Japanese name.
            bool japanese = letters[(int)WritingScript.Kana] >= 0.1 * cjk;
            return new LanguageGuess(japanese ? "ja" : "zh", share, "script");
        }
        if (WritingScripts.SoleLanguage(dominant) is { } sole) return new LanguageGuess(sole, share, "script");
        return ByNGrams(text, dominant, share);
    }

    static LanguageGuess? ByNGrams(ReadOnlySpan<char> text, WritingScript script, double share)
    {
        var profiles = NGramProfiles.Shared;
        int candidates = 0, only = -1;
        for (int p = 0; p < profiles.Languages.Count; p++)
            if (profiles.Scripts[p] == script) { candidates++; only = p; }
        if (candidates == 0) return null;
        if (candidates == 1) return new LanguageGuess(profiles.Languages[only], share, "script");

        var ranked = TextNGrams.Ranked(text, profiles.Depth);
        Span<double> distance = stackalloc double[profiles.Languages.Count];
        // Out-of-place: each of the text's ranked n-grams costs the difference of its two ranks,
        // or the profile's depth when the profile lacks it.
        distance.Fill((double)ranked.Length * profiles.Depth);
        for (int i = 0; i < ranked.Length; i++)
        {
            if (!profiles.TryGet(ranked.Keys[i], out var ps, out var rs)) continue;
            float rank = ranked.Ranks[i];
            for (int j = 0; j < ps.Length; j++)
                distance[ps[j]] += Math.Abs(rs[j] - rank) - profiles.Depth;
        }

        int best = -1, second = -1;
        for (int p = 0; p < distance.Length; p++)
        {
            if (profiles.Scripts[p] != script) continue;
            if (best < 0 || distance[p] < distance[best]) { second = best; best = p; }
            else if (second < 0 || distance[p] < distance[second]) second = p;
        }
        double margin = distance[second] <= 0 ? 0 : (distance[second] - distance[best]) / distance[second];
        if (margin < MinMargin) return null;
        return new LanguageGuess(profiles.Languages[best], margin, "ngram");
    }
}
