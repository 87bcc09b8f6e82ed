namespace Euterpe.Host.Jack;

/// <summary>What a JACK session measured: xruns, and process() time as a fraction of the period.</summary>
public sealed record PlayResult(
    int SampleRate,
    int Period,
    double Seconds,
    long Callbacks,
    int Xruns,
    double MedianLoad,
    double P99Load,
    double MaxLoad,
    long AllocatingCallbacks,
    long ProcessErrors,
    int FileEventsSent,
    long JackMidiEventsReceived,
    IReadOnlyList<string> Connections,
    float Peak);
