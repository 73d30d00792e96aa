using System.Collections.Immutable;
using AngleSharp.Dom;

namespace Winnow.Cleaning;

/// <summary>Counts what was removed and why, with one example per reason, for the diagnostics.</summary>
internal sealed class RemovalLog
{
    readonly Dictionary<string, (int Count, string? Example)> _entries = new(StringComparer.Ordinal);

    public void Add(string reason, IElement element)
    {
        if (_entries.TryGetValue(reason, out var e)) _entries[reason] = (e.Count + 1, e.Example);
        else _entries[reason] = (1, Describe(element));
    }

    public ImmutableArray<RemovalReport> ToReports()
        => _entries.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new RemovalReport(kv.Key, kv.Value.Count, kv.Value.Example)).ToImmutableArray();

    /// <summary>A short CSS-like description: tag#id.class.</summary>
    public static string Describe(IElement e)
    {
        var s = e.LocalName;
        if (!string.IsNullOrEmpty(e.Id)) s += "#" + e.Id;
        var cls = e.ClassName;
        if (!string.IsNullOrWhiteSpace(cls))
            s += "." + string.Join('.', cls.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(3));
        return s.Length > 80 ? s[..80] : s;
    }
}
