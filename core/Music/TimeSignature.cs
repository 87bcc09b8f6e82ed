namespace Euterpe.Core.Music;

/// <summary>A time signature change; <see cref="Denominator"/> is the real value (4, 8…), not MIDI's power of two.</summary>
public readonly record struct TimeSignature(long Tick, int Numerator, int Denominator)
{
    public static readonly TimeSignature Common = new(0, 4, 4);

    /// <summary>Length of one bar in quarter notes.</summary>
    public double QuartersPerBar => Numerator * 4.0 / Denominator;
}
