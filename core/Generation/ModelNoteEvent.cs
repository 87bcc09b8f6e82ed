namespace Euterpe.Core.Generation;

/// <summary>
/// A note starting or stopping at <see cref="Time"/>, in the generator's own time unit (see <see cref="ModelTimeUnit"/>),
/// on MIDI channel <see cref="Channel"/> (0–15; 9 is channel 10, drums): 0 for the single-part models, one channel per
/// instrument family for the multi-track GAN.
/// </summary>
public readonly record struct ModelNoteEvent(bool IsNoteOn, int Pitch, int Velocity, double Time, int Channel = 0);
