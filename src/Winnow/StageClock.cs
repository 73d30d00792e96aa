using System.Collections.Immutable;
using System.Diagnostics;

namespace Winnow;

/// <summary>
/// Times the stages of one extraction: each <see cref="Lap"/> charges the time since the last lap
/// to a stage. Two timestamp reads per stage (≈ 25 ns each): nothing next to a page's milliseconds.
/// One per call, never shared.
/// </summary>
internal sealed class StageClock
{
    public const string Decode = "decode";
    public const string Parse = "parse";
    public const string Metadata = "metadata";
    public const string Content = "content";
    public const string Comments = "comments";
    public const string Language = "language";

    readonly List<(string Stage, long Ticks)> _laps = new(6);
    long _last = Stopwatch.GetTimestamp();

    public StageClock(long decodeTicks = 0)
    {
        if (decodeTicks > 0) _laps.Add((Decode, decodeTicks));
    }

    /// <summary>Charges the time since the previous lap to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        var ticks = now - _last;
        _last = now;
        for (int i = 0; i < _laps.Count; i++)
            if (_laps[i].Stage == stage) { _laps[i] = (stage, _laps[i].Ticks + ticks); return; }
        _laps.Add((stage, ticks));
    }

    public ImmutableArray<StageTiming> Report()
    {
        var b = ImmutableArray.CreateBuilder<StageTiming>(_laps.Count);
        foreach (var (stage, ticks) in _laps) b.Add(new StageTiming(stage, ticks * 1000.0 / Stopwatch.Frequency));
        return b.MoveToImmutable();
    }
}
