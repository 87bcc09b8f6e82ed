namespace Euterpe.Host.Jack;

/// <summary>What a JACK session measured: xruns, and process() time as a fraction of the period.</summary>
public sealed record PlayResult(
    int SampleRate,
    int Period,
    double Seconds,
    long Callbacks,
    int Xruns,
    double MedianLoad,
    double P99Load,
    double MaxLoad,
    long AllocatingCallbacks,
    long ProcessErrors,
    int FileEventsSent,
    long JackMidiEventsReceived,
    IReadOnlyList<string> Connections,
    float Peak)
{
    /// <summary>Callbacks whose process time exceeded one period (each would be an xrun on a real card).</summary>
    public long OverPeriodCallbacks { get; init; }
    /// <summary>How the JACK process thread was scheduled (SCHED_FIFO when jackd runs with -R and rtprio is allowed).</summary>
    public string ThreadPolicy { get; init; } = "unknown";
    /// <summary>Whether mlockall(MCL_CURRENT) succeeded before activation.</summary>
    public bool MemoryLocked { get; init; }
    /// <summary>Garbage collections in the process while playing: each one stops the JACK thread too while it runs managed code.</summary>
    public int GarbageCollections { get; init; }
}
