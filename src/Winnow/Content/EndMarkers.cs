using System.Text.RegularExpressions;

namespace Winnow.Content;

/// <summary>
/// Short lines that open a section which is not the article: related links, "read also" teasers,
/// sources and contact boxes, rating prompts, newsletter calls, author boxes. Multilingual, matched
/// at the start of a short block (casefolded).
/// </summary>
internal static partial class EndMarkers
{
    /// <summary>Longer blocks are prose that merely starts with such words.</summary>
    public const int MaxMarkerLength = 80;

    static readonly string[] Prefixes =
    [
        // en
        "related", "read more", "read also", "also read", "read next", "you may also like", "you might also like", "you may be interested", "more from", "more on this",
        "recommended for you", "more stories", "about the author", "sources:", "share this", "rate this", "was this article helpful", "subscribe to", "sign up for", "never miss",
        "follow us", "submit your letter", "popular posts", "trending now", "most read", "most popular", "what to read next",
        // de
        "ähnliche beiträge", "ähnliche artikel", "das könnte sie auch interessieren", "das könnte dich auch interessieren", "das thema könnte", "auch lesen", "lesen sie auch",
        "lesen sie mehr", "mehr zum thema", "weitere artikel", "weitere informationen:", "quellenangaben", "quellen:", "kontakt:", "über den autor", "zum autor", "wie bewerten sie",
        "war der artikel", "war dieser artikel", "schon gelesen", "möchten sie den artikel", "zusatzinformationen", "erschienen in", "fragen an den autor", "vorschau auf den nächsten", "zurück zur", "zurück zum", "beliebte artikel", "meistgelesen", "noch mehr infos", "auch interessant",
        // fr
        "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "à propos de l'auteur", "voir aussi", "les plus lus",
        // es
        "puedes ver", "lee también", "lea también", "te puede interesar", "le puede interesar", "noticias relacionadas", "síguenos", "siguenos", "más noticias",
        // pl
        "czytaj także", "czytaj też", "dowiedz się więcej", "czytasz właśnie", "czytaj również", "zobacz także", "zobacz też", "polecamy", "przeczytaj także",
        // it
        "leggi anche", "potrebbe interessarti", "articoli correlati",
        // pt
        "leia também", "veja também", "saiba mais", "leia mais",
        // nl
        "lees ook", "gerelateerde",
    ];

    /// <summary>Whether the line opens a section that is not the article. A longer line counts when most of it is
    /// a link: "À lire aussi : &lt;title of another story&gt;".</summary>
    public static bool IsMarker(string text, double linkShare = 0)
    {
        if (text.Length > MaxMarkerLength && linkShare < 0.5) return false;
        var t = text.TrimStart(' ', '»', '›', '>', '-', '–', '—', '*', '•', '|').ToLowerInvariant();
        foreach (var p in Prefixes)
            if (t.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A line that is only a date and/or a time ("12.12.2022, 08:30 Uhr", "31. Mai", "19:49").</summary>
    public static bool IsDateOnly(string text) => text.Length <= 40 && DateOnly().IsMatch(text.Trim());

    /// <summary>A short line that ends in a photo credit is a caption left outside its figure
    /// ("Son tres los periodos de vacaciones. Foto: Andina", "(Bild: dpa)").</summary>
    public static bool IsCaptionLine(string text) => text.Length <= 200 && CreditEnding().IsMatch(text);

    [GeneratedRegex(@"[(\[]?\b(?:foto|fotos|photo|photos|bild|bilder|image|imagen|fotografía|crédito|credit|credits|quelle|source|fuente|copyright|©)\s*:\s*[^.!?:]{1,50}[)\]]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditEnding();

    [GeneratedRegex(@"^(?=.*\d)(?:(?:am|on|le|el|den|vom)\s+)?(?:\d{1,4}[./\-]\s?)?(?:\d{1,2}\.?\s*)?(?:[A-Za-zÀ-ÿäöüÄÖÜ]{3,10}\.?\s*)?(?:\d{2,4})?,?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOnly();
}
