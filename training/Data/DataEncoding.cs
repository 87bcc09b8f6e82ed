namespace Euterpe.Training.Data;

/// <summary>How a prepared cache encodes its pieces.</summary>
public enum DataEncoding
{
    /// <summary>Performance-RNN events (<see cref="Core.Encoding.PerformanceEncoding"/>) plus per-piece conditioning features.</summary>
    Performance,

    /// <summary>Melody tokens (<see cref="Core.Encoding.MonophonicNoteEncoding"/>), stored as joint tokens.</summary>
    Notes,
}
