namespace Euterpe.Core.Encoding;

/// <summary>
/// One melody event as a (pitch, duration) pair of indices: <see cref="PitchToken"/> is 0…pitches−1 for
/// MinPitch…MaxPitch or <see cref="MonophonicNoteEncoding.RestPitchToken"/> for a rest;
/// <see cref="DurationToken"/> indexes the duration vocabulary.
/// </summary>
public readonly record struct MonophonicToken(int PitchToken, int DurationToken);
