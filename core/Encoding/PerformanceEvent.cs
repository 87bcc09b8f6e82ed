namespace Euterpe.Core.Encoding;

/// <summary>
/// One Performance-RNN event. <see cref="Value"/> is a MIDI pitch for note events, a number of steps
/// (1…max) for a time shift, and a velocity bin (1…bins) for a velocity change.
/// </summary>
public readonly record struct PerformanceEvent(PerformanceEventType Type, int Value)
{
    public static PerformanceEvent NoteOn(int pitch) => new(PerformanceEventType.NoteOn, pitch);

    public static PerformanceEvent NoteOff(int pitch) => new(PerformanceEventType.NoteOff, pitch);

    public static PerformanceEvent TimeShift(int steps) => new(PerformanceEventType.TimeShift, steps);

    public static PerformanceEvent Velocity(int bin) => new(PerformanceEventType.Velocity, bin);

    /// <summary>The token name, e.g. NOTE_ON_60, TIME_SHIFT_10, VELOCITY_5.</summary>
    public override string ToString() => Type switch
    {
        PerformanceEventType.NoteOn => $"NOTE_ON_{Value}",
        PerformanceEventType.NoteOff => $"NOTE_OFF_{Value}",
        PerformanceEventType.TimeShift => $"TIME_SHIFT_{Value}",
        _ => $"VELOCITY_{Value}",
    };
}
