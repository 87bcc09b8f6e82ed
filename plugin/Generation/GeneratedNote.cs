namespace Euterpe.Plugin.Generation;

/// <summary>
/// A note event handed from the worker to the audio thread: musical time in quarter-note beats from the
/// project start, and the restart epoch it belongs to (events of an older epoch are dropped).
/// </summary>
public readonly record struct GeneratedNote(double Beat, short Pitch, short Velocity, bool IsNoteOn, int Epoch);
