namespace Euterpe.Plugin.Generation;

/// <summary>A note-on or note-off <see cref="TransportPlayback"/> plays at a sample offset of the block on MIDI channel <see cref="Channel"/> (0–15); velocity 0–1.</summary>
public readonly record struct PlaybackNote(int SampleOffset, short Pitch, float Velocity, bool IsNoteOn, short Channel = 0);
