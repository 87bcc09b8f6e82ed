namespace Euterpe.Host;

/// <summary>A note on or off at an absolute sample position of the render (or of the JACK transport).</summary>
public readonly record struct ScheduledEvent(long Sample, bool IsNoteOn, short Pitch, float Velocity, short Channel);
