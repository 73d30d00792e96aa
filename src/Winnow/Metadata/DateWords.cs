namespace Winnow.Metadata;

/// <summary>
/// The words dates are written with, per language: month names (full, genitive and abbreviated)
/// and the labels that say which date a line states ("Veröffentlicht am" = published,
/// "Aktualisiert" = modified). Keys are folded with <see cref="MetaText.Fold"/> (lower case,
/// diacritics removed: "März" → "marz", "września" → "wrzesnia", "мая" stays Cyrillic).
/// </summary>
internal static class DateWords
{
    /// <summary>Month name or abbreviation (folded) → month number 1..12.</summary>
    public static readonly IReadOnlyDictionary<string, int> Months = BuildMonths();

    static Dictionary<string, int> BuildMonths()
    {
        // Full month names: en, de (+ Austrian Jänner/Feber), fr, es, it, pt, nl, pl (nominative
        // and genitive: "5 maja 2020"), ru (nominative and genitive: "5 мая 2020").
        string[][] names =
        [
            ["january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari", "styczeń", "stycznia", "январь", "января"],
            ["february", "februar", "feber", "février", "febrero", "febbraio", "fevereiro", "februari", "luty", "lutego", "февраль", "февраля"],
            ["march", "märz", "maerz", "mars", "marzo", "março", "maart", "marzec", "marca", "март", "марта"],
            ["april", "avril", "abril", "aprile", "kwiecień", "kwietnia", "апрель", "апреля"],
            ["may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "май", "мая"],
            ["june", "juni", "juin", "junio", "giugno", "junho", "czerwiec", "czerwca", "июнь", "июня"],
            ["july", "juli", "juillet", "julio", "luglio", "julho", "lipiec", "lipca", "июль", "июля"],
            ["august", "août", "agosto", "augustus", "sierpień", "sierpnia", "август", "августа"],
            ["september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "wrzesień", "września", "сентябрь", "сентября"],
            ["october", "oktober", "octobre", "octubre", "ottobre", "outubro", "październik", "października", "октябрь", "октября"],
            ["november", "novembre", "noviembre", "novembro", "listopad", "listopada", "ноябрь", "ноября"],
            ["december", "dezember", "décembre", "diciembre", "dicembre", "dezembro", "grudzień", "grudnia", "декабрь", "декабря"],
        ];
        var full = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int m = 0; m < 12; m++)
        {
            foreach (var raw in names[m])
            {
                var name = MetaText.Fold(raw);
                full[name] = m + 1;
                // Abbreviations are 3-letter prefixes ("Jul", "Mär", "Okt", "сен"); longer prefixes are
                // not (a 4-letter prefix of "janeiro" is the name "Jane"). A prefix shared by two
                // months ("jui": juin/juillet, "lis" is only listopad) is ambiguous and dropped.
                if (name.Length > 3)
                {
                    var p = name[..3];
                    prefix[p] = prefix.TryGetValue(p, out var prev) && prev != m + 1 ? -1 : m + 1;
                }
            }
        }
        foreach (var (p, m) in prefix) if (m > 0) full.TryAdd(p, m);
        // common 4-letter abbreviations (en/fr/de/ru), and the Dutch "mrt" which is not a prefix
        foreach (var (a, m) in new[] { ("sept", 9), ("janv", 1), ("fevr", 2), ("juil", 7), ("mrt", 3), ("сент", 9) })
            full[a] = m;
        return full;
    }

    /// <summary>Month number for a folded word, 0 when it is not a month.</summary>
    public static int Month(string folded) => Months.TryGetValue(folded, out var m) ? m : 0;

    // Labels in front of a visible date, folded, as they start a date line.
    static readonly string[] PublishedLabels =
    [
        "published", "publication", "posted", "first published", "originally published", "created", "released",
        "veröffentlicht", "erschienen", "erstellt", "publiziert", "online seit", "datum",
        "publié", "mis en ligne", "mise en ligne", "publicado", "publicada", "pubblicato", "pubblicata",
        "gepubliceerd", "geplaatst", "opublikowano", "opublikowany", "data publikacji", "опубликовано", "дата публикации",
        "发布", "发表",
    ];

    // Not here: German "Stand" ("as of"): the date of the text as shown, often the only date a page
    // gives; the corpus gold takes it as the page's date (bundesrat, finanztip, internetchemie).
    static readonly string[] ModifiedLabels =
    [
        "updated", "last updated", "last modified", "modified", "revised", "edited",
        "aktualisiert", "zuletzt aktualisiert", "geändert", "zuletzt geändert", "mis à jour", "mise à jour", "modifié",
        "actualizado", "actualizada", "atualizado", "aggiornato", "aggiornata", "bijgewerkt", "laatst bijgewerkt",
        "zaktualizowano", "aktualizacja", "обновлено", "изменено", "更新",
    ];

    // Labels of dates that are about someone, not the page: a forum's "Registriert: 18.09.2008"
    // beside the post (foren.myoos), "Mitglied seit", birthdays.
    static readonly string[] OtherLabels =
    [
        "registered", "joined", "member since", "born", "registriert", "mitglied seit", "dabei seit", "geboren",
        "inscrit", "inscrit le", "membre depuis", "registrado", "miembro desde", "iscritto", "lid sinds", "dołączył", "зарегистрирован",
    ];

    /// <summary>What a date line's label says.</summary>
    public enum Label : byte { None, Published, Modified, Other }

    /// <summary>
    /// The label a short text starts with (after punctuation and a leading "am"/"on"/"le"):
    /// "Updated Mar 12, 2020" → Modified, "Veröffentlicht am 5. November 2023" → Published.
    /// </summary>
    public static Label LabelOf(string text)
    {
        var f = MetaText.Fold(text.TrimStart(' ', '|', '·', '-', '–', '(', '[', '•'));
        foreach (var w in FoldedOther) if (StartsWord(f, w)) return Label.Other;
        foreach (var w in FoldedModified) if (StartsWord(f, w)) return Label.Modified;
        foreach (var w in FoldedPublished) if (StartsWord(f, w)) return Label.Published;
        return Label.None;
    }

    // folded once: folding the label lists on every call cost more than the rest of the date search (profile of the bench)
    static readonly string[] FoldedOther = OtherLabels.Select(MetaText.Fold).ToArray();
    static readonly string[] FoldedModified = ModifiedLabels.Select(MetaText.Fold).ToArray();
    static readonly string[] FoldedPublished = PublishedLabels.Select(MetaText.Fold).ToArray();

    static bool StartsWord(string f, string w) =>
        f.StartsWith(w, StringComparison.Ordinal) && (f.Length == w.Length || !char.IsLetter(f[w.Length]) || w[0] > 0x2E80);
}
