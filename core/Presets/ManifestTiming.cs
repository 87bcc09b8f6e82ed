namespace Euterpe.Core.Presets;

/// <summary>How one model step maps to time; a family sets the fields that apply to it.</summary>
public sealed class ManifestTiming
{
    /// <summary>Seconds per TIME_SHIFT step (performance events).</summary>
    public double? SecondsPerStep { get; set; }

    /// <summary>Grid steps per quarter-note beat (piano rolls, note tokens).</summary>
    public double? StepsPerBeat { get; set; }

    /// <summary>Samples between successive audio frames.</summary>
    public int? FrameHopSamples { get; set; }
}
