namespace Euterpe.Core.Encoding;

/// <summary>
/// Shape of a Performance-RNN vocabulary. The defaults are note-seq's: all 128 pitches,
/// 10 ms time steps, shifts of up to 100 steps (1 s), 32 velocity bins (388 tokens).
/// </summary>
public sealed record PerformanceEncodingOptions
{
    public int MinPitch { get; set; } = 0;

    public int MaxPitch { get; set; } = 127;

    /// <summary>Length of one time step in seconds.</summary>
    public double StepSeconds { get; set; } = 0.01;

    /// <summary>Largest single TIME_SHIFT, in steps; longer gaps use several shifts.</summary>
    public int MaxShiftSteps { get; set; } = 100;

    /// <summary>Number of velocity bins; 0 drops velocity events (every note decodes at <see cref="DefaultVelocity"/>).</summary>
    public int VelocityBins { get; set; } = 32;

    /// <summary>Velocity of notes decoded before any VELOCITY event (or always, with no bins).</summary>
    public int DefaultVelocity { get; set; } = 64;

    /// <summary>Drum notes have no pitch in the melodic sense; by default they are left out.</summary>
    public bool IncludeDrums { get; set; }

    internal void Validate()
    {
        if (MinPitch < 0 || MaxPitch > 127 || MinPitch > MaxPitch)
            throw new ArgumentOutOfRangeException(nameof(MinPitch), $"pitch range {MinPitch}..{MaxPitch} is not inside 0..127");
        if (!(StepSeconds > 0) || double.IsInfinity(StepSeconds))
            throw new ArgumentOutOfRangeException(nameof(StepSeconds), "step must be a positive number of seconds");
        if (MaxShiftSteps < 1) throw new ArgumentOutOfRangeException(nameof(MaxShiftSteps), "at least one time-shift token is needed");
        if (VelocityBins is < 0 or > 127) throw new ArgumentOutOfRangeException(nameof(VelocityBins), "velocity bins must be 0..127");
        if (DefaultVelocity is < 1 or > 127) throw new ArgumentOutOfRangeException(nameof(DefaultVelocity), "default velocity must be 1..127");
    }
}
