namespace Euterpe.Plugin.Generation;

/// <summary>A note played into the event input, stamped with its beat (audio thread → worker, for follow input and clips).</summary>
public readonly record struct InputNote(double Beat, short Pitch, short Velocity, bool IsNoteOn);
