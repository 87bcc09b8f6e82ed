namespace Euterpe.Training.Data;

/// <summary>How a prepared cache encodes its pieces.</summary>
public enum DataEncoding
{
    /// <summary>Performance-RNN events (<see cref="Core.Encoding.PerformanceEncoding"/>) plus per-piece conditioning features.</summary>
    Performance,

    /// <summary>Melody tokens (<see cref="Core.Encoding.MonophonicNoteEncoding"/>), stored as joint tokens.</summary>
    Notes,

    /// <summary>
    /// ABC text a character a token (<see cref="Core.Encoding.AbcCharacterEncoding"/>: each piece's plain melody as an ABC
    /// body, <c>[0, characters…, 0]</c>) plus the conditioning features of that melody.
    /// </summary>
    Abc,
}
