using System.Collections.Immutable;
using System.Diagnostics;

namespace Winnow;

/// <summary>
/// Times the stages of one extraction: each <see cref="Lap"/> charges the time since the last lap, and the bytes the
/// thread allocated since then, to a stage. Two timestamp reads and two allocation-counter reads per stage (tens of
/// nanoseconds): nothing next to a page's milliseconds. One per call, never shared.
/// </summary>
internal sealed class StageClock
{
    public const string Decode = "decode";
    public const string Parse = "parse";
    public const string Metadata = "metadata";
    public const string Content = "content";
    public const string Comments = "comments";
    public const string Language = "language";

    readonly List<(string Stage, long Ticks, long Bytes)> _laps = new(6);
    long _last = Stopwatch.GetTimestamp();
    long _lastBytes = GC.GetAllocatedBytesForCurrentThread();

    public StageClock(long decodeTicks = 0)
    {
        // the decoder ran before the clock: its time is handed in, its allocations are not counted
        if (decodeTicks > 0) _laps.Add((Decode, decodeTicks, 0));
    }

    /// <summary>Charges the time since the previous lap to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        var bytesNow = GC.GetAllocatedBytesForCurrentThread();
        var ticks = now - _last;
        var bytes = bytesNow - _lastBytes;
        _last = now;
        _lastBytes = bytesNow;
        for (int i = 0; i < _laps.Count; i++)
            if (_laps[i].Stage == stage) { _laps[i] = (stage, _laps[i].Ticks + ticks, _laps[i].Bytes + bytes); return; }
        _laps.Add((stage, ticks, bytes));
    }

    public ImmutableArray<StageTiming> Report()
    {
        var b = ImmutableArray.CreateBuilder<StageTiming>(_laps.Count);
        foreach (var (stage, ticks, bytes) in _laps) b.Add(new StageTiming(stage, ticks * 1000.0 / Stopwatch.Frequency, bytes));
        return b.MoveToImmutable();
    }
}
