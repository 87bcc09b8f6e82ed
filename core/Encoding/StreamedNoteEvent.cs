namespace Euterpe.Core.Encoding;

/// <summary>A note starting or stopping at a time (seconds from the start of the token stream).</summary>
public readonly record struct StreamedNoteEvent(bool IsNoteOn, int Pitch, int Velocity, double Seconds);
