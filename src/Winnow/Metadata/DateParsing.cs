using System.Globalization;

namespace Winnow.Metadata;

/// <summary>
/// Reads a date out of a short string as pages write them: ISO 8601 variants ("2022-07-06",
/// "2022-07-06T14:15:08-07:00", "20220706"), RFC 1123 ("Wed, 06 Jul 2022 14:15:08 GMT"),
/// numeric day-first/month-first forms ("06.07.2022", "7/6/2022", "2022/07/06") and written
/// months in English, German, French, Spanish, Italian, Portuguese and Dutch ("July 6, 2022",
/// "6 July 2022", "3. März 2021", "le 5 juin 2020", "5 de junio de 2020"), plus "2022年7月6日".
/// A date without its day ("March 2021") is partial: it is reported as such and never
/// completed with today's day. Hand-written token scanner, no regex: it runs on every page.
/// </summary>
internal static class DateParsing
{
    // Plausibility floor: the web's news/blog era; dates before it in metadata are placeholders
    // (0001-01-01, 1970-01-01 epoch defaults) — brief: "plausibility 1995..today+1day".
    const int MinYear = 1995;
    // Only the first characters are scanned: dates in metadata and bylines come early; this
    // bounds the cost on long strings (a whole paragraph passed by mistake).
    const int MaxScan = 400;

    /// <summary>The outcome of a parse.</summary>
    /// <param name="Value">The date (and time), or null.</param>
    /// <param name="HasTime">Whether a time of day was written.</param>
    /// <param name="Partial">Whether only a month and year (or "YYYY-MM") was found.</param>
    /// <param name="HasZone">Whether a time zone was written (Z, +02:00, GMT, CET …); without one the offset is +00:00 by default, not by statement.</param>
    internal readonly record struct Result(DateTimeOffset? Value, bool HasTime, bool Partial, bool HasZone = false);

    /// <summary>
    /// Parses <paramref name="raw"/> into a <see cref="PageDate"/>: with a value when a full,
    /// plausible date was found; with a null value when only a partial date (month and year, or
    /// a year) was found; null when nothing date-like was found.
    /// </summary>
    public static PageDate? Parse(string? raw, string source)
    {
        raw = MetaText.Clean(raw);
        if (raw is null) return null;
        var r = Scan(raw);
        if (r.Value is { } v) return new PageDate(raw, v, r.HasTime, source);
        if (r.Partial) return new PageDate(raw, null, false, source);
        return null;
    }

    /// <summary>Whether the day is plausible for a web page: 1995-01-01 up to one day after now.</summary>
    public static bool IsPlausible(DateTimeOffset d) =>
        d.Year >= MinYear && d.UtcTicks <= LatestPlausibleTicks();

    // One day after now, read from the clock at most once a second: the clock was read for every candidate date,
    // 6 % of the metadata's time on this VM's kvm-clock (profile, 2026-12-04). Ticks in one long: atomic to share.
    static long _latestTicks, _latestReadAt;

    static long LatestPlausibleTicks()
    {
        var tick = Environment.TickCount64;
        if (Volatile.Read(ref _latestTicks) == 0 || tick - Volatile.Read(ref _latestReadAt) > 1000)
        {
            Volatile.Write(ref _latestTicks, DateTimeOffset.UtcNow.AddDays(1).UtcTicks);
            Volatile.Write(ref _latestReadAt, tick);
        }
        return Volatile.Read(ref _latestTicks);
    }

    /// <summary>
    /// A date in the URL's path, validated (the day must exist and be plausible): /YYYY/MM/DD/,
    /// /YYYY-MM/DD/, a segment starting YYYY-MM-DD, YYYYMMDD or DD-MM-YYYY followed by a separator
    /// ("/20220127-gedenkstunde", "/23-01-2022-slug"). A path with only /YYYY/MM/ gives nothing:
    /// a day is never invented.
    /// </summary>
    public static PageDate? FromUrl(Uri? url)
    {
        if (url is null) return null;
        var segs = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < segs.Length; i++)
        {
            var s = segs[i];
            // /YYYY/MM/DD[-slug] and /YYYY-MM/DD[-slug]
            int y = -1, m = -1;
            if (s.Length == 4 && AllDigits(s) && i + 2 < segs.Length && segs[i + 1].Length is 1 or 2 && AllDigits(segs[i + 1]))
            {
                y = Int(s); m = Int(segs[i + 1]);
                i++;
            }
            else if (s.Length == 7 && AllDigits(s.AsSpan(0, 4)) && s[4] == '-' && AllDigits(s.AsSpan(5, 2)) && i + 1 < segs.Length)
            {
                y = Int(s.AsSpan(0, 4)); m = Int(s.AsSpan(5, 2));
            }
            if (y > 0)
            {
                var day = segs[i + 1];
                int n = LeadingDigits(day);
                // the day segment must end after its digits or continue with a separator: "/06/", "/06-slug", not "/0612345"
                if (n is 1 or 2 && (day.Length == n || !char.IsLetterOrDigit(day[n])))
                    return Make(y, m, Int(day.AsSpan(0, n)), $"{y:D4}/{m:D2}/{day[..n]}");
                continue;
            }
            bool endsThere(int k) => s.Length == k || !char.IsLetterOrDigit(s[k]);
            // YYYY-MM-DD…
            if (s.Length >= 10 && AllDigits(s.AsSpan(0, 4)) && s[4] == '-' && AllDigits(s.AsSpan(5, 2)) && s[7] == '-' && AllDigits(s.AsSpan(8, 2)) && endsThere(10))
                return Make(Int(s.AsSpan(0, 4)), Int(s.AsSpan(5, 2)), Int(s.AsSpan(8, 2)), s[..10]);
            // YYYYMMDD… (a run of exactly 8 digits starting the segment)
            if (s.Length >= 9 && LeadingDigits(s) == 8 && !char.IsLetter(s[8]) && s[..2] is "19" or "20")
                return Make(Int(s.AsSpan(0, 4)), Int(s.AsSpan(4, 2)), Int(s.AsSpan(6, 2)), s[..8]);
            // DD-MM-YYYY… (day first, as European CMSs write slugs)
            if (s.Length >= 10 && AllDigits(s.AsSpan(0, 2)) && s[2] == '-' && AllDigits(s.AsSpan(3, 2)) && s[5] == '-' && AllDigits(s.AsSpan(6, 4)) && endsThere(10))
                return Make(Int(s.AsSpan(6, 4)), Int(s.AsSpan(3, 2)), Int(s.AsSpan(0, 2)), s[..10]);
        }
        return null;

        static int Int(ReadOnlySpan<char> d) => int.Parse(d, CultureInfo.InvariantCulture);
        // an impossible day (2021/02/30) or an implausible year: not a date, and no other segment is tried
        static PageDate? Make(int y, int m, int d, string raw) =>
            TryMake(y, m, d, 0, 0, 0, TimeSpan.Zero, out var v) && IsPlausible(v) ? new PageDate(raw, v, false, "url") : null;
    }

    static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return s.Length > 0;
    }

    static int LeadingDigits(string s)
    {
        int n = 0;
        while (n < s.Length && s[n] is >= '0' and <= '9') n++;
        return n;
    }

    // ---------------------------------------------------------------- tokens

    enum K : byte { Num, Word, Punct }

    readonly record struct Tok(K Kind, string Text, int Value, char P, bool SpaceBefore)
    {
        public int Len => Text.Length;
    }

    static List<Tok> Tokenize(string s)
    {
        var toks = new List<Tok>(24);
        int n = Math.Min(s.Length, MaxScan);
        int i = 0;
        bool space = false;
        while (i < n)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { space = true; i++; continue; }
            if (c is >= '0' and <= '9')
            {
                int st = i;
                while (i < n && s[i] is >= '0' and <= '9') i++;
                var t = s[st..i];
                int v = t.Length <= 9 ? int.Parse(t, CultureInfo.InvariantCulture) : -1;
                toks.Add(new Tok(K.Num, t, v, '\0', space));
            }
            else if (char.IsLetter(c))
            {
                if (c is '年' or '月' or '日')
                {
                    toks.Add(new Tok(K.Word, c.ToString(), 0, '\0', space));
                    i++;
                }
                else
                {
                    int st = i;
                    while (i < n && (char.IsLetter(s[i]) || char.GetUnicodeCategory(s[i]) == UnicodeCategory.NonSpacingMark) && s[i] is not ('年' or '月' or '日')) i++;
                    toks.Add(new Tok(K.Word, MetaText.Fold(s[st..i]), 0, '\0', space));
                }
            }
            else
            {
                toks.Add(new Tok(K.Punct, c.ToString(), 0, c, space));
                i++;
            }
            space = false;
        }
        return toks;
    }

    // ---------------------------------------------------------------- months

    static int Month(in Tok t) => t.Kind == K.Word ? DateWords.Month(t.Text) : 0;

    static bool IsOrdinalSuffix(in Tok t) => t.Kind == K.Word && !t.SpaceBefore
        && t.Text is "st" or "nd" or "rd" or "th" or "er" or "e" or "o" or "a" or "eme";

    // ---------------------------------------------------------------- scanning

    /// <summary>Finds the first full date in <paramref name="s"/> (or notes a partial one).</summary>
    public static Result Scan(string s)
    {
        var t = Tokenize(s);
        bool partial = false;
        for (int i = 0; i < t.Count; i++)
        {
            var r = TryAt(t, i, ref partial);
            if (r is { } ok) return ok;
        }
        return new Result(null, false, partial);
    }

    static Result? TryAt(List<Tok> t, int i, ref bool partial)
    {
        var a = t[i];
        int y, m, d, j;
        if (a.Kind == K.Num)
        {
            // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (ISO and its variants)
            if (a.Len == 4 && i + 4 < t.Count + 0 && IsSep(t, i + 1, out var sep) && Num(t, i + 2, 1, 2) && i + 3 < t.Count && t[i + 3].Kind == K.Punct && t[i + 3].P == sep && Num(t, i + 4, 1, 2))
            {
                y = a.Value; m = t[i + 2].Value; d = t[i + 4].Value; j = i + 5;
                return Finish(t, y, m, d, j, ref partial);
            }
            // YYYY-MM: a partial date
            if (a.Len == 4 && IsSep(t, i + 1, out _) && Num(t, i + 2, 2, 2) && (i + 3 >= t.Count || t[i + 3].Kind != K.Num))
            {
                if (a.Value >= MinYear && t[i + 2].Value is >= 1 and <= 12) partial = true;
                return null;
            }
            // 2022年7月6日
            if (a.Len == 4 && W(t, i + 1, "年") && Num(t, i + 2, 1, 2) && W(t, i + 3, "月") && Num(t, i + 4, 1, 2))
                return Finish(t, a.Value, t[i + 2].Value, t[i + 4].Value, W(t, i + 5, "日") ? i + 6 : i + 5, ref partial);
            // YYYYMMDD (compact ISO), only as a token of its own
            if (a.Len == 8 && (i + 1 >= t.Count || t[i + 1].Kind != K.Num))
            {
                y = a.Value / 10000; m = a.Value / 100 % 100; d = a.Value % 100;
                if (y >= MinYear && y < 2100) return Finish(t, y, m, d, i + 1, ref partial);
                return null;
            }
            // DD.MM.YYYY, DD-MM-YYYY (day first), MM/DD/YYYY (month first unless impossible)
            if (a.Len is 1 or 2 && IsSep(t, i + 1, out sep) && Num(t, i + 2, 1, 2) && i + 3 < t.Count && t[i + 3].Kind == K.Punct && t[i + 3].P == sep && Num(t, i + 4, 4, 4))
            {
                int first = a.Value, second = t[i + 2].Value;
                y = t[i + 4].Value;
                bool monthFirst = sep == '/' ? first <= 12 : second > 12;
                if (sep == '/' && second > 12) monthFirst = true;
                if (sep == '/' && first > 12) monthFirst = false;
                (m, d) = monthFirst ? (first, second) : (second, first);
                return Finish(t, y, m, d, i + 5, ref partial);
            }
            // DD.MM.YY (German short form "23.09.22"): dots only — "3/5/22" or "3-5-22" are too ambiguous
            if (a.Len is 1 or 2 && P(t, i + 1, '.') && Num(t, i + 2, 1, 2) && P(t, i + 3, '.') && Num(t, i + 4, 2, 2)
                && !t[i + 2].SpaceBefore && !t[i + 4].SpaceBefore && (i + 5 >= t.Count || !(P(t, i + 5, '.') && Num(t, i + 6, 1, 4))))
            {
                int yy = t[i + 4].Value;
                // a two-digit year is this century's when not in the future, else the last one's
                y = 2000 + yy <= DateTimeOffset.UtcNow.Year ? 2000 + yy : 1900 + yy;
                return Finish(t, y, t[i + 2].Value, a.Value, i + 5, ref partial);
            }
            // D[.|st|er] [de|of] Month[.] [,|de] YYYY
            if (a.Len is 1 or 2)
            {
                j = i + 1;
                if (j < t.Count && IsOrdinalSuffix(t[j])) j++;
                if (P(t, j, '.')) j++;
                if (W(t, j, "de") || W(t, j, "of") || W(t, j, "del")) j++;
                if (j < t.Count && (m = Month(t[j])) > 0)
                {
                    j++;
                    if (P(t, j, '.')) j++;
                    if (P(t, j, ',')) j++;
                    if (W(t, j, "de") || W(t, j, "del")) j++;
                    if (Num(t, j, 4, 4)) return Finish(t, t[j].Value, m, a.Value, j + 1, ref partial);
                }
            }
            return null;
        }
        if (a.Kind == K.Word && (m = Month(a)) > 0)
        {
            // Month[.] D[st][,] YYYY
            j = i + 1;
            if (P(t, j, '.')) j++;
            if (Num(t, j, 1, 2))
            {
                d = t[j].Value;
                j++;
                if (j < t.Count && IsOrdinalSuffix(t[j])) j++;
                if (P(t, j, ',')) j++;
                if (Num(t, j, 4, 4)) return Finish(t, t[j].Value, m, d, j + 1, ref partial);
                return null;
            }
            // Month [,|de] YYYY: month and year only — partial (never completed with a day)
            if (P(t, j, ',')) j++;
            if (W(t, j, "de")) j++;
            if (Num(t, j, 4, 4) && t[j].Value >= MinYear && (i == 0 || t[i - 1].Kind != K.Num)) partial = true;
        }
        return null;
    }

    static Result? Finish(List<Tok> t, int y, int m, int d, int j, ref bool partial)
    {
        var (hasTime, h, mi, sec, off, zone) = ReadTime(t, j);
        if (!TryMake(y, m, d, h, mi, sec, off, out var v))
        {
            if (!TryMake(y, m, d, 0, 0, 0, TimeSpan.Zero, out v)) return null;
            hasTime = false;
            zone = false;
        }
        return IsPlausible(v) ? new Result(v, hasTime, false, hasTime && zone) : null;
    }

    static (bool, int, int, int, TimeSpan, bool) ReadTime(List<Tok> t, int j)
    {
        // connectors between date and time: "T", ",", "at", "um", "a", "à", "-", "|", "·", "kl"
        for (int k = 0; k < 2 && j < t.Count; k++)
        {
            var c = t[j];
            if ((c.Kind == K.Word && c.Text is "t" or "at" or "um" or "a" or "a las" or "alle" or "om" or "as" or "kl" or "le")
                || (c.Kind == K.Punct && c.P is ',' or '-' or '|' or '·' or '/' or '@' or '–'))
                j++;
            else break;
        }
        if (!Num(t, j, 1, 2)) return (false, 0, 0, 0, TimeSpan.Zero, false);
        int h = t[j].Value;
        int mi;
        j++;
        if ((P(t, j, ':') || W(t, j, "h")) && Num(t, j + 1, 2, 2))
        {
            mi = t[j + 1].Value;
            j += 2;
        }
        else return (false, 0, 0, 0, TimeSpan.Zero, false);
        int sec = 0;
        if (P(t, j, ':') && Num(t, j + 1, 2, 2)) { sec = t[j + 1].Value; j += 2; }
        if (P(t, j, '.') && j + 1 < t.Count && t[j + 1].Kind == K.Num && !t[j + 1].SpaceBefore) j += 2; // fraction of a second
        // am / pm / a.m. / p.m.
        if (j < t.Count && t[j].Kind == K.Word)
        {
            var w = t[j].Text;
            bool pm = w is "pm" || (w == "p" && P(t, j + 1, '.') && W(t, j + 2, "m"));
            bool am = w is "am" || (w == "a" && P(t, j + 1, '.') && W(t, j + 2, "m"));
            if (pm || am)
            {
                if (h is < 1 or > 12) return (false, 0, 0, 0, TimeSpan.Zero, false);
                if (pm && h < 12) h += 12;
                if (am && h == 12) h = 0;
                j += w.Length == 2 ? 1 : 3;
                if (P(t, j, '.')) j++;
            }
        }
        if (h > 23 || mi > 59 || sec > 60) return (false, 0, 0, 0, TimeSpan.Zero, false);
        if (sec == 60) sec = 59;
        var (off, zone) = ReadZone(t, j);
        return (true, h, mi, sec, off, zone);
    }

    static readonly Dictionary<string, int> ZoneHours = new(StringComparer.Ordinal)
    {
        ["z"] = 0, ["gmt"] = 0, ["utc"] = 0, ["ut"] = 0, ["wet"] = 0,
        ["est"] = -5, ["edt"] = -4, ["cst"] = -6, ["cdt"] = -5, ["mst"] = -7, ["mdt"] = -6, ["pst"] = -8, ["pdt"] = -7,
        ["cet"] = 1, ["cest"] = 2, ["mez"] = 1, ["mesz"] = 2, ["bst"] = 1, ["eet"] = 2, ["eest"] = 3, ["ist"] = 0,
    };

    static (TimeSpan, bool) ReadZone(List<Tok> t, int j)
    {
        if (j >= t.Count) return (TimeSpan.Zero, false);
        var baseOff = TimeSpan.Zero;
        bool named = false;
        if (t[j].Kind == K.Word)
        {
            if (!ZoneHours.TryGetValue(t[j].Text, out var hours) || t[j].Text == "ist") return (TimeSpan.Zero, false);
            baseOff = TimeSpan.FromHours(hours);
            named = true;
            j++;
            if (hours != 0) return (baseOff, true);
        }
        if (j < t.Count && t[j].Kind == K.Punct && t[j].P is '+' or '-' or '−' && j + 1 < t.Count && t[j + 1].Kind == K.Num)
        {
            int sign = t[j].P == '+' ? 1 : -1;
            var n = t[j + 1];
            int hh, mm = 0;
            if (n.Len == 4) { hh = n.Value / 100; mm = n.Value % 100; }
            else if (n.Len is 1 or 2)
            {
                hh = n.Value;
                if (P(t, j + 2, ':') && Num(t, j + 3, 2, 2)) mm = t[j + 3].Value;
            }
            else return (baseOff, named);
            if (hh > 14 || mm > 59) return (baseOff, named);
            return (TimeSpan.FromMinutes(sign * (hh * 60 + mm)), true);
        }
        return (baseOff, named);
    }

    static bool TryMake(int y, int m, int d, int h, int mi, int s, TimeSpan off, out DateTimeOffset value)
    {
        value = default;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        try
        {
            value = new DateTimeOffset(y, m, d, h, mi, s, off);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static bool Num(List<Tok> t, int i, int minLen, int maxLen) =>
        i < t.Count && t[i].Kind == K.Num && t[i].Len >= minLen && t[i].Len <= maxLen;

    static bool P(List<Tok> t, int i, char c) => i < t.Count && t[i].Kind == K.Punct && t[i].P == c;

    static bool W(List<Tok> t, int i, string w) => i < t.Count && t[i].Kind == K.Word && t[i].Text == w;

    static bool IsSep(List<Tok> t, int i, out char sep)
    {
        sep = '\0';
        if (i >= t.Count || t[i].Kind != K.Punct || t[i].P is not ('-' or '/' or '.')) return false;
        sep = t[i].P;
        return true;
    }
}
