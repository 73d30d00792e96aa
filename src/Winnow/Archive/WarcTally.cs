using System.Collections.Immutable;

namespace Winnow.Archive;

/// <summary>
/// What a <see cref="WarcReader"/> found: every complete record counted by WARC-Type (yielded or skipped),
/// and every damaged stretch with its file offset.
/// </summary>
public sealed record WarcTally(ImmutableSortedDictionary<string, int> RecordsByType, int Yielded, ImmutableArray<WarcDamage> Damage)
{
    public int Records => RecordsByType.Values.Sum();

    /// <summary>Records of a type (0 when none).</summary>
    public int Count(string type) => RecordsByType.GetValueOrDefault(type);
}
