namespace Euterpe.TestSupport;

/// <summary>
/// Measures what the calling thread allocates over several rounds of the same steady-state work. The runtime now and
/// then allocates a few kilobytes of its own on whatever thread crosses a tiering threshold (3,680, 5,216 and 6,800
/// bytes, once each, in full-suite runs); code that allocates per block, step or event shows in every round instead.
/// </summary>
public static class ThreadAllocations
{
    /// <summary>The most a round may show of the runtime's own one-off allocation.</summary>
    public const long RuntimeOneOffBytes = 16 * 1024;

    /// <summary>Runs <paramref name="round"/> <paramref name="rounds"/> times (round index given) and returns the bytes each allocated.</summary>
    public static AllocationRounds Measure(int rounds, Action<int> round)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 2);
        var bytes = new long[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round(i);
            bytes[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return new AllocationRounds(bytes);
    }
}
