using System.Text;

namespace Winnow.Metadata;

/// <summary>
/// Turns an author string as pages write it into clean names: strips "By" / "von" / "par" /
/// "Written by" / "Autor:", cuts trailing dates and "| Updated …" parts, drops e-mails, URLs,
/// @handles, "(…)" asides, job titles after a comma ("Jane Doe, Staff Writer"), "Staff",
/// "Email the author"; and splits a list of names on " and " / " und " / " et " / " y " / "&amp;"
/// / ";" / "," (a comma only when every part looks like a name).
/// </summary>
internal static class AuthorNames
{
    // Longest plausible single name in characters/words: longer strings are sentences or
    // whole bylines with extra text (seen: "Posted on … in Politics by …" rows).
    const int MaxNameChars = 60;
    const int MaxNameWords = 6;

    static readonly string[] LeadPhrases =
    [
        "post author", "über", "about", "à propos de", "sobre", "view all posts by", "all posts by", "more posts by", "more articles by", "more from", "posts by", "articles by",
        "zeige alle beiträge von", "alle beiträge von", "alle artikel von", "mehr von", "weitere artikel von",
        "veröffentlicht von", "erstellt von", "geschrieben von:", "publié par", "escrito por", "publicado por", "scritto da",
        "written by", "posted by", "submitted by", "published by", "words by", "story by", "text by", "reported by", "article by",
        "geschrieben von", "verfasst von", "ein beitrag von", "ein artikel von", "text von", "text:", "von:", "von",
        "autor:", "autorin:", "autoren:", "author:", "authors:", "auteur :", "auteur:", "auteurs :", "autor", "autorin",
        "author", "auteur", "by:", "by", "par :", "par:", "par", "por:", "por", "door", "di", "da", "vom", "from",
    ];

    static readonly string[] ListSeparators = [" and ", " und ", " et ", " y ", " e ", " en ", " & ", " ＆ ", ";", " / ", " | "];

    // Words that make a comma part a job title or an affiliation, not a name.
    static readonly string[] TitleWords =
    [
        "staff", "writer", "editor", "reporter", "correspondent", "columnist", "contributor", "journalist", "producer",
        "chief", "senior", "associate", "assistant", "director", "manager", "professor", "founder", "president",
        "analyst", "news", "press", "times", "post", "herald", "daily", "magazine", "redakteur", "redakteurin",
        "korrespondent", "korrespondentin", "redaktion", "journaliste", "rédacteur", "rédactrice", "envoyé", "envoyée",
        "for the", "special to", "university", "universität", "agency", "dpa", "afp", "reuters", "associated", "bureau",
        "desk", "team",
    ];

    // A word that never appears in a person's name but does in the text around bylines
    // ("Zuletzt geändert", "3 Kommentare", "Share"): a candidate holding one is not a name.
    static readonly HashSet<string> NonNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "zuletzt", "geändert", "aktualisiert", "updated", "modified", "comments", "comment", "kommentare", "kommentar",
        "reply", "antworten", "share", "teilen", "read", "lesen", "minuten", "minutes", "min", "posted", "veröffentlicht",
        "published", "erstellt", "views", "likes", "lesezeit", "uhr", "ago", "hours", "stunden", "home", "startseite",
        "menu", "menü", "login", "anmelden", "search", "suche", "newsletter", "abonnieren", "subscribe", "cookie", "cookies",
        "wordpressadmin", "webmaster", "admin", "anzeigen", "archiv", "archive", "view", "→", "»",
    };

    static readonly HashSet<string> TrailingLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "profile", "follow", "twitter", "email", "e-mail", "bio", "more", "contact", "kontakt", "profil", "folgen", "suivre",
    };

    static readonly HashSet<string> Junk = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "email", "e-mail", "email the author", "email author", "contact", "follow", "twitter", "facebook",
        "linkedin", "instagram", "more", "view all posts", "view profile", "read more", "bio", "website", "profile",
        "author", "authors", "autor", "autorin", "auteur", "by", "von", "par", "unknown", "anonymous", "n/a", "none", "null",
        "admin", "administrator", "guest", "guest author", "no author", "kein autor", "share", "comments", "comment", "updated", "published", "posted",
    };

    /// <summary>The names in <paramref name="raw"/>, in order, de-duplicated; empty when none is plausible.</summary>
    public static List<string> Parse(string? raw)
    {
        var result = new List<string>();
        var s = MetaText.Clean(raw);
        if (s is null) return result;
        if (MetaText.LooksLikeUrl(s)) return result;
        // "Posted on July 6, 2022 by admin": the names follow the last " by ".
        s = AfterByMarker(s);
        s = AfterLabel(s);
        s = StripLead(s);
        s = CutAtDate(s);
        s = RemoveNoise(s);
        if (s.Length == 0) return result;

        s = CutAffiliationList(s);
        // a role after the names belongs to all of them: cut before splitting ("… Redakteur für Wirtschaft und Umwelt")
        var parts = SplitList(CutRole(s));
        foreach (var p in parts)
        {
            var n = TidyName(CutRole(StripLead(p)));
            if (n is null) continue;
            bool dup = false;
            foreach (var r in result) if (string.Equals(r, n, StringComparison.OrdinalIgnoreCase)) dup = true;
            if (!dup) result.Add(n);
        }
        return result;
    }

    static string AfterByMarker(string s)
    {
        // a by-marker inside the string, not at its start: "Posted on 6 July by Jane Doe", "Ein Artikel von Max Muster"
        foreach (var marker in new[] { " by ", " By ", " BY ", " von ", " Von ", " VON ", " par ", " Par ", " por ", " Por ", " door " })
        {
            int i = s.LastIndexOf(marker, StringComparison.Ordinal);
            if (i > 0 && i + marker.Length < s.Length)
            {
                var head = s[..i];
                // only when what precedes is not itself a name list ("Smith and Jones by …" is rare; "posted"/dates are common)
                // a short label before a capitalised marker: "Post author By X", "Disko Von X" (not "Anna von Müller": lower-case particle)
                bool label = char.IsUpper(marker[1]) && head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2;
                if (label || HasDigit(head) || head.Contains("posted", StringComparison.OrdinalIgnoreCase) || head.Contains("published", StringComparison.OrdinalIgnoreCase)
                    || head.Contains("written", StringComparison.OrdinalIgnoreCase) || head.Contains("submitted", StringComparison.OrdinalIgnoreCase) || head.Contains("gespeichert", StringComparison.OrdinalIgnoreCase) || head.Contains("eingestellt", StringComparison.OrdinalIgnoreCase) || head.Contains("veröffentlicht", StringComparison.OrdinalIgnoreCase)
                    || head.Contains("artikel", StringComparison.OrdinalIgnoreCase) || head.Contains("beitrag", StringComparison.OrdinalIgnoreCase)
                    || head.Contains("publié", StringComparison.OrdinalIgnoreCase) || head.Contains("photo", StringComparison.OrdinalIgnoreCase))
                    return s[(i + marker.Length)..];
            }
        }
        return s;
    }

    /// <summary>"Text; Fotos: Ivan Valetny", "责任编辑：孔德明", "Autorin: X": a short label before a colon is not part of the name.</summary>
    static string AfterLabel(string s)
    {
        int i = s.IndexOfAny([':', '：']);
        // the label is at most 3 words ("Text und Fotos:"); a colon later in the string belongs to something else
        if (i <= 0 || i + 1 >= s.Length) return i > 0 && i + 1 >= s.Length ? "" : s;
        var label = s[..i];
        if (label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 3 || HasDigit(label)) return s;
        return s[(i + 1)..].Trim();
    }

    static bool HasDigit(string s)
    {
        foreach (var c in s) if (char.IsDigit(c)) return true;
        return false;
    }

    static string StripLead(string s)
    {
        s = s.Trim().TrimStart('-', '–', '—', '|', '·', '•', ':', ',', ' ');
        bool again = true;
        while (again)
        {
            again = false;
            foreach (var p in LeadPhrases)
            {
                if (s.Length > p.Length && s.StartsWith(p, StringComparison.OrdinalIgnoreCase)
                    && (p.EndsWith(':') || !char.IsLetter(s[p.Length])))
                {
                    // "Da" / "Di" / "Von" may begin a surname ("Da Silva"); only strip them when followed by a capitalised name
                    var rest = s[p.Length..].TrimStart(' ', ':', '\u00A0');
                    if (rest.Length == 0) break;
                    if (p is "di" or "da" or "door" && !(char.IsUpper(rest[0]) && char.IsLower(s[0]))) continue;
                    s = rest;
                    again = true;
                    break;
                }
            }
        }
        return s;
    }

    /// <summary>Cuts the string at the first digit or separator that starts a date / an "Updated" part, then drops trailing month/connector words.</summary>
    static string CutAtDate(string s)
    {
        int cut = s.Length;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            // a digit starts a date or a count only at the start of a word: "Bo2man" is a name
            bool digitWord = char.IsDigit(c) && (i == 0 || !char.IsLetterOrDigit(s[i - 1]));
            if (digitWord || c is '|' or '•' or '·' or '\n' or '—' or '–' or '(' or '[' or '<')
            {
                // keep a leading "|" handled by StripLead; "(" starts an aside ("Jane Doe (AP)")
                cut = i;
                break;
            }
            if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < s.Length && s[i + 1] == ' ') { cut = i; break; }
        }
        var head = s[..cut].Trim();
        // only a date that was cut off leaves month words behind; otherwise "May" / "June" / "August" are names
        if (cut == s.Length || !char.IsDigit(s[cut])) return head.TrimEnd(',', ';', ':', ' ');
        // trailing words that belonged to the cut-off part: "Dave DeCamp July", "Jane Doe on", "Max Muster am"
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0)
        {
            var w = words[^1].TrimEnd(',', '.', ':').ToLowerInvariant();
            if (w is "on" or "am" or "le" or "el" or "il" or "op" or "at" or "um" or "updated" or "published" or "posted" or "aktualisiert"
                or "veröffentlicht" or "publié" or "mis" or "à" or "jour" or "last" or "date" or "stand" or "vom" or "du" or "del" or "de" or "the"
                || IsMonthWord(w) || IsWeekday(w))
            {
                words.RemoveAt(words.Count - 1);
                continue;
            }
            break;
        }
        return string.Join(' ', words).TrimEnd(',', ';', ':', ' ');
    }

    static bool IsMonthWord(string w)
    {
        var r = DateParsing.Scan("1 " + w + " 2000");
        return r.Value is not null;
    }

    static bool IsWeekday(string w) => w is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"
        or "mon" or "tue" or "wed" or "thu" or "fri" or "sat" or "sun" or "montag" or "dienstag" or "mittwoch" or "donnerstag" or "freitag"
        or "samstag" or "sonntag" or "mo" or "di" or "mi" or "do" or "fr" or "sa" or "so" or "lundi" or "mardi" or "mercredi" or "jeudi" or "vendredi" or "samedi" or "dimanche";

    static string RemoveNoise(string s)
    {
        var sb = new StringBuilder();
        foreach (var w in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var lw = w.ToLowerInvariant();
            if (w.Contains('@') || lw.StartsWith("http", StringComparison.Ordinal) || lw.StartsWith("www.", StringComparison.Ordinal)) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(w);
        }
        var r = sb.ToString();
        foreach (var phrase in new[] { "Email the author", "E-mail the author", "Email author", "View all posts", "Follow on Twitter", "Follow" })
        {
            int i = r.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (i >= 0) r = r[..i].Trim();
        }
        return r.Trim().TrimEnd(',', ';', ':');
    }

    // Nouns for a journalist's role, written before the name as one hyphenated word
    // ("FOCUS-Online-Experte Robin Tschöpe") or after it without a comma ("Ingo Arzt Redakteur für
    // Wirtschaft und Umwelt"): the role is not part of the name.
    static readonly string[] RoleNouns =
    [
        "experte", "expertin", "autor", "autorin", "gastautor", "gastautorin", "redakteur", "redakteurin", "chefredakteur",
        "chefredakteurin", "korrespondent", "korrespondentin", "reporter", "reporterin", "journalist", "journalistin",
        "kolumnist", "kolumnistin", "volontär", "volontärin", "ressortleiter", "ressortleiterin", "editor", "correspondent",
        "columnist", "contributor", "writer", "rédacteur", "rédactrice", "journaliste", "periodista", "redactor", "redactora",
    ];

    static bool IsRoleWord(string w)
    {
        var l = w.Trim(',', '.', ':').ToLowerInvariant();
        foreach (var r in RoleNouns)
            if (l == r || (l.EndsWith("-" + r, StringComparison.Ordinal))) return true;
        return false;
    }

    /// <summary>"FOCUS-Online-Experte Robin Tschöpe" → "Robin Tschöpe"; "Ingo Arzt Redakteur für Wirtschaft" → "Ingo Arzt".</summary>
    internal static string CutRole(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // a leading role needs two name words after it; a trailing one two name words before it
        if (words.Length >= 3 && IsRoleWord(words[0])) words = words[1..];
        for (int i = 2; i < words.Length; i++)
            if (IsRoleWord(words[i])) { words = words[..i]; break; }
        return string.Join(' ', words);
    }

    /// <summary>
    /// "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project" → "Daniel Kahn Gillmor":
    /// after a comma part that is a job title, a serial comma (", and") lists the nouns of an affiliation, not
    /// more people; everything from the job title on is cut before the list is split on " and ".
    /// </summary>
    internal static string CutAffiliationList(string s)
    {
        var parts = s.Split(',');
        if (parts.Length < 3) return s;
        int at = parts[0].Length;
        for (int i = 1; i < parts.Length; i++)
        {
            if (IsTitleLike(parts[i]))
            {
                var rest = s[at..];
                if (rest.Contains(", and ", StringComparison.OrdinalIgnoreCase) || rest.Contains(", und ", StringComparison.OrdinalIgnoreCase)
                    || rest.Contains(", et ", StringComparison.OrdinalIgnoreCase))
                    return s[..at];
                return s;
            }
            at += parts[i].Length + 1;
        }
        return s;
    }

    static List<string> SplitList(string s)
    {
        var parts = new List<string> { s };
        foreach (var sep in ListSeparators)
        {
            var next = new List<string>();
            foreach (var p in parts)
            {
                var comparison = sep.Trim().Length > 1 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                int start = 0, i;
                int from = start;
                while ((i = p.IndexOf(sep, from, comparison)) >= 0)
                {
                    from = i + sep.Length;
                    // "DHU-Arzneimittel GmbH & Co. KG": a company form, not a second name
                    if (sep.Trim() is "&" or "＆" && p.AsSpan(from).StartsWith("Co", StringComparison.Ordinal) && (p.Length == from + 2 || !char.IsLetter(p[from + 2]))) continue;
                    next.Add(p[start..i]);
                    start = from;
                }
                next.Add(p[start..]);
            }
            parts = next;
        }
        // Commas: a list of names when every part looks like a name; otherwise the first part is the
        // name and the rest is a job title / affiliation / place ("Jane Doe, Staff Writer").
        var result = new List<string>();
        foreach (var p in parts)
        {
            if (!p.Contains(',') && !p.Contains('،'))
            {
                result.Add(p);
                continue;
            }
            var commaParts = p.Split([',', '،'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (commaParts.Length == 0) continue;
            // "Doe, Jane" / "Jong, Michiel de": a surname-first name, kept as written
            if (commaParts.Length == 2 && !commaParts[0].Contains(' ') && commaParts[0].Length > 1 && char.IsUpper(commaParts[0][0])
                && commaParts[1].Split(' ').Length <= 3 && !IsTitleLike(commaParts[1]) && !IsTitleLike(commaParts[0]) && char.IsLetter(commaParts[1][0]))
            {
                result.Add(commaParts[0] + ", " + commaParts[1]);
                continue;
            }
            bool allNames = commaParts.Length > 1;
            foreach (var c in commaParts) if (!LooksLikeFullName(c)) { allNames = false; break; }
            if (allNames) result.AddRange(commaParts);
            else result.Add(commaParts[0]);
        }
        return result;
    }

    /// <summary>Two to five words, capitalised, no job-title word: "Jennifer Jett", "Michiel de Jong".</summary>
    static bool LooksLikeFullName(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5) return false;
        if (IsTitleLike(s)) return false;
        int caps = 0;
        foreach (var w in words) if (char.IsUpper(w[0])) caps++;
        return caps >= 2;
    }

    static bool IsTitleLike(string s)
    {
        var l = " " + s.ToLowerInvariant().Trim('.') + " ";
        foreach (var t in TitleWords) if (l.Contains(" " + t + " ", StringComparison.Ordinal) || l.Contains(" " + t + ".", StringComparison.Ordinal)) return true;
        return false;
    }

    static string? TidyName(string p)
    {
        var n = MetaText.Clean(p)?.Trim(',', ';', ':', '-', '–', '—', '|', '/', '"', '\'', '“', '”', '«', '»', ' ');
        if (n is null || n.Length < 2 || n.Length > MaxNameChars) return null;
        if (Junk.Contains(n)) return null;
        var words = n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // link labels that follow the name in the same byline element ("Patrick Allan Profile", "Jane Doe Follow")
        int keep = words.Length;
        while (keep > 1 && TrailingLabels.Contains(words[keep - 1])) keep--;
        if (keep < words.Length)
        {
            words = words[..keep];
            n = string.Join(' ', words);
        }
        foreach (var w in words) if (NonNameWords.Contains(w.Trim(',', '.', ':'))) return null;
        if (words.Length > MaxNameWords) return null;
        int letters = 0, digits = 0;
        foreach (var c in n)
        {
            if (char.IsLetter(c)) letters++;
            else if (char.IsDigit(c)) digits++;
        }
        // a name is letters; "7 NEWS WSVN"-like credits keep a digit or two, phone numbers and ids do not
        // (a forum handle "r23" is a name too: three characters with a letter)
        if (letters == 0 || (letters < 2 && letters + digits < 3) || digits > 2) return null;
        // quotation marks belong to a sentence ("… „Bikepark Feeling“ zu sprechen"), and a name does not end
        // in two lower-case words ("zu sprechen"; particles come before a capitalised surname; an organisation
        // credit "Contributors to Wikimedia projects" keeps a capital before its last word)
        if (n.IndexOfAny(['„', '“', '”', '"', '«', '»']) >= 0) return null;
        if (words.Length >= 3 && words[^1].Length > 3 && char.IsLower(words[^1][0]) && char.IsLower(words[^2][0])) return null;
        // a run of lower-case words is a phrase ("the editorial team"), not a name, unless the page writes all names in lower case (one or two words);
        // words of 3 letters or fewer are particles ("von", "de", "van") and do not count
        int lowerWords = 0;
        foreach (var w in words) if (char.IsLower(w[0]) && w.Length > 3) lowerWords++;
        if (words.Length >= 3 && lowerWords == words.Length) return null;
        if (n.EndsWith('.') && !(words[^1].Length <= 2)) n = n.TrimEnd('.');
        return n;
    }

    /// <summary>
    /// A login handle of two lower-case parts ("robert.stitz", "gabor_munier") written as the name it
    /// stands for ("Robert Stitz"); anything else unchanged.
    /// </summary>
    public static string FromHandle(string name)
    {
        if (name.Contains(' ')) return name;
        var parts = name.Split('.', '_');
        if (parts.Length != 2) return name;
        foreach (var p in parts)
            // 3 letters at least per part: "j.doe" is an initial, "katholisch.at" a domain, not handles to expand
            if (p.Length < 3 || !p.All(c => char.IsLetter(c) && char.IsLower(c))) return name;
        if (parts[1] is "com" or "net" or "org" or "info" or "biz" or "edu" or "gov") return name;
        return string.Join(' ', parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>
    /// A weak name: one word ("Stefanus"), or a login handle ("christian.stadtfeld", "gabor_munier").
    /// A visible byline naming a full name beats it.
    /// </summary>
    public static bool IsWeak(string name) => !name.Trim().Contains(' ');

    /// <summary>
    /// The full name an author box's bio opens with, when the byline gave only the first name: "Nils" with the bio
    /// "Nils Pickert ist freier Autor …" → "Nils Pickert". Only a one-word capitalised name followed in the bio by one
    /// capitalised word (the surname) counts; "Nils ist …" or a bio about someone else gives null.
    /// </summary>
    public static string? FullNameFromBio(string firstName, string bio)
    {
        var first = firstName.Trim();
        if (first.Length < 2 || !IsWeak(first) || !char.IsUpper(first[0]) || !first.All(char.IsLetter)) return null;
        var b = bio.TrimStart();
        if (!b.StartsWith(first + " ", StringComparison.Ordinal)) return null;
        var rest = b[(first.Length + 1)..];
        int end = 0;
        while (end < rest.Length && (char.IsLetter(rest[end]) || rest[end] == '-' || rest[end] == '\'')) end++;
        var surname = rest[..end];
        // a surname: capitalised, not one letter, and followed by the end of the name (space, comma, dash, period)
        if (surname.Length < 2 || !char.IsUpper(surname[0]) || surname.All(char.IsUpper) && surname.Length <= 3) return null;
        if (end < rest.Length && !(char.IsWhiteSpace(rest[end]) || rest[end] is ',' or '.' or '–' or '—' or '(' or ':')) return null;
        return first + " " + surname;
    }

    /// <summary>
    /// The name with the middle initial(s) a text writes it with: "Christian Stadtfeld" and a paragraph
    /// "(Christian P. Stadtfeld) +++" → "Christian P. Stadtfeld". Only a two-word name, only initials
    /// (a capital and a period) between the same first name and surname; null when no text has that form.
    /// </summary>
    public static string? WithMiddleInitial(string name, IEnumerable<string> texts)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || words[0].Length < 2 || words[1].Length < 2) return null;
        // a hand-written match of `first((?:\s+\p{Lu}\.){1,2})\s+last` between non-letters: a Regex built per call
        // was 5 % of the metadata's time (profile, 2026-12-04)
        foreach (var t in texts)
        {
            if (!t.Contains(words[1], StringComparison.Ordinal)) continue;
            for (var at = t.IndexOf(words[0], StringComparison.Ordinal); at >= 0; at = t.IndexOf(words[0], at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && char.IsLetter(t[at - 1])) continue;
                if (InitialsThenSurname(t, at + words[0].Length, words[1]) is { } initials)
                    return words[0] + " " + initials + " " + words[1];
            }
        }
        return null;
    }

    /// <summary>After a first name: one or two initials ("P.", "P. J.") then the surname, not followed by a letter; the initials, space-separated.</summary>
    static string? InitialsThenSurname(string t, int i, string surname)
    {
        string? found = null;
        var initials = new List<char>(2);
        while (initials.Count < 2)
        {
            var j = i;
            while (j < t.Length && char.IsWhiteSpace(t[j])) j++;
            if (j == i || j + 1 >= t.Length || !char.IsUpper(t[j]) || t[j + 1] != '.') break;
            initials.Add(t[j]);
            i = j + 2;
            // the longest run of initials that the surname follows wins, as the greedy {1,2} does
            var k = i;
            while (k < t.Length && char.IsWhiteSpace(t[k])) k++;
            if (k > i && string.CompareOrdinal(t, k, surname, 0, surname.Length) == 0
                && (k + surname.Length == t.Length || !char.IsLetter(t[k + surname.Length])))
                found = string.Join(" ", initials.Select(c => c + "."));
        }
        return found;
    }

    /// <summary>
    /// A one-word author from meta tags is suspicious: CMS defaults ("admin"), the site's own
    /// name, or a login handle. Real single names ("Fatima", "Jessie") exist, so it is kept only
    /// when it is not the site's name and no better source named someone.
    /// </summary>
    public static bool IsSuspiciousSingleWord(string name, IEnumerable<string?> siteNames)
    {
        if (name.Contains(' ')) return false;
        var k = MetaText.Key(name);
        foreach (var s in siteNames)
        {
            var sk = MetaText.Key(s);
            if (sk.Length > 0 && (sk == k || (k.Length >= 4 && sk.Contains(k)))) return true;
        }
        return false;
    }
}
