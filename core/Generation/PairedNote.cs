namespace Euterpe.Core.Generation;

/// <summary>A note from <see cref="NotePairing"/>, in the generator's time unit.</summary>
public readonly record struct PairedNote(int Pitch, int Velocity, double Start, double End, int Channel = 0);
