namespace Euterpe.Core.Music;

/// <summary>A tempo change at a tick, in MIDI's own unit (microseconds per quarter note).</summary>
public readonly record struct TempoChange(long Tick, int MicrosecondsPerQuarter)
{
    public const int DefaultMicrosecondsPerQuarter = 500_000; // 120 bpm, the SMF default

    public double Bpm => 60_000_000.0 / MicrosecondsPerQuarter;

    public static TempoChange FromBpm(long tick, double bpm) => new(tick, (int)Math.Round(60_000_000.0 / bpm));
}
