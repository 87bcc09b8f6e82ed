namespace Euterpe.Plugin.Generation;

/// <summary>
/// A note event handed from the worker to the audio thread: musical time in quarter-note beats from the
/// project start, the restart epoch it belongs to (events of an older epoch are dropped), and its MIDI channel
/// (0–15; 9 is channel 10, drums): 0 for the single-part models, one per instrument family for the multi-track GAN.
/// </summary>
public readonly record struct GeneratedNote(double Beat, short Pitch, short Velocity, bool IsNoteOn, int Epoch, short Channel = 0);
