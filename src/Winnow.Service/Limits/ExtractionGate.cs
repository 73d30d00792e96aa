namespace Winnow.Service.Limits;

/// <summary>
/// Bounds the extractions running at once and the requests waiting for one: extraction is CPU
/// work, so running more at once than there are cores only adds latency. A request that finds
/// the queue full is turned away at once (503 with Retry-After) instead of piling up memory.
/// </summary>
public sealed class ExtractionGate : IDisposable
{
    readonly SemaphoreSlim _slots;
    readonly int _maxWaiting;
    int _waiting;

    public ExtractionGate(int concurrent, int maxWaiting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWaiting);
        _slots = new SemaphoreSlim(concurrent, concurrent);
        _maxWaiting = maxWaiting;
    }

    /// <summary>Requests waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a slot, waiting in the queue if needed; null when the queue is full.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken token)
    {
        if (_slots.Wait(0)) return new Slot(_slots);
        if (Interlocked.Increment(ref _waiting) > _maxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }
        try
        {
            await _slots.WaitAsync(token).ConfigureAwait(false);
            return new Slot(_slots);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
