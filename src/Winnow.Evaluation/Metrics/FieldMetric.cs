using Winnow.Evaluation.Json;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Metrics;

/// <summary>score.py's (iii): exact match of normalised metadata fields, where the gold has the field.</summary>
public static class FieldMetric
{
    /// <summary>The scored fields, in score.py's order (the order of its <c>FIELDS</c> dict and of the report).</summary>
    public static IReadOnlyList<string> Fields { get; } = ["title", "author", "date", "site_name", "language"];

    /// <summary>score.py's <c>field_match</c>: null when the gold lacks the field, else whether the prediction matches.</summary>
    public static bool? Match(string field, object? gold, object? pred)
    {
        Func<object?, string?> normalise = field switch
        {
            "title" or "author" or "site_name" => NormText,
            "date" => NormDate,
            "language" => NormLang,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a scored field"),
        };
        string? g = normalise(gold);
        if (string.IsNullOrEmpty(g)) return null;
        string? p = normalise(pred);
        return p is not null && p == g;
    }

    /// <summary>score.py's <c>norm_text</c>: whitespace collapsed, stripped, casefolded.</summary>
    public static string? NormText(object? v)
    {
        string? text = PyValue.AsText(v);
        return text is null ? null : CaseFold.Fold(PyText.NormWs(text));
    }

    /// <summary>
    /// score.py's <c>norm_date</c>: the first <c>(\d{4})[-./](\d{1,2})[-./](\d{1,2})</c> (Unicode digits), as
    /// "year-month-day" of their integer values, so "2020-1-5" equals "2020/01/05"; null without a match.
    /// </summary>
    public static string? NormDate(object? v)
    {
        string? text = PyValue.AsText(v);
        if (string.IsNullOrEmpty(text)) return null;
        var cps = new List<int>(text.Length);
        for (int i = 0; i < text.Length;)
        {
            cps.Add(CodePoints.At(text, i, out int width));
            i += width;
        }
        for (int start = 0; start < cps.Count; start++)
        {
            var m = MatchDateAt(cps, start);
            if (m is not null) return m;
        }
        return null;
    }

    /// <summary>The regex's match anchored at <paramref name="start"/>, with its backtracking order (greedy \d{1,2}).</summary>
    static string? MatchDateAt(List<int> cps, int start)
    {
        int pos = start;
        long year = 0;
        for (int k = 0; k < 4; k++, pos++)
        {
            int d = pos < cps.Count ? PyText.DecimalValue(cps[pos]) : -1;
            if (d < 0) return null;
            year = year * 10 + d;
        }
        if (!IsSeparator(cps, pos)) return null;
        pos++;
        foreach (int monthLen in new[] { 2, 1 })
        {
            if (!ReadDigits(cps, pos, monthLen, out int month)) continue;
            int after = pos + monthLen;
            if (!IsSeparator(cps, after)) continue;
            int dayStart = after + 1;
            // The last group is greedy and nothing follows it, so two digits when there are two.
            if (ReadDigits(cps, dayStart, 2, out int day) || ReadDigits(cps, dayStart, 1, out day))
                return $"{year}-{month}-{day}";
        }
        return null;
    }

    static bool IsSeparator(List<int> cps, int pos) => pos < cps.Count && cps[pos] is '-' or '.' or '/';

    static bool ReadDigits(List<int> cps, int pos, int count, out int value)
    {
        value = 0;
        for (int k = 0; k < count; k++)
        {
            int d = pos + k < cps.Count ? PyText.DecimalValue(cps[pos + k]) : -1;
            if (d < 0) return false;
            value = value * 10 + d;
        }
        return true;
    }

    /// <summary>score.py's <c>norm_lang</c>: the normalised text up to the first "-" or "_".</summary>
    public static string? NormLang(object? v)
    {
        string? text = NormText(v);
        if (string.IsNullOrEmpty(text)) return null;
        int cut = text.IndexOfAny(['-', '_']);
        return cut < 0 ? text : text[..cut];
    }
}
