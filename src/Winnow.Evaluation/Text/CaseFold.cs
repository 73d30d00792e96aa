using System.Text;

namespace Winnow.Evaluation.Text;

/// <summary>
/// Python's <c>str.casefold()</c>: full Unicode case folding, code point by code point, from a table
/// generated with Python (<c>gen_casefold_table.py</c>). .NET's <c>ToLowerInvariant</c> is not a
/// substitute: it differs on 298 code points (ß → ss, ﬁ → fi, ς → σ, ſ → s, Cherokee, Greek iota
/// subscripts, …).
/// </summary>
internal static partial class CaseFold
{
    /// <summary>The lookup maps, built on first use (after the generated tables, which live in another part of this partial class).</summary>
    static class Maps
    {
        public static readonly Dictionary<int, int> Single = BuildSingle();
        public static readonly Dictionary<int, string> Multi = MultiFoldings.ToDictionary(m => m.CodePoint, m => m.Folded);
    }

    static Dictionary<int, int> BuildSingle()
    {
        var map = new Dictionary<int, int>();
        for (int i = 0; i < SingleRuns.Length; i += 4)
        {
            int start = SingleRuns[i], end = SingleRuns[i + 1], step = Math.Max(1, SingleRuns[i + 2]), delta = SingleRuns[i + 3];
            for (int cp = start; cp <= end; cp += step) map[cp] = cp + delta;
        }
        return map;
    }

    /// <summary>The case-folded string.</summary>
    public static string Fold(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePoints.At(s, i, out int width);
            string? replacement = null;
            if (Maps.Multi.TryGetValue(cp, out var multi)) replacement = multi;
            else if (Maps.Single.TryGetValue(cp, out int folded)) replacement = char.ConvertFromUtf32(folded);
            if (replacement is not null && sb is null) sb = new StringBuilder(s.Length + 8).Append(s, 0, i);
            if (sb is not null)
            {
                if (replacement is not null) sb.Append(replacement);
                else sb.Append(s, i, width);
            }
            i += width;
        }
        return sb?.ToString() ?? s;
    }
}
