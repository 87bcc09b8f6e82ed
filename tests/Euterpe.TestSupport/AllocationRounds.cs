namespace Euterpe.TestSupport;

/// <summary>The bytes each round of <see cref="ThreadAllocations.Measure"/> allocated on the measuring thread.</summary>
public sealed record AllocationRounds(long[] Bytes)
{
    /// <summary>
    /// True when some round allocated nothing and no round more than the runtime's one-off: the work itself allocates
    /// nothing in steady state.
    /// </summary>
    public bool NoneInSteadyState => Bytes.Min() == 0 && Bytes.Max() <= ThreadAllocations.RuntimeOneOffBytes;

    public override string ToString() => "bytes allocated per round: " + string.Join(", ", Bytes);
}
