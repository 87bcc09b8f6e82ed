namespace Euterpe.Plugin.Generation;

/// <summary>
/// A note event as the editor's piano roll shows it: its beat from the project start, pitch, velocity, on or off, the
/// restart epoch it belongs to, its MIDI channel, and whether it was played into the input (else the model made it).
/// </summary>
public readonly record struct TimelineNote(double Beat, short Pitch, short Velocity, bool IsNoteOn, int Epoch, short Channel, bool IsInput);
