namespace Euterpe.Host;

/// <summary>What a render did: frames written, events in and out, edits the controller reported, how long it took.</summary>
public sealed record RenderResult(
    long Frames,
    int SampleRate,
    int Channels,
    int InputEvents,
    int OutputNoteOns,
    float Peak,
    TimeSpan Elapsed,
    bool StateRoundTripIdentical,
    string PresetNote,
    IReadOnlyList<ComponentEdit> ControllerEdits)
{
    public double Seconds => (double)Frames / SampleRate;

    /// <summary>Seconds of music per second of wall time.</summary>
    public double Speed => Elapsed.TotalSeconds > 0 ? Seconds / Elapsed.TotalSeconds : double.PositiveInfinity;
}
