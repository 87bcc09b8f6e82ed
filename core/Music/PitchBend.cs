namespace Euterpe.Core.Music;

/// <summary>A pitch-bend event; <see cref="Value"/> is signed, −8192…8191, 0 = centre.</summary>
public readonly record struct PitchBend(long Tick, double Seconds, int Channel, int Value, int Track = 0);
