namespace Winnow.Metadata;

/// <summary>
/// Puts a stated UTC instant into the page's own time zone, so its calendar day is the page's.
/// JSON-LD and meta tags often state the instant in UTC ("2022-05-04T03:37:37+00:00") while the
/// page says "3 May 2022, 11:37 pm": the day of publication is the day where it was published.
/// Evidence, in order: (1) another source stating the same instant with a non-zero offset
/// (meta date "… 00:04:00 +0200" beside JSON-LD "…T22:04:00Z"); (2) the visible date line's wall
/// time, whose difference from the UTC time is the offset ("November 8, 2023 at 11:30 p.m." vs
/// "2023-11-09T05:30:59Z" → −06:00); (3) a visible &lt;time&gt; without time one day off the UTC day, which
/// some zone explains (the visible day is taken, without time). No evidence: the instant is kept as stated.
/// </summary>
internal static class DateLocaliser
{
    // Same instant: within a minute (sources round seconds differently: "…:00" vs "…:00.824Z").
    static readonly TimeSpan SameInstant = TimeSpan.FromMinutes(1);
    // Real UTC offsets lie in −12:00 … +14:00.
    static readonly TimeSpan MinOffset = TimeSpan.FromHours(-12), MaxOffset = TimeSpan.FromHours(14);

    /// <summary>The stated date in the page's zone when evidence gives it; else the stated date unchanged.</summary>
    public static PageDate Localise(PageDate stated, IReadOnlyList<PageDate> otherStated, IReadOnlyList<PageDate> visible)
    {
        if (stated.Value is not { } v || !stated.HasTime || v.Offset != TimeSpan.Zero) return stated;
        foreach (var w in otherStated.Concat(visible))
            if (w.HasTime && w.Value is { } wv && wv.Offset != TimeSpan.Zero && (wv - v).Duration() <= SameInstant)
                return stated with { Value = v.ToOffset(wv.Offset) };
        foreach (var w in visible)
        {
            if (!w.HasTime || w.Value is not { } wv || DateParsing.Scan(w.Raw).HasZone) continue;
            foreach (var wall in Readings(w.Raw, wv))
            {
                var diff = wall.DateTime - v.UtcDateTime;
                // offsets are whole quarter hours; a visible time is written to the minute
                var offset = TimeSpan.FromMinutes(Math.Round(diff.TotalMinutes / 15) * 15);
                if ((diff - offset).Duration() <= SameInstant && offset >= MinOffset && offset <= MaxOffset && offset != TimeSpan.Zero)
                    return stated with { Value = v.ToOffset(offset) };
            }
        }
        foreach (var w in visible)
        {
            // only a <time>'s day: a classed date line above the headline may be the site header's
            // "today" (infobae: "Miércoles 4 de Mayo" over a story of 3 May 20:51 UTC)
            if (w.HasTime || w.Value is not { } wv || !w.Source.StartsWith(VisibleDates.SourcePrefix + "time", StringComparison.Ordinal)) continue;
            var day = wv.Date;
            if (day == v.UtcDateTime.Date) return stated;
            var early = (v.UtcDateTime + MinOffset).Date;
            var late = (v.UtcDateTime + MaxOffset).Date;
            if (day >= early && day <= late) return w with { Source = w.Source + "+" + stated.Source };
            return stated;
        }
        return stated;
    }

    /// <summary>
    /// The wall time as parsed, and for a slashed numeric date whose day and month could swap
    /// ("3/5/2022 22:41" is read month-first) the day-first reading too: the stated instant tells
    /// which one the page meant (eldeber: 3 May 22:41 at −04:00 = 4 May 02:41 UTC).
    /// </summary>
    static IEnumerable<DateTimeOffset> Readings(string raw, DateTimeOffset wall)
    {
        yield return wall;
        if (wall.Day <= 12 && wall.Day != wall.Month && raw.Contains('/') && !raw.Any(char.IsLetter))
            yield return new DateTimeOffset(wall.Year, wall.Day, wall.Month, wall.Hour, wall.Minute, wall.Second, wall.Offset);
    }

    /// <summary>A visible date on its own: its datetime attribute in UTC is put into the zone its text's wall time shows.</summary>
    public static PageDate Localise(IReadOnlyList<PageDate> readings) =>
        readings.Count > 1 ? Localise(readings[0], [], readings.Skip(1).ToList()) : readings[0];
}
