namespace Euterpe.Core.Generation;

/// <summary>A note starting or stopping at <see cref="Time"/>, in the generator's own time unit (see <see cref="ModelTimeUnit"/>).</summary>
public readonly record struct ModelNoteEvent(bool IsNoteOn, int Pitch, int Velocity, double Time);
