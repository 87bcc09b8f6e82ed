namespace Euterpe.Core.Music;

/// <summary>A program (instrument) change on a channel.</summary>
public readonly record struct ProgramChange(long Tick, double Seconds, int Channel, int Program, int Track = 0);
