namespace Euterpe.Core.Encoding;

/// <summary>The four kinds of Performance-RNN event, in vocabulary order.</summary>
public enum PerformanceEventType
{
    NoteOn,
    NoteOff,
    TimeShift,
    Velocity,
}
