namespace Euterpe.Core.Families.Refine;

/// <summary>A note-on or note-off the <see cref="NoteHumanizer"/> gives back, at a beat of the host's timeline.</summary>
public readonly record struct HumanizedEvent(double Beat, int Pitch, int Velocity, bool IsNoteOn);
