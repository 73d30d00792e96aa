using System.Text.Json;
using Winnow.Language;
using Xunit.Abstractions;

namespace Winnow.Tests.Language;

/// <summary>
/// The identifier on the corpus pages' extracted bodies. The reference language is the gold one
/// (Readability's pages: 73 with <c>language</c>, taken from the page's own statement) or else the
/// language the page states; some statements are wrong (German pages marked <c>en</c>), so the
/// agreement measured here understates the identifier's accuracy. Floors are the figures measured
/// on 2026-11-22, rounded down.
/// </summary>
public class LanguageCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Identification_agrees_with_the_pages_and_keeps_readabilitys_gold()
    {
        var extractor = new Extractor();
        int referenced = 0, guessed = 0, agreed = 0, gold = 0, goldKept = 0;
        var disagreements = new List<string>();
        foreach (var dataset in new[] { "readability", "scrapinghub", "trafilatura" })
        {
            foreach (var htmlPath in TestData.CorpusHtmlFiles(dataset))
            {
                var stem = htmlPath[..^(htmlPath.EndsWith(".gz", StringComparison.Ordinal) ? ".html.gz".Length : ".html".Length)];
                using var json = JsonDocument.Parse(File.ReadAllBytes(stem + ".json"));
                var g = json.RootElement;
                string? goldLanguage = g.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.String ? Primary(l.GetString()!) : null;
                string? url = g.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                var result = extractor.Extract(TestData.ReadCorpusHtml(htmlPath), url);
                var article = result.Article;
                if (goldLanguage is not null)
                {
                    gold++;
                    if (article.Language is { } final && Primary(final) == goldLanguage) goldKept++;
                    else disagreements.Add($"GOLD {dataset}/{Path.GetFileName(stem)}: gold {goldLanguage}, got {article.Language} ({article.Sources.GetValueOrDefault("language")})");
                }
                // the page's own statement: the source says what the page said when it was replaced
                var source = article.Sources.GetValueOrDefault("language") ?? "";
                string? stated = source.StartsWith("text:", StringComparison.Ordinal)
                    ? (source.IndexOf("(page said ", StringComparison.Ordinal) is var at and >= 0 ? Primary(source[(at + 11)..^1]) : null)
                    : article.Language is { } s ? Primary(s) : null;
                var reference = goldLanguage ?? stated;
                if (reference is null) continue;
                referenced++;
                var guess = LanguageIdentifier.Identify(LanguageSample.From(result.Body, LanguageIdentifier.MaxChars));
                if (guess is null) continue;
                guessed++;
                if (guess.Language == reference) agreed++;
                else disagreements.Add($"{dataset}/{Path.GetFileName(stem)}: reference {reference}, identified {guess.Language} ({guess.Method} {guess.Confidence:F3}); final {article.Language}");
            }
        }
        double agreement = agreed / (double)guessed, coverage = guessed / (double)referenced;
        output.WriteLine($"pages with a reference language {referenced}, identified {guessed} (coverage {coverage:F3}), agreeing {agreed} ({agreement:F3})");
        output.WriteLine($"readability gold language kept: {goldKept}/{gold}");
        foreach (var d in disagreements) output.WriteLine(d);

        Assert.True(gold >= 70, $"{gold} gold languages");
        // measured 73/73; the issue's bar is 0.95 and the figure must not drop
        Assert.Equal(gold, goldKept);
        Assert.True(agreement >= AgreementFloor, $"agreement {agreement:F3} < {AgreementFloor}");
        Assert.True(coverage >= CoverageFloor, $"coverage {coverage:F3} < {CoverageFloor}");
    }

    // Measured 624/640 = 0.975: 15 of the 16 disagreements are pages whose statement is wrong for the
    // extracted text (German, French or Spanish text marked en; English text on German blogs), one is
    // Papiamento (no profile) taken for Spanish.
    const double AgreementFloor = 0.97;
    // Measured 640/655 = 0.977: Lorem-ipsum test pages, near-empty bodies and a few low-margin pages get no guess.
    const double CoverageFloor = 0.97;

    static string Primary(string tag) => (tag.IndexOf('-') is var d and >= 0 ? tag[..d] : tag).ToLowerInvariant();
}
