namespace Euterpe.Core.Music;

/// <summary>
/// One sounding note. Times are kept both in ticks (exact, for MIDI round trips) and in seconds
/// (derived from the tempo map, for models that think in wall-clock time).
/// </summary>
public readonly record struct Note(
    int Pitch,
    int Velocity,
    long StartTick,
    long EndTick,
    double StartSeconds,
    double EndSeconds,
    int Channel = 0,
    int Program = 0,
    bool IsDrum = false,
    int Track = 0)
{
    public long DurationTicks => EndTick - StartTick;

    public double DurationSeconds => EndSeconds - StartSeconds;
}
